from typing import Optional

from sqlmodel import Field, SQLModel


class Team(SQLModel, table=True):
    __tablename__ = "teams"

    name: str
    parent_id: Optional[str] = Field(default=None, nullable=False)
