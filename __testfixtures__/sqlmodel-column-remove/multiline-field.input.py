from sqlmodel import Field, SQLModel


class Team(SQLModel, table=True):
    __tablename__ = "teams"

    id: int = Field(primary_key=True)
    motto: str = Field(
        default="",
        max_length=140,
        sa_column_kwargs={"server_default": ""},
    )
    name: str
