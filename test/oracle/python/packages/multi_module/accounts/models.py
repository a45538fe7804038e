from typing import Optional

from sqlmodel import Field

from ..base import TimestampedModel


class Organisation(TimestampedModel, table=True):
    __tablename__ = "organisations"

    name: str = Field(max_length=120, unique=True)


class User(TimestampedModel, table=True):
    __tablename__ = "users"

    email: str = Field(max_length=255, unique=True)
    organisation_id: Optional[int] = Field(default=None, foreign_key="organisations.id", ondelete="SET NULL")
