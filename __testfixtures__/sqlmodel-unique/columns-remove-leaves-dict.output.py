from sqlalchemy import Column, Integer
from sqlalchemy.orm import declarative_base

Base = declarative_base()


class Member(Base):
    __tablename__ = "members"
    __table_args__ = {"schema": "billing"}

    id = Column(Integer, primary_key=True)
    team_id = Column(Integer, nullable=False)
    user_id = Column(Integer, nullable=False)
