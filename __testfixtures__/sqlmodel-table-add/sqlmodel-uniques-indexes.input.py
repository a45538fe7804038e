from datetime import datetime

from sqlmodel import Field, SQLModel


class Club(SQLModel, table=True):
    __tablename__ = "clubs"

    id: int | None = Field(default=None, primary_key=True)
    name: str
