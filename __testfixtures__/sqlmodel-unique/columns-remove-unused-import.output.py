from sqlmodel import Field, SQLModel


class Member(SQLModel, table=True):
    __tablename__ = "members"

    id: int | None = Field(default=None, primary_key=True)
    team_id: int
    user_id: int
