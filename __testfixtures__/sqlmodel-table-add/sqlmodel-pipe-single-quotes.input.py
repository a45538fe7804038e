from sqlmodel import SQLModel, Field


class Team(SQLModel, table=True):
    __tablename__ = 'teams'

    id: int = Field(primary_key=True)
    name: str | None = None
