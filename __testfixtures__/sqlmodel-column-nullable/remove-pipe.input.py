from sqlmodel import Field, SQLModel


class ApiKeyCredits(SQLModel, table=True):
    __tablename__ = "api_key_credits"

    api_key: str = Field(primary_key=True)
    monthly_limit: None | int = Field(default=1000, alias="monthlyLimit")
