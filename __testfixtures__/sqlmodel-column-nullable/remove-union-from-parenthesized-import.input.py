from typing import (
    Annotated,
    Optional,
    Union,
)

from sqlmodel import Field, SQLModel


class Member(SQLModel, table=True):
    __tablename__ = "members"

    id: int = Field(primary_key=True)
    nickname: Optional[str] = None
    score: Union[int, None] = Field(default=0)
