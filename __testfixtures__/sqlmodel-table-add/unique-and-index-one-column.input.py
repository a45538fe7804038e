import sqlalchemy as sa
from sqlalchemy import orm


class Model(orm.DeclarativeBase):
    pass


class Project(Model):
    __tablename__ = "projects"

    id: orm.Mapped[int] = orm.mapped_column(primary_key=True)
