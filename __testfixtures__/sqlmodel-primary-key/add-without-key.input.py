from sqlmodel import Field, SQLModel


class Tag(SQLModel, table=True):
    __tablename__ = "tags"

    slug: str = Field(max_length=64)
    label: str | None = None
