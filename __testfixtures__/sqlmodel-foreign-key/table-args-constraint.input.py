from sqlalchemy import ForeignKeyConstraint
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


class Base(DeclarativeBase):
    pass


class Review(Base):
    __tablename__ = "reviews"
    __table_args__ = (
        ForeignKeyConstraint(["post_id"], ["posts.id"], name="fk_reviews_post"),
        ForeignKeyConstraint(["reviewer_id"], ["users.id"], ondelete="SET NULL"),
        {"comment": "peer reviews"},
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    post_id: Mapped[int]
    reviewer_id: Mapped[int | None]
