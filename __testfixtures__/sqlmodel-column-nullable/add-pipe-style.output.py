from sqlmodel import Field, SQLModel


class ApiKeyCredits(SQLModel, table=True):
    __tablename__ = "api_key_credits"

    api_key: str = Field(primary_key=True, alias="apiKey")
    team_id: str | None = Field(default=None, foreign_key="teams.id")
    daily_limit: int | None = Field(default=100, alias="dailyLimit")
