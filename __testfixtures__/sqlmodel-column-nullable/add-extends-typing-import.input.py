from typing import Any, Dict

from sqlmodel import Field, SQLModel


class Team(SQLModel, table=True):
    __tablename__ = "teams"

    id: str = Field(primary_key=True)
    name: str
    settings: Dict[str, Any] = Field(default_factory=dict)
