from typing import (
    Annotated,
    Optional,
)

from sqlmodel import Field, SQLModel


class Member(SQLModel, table=True):
    __tablename__ = "members"

    id: int = Field(primary_key=True)
    nickname: Optional[str] = None
    score: int = Field(default=0)
