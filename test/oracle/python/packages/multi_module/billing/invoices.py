from decimal import Decimal
from typing import Optional

from sqlmodel import Field, SQLModel

from ..base import TimestampedModel


class Invoice(TimestampedModel, table=True):
    __tablename__ = "invoices"

    organisation_id: int = Field(foreign_key="organisations.id", index=True)
    issued_by: Optional[int] = Field(default=None, foreign_key="users.id")
    total: Decimal = Field(max_digits=12, decimal_places=2)


class InvoiceLine(SQLModel, table=True):
    __tablename__ = "invoice_lines"

    invoice_id: int = Field(foreign_key="invoices.id", primary_key=True, ondelete="CASCADE")
    position: int = Field(primary_key=True)
    description: str
    amount: Decimal = Field(max_digits=12, decimal_places=2)
