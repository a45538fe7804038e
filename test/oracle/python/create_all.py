"""Creates a fixture model package's tables with real SQLAlchemy, for the Python reader's oracle test.

Usage: python create_all.py DATABASE_URL PACKAGE_DIR

Imports the package and every module in it (so relative imports work as in a real project), finds every
MetaData its models use (SQLModel's, a DeclarativeBase's, a declarative_base()'s, a bare MetaData for
Table(...)), creates the schemas they name and runs metadata.create_all() on the database. Prints the
SQLModel and SQLAlchemy versions as JSON.
"""

import importlib
import json
import pkgutil
import sys
from pathlib import Path

# Importing the fixtures must leave no __pycache__ in the repository.
sys.dont_write_bytecode = True

import sqlalchemy
import sqlmodel
from sqlalchemy import MetaData, create_engine, text


def metadatas(modules):
    found = {}
    for module in modules:
        for value in vars(module).values():
            candidates = [value, getattr(value, "metadata", None)] if isinstance(value, type) else [value]
            for candidate in candidates:
                if isinstance(candidate, MetaData):
                    found[id(candidate)] = candidate
    return list(found.values())


def main(url, package_dir):
    package_dir = Path(package_dir).resolve()
    sys.path.insert(0, str(package_dir.parent))
    package = importlib.import_module(package_dir.name)
    modules = [package] + [
        importlib.import_module(info.name)
        for info in pkgutil.walk_packages(package.__path__, prefix=f"{package_dir.name}.")
    ]
    engine = create_engine(url.replace("postgres://", "postgresql+psycopg2://", 1).replace("postgresql://", "postgresql+psycopg2://", 1))
    with engine.begin() as conn:
        for metadata in metadatas(modules):
            for schema in sorted({t.schema for t in metadata.tables.values() if t.schema}):
                conn.execute(text(f'CREATE SCHEMA IF NOT EXISTS "{schema}"'))
            metadata.create_all(conn)
    engine.dispose()
    json.dump({"sqlmodel": sqlmodel.__version__, "sqlalchemy": sqlalchemy.__version__}, sys.stdout)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
