"""What every subcommand shares: the --db option, opening the database, errors."""

from __future__ import annotations

import argparse
import os

from sqlalchemy import Engine
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, SQLAlchemyError

from app.cli.errors import CliError
from app.paths import ENV_DB
from app.store.db import default_central_url, make_engine
from app.store.migrate import current_revision, head_revision
from app.sync.capture import prepare_central


def shown_url(url: str) -> str:
    try:
        return make_url(url).render_as_string(hide_password=True)
    except ArgumentError:
        return url


def connect(args: argparse.Namespace) -> tuple[Engine, str | None]:
    """The engine for --db (or $QUAI_DB, or the embedded file) and its schema revision.

    A bad URL or an unreachable database is a CliError naming it (password hidden).
    """
    url = args.db or default_central_url()
    try:
        engine = make_engine(url)
        return engine, current_revision(engine)
    except ArgumentError as exc:
        raise CliError(f"--db {url!r} is not a database URL ({exc})", 2) from None
    except SQLAlchemyError as exc:
        reason = str(getattr(exc, "orig", None) or exc).splitlines()[0]
        raise CliError(f"cannot open the database {shown_url(url)}: {reason}", 2) from None


def open_database(args: argparse.Namespace, *, migrate: bool = False) -> Engine:
    """Open the database named by --db; create the embedded one on first use.

    A database named by --db or $QUAI_DB without Quai's schema is an error that says
    which command creates it; the embedded SQLite file is created silently, as a new
    user expects.
    """
    engine, revision = connect(args)
    url = shown_url(engine.url.render_as_string(hide_password=False))
    embedded = args.db is None and not os.environ.get(ENV_DB)  # the embedded default file
    if revision != head_revision():
        if migrate or embedded:
            # Every database the admin commands open is a central one: it gets the
            # stations' change log with its schema (app.sync.capture).
            prepare_central(engine)
        elif revision is None:
            raise CliError(f"{url} has no Quai schema yet: run `quai db upgrade --db {url}`", 2)
        else:
            raise CliError(f"{url} is at schema {revision}, this Quai needs {head_revision()}: run `quai db upgrade --db {url}`", 2)
    return engine
