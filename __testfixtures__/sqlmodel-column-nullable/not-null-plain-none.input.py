from typing import Optional

from sqlmodel import Field, SQLModel


class Team(SQLModel, table=True):
    __tablename__ = 'teams'

    id: str = Field(primary_key=True)
    parent_id: Optional[str] = None  # set by the admin UI
