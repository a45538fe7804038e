from typing import Optional

from sqlmodel import SQLModel


class Team(SQLModel, table=True):
    __tablename__ = "teams"

    name: str
    parent_id: Optional[str] = None
