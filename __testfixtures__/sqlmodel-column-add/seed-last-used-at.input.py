"""API keys of the FastAPI service."""

from typing import Optional

from sqlmodel import Field, SQLModel


class ApiKey(SQLModel, table=True):
    __tablename__ = "add_api_keys"

    api_key: str = Field(primary_key=True, alias="apiKey")
    user_id: str = Field(alias="userId")
    daily_limit: Optional[int] = Field(default=None, alias="dailyLimit")
    note: Optional[str] = None
