from sqlalchemy import Boolean, Column, Integer, MetaData, Table, Text

metadata = MetaData()

users = Table(
    "users",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("name", Text, nullable=False),
)

# Feature flags, moved to the config service.
flags = Table(
    "feature_flags",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("enabled", Boolean, nullable=False),
)

teams = Table("teams", metadata, Column("id", Integer, primary_key=True))
