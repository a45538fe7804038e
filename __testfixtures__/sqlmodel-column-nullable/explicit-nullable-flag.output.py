from sqlmodel import Field, SQLModel


class Team(SQLModel, table=True):
    __tablename__ = "teams"

    id: str = Field(primary_key=True)
    credits: int = Field(
        default=0,
        nullable=True,  # balance always set
    )
