from sqlalchemy import Index
from sqlmodel import Field, SQLModel


class Invoice(SQLModel, table=True):
    """One invoice."""

    __tablename__ = "add_invoices"

    # The provider's id.
    id: str = Field(primary_key=True)
    customer: str = Field(max_length=64)
