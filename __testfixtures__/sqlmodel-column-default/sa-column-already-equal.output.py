from datetime import datetime

from sqlalchemy import Column, DateTime, func
from sqlmodel import Field, SQLModel


class Event(SQLModel, table=True):
    __tablename__ = "events"

    id: int = Field(primary_key=True)
    happened_at: datetime = Field(sa_column=Column(DateTime, server_default=func.now(), nullable=False))
    weight: int = Field(default=1, sa_column_kwargs={"server_default": "1"})
