from typing import Optional

from sqlalchemy import Text
from sqlmodel import Field, SQLModel


class Profile(SQLModel, table=True):
    __tablename__ = "profiles"

    id: Optional[int] = Field(default=None, primary_key=True)
    bio: Optional[str] = Field(
        default=None,
        sa_type=Text,
    )
