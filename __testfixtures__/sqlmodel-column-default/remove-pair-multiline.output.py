from sqlmodel import Field, SQLModel


class Account(SQLModel, table=True):
    __tablename__ = "accounts"

    id: str = Field(primary_key=True)
    credits: int = Field(
        default=0,
        sa_column_kwargs={
            "comment": "balance in cents"
        },
    )
