from sqlalchemy import Column, Integer, MetaData, Table, UniqueConstraint

metadata = MetaData()

memberships = Table(
    "memberships",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("team_id", Integer, nullable=False),
    Column("user_id", Integer, nullable=False),
    UniqueConstraint("team_id", "user_id", name="uq_memberships_pair"),
    schema="billing",
)
