from datetime import date
from typing import Optional

from sqlmodel import Field, SQLModel


class Event(SQLModel, table=True):
    __tablename__ = 'add_events'

    id: Optional[int] = Field(default=None, primary_key=True)
    day: date
