from datetime import datetime
from typing import Optional

from sqlmodel import Field, SQLModel


class CreditTransaction(SQLModel, table=True):
    __tablename__ = "credit_transactions"

    id: str = Field(primary_key=True)
    operation: Optional[str] = Field(index=True, alias="op")
    created_at: datetime
