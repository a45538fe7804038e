from sqlmodel import Field, SQLModel
MAX = 10


class Post(SQLModel, table=True):
    id: int = Field(primary_key=True)


class Archive(SQLModel, table=True):
    id: int = Field(primary_key=True)