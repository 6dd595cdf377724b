"""What every subcommand shares: the --db option, opening the database, errors."""

from __future__ import annotations

import argparse

from sqlalchemy import Engine
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, OperationalError, SQLAlchemyError

from app.cli.errors import CliError
from app.store.db import default_central_url, make_engine
from app.store.migrate import current_revision, head_revision, upgrade


def shown_url(url: str) -> str:
    try:
        return make_url(url).render_as_string(hide_password=True)
    except ArgumentError:
        return url


def open_database(args: argparse.Namespace, *, migrate: bool = False) -> Engine:
    """Open the database named by --db; create the embedded one on first use.

    A server database without Quai's schema is an error that says which command
    creates it; the embedded SQLite file is created silently, as a new user expects.
    """
    url = args.db or default_central_url()
    try:
        engine = make_engine(url)
        revision = current_revision(engine)
    except ArgumentError as exc:
        raise CliError(f"--db {url!r} is not a database URL ({exc})", 2) from None
    except (OperationalError, SQLAlchemyError) as exc:
        raise CliError(f"cannot open the database {shown_url(url)}: {exc.orig if hasattr(exc, 'orig') else exc}", 2) from None
    embedded = args.db is None and url.startswith("sqlite")
    if revision != head_revision():
        if migrate or embedded:
            upgrade(engine)
        elif revision is None:
            raise CliError(f"{shown_url(url)} has no Quai schema yet: run `quai db upgrade --db {shown_url(url)}`", 2)
        else:
            raise CliError(
                f"{shown_url(url)} is at schema {revision}, this Quai needs {head_revision()}: "
                f"run `quai db upgrade --db {shown_url(url)}`",
                2,
            )
    return engine
