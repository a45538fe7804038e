from sqlmodel import Field, SQLModel


class Team(SQLModel, table=True):
    __tablename__ = "teams"

    id: int = Field(primary_key=True)
    owner_id: int = Field(foreign_key="users.id", ondelete="CASCADE")
