from typing import Optional

from sqlmodel import Field, SQLModel


class Team(SQLModel, table=True):
    __tablename__ = "teams"

    id: str = Field(primary_key=True)
    # The owner is a person, not a credit account.
    owner_id: Optional[str] = Field(  # see the seed report
        default=None,
        # foreign_key="user_credits.user_id" was wrong
        foreign_key="user_credits.user_id",  # keep in sync with Drizzle
        alias="ownerId",
    )  # end of owner_id
