from typing import Optional

from sqlalchemy import Column, ForeignKey, Integer
from sqlmodel import Field, SQLModel


class Team(SQLModel, table=True):
    __tablename__ = "teams"

    id: int = Field(primary_key=True)
    lead_id: Optional[int] = Field(
        default=None,
        sa_column=Column(Integer, ForeignKey("users.id", onupdate="CASCADE"), nullable=True),
    )
