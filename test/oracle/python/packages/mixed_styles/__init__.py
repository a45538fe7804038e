"""SQLModel and SQLAlchemy declarative classes sharing SQLModel's MetaData, with keys across styles."""

from datetime import datetime
from typing import Optional

from sqlalchemy import Column, DateTime, ForeignKey, Integer, String, func
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column
from sqlmodel import Field, SQLModel


class Base(DeclarativeBase):
    metadata = SQLModel.metadata


class Tenant(SQLModel, table=True):
    __tablename__ = "tenants"

    id: Optional[int] = Field(default=None, primary_key=True)
    slug: str = Field(max_length=50, unique=True)
    created: datetime = Field(sa_column=Column(DateTime(timezone=True), nullable=False, server_default=func.now()))


class Project(Base):
    __tablename__ = "projects"

    id: Mapped[int] = mapped_column(primary_key=True)
    tenant_id: Mapped[int] = mapped_column(ForeignKey("tenants.id", ondelete="CASCADE"))
    name: Mapped[str] = mapped_column(String(100))


class Task(SQLModel, table=True):
    __tablename__ = "tasks"

    id: Optional[int] = Field(default=None, primary_key=True)
    project_id: int = Field(foreign_key="projects.id", ondelete="CASCADE")
    title: str = Field(max_length=200)
    estimate: Optional[int] = Field(default=None, sa_column=Column(Integer, nullable=True))


class Label(Base):
    __tablename__ = "labels"

    id = Column(Integer, primary_key=True)
    task_id = Column(ForeignKey("tasks.id"), nullable=False)
    text = Column(String(40))
