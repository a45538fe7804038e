from decimal import Decimal

from sqlalchemy import Numeric, String
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


class Base(DeclarativeBase):
    pass


class Order(Base):
    __tablename__ = "orders"

    id: Mapped[int] = mapped_column(primary_key=True)
    discount: Mapped[Decimal] = mapped_column(Numeric(5, 2))
    reference: Mapped[str] = mapped_column(String(32))
