# Équipes 🚀 — the owner's FK.
from typing import Optional

from sqlmodel import Field, SQLModel


class Équipe(SQLModel, table=True):
    """Une équipe 👥."""

    __tablename__ = "équipes"

    id: str = Field(primary_key=True)  # clé 🔑
    propriétaire_id: Optional[str] = Field(default="é😀", foreign_key="users.id")  # 👤
