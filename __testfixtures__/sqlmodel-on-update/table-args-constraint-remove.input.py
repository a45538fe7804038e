from sqlalchemy import ForeignKeyConstraint
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


class Base(DeclarativeBase):
    pass


class Review(Base):
    __tablename__ = "reviews"
    __table_args__ = (
        ForeignKeyConstraint(
            ["reviewer_id"],
            ["users.id"],
            onupdate="CASCADE"
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    reviewer_id: Mapped[int]
