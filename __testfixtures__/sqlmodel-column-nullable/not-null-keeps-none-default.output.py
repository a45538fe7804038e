from typing import Optional

from sqlmodel import Field, SQLModel


class Team(SQLModel, table=True):
    __tablename__ = "teams"

    id: str = Field(primary_key=True)
    owner_id: Optional[str] = Field(
        default=None, foreign_key="users.id", alias="ownerId", nullable=False)
    parent_id: Optional[str] = None
