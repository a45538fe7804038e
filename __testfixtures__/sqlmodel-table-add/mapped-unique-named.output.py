from typing import Optional

from sqlalchemy import ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


class Base(DeclarativeBase):
    pass


class Owner(Base):
    __tablename__ = "owners"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(80))


class Pet(Base):
    __tablename__ = "pets"
    __table_args__ = (UniqueConstraint("tag", name="uq_pets_tag"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    owner_id: Mapped[Optional[int]] = mapped_column(ForeignKey("owners.id", ondelete="SET NULL"), index=True)
    name: Mapped[str] = mapped_column(Text, unique=True)
    tag: Mapped[str] = mapped_column(String(32))
