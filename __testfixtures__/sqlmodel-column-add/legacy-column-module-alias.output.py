import sqlalchemy as sa
from sqlalchemy.orm import declarative_base

Base = declarative_base()


class Customer(Base):
    __tablename__ = "add_customers"

    id = sa.Column(sa.Integer, primary_key=True)
    name = sa.Column(sa.Text, nullable=False)
    email = sa.Column(sa.String(255), nullable=False, server_default="")
