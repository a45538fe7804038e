"""Python enums as PostgreSQL enum types, and UUID keys, in both styles."""

import enum
import uuid
from typing import Optional

from sqlalchemy import Enum, ForeignKey, String, Uuid, text
from sqlalchemy.dialects.postgresql import UUID
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column
from sqlmodel import Field, SQLModel


class Status(str, enum.Enum):
    DRAFT = "draft"
    LIVE = "live"


class Priority(enum.IntEnum):
    LOW = 1
    HIGH = 2


class Channel(enum.Enum):
    EMAIL = "email"
    SMS = "sms"


class Base(DeclarativeBase):
    pass


class Campaign(Base):
    __tablename__ = "campaigns"

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, server_default=text("gen_random_uuid()"))
    status: Mapped[Status]
    priority: Mapped[Priority] = mapped_column(Enum(Priority, name="campaign_priority"))
    channel: Mapped[Optional[Channel]] = mapped_column(Enum(Channel))
    mood: Mapped[str] = mapped_column(Enum("happy", "sad", name="mood"))


class Recipient(Base):
    __tablename__ = "recipients"

    id: Mapped[uuid.UUID] = mapped_column(UUID(as_uuid=True), primary_key=True)
    campaign_id: Mapped[uuid.UUID] = mapped_column(Uuid, ForeignKey("campaigns.id", ondelete="CASCADE"))
    address: Mapped[str] = mapped_column(String(320))


class Template(SQLModel, table=True):
    __tablename__ = "templates"

    id: uuid.UUID = Field(default_factory=uuid.uuid4, primary_key=True)
    state: Status
    channel: Optional[Channel] = None
    owner: Optional[uuid.UUID] = None
