from sqlmodel import Field, SQLModel, text


class Invoice(SQLModel, table=True):
    __tablename__ = "bills"

    id: str = Field(primary_key=True)
    currency: str = Field(default="EUR", sa_column_kwargs={"server_default": text("'USD'::text")})
