from datetime import datetime
import uuid
from typing import Optional

from sqlalchemy import DateTime
from sqlmodel import Field, SQLModel


class Device(SQLModel, table=True):
    __tablename__ = "add_devices"

    id: int = Field(primary_key=True)
    owner: Optional[str] = Field(default=None)
    seen_at: Optional[datetime] = Field(default=None, sa_type=DateTime(timezone=True))
