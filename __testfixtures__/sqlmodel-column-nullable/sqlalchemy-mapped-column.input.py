from typing import Optional

from sqlalchemy import ForeignKey, String
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


class Base(DeclarativeBase):
    pass


class Invoice(Base):
    __tablename__ = "invoices"

    id: Mapped[int] = mapped_column(primary_key=True)
    team_id: Mapped[Optional[str]] = mapped_column(ForeignKey("teams.id"))
    memo: Mapped[str] = mapped_column(String(200))
