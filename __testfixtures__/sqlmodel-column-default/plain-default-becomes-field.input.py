from sqlmodel import SQLModel, Field


class Plan(SQLModel, table=True):
    __tablename__ = "seat_plans"

    id: str = Field(primary_key=True)
    seats: int = 1
