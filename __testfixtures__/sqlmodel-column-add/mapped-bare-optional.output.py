from typing import Optional

from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


class Base(DeclarativeBase):
    pass


class Tag(Base):
    __tablename__ = "add_tags"

    id: Mapped[int] = mapped_column(primary_key=True)
    label: Mapped[str]
    weight: Mapped[Optional[int]]
