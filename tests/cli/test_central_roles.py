"""``quai central add-station``: a station's own PostgreSQL role, the password never shown."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from pathlib import Path

import psycopg
import pytest
from psycopg import sql
from sqlalchemy.engine import make_url

from app.cli import main
from app.store.db import make_engine, sqlite_url
from app.sync.capture import prepare_central


def _plain(url: str) -> str:
    return make_url(url).set(drivername="postgresql").render_as_string(hide_password=False)


@pytest.fixture
def central_url(pg_url: str) -> str:
    engine = make_engine(pg_url)
    prepare_central(engine)
    engine.dispose()
    return pg_url


@pytest.fixture
def station_name(pg_url: str) -> Iterator[str]:
    """A unique station name; its role (if any was made) is dropped afterwards."""
    name = f"PICK-{uuid.uuid4().hex[:8]}"
    yield name
    role = f"quai_station_{name}"
    with psycopg.connect(_plain(pg_url), autocommit=True) as admin:
        if admin.execute("SELECT 1 FROM pg_roles WHERE rolname = %s", (role,)).fetchone():
            admin.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = %s", (role,))
            admin.execute(sql.SQL("DROP OWNED BY {}").format(sql.Identifier(role)))
            admin.execute(sql.SQL("DROP ROLE {}").format(sql.Identifier(role)))


def _role(pg_url: str, role: str) -> tuple[str | None, bool, bool] | None:
    """(stored password, member of quai_station, member of quai_supervisor), or None."""
    with psycopg.connect(_plain(pg_url)) as admin:
        row = admin.execute("SELECT rolpassword FROM pg_authid WHERE rolname = %s", (role,)).fetchone()
        if row is None:
            return None
        station, supervisor = admin.execute(
            "SELECT pg_has_role(%s, 'quai_station', 'MEMBER'), pg_has_role(%s, 'quai_supervisor', 'MEMBER')",
            (role, role),
        ).fetchone()
        return row[0], station, supervisor


def _secret_file(tmp_path: Path, mode: int = 0o600) -> tuple[Path, str]:
    secret = f"pw-{uuid.uuid4().hex}"
    path = tmp_path / "station.pass"
    path.write_text(secret + "\n")
    path.chmod(mode)
    return path, secret


def test_add_station_with_a_password_file(central_url, station_name, tmp_path, capsys) -> None:
    path, secret = _secret_file(tmp_path)
    assert main(["central", "add-station", station_name, "--password-file", str(path), "--db", central_url]) == 0
    out = capsys.readouterr()
    role = f"quai_station_{station_name}"
    assert role in out.out and f"from {path}" in out.out
    assert f"postgresql://{role}@127.0.0.1:5432/" in out.out
    assert secret not in out.out + out.err
    stored, station, supervisor = _role(central_url, role)
    assert stored.startswith("SCRAM-SHA-256$") and secret not in stored
    assert (station, supervisor) == (True, False)
    # The station logs in as that role (trust on the test server) and is limited by it.
    with psycopg.connect(_plain(make_url(central_url).set(username=role).render_as_string(False))) as conn:
        assert conn.execute("SELECT quai_station_name()").fetchone()[0] == station_name
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute("DROP TABLE events")


def test_add_station_again_keeps_the_password_and_can_make_a_supervisor_console(
    central_url, station_name, tmp_path, monkeypatch, capsys
) -> None:
    monkeypatch.setenv("QUAI_STATION_PW", "first-secret-1")
    assert main(["central", "add-station", station_name, "--password-env", "QUAI_STATION_PW", "--db", central_url]) == 0
    role = f"quai_station_{station_name}"
    first = _role(central_url, role)[0]
    assert main(["central", "add-station", station_name, "--supervisor", "--db", central_url]) == 0
    out = capsys.readouterr().out
    assert "supervisor console" in out and "first-secret-1" not in out
    stored, station, supervisor = _role(central_url, role)
    assert (stored, station, supervisor) == (first, True, True)
    assert main(["central", "add-station", station_name, "--db", central_url]) == 0
    assert _role(central_url, role)[2] is False  # back to a plain station


def test_a_password_file_others_can_read_is_refused_and_not_shown(central_url, station_name, tmp_path, capsys) -> None:
    path, secret = _secret_file(tmp_path, 0o644)
    assert main(["central", "add-station", station_name, "--password-file", str(path), "--db", central_url]) == 2
    err = capsys.readouterr().err
    assert "chmod 600" in err and "no role was created" in err
    assert secret not in err
    assert _role(central_url, f"quai_station_{station_name}") is None


def test_missing_password_variable_names_the_variable(central_url, station_name, monkeypatch, capsys) -> None:
    monkeypatch.delenv("QUAI_NO_SUCH_PW", raising=False)
    assert main(["central", "add-station", station_name, "--password-env", "QUAI_NO_SUCH_PW", "--db", central_url]) == 2
    assert "QUAI_NO_SUCH_PW" in capsys.readouterr().err
    assert _role(central_url, f"quai_station_{station_name}") is None


def test_unreachable_database_shows_neither_password(station_name, monkeypatch, capsys) -> None:
    monkeypatch.setenv("QUAI_STATION_PW", "station-secret-77")
    url = "postgresql://postgres:admin-secret-99@127.0.0.1:1/quai?application_name=x&sslmode=disable"
    assert main(["central", "add-station", station_name, "--password-env", "QUAI_STATION_PW", "--db", url]) == 2
    out = capsys.readouterr()
    assert "127.0.0.1:1" in out.err
    for secret in ("station-secret-77", "admin-secret-99"):
        assert secret not in out.out + out.err


@pytest.mark.parametrize("name", ["bad name", "x;drop", "P" * 51])
def test_bad_station_name(name, central_url, capsys) -> None:
    assert main(["central", "add-station", name, "--db", central_url]) == 2
    assert "station name" in capsys.readouterr().err


def test_add_station_needs_postgresql_and_a_schema(pg_url, station_name, tmp_path, capsys) -> None:
    assert main(["central", "add-station", station_name, "--db", sqlite_url(tmp_path / "c.db")]) == 2
    assert "PostgreSQL" in capsys.readouterr().err
    assert main(["central", "add-station", station_name, "--db", pg_url]) == 2  # no schema yet
    assert "quai central init" in capsys.readouterr().err
    assert _role(pg_url, f"quai_station_{station_name}") is None


def test_password_options_are_exclusive(capsys) -> None:
    with pytest.raises(SystemExit):
        main(["central", "add-station", "P1", "--password-file", "f", "--password-env", "V"])
    assert "not allowed with" in capsys.readouterr().err
