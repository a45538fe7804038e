"""SQLAlchemy 2.0 only: DeclarativeBase, Mapped[...] with and without mapped_column(...)."""

import datetime
from decimal import Decimal
from typing import List, Optional

from sqlalchemy import ARRAY, JSON, BigInteger, Boolean, DateTime, Float, ForeignKey, Numeric, SmallInteger, String, Text, func
from sqlalchemy.dialects import postgresql
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship


class Base(DeclarativeBase):
    pass


class Author(Base):
    __tablename__ = "authors"

    id: Mapped[int] = mapped_column(primary_key=True)
    handle: Mapped[str] = mapped_column(String(40), unique=True)
    display_name: Mapped[Optional[str]] = mapped_column(String(100))
    bio: Mapped[str | None] = mapped_column(Text)
    karma: Mapped[int] = mapped_column(BigInteger, server_default="0")
    verified: Mapped[bool] = mapped_column(Boolean, server_default="false")
    joined: Mapped[datetime.datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())
    last_seen: Mapped[Optional[datetime.datetime]]
    posts: Mapped[List["Post"]] = relationship(back_populates="author")


class Post(Base):
    __tablename__ = "posts"

    id: Mapped[int] = mapped_column(BigInteger, primary_key=True)
    author_id: Mapped[int] = mapped_column(ForeignKey("authors.id", ondelete="CASCADE", onupdate="CASCADE"), index=True)
    title: Mapped[str] = mapped_column(String(200))
    body: Mapped[str] = mapped_column(Text)
    tags: Mapped[list[str]] = mapped_column(ARRAY(String(30)), server_default="{}")
    meta: Mapped[dict] = mapped_column(postgresql.JSONB, nullable=True)
    extra: Mapped[Optional[dict]] = mapped_column(JSON)
    score: Mapped[float] = mapped_column(Float)
    rating: Mapped[Decimal] = mapped_column(Numeric(3, 1), nullable=True)
    priority: Mapped[int] = mapped_column(SmallInteger, default=0)
    published: Mapped[Optional[datetime.date]]
    author: Mapped[Author] = relationship(back_populates="posts")


class Comment(Base):
    __tablename__ = "comments"

    id: Mapped[int] = mapped_column(primary_key=True)
    post_id: Mapped[int] = mapped_column(ForeignKey("posts.id", ondelete="CASCADE"))
    parent_id: Mapped[Optional[int]] = mapped_column(ForeignKey("comments.id", ondelete="SET NULL"))
    text: Mapped[str]
    upvotes: Mapped[int] = mapped_column(default=0)
