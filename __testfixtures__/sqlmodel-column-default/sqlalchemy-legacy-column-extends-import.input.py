from sqlalchemy import Column, Integer, String
from sqlalchemy.orm import declarative_base

Base = declarative_base()


class Counter(Base):
    __tablename__ = "counters"

    id = Column(Integer, primary_key=True)
    name = Column(String(64), nullable=False)
    hits = Column(Integer, nullable=False)
