from typing import Optional

from sqlmodel import Field, SQLModel


class Team(SQLModel, table=True):
    __tablename__ = "teams"

    id: str = Field(primary_key=True)
    owner_id: Optional[str] = None  # set when the team is claimed
    owner_email: str
