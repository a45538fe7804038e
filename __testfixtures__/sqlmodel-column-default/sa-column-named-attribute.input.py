from sqlalchemy import Column, Integer, text
from sqlmodel import Field, SQLModel


class Squad(SQLModel, table=True):
    __tablename__ = "squads_sized"

    id: str = Field(primary_key=True)
    team_size: int = Field(sa_column=Column("size", Integer, nullable=False, server_default=text("3")))
