import sqlalchemy as sa
from sqlalchemy import orm


class Model(orm.DeclarativeBase):
    pass


class Project(Model):
    __tablename__ = "projects"

    id: orm.Mapped[int] = orm.mapped_column(primary_key=True)


class Member(Model):
    __tablename__ = "members"
    __table_args__ = (
        sa.UniqueConstraint("project_id", "email", name="members_project_email_key"),
        sa.Index("ix_members_email", "email"),
    )

    id: orm.Mapped[int] = orm.mapped_column(sa.BigInteger, primary_key=True)
    project_id: orm.Mapped[int] = orm.mapped_column(sa.ForeignKey("projects.id"))
    email: orm.Mapped[str] = orm.mapped_column(sa.Text, unique=True)
