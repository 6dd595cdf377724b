"""Alembic environment: always driven from app.store.migrate with a live connection."""

from __future__ import annotations

from alembic import context

from app.store.models import Base

connection = context.config.attributes.get("connection")
if connection is None:  # pragma: no cover - guarded for people who run the alembic CLI by hand
    raise RuntimeError("run migrations through `quai db upgrade` (app.store.migrate), not the alembic CLI")

context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    # Batch mode everywhere: on SQLite it rebuilds tables, on PostgreSQL it is plain ALTER.
    render_as_batch=True,
    compare_type=True,
)
with context.begin_transaction():
    context.run_migrations()
