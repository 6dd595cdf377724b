"""Handler of ``quai central add-station``: a station's own PostgreSQL role (arguments in app.cli).

The password comes from a 0600 file or an environment variable (app.credentials), is
sent to PostgreSQL only as a SCRAM verifier (app.sync.roles), and appears in no output
and no error message.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from app.cli.common import connect, shown_url
from app.cli.errors import CliError
from app.credentials import CredentialError, read_password_env, read_password_file


def _password(args: argparse.Namespace) -> tuple[str | None, str]:
    """The password and where it came from (for the message), or (None, why none)."""
    try:
        if args.password_file is not None:
            return read_password_file(Path(args.password_file)), f"from {args.password_file}"
        if args.password_env is not None:
            return read_password_env(args.password_env), f"from ${args.password_env}"
    except CredentialError as exc:
        raise CliError(f"{exc}; no role was created or changed", 2) from None
    return None, "none set (an existing one is kept)"


def cmd_central_add_station(args: argparse.Namespace) -> int:
    """Create or update station NAME's login role and (re)write the stations' privileges."""
    import psycopg
    from sqlalchemy.engine import make_url

    from app.sync.roles import RoleError, add_station, validate_station_name, with_psycopg

    try:
        validate_station_name(args.name)
    except RoleError as exc:
        raise CliError(str(exc), 2) from None
    password, source = _password(args)  # before connecting: a bad file changes nothing
    engine, revision = connect(args)
    url = shown_url(engine.url.render_as_string(hide_password=False))
    if engine.dialect.name != "postgresql":
        raise CliError(f"{url}: station roles need a PostgreSQL central database (the embedded SQLite file has none)", 2)
    if revision is None:
        raise CliError(f"{url} has no Quai schema: create it first with `quai central init --db {url}`", 2)
    try:
        with with_psycopg(engine) as conn:
            role = add_station(conn, args.name, password, supervisor=args.supervisor)
    except RoleError as exc:
        raise CliError(f"{url}: {_scrub(str(exc), password)}", 2) from None
    except psycopg.Error as exc:
        reason = _scrub(str(exc).splitlines()[0] if str(exc) else type(exc).__name__, password)
        raise CliError(f"{url}: cannot create the role for station {args.name}: {reason}", 2) from None
    finally:
        engine.dispose()
    station_url = make_url(engine.url.render_as_string(hide_password=False)).set(
        drivername="postgresql", username=role, password=None
    ).render_as_string(hide_password=True)
    kind = "supervisor console" if args.supervisor else "station"
    print(f"{url}: role {role} ready for {kind} {args.name}; password: {source}")
    print(f"  its configuration: [central] url = \"{station_url}\" with password_file (mode 600) or password_env")
    return 0


def _scrub(text: str, password: str | None) -> str:
    """Belt and braces: no message leaves with the password in it."""
    return text.replace(password, "***") if password else text
