from sqlmodel import Field, SQLModel


class User(SQLModel, table=True):
    __tablename__ = "users"

    email: str = Field(max_length=255)
    id: str = Field(primary_key=True)
