"""Columns carried by mixins, abstract bases, declared_attr and a SQLModel base class."""

from datetime import datetime
from typing import Optional

from sqlalchemy import DateTime, ForeignKey, Integer, String, func
from sqlalchemy.orm import DeclarativeBase, Mapped, declared_attr, mapped_column
from sqlmodel import Field, SQLModel


class Base(DeclarativeBase):
    pass


class IdMixin:
    id: Mapped[int] = mapped_column(Integer, primary_key=True)


class TimestampMixin:
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())
    updated_at: Mapped[Optional[datetime]] = mapped_column(DateTime(timezone=True))


class NamedTableMixin:
    @declared_attr.directive
    def __tablename__(cls) -> str:
        return cls.__name__.lower()


class OwnedMixin:
    @declared_attr
    def owner_id(cls) -> Mapped[int]:
        return mapped_column(ForeignKey("account.id", ondelete="CASCADE"))


class Auditable(Base):
    __abstract__ = True

    revision: Mapped[int] = mapped_column(server_default="1")


class Account(NamedTableMixin, IdMixin, TimestampMixin, Base):
    email: Mapped[str] = mapped_column(String(200), unique=True)


class Document(NamedTableMixin, IdMixin, OwnedMixin, TimestampMixin, Auditable):
    title: Mapped[str] = mapped_column(String(300))


class Folder(IdMixin, OwnedMixin, Base):
    __tablename__ = "folders"

    name: Mapped[str]


class Stamped(SQLModel):
    """Not a table: its fields are inherited."""

    id: Optional[int] = Field(default=None, primary_key=True)
    created: datetime = Field(sa_column_kwargs={"server_default": func.now()})


class Note(Stamped, table=True):
    __tablename__ = "notes"

    body: str
    pinned: bool = False
