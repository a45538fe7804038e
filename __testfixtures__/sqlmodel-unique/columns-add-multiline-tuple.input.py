from sqlalchemy import CheckConstraint, String, UniqueConstraint
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


class Base(DeclarativeBase):
    pass


class Member(Base):
    __tablename__ = "members"
    __table_args__ = (
        CheckConstraint("role <> ''", name="members_role_check"),
        {"schema": "billing"},
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    team_id: Mapped[int]
    user_id: Mapped[int]
    role: Mapped[str] = mapped_column(String(20))
