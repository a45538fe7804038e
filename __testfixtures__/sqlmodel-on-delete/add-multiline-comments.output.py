from typing import Optional

from sqlmodel import Field, SQLModel


class Team(SQLModel, table=True):
    __tablename__ = "teams"

    id: str = Field(primary_key=True)
    owner_id: Optional[str] = Field(  # the owner
        default=None,
        alias="ownerId",
        # Better Auth's users, not user_credits.
        foreign_key="users.id",  # see the seed report
        ondelete="CASCADE",
    )
