"""__table_args__ in every shape, a schema, and a MetaData naming convention."""

from typing import Optional

from sqlalchemy import CheckConstraint, ForeignKeyConstraint, Index, Integer, MetaData, String, UniqueConstraint
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column
from sqlmodel import Field, SQLModel

convention = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=convention)


class Warehouse(Base):
    __tablename__ = "warehouses"
    __table_args__ = {"schema": "stock"}

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(10), unique=True)
    region: Mapped[str] = mapped_column(String(20), index=True)


class Bin(Base):
    __tablename__ = "bins"
    __table_args__ = (
        UniqueConstraint("warehouse_id", "aisle", "shelf"),
        Index("ix_bins_aisle_shelf", "aisle", "shelf"),
        CheckConstraint("shelf >= 0", name="shelf_positive"),
        ForeignKeyConstraint(["warehouse_id"], ["stock.warehouses.id"], ondelete="CASCADE"),
        {"schema": "stock"},
    )

    warehouse_id: Mapped[int] = mapped_column(primary_key=True)
    aisle: Mapped[str] = mapped_column(String(4), primary_key=True)
    shelf: Mapped[int] = mapped_column(primary_key=True)
    capacity: Mapped[Optional[int]]


class Placement(Base):
    __tablename__ = "placements"
    __table_args__ = (
        ForeignKeyConstraint(
            ["warehouse_id", "aisle", "shelf"],
            ["stock.bins.warehouse_id", "stock.bins.aisle", "stock.bins.shelf"],
            ondelete="CASCADE",
            name="placement_bin",
        ),
        UniqueConstraint("item", name="one_place_per_item"),
        Index("ix_placements_bin", "warehouse_id", "aisle", "shelf", unique=False),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    warehouse_id: Mapped[int]
    aisle: Mapped[str] = mapped_column(String(4))
    shelf: Mapped[int]
    item: Mapped[str] = mapped_column(String(64))


class Supplier(SQLModel, table=True):
    __tablename__ = "suppliers"
    __table_args__ = (
        UniqueConstraint("country", "vat_number", name="supplier_vat"),
        Index("ix_suppliers_name_country", "name", "country", unique=True),
        CheckConstraint("length(country) = 2", name="country_iso"),
    )

    id: Optional[int] = Field(default=None, primary_key=True)
    name: str = Field(max_length=100)
    country: str = Field(max_length=2)
    vat_number: Optional[str] = Field(default=None, max_length=20)
