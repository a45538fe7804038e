from typing import Any, Dict, Optional

from sqlmodel import Field, SQLModel


class Team(SQLModel, table=True):
    __tablename__ = "teams"

    id: str = Field(primary_key=True)
    name: Optional[str]
    settings: Dict[str, Any] = Field(default_factory=dict)
