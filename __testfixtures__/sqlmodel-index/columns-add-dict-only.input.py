from sqlmodel import Field, SQLModel


class Event(SQLModel, table=True):
    __tablename__ = "events"
    __table_args__ = {"schema": "audit"}

    id: int | None = Field(default=None, primary_key=True)
    team_id: int
    kind: str
