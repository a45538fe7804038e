from typing import Optional

from sqlalchemy import Column, String
from sqlmodel import Field, SQLModel


class UserCredit(SQLModel, table=True):
    __tablename__ = "user_credits"

    user_id: str = Field(sa_column=Column(String, primary_key=True))
    balance: int = Field(default=0)
    note: Optional[str] = None
