from typing import Optional

from sqlalchemy import Column, Text
from sqlmodel import Field, SQLModel


class CreditTransaction(SQLModel, table=True):
    __tablename__ = "credit_transactions"

    id: str = Field(primary_key=True)
    transaction_metadata: Optional[str] = Field(
        default=None,
        sa_column=Column(
            "metadata",
            Text,
        ),
    )
