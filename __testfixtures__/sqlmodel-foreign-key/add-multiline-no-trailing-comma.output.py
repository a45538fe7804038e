from typing import Optional

from sqlmodel import Field, SQLModel


class Team(SQLModel, table=True):
    __tablename__ = "teams"

    id: str = Field(primary_key=True)
    owner_id: Optional[str] = Field(
        default=None,
        alias="ownerId",  # no trailing comma here
        foreign_key="users.id"
    )
