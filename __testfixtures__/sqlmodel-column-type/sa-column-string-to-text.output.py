from typing import Optional

from sqlalchemy import Column, Text
from sqlmodel import Field, SQLModel


class Note(SQLModel, table=True):
    __tablename__ = "notes"

    id: Optional[int] = Field(default=None, primary_key=True)
    body: str = Field(sa_column=Column("body", Text, nullable=False))
