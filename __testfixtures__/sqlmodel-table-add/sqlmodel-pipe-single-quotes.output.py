from sqlmodel import SQLModel, Field


class Team(SQLModel, table=True):
    __tablename__ = 'teams'

    id: int = Field(primary_key=True)
    name: str | None = None


class TeamMember(SQLModel, table=True):
    __tablename__ = 'team_members'

    id: int = Field(primary_key=True)
    team_id: int | None = Field(default=None, foreign_key='teams.id', ondelete='SET NULL')
    role: str = Field(sa_column_kwargs={'server_default': 'member'})
    active: bool
