from datetime import datetime

from sqlmodel import Field, SQLModel


class Team(SQLModel, table=True):
    __tablename__ = "teams"

    id: str = Field(primary_key=True)
    created_at: datetime = Field(default_factory=datetime.utcnow, alias="createdAt")
