from sqlmodel import Field, Index, SQLModel


class Member(SQLModel, table=True):
    __tablename__ = "members"
    __table_args__ = (Index("ix_members_role", "role"),)

    id: int | None = Field(default=None, primary_key=True)
    team_id: int
    user_id: int
    role: str
