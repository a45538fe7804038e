"""Models of the billing service."""

from typing import List, Optional

from sqlmodel import (
    Field,
    Relationship,
    SQLModel,
)

# ---- billing ----


class Coupon(SQLModel, table=True):
    __tablename__ = "coupons"

    id: Optional[int] = Field(default=None, primary_key=True)
    code: str = Field(max_length=20)
    invoices: List["Invoice"] = Relationship()


class Invoice(SQLModel, table=True):
    __tablename__ = "invoices"

    id: Optional[int] = Field(default=None, primary_key=True)
    coupon_id: Optional[int] = Field(default=None)
