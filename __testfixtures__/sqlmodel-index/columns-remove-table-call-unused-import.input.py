from sqlalchemy import Column, Index, Integer, MetaData, String, Table

metadata = MetaData()

events = Table(
    "events",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("team_id", Integer),
    Column("kind", String),
    Index("events_team_kind_idx", "team_id", "kind"),
)
