from datetime import date
from typing import Optional

from pydantic import NaiveDatetime
from sqlalchemy import text
from sqlmodel import Field, SQLModel


class Event(SQLModel, table=True):
    __tablename__ = 'add_events'

    id: Optional[int] = Field(default=None, primary_key=True)
    day: date
    recorded_at: NaiveDatetime = Field(sa_column_kwargs={'server_default': text('now()')})
