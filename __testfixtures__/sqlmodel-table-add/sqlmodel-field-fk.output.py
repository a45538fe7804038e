from datetime import datetime
from typing import Optional

from sqlalchemy import Text, text
from sqlmodel import Field, SQLModel


class User(SQLModel, table=True):
    __tablename__ = "users"

    id: str = Field(primary_key=True)
    email: str
    nickname: Optional[str] = None


class AuditLog(SQLModel, table=True):
    __tablename__ = "audit_log"

    id: int = Field(primary_key=True)
    user_id: str = Field(foreign_key="users.id", ondelete="CASCADE")
    action: str = Field(max_length=64)
    note: Optional[str] = Field(default=None, sa_type=Text)
    created_at: datetime = Field(sa_column_kwargs={"server_default": text("now()")})
