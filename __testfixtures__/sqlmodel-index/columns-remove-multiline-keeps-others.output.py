from sqlalchemy import Index
from sqlmodel import Field, SQLModel


class Event(SQLModel, table=True):
    __tablename__ = "events"
    __table_args__ = (
        Index("events_kind_team_idx", "kind", "team_id"),
    )

    id: int | None = Field(default=None, primary_key=True)
    team_id: int
    kind: str
