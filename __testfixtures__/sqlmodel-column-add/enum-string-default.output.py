import enum
import uuid

from sqlmodel import Field, SQLModel


class Mood(str, enum.Enum):
    sad = "sad"
    ok = "ok"


class Person(SQLModel, table=True):
    __tablename__ = "add_people"

    id: uuid.UUID = Field(default_factory=uuid.uuid4, primary_key=True)
    mood: Mood = Field(sa_column_kwargs={"server_default": "ok"})
