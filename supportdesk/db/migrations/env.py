"""Alembic environment: runs on the Database the caller passed in `attributes`."""

from __future__ import annotations

from alembic import context

from supportdesk.db.engine import Database
from supportdesk.db.models import Base

config = context.config
database: Database | None = config.attributes.get("database")
if database is None:  # `alembic` command line: a URL in the ini
    database = Database(config.get_main_option("sqlalchemy.url") or "sqlite://")

with database.engine.connect() as connection:
    context.configure(
        connection=connection,
        target_metadata=Base.metadata,
        render_as_batch=database.is_sqlite,  # SQLite cannot ALTER most things: copy-and-move
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()
    connection.commit()
