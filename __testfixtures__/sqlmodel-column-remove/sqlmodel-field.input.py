from typing import Optional

from sqlmodel import Field, SQLModel


class User(SQLModel, table=True):
    __tablename__ = "users"

    id: Optional[int] = Field(default=None, primary_key=True)
    email: str = Field(max_length=255)
    legacy_code: Optional[str] = Field(default=None, max_length=16)  # from the old system
    created_by: Optional[int] = None
