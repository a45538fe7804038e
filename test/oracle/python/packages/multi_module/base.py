from datetime import datetime
from typing import Optional

from sqlmodel import Field, SQLModel


class TimestampedModel(SQLModel):
    id: Optional[int] = Field(default=None, primary_key=True)
    created_at: datetime
