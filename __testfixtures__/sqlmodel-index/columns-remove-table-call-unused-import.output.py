from sqlalchemy import Column, Integer, MetaData, String, Table

metadata = MetaData()

events = Table(
    "events",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("team_id", Integer),
    Column("kind", String),
)
