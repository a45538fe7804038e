from sqlmodel import Field, SQLModel


class Invoice(SQLModel, table=True):
    __tablename__ = "invoices"

    id: str = Field(primary_key=True)
    status: str = Field(
        default="draft",
        max_length=16,
        sa_column_kwargs={"server_default": "draft", "comment": "workflow state"},
    )
