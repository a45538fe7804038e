import uuid
from typing import Optional

from sqlmodel import Field, SQLModel


class Device(SQLModel, table=True):
    __tablename__ = "add_devices"

    id: int = Field(primary_key=True)
    owner: Optional[str] = Field(default=None)
