import sqlalchemy as sa
from sqlalchemy import Column, Integer, Text
from sqlalchemy.orm import declarative_base

Base = declarative_base()


class Ledger(Base):
    __tablename__ = "ledger"

    id = Column(Text, primary_key=True)
    amount = Column("amount", Integer, nullable=False, server_default=sa.text("0"))
