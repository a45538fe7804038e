from typing import Optional

from sqlmodel import Field, SQLModel


class Team(SQLModel, table=True):
    __tablename__ = 'teams'

    id: str = Field(primary_key=True)
    parent_id: Optional[str] = Field(default=None, nullable=False)  # set by the admin UI
