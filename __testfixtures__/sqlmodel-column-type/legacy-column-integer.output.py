import sqlalchemy as sa
from sqlalchemy import Column, Text
from sqlalchemy.orm import declarative_base

Base = declarative_base()


class Ledger(Base):
    __tablename__ = "ledger"

    id = Column(Text, primary_key=True)
    amount = Column("amount", sa.BigInteger, nullable=False, server_default=sa.text("0"))
