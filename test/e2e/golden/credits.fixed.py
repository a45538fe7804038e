"""Credit models for the FastAPI service.

These tables are created by ``init_auth_db()`` with ``SQLModel.metadata.create_all``.
The ``users`` table belongs to Better Auth (the Next.js app) and is not modelled here;
its rows are referenced by id only.
"""

from datetime import datetime
from typing import Optional
from uuid import uuid4

from sqlalchemy import Text
from sqlmodel import Field, SQLModel


def utcnow() -> datetime:
    """Naive UTC timestamps, as the Next.js side stores them."""
    return datetime.utcnow()


class TransactionType:
    """Values of ``credit_transactions.type``."""

    PURCHASE = "purchase"
    USAGE = "usage"
    REFUND = "refund"
    GRANT = "grant"
    TRANSFER = "transfer"


class CreditBalance(SQLModel):
    """Response model for GET /credits (not a table)."""

    user_id: str
    credits: int
    total_credits_purchased: int
    team_id: Optional[str] = None


class CreditCharge(SQLModel):
    """Request body for POST /credits/charge (not a table)."""

    amount: int
    operation: str
    resource_id: Optional[str] = None
    api_key_id: Optional[str] = None


class UserCredits(SQLModel, table=True):
    """One credit account per Better Auth user."""

    __tablename__ = "user_credits"

    user_id: str = Field(
        primary_key=True, foreign_key="users.id", ondelete="CASCADE", alias="userId")
    credits: int = Field(default=0)
    total_credits_purchased: int = Field(default=0, alias="totalCreditsPurchased")
    team_id: Optional[str] = Field(
        default=None, foreign_key="teams.id", alias="teamId")
    created_at: datetime = Field(default_factory=utcnow, alias="createdAt")
    updated_at: datetime = Field(default_factory=utcnow, alias="updatedAt")


class Team(SQLModel, table=True):
    """A team pools the credits of its members."""

    __tablename__ = "teams"

    id: str = Field(primary_key=True)
    name: str
    credits: int = Field(default=0)
    owner_id: Optional[str] = Field(
        default=None, foreign_key="users.id", ondelete="CASCADE", alias="ownerId")
    created_at: datetime = Field(default_factory=utcnow, alias="createdAt")
    updated_at: datetime = Field(default_factory=utcnow, alias="updatedAt")


class CreditTransaction(SQLModel, table=True):
    """Every change to a credit balance: purchases, usage, refunds, grants and
    transfers between a user and a team."""

    __tablename__ = "credit_transactions"

    id: str = Field(default_factory=lambda: str(uuid4()), primary_key=True)
    user_id: str = Field(foreign_key="user_credits.user_id", index=True, alias="userId")
    team_id: Optional[str] = Field(default=None, foreign_key="teams.id", alias="teamId")
    amount: int
    type: str = Field(index=True)
    operation: Optional[str] = None
    resource_id: Optional[str] = Field(default=None, alias="resourceId")
    api_key_id: Optional[str] = Field(default=None, alias="apiKeyId")
    transaction_metadata: Optional[str] = Field(default=None, sa_type=Text)
    created_at: datetime = Field(default_factory=utcnow, alias="createdAt")


class ApiKeyCredits(SQLModel, table=True):
    """Credit pool attached to one API key."""

    __tablename__ = "api_key_credits"

    api_key: str = Field(primary_key=True, alias="apiKey")
    # A key's pool is drawn from its owner's credit account, so this foreign
    # key points at user_credits rather than at the Better Auth users table;
    # charging a key debits user_credits first.
    user_id: str = Field(foreign_key="user_credits.user_id", alias="userId")
    team_id: Optional[str] = Field(default=None, foreign_key="teams.id", alias="teamId")
    credits: int = Field(default=0)
    daily_limit: Optional[int] = Field(default=None, alias="dailyLimit")
    monthly_limit: Optional[int] = Field(default=None, alias="monthlyLimit")
    created_at: datetime = Field(default_factory=utcnow, alias="createdAt")
    updated_at: datetime = Field(default_factory=utcnow, alias="updatedAt")
