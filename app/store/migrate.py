"""Create or migrate a schema with Alembic, programmatically.

The same scripts serve SQLite and PostgreSQL: they use batch operations, which
SQLite runs as "create new table, copy, drop old, rename". With foreign keys on,
dropping the old table would cascade-delete child rows (order lines of an
altered orders table, for instance), so for SQLite the foreign keys are switched
off for the duration of the migration and checked afterwards.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, Engine, text

MIGRATIONS_DIR = Path(__file__).with_name("migrations")


class ForeignKeyViolation(RuntimeError):
    pass


def alembic_config(connection: Connection | None = None) -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    if connection is not None:
        config.attributes["connection"] = connection
    return config


def head_revision() -> str:
    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None
    return head


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


def upgrade(engine: Engine, revision: str = "head") -> None:
    run_migration(engine, lambda config: command.upgrade(config, revision))


def downgrade(engine: Engine, revision: str) -> None:
    run_migration(engine, lambda config: command.downgrade(config, revision))


def run_migration(engine: Engine, action: Callable[[Config], None]) -> None:
    """Run ``action`` (an Alembic command on the config) with SQLite's foreign keys safely off."""
    is_sqlite = engine.dialect.name == "sqlite"
    with engine.connect() as connection:
        if is_sqlite:
            # Must happen outside a transaction: SQLite ignores this PRAGMA inside one.
            connection.exec_driver_sql("PRAGMA foreign_keys=OFF")
            connection.commit()
        try:
            action(alembic_config(connection))
            connection.commit()
            if is_sqlite:
                problems = connection.execute(text("PRAGMA foreign_key_check")).fetchall()
                if problems:
                    raise ForeignKeyViolation(f"migration left rows breaking foreign keys: {problems[:5]}")
        finally:
            if is_sqlite:
                connection.exec_driver_sql("PRAGMA foreign_keys=ON")
                connection.commit()
