from typing import Optional

import sqlalchemy as sa
from sqlalchemy import orm
from sqlalchemy.dialects.postgresql import JSONB


class Model(orm.DeclarativeBase):
    pass


class Project(Model):
    __tablename__ = "projects"

    id: orm.Mapped[int] = orm.mapped_column(primary_key=True)


class ProjectEvent(Model):
    __tablename__ = "project_events"

    id: orm.Mapped[int] = orm.mapped_column(sa.BigInteger, primary_key=True)
    project_id: orm.Mapped[int] = orm.mapped_column(sa.ForeignKey("projects.id"))
    payload: orm.Mapped[Optional[dict]] = orm.mapped_column(JSONB)
