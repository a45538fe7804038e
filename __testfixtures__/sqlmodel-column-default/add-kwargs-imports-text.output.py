from datetime import datetime

from sqlalchemy import text
from sqlmodel import Field, SQLModel


class Team(SQLModel, table=True):
    __tablename__ = "teams"

    id: str = Field(primary_key=True)
    created_at: datetime = Field(default_factory=datetime.utcnow, alias="createdAt", sa_column_kwargs={"server_default": text("now()")})
