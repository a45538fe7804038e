"""SQLAlchemy 2.0 bases with their own type_annotation_map: bare Mapped[T] columns take the base's types."""

import datetime
from decimal import Decimal
from typing import Optional

from sqlalchemy import DateTime, Numeric, String, Text
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, registry


class Base(DeclarativeBase):
    type_annotation_map = {
        str: String(255),
        datetime.datetime: DateTime(timezone=True),
        Decimal: Numeric(12, 2),
    }


class Invoice(Base):
    __tablename__ = "invoices"

    id: Mapped[int] = mapped_column(primary_key=True)
    number: Mapped[str]
    issued_at: Mapped[datetime.datetime]
    total: Mapped[Decimal]
    note: Mapped[Optional[str]]
    code: Mapped[str] = mapped_column(String(8))


class LedgerBase(DeclarativeBase):
    registry = registry(type_annotation_map={str: Text})


class Entry(LedgerBase):
    __tablename__ = "ledger_entries"

    id: Mapped[int] = mapped_column(primary_key=True)
    memo: Mapped[str]
    booked_at: Mapped[datetime.datetime]
