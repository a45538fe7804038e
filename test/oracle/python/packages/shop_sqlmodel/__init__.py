"""SQLModel only: table classes, Field options, nullability, a non-table base, Relationship."""

import uuid
from datetime import date, datetime
from decimal import Decimal
from typing import List, Optional

from pydantic import NaiveDatetime
from sqlalchemy import Text, text
from sqlmodel import Field, Relationship, SQLModel


class Customer(SQLModel, table=True):
    __tablename__ = "customers"

    id: Optional[int] = Field(default=None, primary_key=True)
    email: str = Field(max_length=255, unique=True)
    name: str = Field(max_length=120, index=True)
    nickname: Optional[str] = None
    joined: date
    created_at: datetime = Field(sa_column_kwargs={"server_default": text("now()")})
    orders: List["Order"] = Relationship(back_populates="customer")


class Product(SQLModel, table=True):
    __tablename__ = "products"

    sku: str = Field(primary_key=True, max_length=32)
    title: str
    description: Optional[str] = Field(default=None, sa_type=Text)
    price: Decimal = Field(max_digits=10, decimal_places=2)
    weight: float
    active: bool = Field(default=True, sa_column_kwargs={"server_default": "true"})


class Order(SQLModel, table=True):
    __tablename__ = "orders"

    id: uuid.UUID = Field(default_factory=uuid.uuid4, primary_key=True)
    customer_id: int = Field(foreign_key="customers.id", ondelete="CASCADE", index=True)
    placed_at: NaiveDatetime
    note: Optional[str] = Field(default=None, max_length=500)
    customer: Optional[Customer] = Relationship(back_populates="orders")


class OrderLine(SQLModel, table=True):
    __tablename__ = "order_lines"

    order_id: uuid.UUID = Field(foreign_key="orders.id", primary_key=True, ondelete="CASCADE")
    sku: str = Field(foreign_key="products.sku", primary_key=True, max_length=32)
    quantity: int = 1
    gift_for: Optional[int] = Field(default=None, foreign_key="customers.id", ondelete="SET NULL")
