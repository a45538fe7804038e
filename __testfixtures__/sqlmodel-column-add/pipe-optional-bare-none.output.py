from sqlmodel import Field, SQLModel


class Player(SQLModel, table=True):
    __tablename__ = "add_players"

    id: int = Field(primary_key=True)
    name: str
    nickname: str | None = None  # shown in chat
    score: int | None = None
    team: str | None = Field(default=None, index=True)
