from typing import Optional

import sqlalchemy as sa
from sqlmodel import Field, SQLModel


class Team(SQLModel, table=True):
    __tablename__ = "teams"

    id: int = Field(primary_key=True)
    boss: Optional[int] = Field(default=None, sa_column=sa.Column("boss_id", sa.Integer, sa.ForeignKey("users.id")))
