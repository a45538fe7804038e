from sqlmodel import Field, SQLModel, UniqueConstraint


class Member(SQLModel, table=True):
    __tablename__ = "members"
    __table_args__ = (UniqueConstraint("team_id", "user_id", name="uq_members_team_user"),)

    id: int | None = Field(default=None, primary_key=True)
    team_id: int
    user_id: int
