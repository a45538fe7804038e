"""Models of the billing service."""

from typing import Optional

from sqlmodel import (
    Field,
    SQLModel,
)

# ---- billing ----


class Invoice(SQLModel, table=True):
    __tablename__ = "invoices"

    id: Optional[int] = Field(default=None, primary_key=True)
    coupon_id: Optional[int] = Field(default=None)
