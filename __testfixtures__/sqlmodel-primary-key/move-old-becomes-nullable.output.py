from sqlmodel import Field, SQLModel


class User(SQLModel, table=True):
    __tablename__ = "users"

    legacy_id: int | None = Field(
        default=None,
    )
    id: str = Field(max_length=36, primary_key=True)
