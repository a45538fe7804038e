from datetime import datetime

from sqlmodel import Field, SQLModel


class Job(SQLModel, table=True):
    __tablename__ = "jobs"

    id: int = Field(primary_key=True)
    run_at: datetime
