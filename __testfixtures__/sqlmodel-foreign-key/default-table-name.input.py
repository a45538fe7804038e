from typing import Optional

from sqlmodel import Field, SQLModel


class Teams(SQLModel):
    """Not a table: same default name, must not be picked."""

    owner_id: Optional[str] = Field(default=None, foreign_key="user_credits.user_id")


class Team(SQLModel, table=True):
    id: str = Field(primary_key=True)
    owner_id: Optional[str] = Field(default=None, foreign_key="user_credits.user_id")
