from sqlmodel import Field, SQLModel


class Plan(SQLModel, table=True):
    __tablename__ = 'plans'

    id: str = Field(primary_key=True)
    tier: str = Field(sa_column_kwargs={'server_default': 'free'})
    seats: int = 1
