from decimal import Decimal

from sqlalchemy import Index, text
from sqlmodel import Field, SQLModel


class Invoice(SQLModel, table=True):
    """One invoice."""

    __tablename__ = "add_invoices"

    total: Decimal = Field(max_digits=10, decimal_places=2, sa_column_kwargs={"server_default": text("0")})
    # The provider's id.
    id: str = Field(primary_key=True)
    customer: str = Field(max_length=64)
