from sqlalchemy import Boolean, Column, Integer, Text
from sqlalchemy.orm import declarative_base

Base = declarative_base()


class Account(Base):
    __tablename__ = "accounts"

    id = Column(Integer, primary_key=True)
    flag = Column("old_flag", Boolean)
    note = Column(Text)
