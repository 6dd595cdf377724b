"""Engines and sessions for the station replica and the central database.

URLs are SQLAlchemy URLs. ``postgresql://`` is read as psycopg 3. SQLite files
run in WAL mode with foreign keys on and ``synchronous=FULL``: a scan is only
acknowledged after its commit, and that commit must survive a power cut.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session, sessionmaker


# Re-exported: callers that already work with the store find the paths here too.
from app.paths import data_dir, default_central_url, default_station_url, sqlite_url  # noqa: F401


def normalise_url(url: str) -> str:
    parsed = make_url(url)
    if parsed.drivername in ("postgresql", "postgres"):
        parsed = parsed.set(drivername="postgresql+psycopg")
    return parsed.render_as_string(hide_password=False)


def _sqlite_pragmas(dbapi_connection, _record) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=FULL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=5000")
    cursor.close()


def make_engine(url: str, **kwargs) -> Engine:
    url = normalise_url(url)
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        if parsed.database and parsed.database != ":memory:":
            Path(parsed.database).parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(url, **kwargs)
        event.listen(engine, "connect", _sqlite_pragmas)
        return engine
    kwargs.setdefault("pool_pre_ping", True)
    if parsed.get_backend_name() == "postgresql":
        # A central host that silently drops packets would otherwise hang a connect for
        # minutes (the kernel's TCP retries) while a person waits at a station.
        # Keepalives notice a connection that died under an idle station.
        connect_args = dict(kwargs.pop("connect_args", {}))
        connect_args.setdefault("connect_timeout", 5)
        connect_args.setdefault("keepalives", 1)
        connect_args.setdefault("keepalives_idle", 30)
        connect_args.setdefault("keepalives_interval", 10)
        connect_args.setdefault("keepalives_count", 3)
        kwargs["connect_args"] = connect_args
    return create_engine(url, **kwargs)


def session_factory(engine: Engine) -> sessionmaker[Session]:
    # expire_on_commit=False: objects read in a worker are handed to the GUI
    # thread after the commit and must not lazy-load there.
    return sessionmaker(engine, expire_on_commit=False)


@contextmanager
def transaction(factory: sessionmaker[Session]) -> Iterator[Session]:
    """One unit of work: commit on success, roll back everything on any error."""
    with factory() as session, session.begin():
        yield session
