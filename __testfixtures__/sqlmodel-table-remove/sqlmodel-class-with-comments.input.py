from datetime import datetime
from typing import Optional

from sqlmodel import Field, SQLModel


class Team(SQLModel, table=True):
    __tablename__ = "teams"

    id: Optional[int] = Field(default=None, primary_key=True)
    name: str


# Written by the old audit service; nothing reads it any more.
# See ADR 12.
class AuditLog(SQLModel, table=True):
    """One row per administrative action."""

    __tablename__ = "audit_log"

    id: Optional[int] = Field(default=None, primary_key=True)
    happened_at: datetime  # UTC
    note: Optional[str] = None


class Member(SQLModel, table=True):
    __tablename__ = "members"

    id: Optional[int] = Field(default=None, primary_key=True)
    team_id: int = Field(foreign_key="teams.id")
