# Équipe 🚀
from typing import Optional

from sqlmodel import Field, SQLModel


class Team(SQLModel, table=True):
    id: str = Field(primary_key=True)
    nom: str = Field(default='é😀')
    owner_id: Optional[str] = Field(default=None, foreign_key='users.id', alias='ownerId')
