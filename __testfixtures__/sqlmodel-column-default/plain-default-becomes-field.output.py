from sqlalchemy import text
from sqlmodel import SQLModel, Field


class Plan(SQLModel, table=True):
    __tablename__ = "seat_plans"

    id: str = Field(primary_key=True)
    seats: int = Field(default=1, sa_column_kwargs={"server_default": text("1")})
