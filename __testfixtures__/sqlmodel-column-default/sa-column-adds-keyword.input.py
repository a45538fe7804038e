from typing import Optional

from sqlalchemy import Column, Text
from sqlmodel import Field, SQLModel


class Note(SQLModel, table=True):
    __tablename__ = "notes"

    id: int = Field(primary_key=True)
    body: Optional[str] = Field(default=None, sa_column=Column(Text, nullable=True))
