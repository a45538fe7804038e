from sqlalchemy import UniqueConstraint
from sqlmodel import Field, SQLModel


class Event(SQLModel, table=True):
    __tablename__ = 'events'
    __table_args__ = (UniqueConstraint('team_id', 'kind'),)

    id: int | None = Field(default=None, primary_key=True)
    team_id: int
    kind: str
