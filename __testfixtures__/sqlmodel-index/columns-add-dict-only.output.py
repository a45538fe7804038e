from sqlmodel import Field, Index, SQLModel


class Event(SQLModel, table=True):
    __tablename__ = "events"
    __table_args__ = (Index("events_team_kind_idx", "team_id", "kind"), {"schema": "audit"})

    id: int | None = Field(default=None, primary_key=True)
    team_id: int
    kind: str
