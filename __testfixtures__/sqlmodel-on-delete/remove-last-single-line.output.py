from sqlmodel import Field, SQLModel


class ApiKeyCredits(SQLModel, table=True):
    __tablename__ = "api_key_credits"

    api_key: str = Field(primary_key=True)
    user_id: str = Field(foreign_key="user_credits.user_id")
