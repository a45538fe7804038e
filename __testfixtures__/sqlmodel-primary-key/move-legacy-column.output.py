from sqlalchemy import Column, Integer, String
from sqlalchemy.orm import declarative_base

Base = declarative_base()


class User(Base):
    __tablename__ = "users"

    legacy_id = Column(Integer, nullable=False)
    id = Column(String(36), nullable=False, primary_key=True)
