from sqlalchemy import Column, Integer, MetaData, Table

metadata = MetaData()

memberships = Table("memberships", metadata, Column("id", Integer, primary_key=True), Column("team_id", Integer), Column("user_id", Integer))
