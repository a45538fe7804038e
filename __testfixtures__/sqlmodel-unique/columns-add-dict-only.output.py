from sqlalchemy import Column, Integer, UniqueConstraint
from sqlalchemy.orm import declarative_base

Base = declarative_base()


class Member(Base):
    __tablename__ = 'members'
    __table_args__ = (UniqueConstraint('team_id', 'user_id'), {'schema': 'billing'})

    id = Column(Integer, primary_key=True)
    team_id = Column(Integer, nullable=False)
    user_id = Column(Integer, nullable=False)
