from typing import Optional

from sqlmodel import Field, SQLModel


class TeamBase(SQLModel):
    name: str
    owner_id: Optional[str] = Field(default=None, foreign_key="user_credits.user_id")


class Team(TeamBase, table=True):
    __tablename__ = "teams"

    id: str = Field(primary_key=True)


class TeamCreate(TeamBase):
    pass
