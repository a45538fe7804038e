from sqlalchemy import Column, Integer, String
from sqlalchemy.orm import declarative_base

Base = declarative_base()


class User(Base):
    __tablename__ = "users"

    legacy_id = Column(Integer, primary_key=True)
    id = Column(String(36), nullable=False)
