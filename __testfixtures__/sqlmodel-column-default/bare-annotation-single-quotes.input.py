from sqlmodel import Field, SQLModel


class Plan(SQLModel, table=True):
    __tablename__ = 'plans'

    id: str = Field(primary_key=True)
    tier: str
    seats: int = 1
