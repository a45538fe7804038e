from decimal import Decimal
from typing import Optional
from uuid import UUID

from sqlalchemy import text
from sqlmodel import Field, SQLModel


class Tag(SQLModel, table=True):
    __tablename__ = "tags"
    id: int = Field(primary_key=True)


class Label(SQLModel, table=True):
    __tablename__ = "labels"

    id: UUID = Field(primary_key=True, sa_column_kwargs={"server_default": text("gen_random_uuid()")})
    price: Optional[Decimal] = Field(default=None, max_digits=10, decimal_places=2)
