from datetime import datetime

from sqlalchemy import text
from sqlmodel import Field, SQLModel


def utcnow() -> datetime:
    return datetime.utcnow()


class Team(SQLModel, table=True):
    __tablename__ = "squads"

    id: str = Field(primary_key=True)
    updated_at: datetime = Field(default_factory=utcnow)
    created_at: datetime = Field(sa_column_kwargs={"server_default": text("now()")})
