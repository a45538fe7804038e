from sqlmodel import Field, SQLModel


class User(SQLModel, table=True):
    __tablename__ = "users"

    id: int | None = Field(default=None, nullable=False)
    code: str = Field(max_length=8, primary_key=True)
