from datetime import datetime

from sqlmodel import Field, Index, SQLModel, UniqueConstraint


class Club(SQLModel, table=True):
    __tablename__ = "clubs"

    id: int | None = Field(default=None, primary_key=True)
    name: str


class Membership(SQLModel, table=True):
    __tablename__ = "memberships"
    __table_args__ = (
        UniqueConstraint("club_id", "user_id"),
        Index("memberships_user_email_idx", "user_id", "email", unique=True),
        Index("memberships_user_idx", "user_id"),
        Index("memberships_club_joined_idx", "club_id", "joined_at"),
    )

    id: int = Field(primary_key=True)
    club_id: int = Field(foreign_key="clubs.id", ondelete="CASCADE")
    user_id: int
    email: str = Field(unique=True)
    slug: str | None = Field(default=None, unique=True, index=True)
    joined_at: datetime = Field(index=True)
