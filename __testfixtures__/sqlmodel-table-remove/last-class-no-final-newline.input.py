from sqlmodel import Field, SQLModel
from uuid import UUID
MAX = 10

class Draft(SQLModel, table=True):
    id: UUID = Field(primary_key=True)


class Post(SQLModel, table=True):
    id: int = Field(primary_key=True)


class Archive(SQLModel, table=True):
    id: int = Field(primary_key=True)