"""The command-line contract, against real SQLite files and the real PostgreSQL."""

from __future__ import annotations

import io
import json
import subprocess
import sys

import pytest
from sqlalchemy import Engine, select

from app.cli import main
from app.store.db import make_engine, session_factory, sqlite_url, transaction
from app.store.migrate import head_revision
from app.store.models import Location, Order, OrderLine, Product, ProductGtin, User


def _db_url(engine: Engine) -> str:
    return engine.url.render_as_string(hide_password=False)


def _seed(engine: Engine) -> None:
    with transaction(session_factory(engine)) as session:
        session.add(Product(sku="SAV-300", name="Savon de Marseille 300 g", gtins=[ProductGtin(gtin="03760000000017")]))
        session.add(Location(code="A-01-02-3", zone="A", aisle="01", bay="02", level="3", pick_sequence=10))
        order = Order(number="#1001", carrier="mondial_relay", delivery_mode="relay", relay_point_id="FR-012345",
                      status="on_hold", resume_status="new", hold_reason="fraud_risk: Risk Level High")
        order.lines = [OrderLine(line_no=1, sku="SAV-300", quantity=2, picked=1)]
        session.add(order)
        session.add(Order(number="#1002", carrier="colissimo", status="new"))


def test_db_upgrade_creates_the_schema(tmp_path, capsys) -> None:
    url = sqlite_url(tmp_path / "fresh.db")
    assert main(["db", "upgrade", "--db", url]) == 0
    assert f"schema at {head_revision()}" in capsys.readouterr().out
    assert main(["db", "upgrade", "--db", url]) == 0  # idempotent


@pytest.mark.postgres
def test_db_upgrade_on_postgres(pg_url, capsys) -> None:
    assert main(["db", "upgrade", "--db", pg_url]) == 0
    assert main(["orders", "list", "--db", pg_url, "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out.split("\n", 1)[1]) == []


def test_a_server_database_without_schema_is_a_clear_error(tmp_path, capsys) -> None:
    url = sqlite_url(tmp_path / "empty.db")
    assert main(["orders", "list", "--db", url]) == 2
    assert "quai db upgrade" in capsys.readouterr().err


def test_unreachable_database_names_it(capsys) -> None:
    code = main(["orders", "list", "--db", "postgresql://nobody:secret@127.0.0.1:1/quai"])
    err = capsys.readouterr().err
    assert code == 2 and "127.0.0.1:1" in err and "secret" not in err


def test_orders_list_json_contract(any_engine: Engine, capsys) -> None:
    _seed(any_engine)
    assert main(["orders", "list", "--db", _db_url(any_engine), "--format", "json"]) == 0
    orders = {o["number"]: o for o in json.loads(capsys.readouterr().out)}
    held = orders["#1001"]
    for key in ("number", "status", "carrier", "delivery", "relay_point_id", "hold_reason", "exception_reason", "lines"):
        assert key in held
    assert held["status"] == "on_hold" and held["delivery"] == "relay" and held["relay_point_id"] == "FR-012345"
    assert held["lines"] == [{"sku": "SAV-300", "quantity": 2, "picked": 1, "verified": 0}]
    assert main(["orders", "list", "--db", _db_url(any_engine), "--status", "new", "--format", "json"]) == 0
    assert [o["number"] for o in json.loads(capsys.readouterr().out)] == ["#1002"]


def test_orders_list_table(sqlite_engine: Engine, capsys) -> None:
    _seed(sqlite_engine)
    assert main(["orders", "list", "--db", _db_url(sqlite_engine)]) == 0
    out = capsys.readouterr().out
    assert "#1001" in out and "fraud_risk" in out and "2 order(s)" in out


@pytest.mark.parametrize(
    ("code", "kind", "key", "value"),
    [
        ("3760000000017", "product", "sku", "SAV-300"),  # EAN-13
        ("03760000000017", "product", "sku", "SAV-300"),  # GTIN-14
        ("]C10103760000000017", "product", "sku", "SAV-300"),  # GS1-128 with AIM prefix
        ("SAV-300", "product", "gtin", "03760000000017"),  # by SKU
        ("A-01-02-3", "location", "zone", "A"),
        ("#1001", "order", "status", "on_hold"),
        ("TOT007", "tote", "code", "TOT007"),
        ("CMD-UNDO", "command", "command", "UNDO"),
        ("376000000000000037", "parcel", "sscc", "376000000000000037"),
    ],
)
def test_lookup_kinds(sqlite_engine: Engine, capsys, code: str, kind: str, key: str, value: str) -> None:
    _seed(sqlite_engine)
    assert main(["lookup", code, "--db", _db_url(sqlite_engine), "--format", "json"]) == 0
    result = json.loads(capsys.readouterr().out)
    assert result["kind"] == kind
    assert result[kind][key] == value


def test_lookup_wrong_check_digit_never_matches(sqlite_engine: Engine, capsys) -> None:
    _seed(sqlite_engine)
    # a product whose SKU is the misread digits must not be found either
    with transaction(session_factory(sqlite_engine)) as session:
        session.add(Product(sku="3760000000018", name="piège"))
    assert main(["lookup", "3760000000018", "--db", _db_url(sqlite_engine), "--format", "json"]) == 1
    captured = capsys.readouterr()
    assert json.loads(captured.out)["kind"] == "unknown"
    assert "check digit" in captured.err


def test_lookup_unknown_code_explains(sqlite_engine: Engine, capsys) -> None:
    _seed(sqlite_engine)
    assert main(["lookup", "Z-99-99-9", "--db", _db_url(sqlite_engine)]) == 1
    assert "does not exist" in capsys.readouterr().err


def test_users_add_with_pin_from_stdin(sqlite_engine: Engine, monkeypatch, capsys) -> None:
    url = _db_url(sqlite_engine)
    monkeypatch.setattr(sys, "stdin", io.StringIO("4321\n"))
    assert main(["users", "add", "--name", "Nathalie Laurent", "--roles", "supervisor,picker",
                 "--badge", "BDG0100", "--pin", "--db", url]) == 0
    assert "and a PIN" in capsys.readouterr().out
    with session_factory(sqlite_engine)() as session:
        user = session.scalar(select(User).where(User.badge == "BDG0100"))
    assert user.roles == "picker,supervisor"
    assert user.pin_hash and "4321" not in user.pin_hash
    # same badge again: refused, with the badge named
    assert main(["users", "add", "--name", "X", "--roles", "picker", "--badge", "BDG0100", "--db", url]) == 1
    assert "BDG0100" in capsys.readouterr().err
    assert main(["users", "add", "--name", "X", "--roles", "cook", "--badge", "BDG0101", "--db", url]) == 1
    assert "cook" in capsys.readouterr().err
    assert main(["lookup", "BDG0100", "--db", url, "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out)["badge"]["name"] == "Nathalie Laurent"


def test_quai_db_env_is_the_default(tmp_path, monkeypatch, capsys) -> None:
    url = sqlite_url(tmp_path / "env.db")
    monkeypatch.setenv("QUAI_DB", url)
    assert main(["db", "upgrade"]) == 0
    engine = make_engine(url)
    _seed(engine)
    assert main(["lookup", "A-01-02-3"]) == 0
    assert "location" in capsys.readouterr().out


def test_console_script_runs(tmp_path) -> None:
    """The installed `quai` entry point, as a person would run it."""
    url = sqlite_url(tmp_path / "script.db")
    from pathlib import Path

    script = [str(Path(sys.executable).parent / "quai")]
    assert Path(script[0]).exists(), "the quai console script is not installed next to this Python"
    done = subprocess.run([*script, "db", "upgrade", "--db", url], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    done = subprocess.run([*script, "lookup", "3760000000018", "--db", url], capture_output=True, text=True, timeout=60)
    assert done.returncode == 1 and "check digit" in done.stderr


def test_the_cli_status_choices_are_the_domain_statuses() -> None:
    from app.cli import ORDER_STATUSES
    from app.domain.status import OrderStatus

    assert list(ORDER_STATUSES) == [s.value for s in OrderStatus]


def test_starting_the_cli_does_not_import_the_store() -> None:
    """`quai station` shows its window before SQLAlchemy loads (cold start, see bench/)."""
    code = "import sys; from app.cli import build_parser; build_parser(); import app.config; " \
           "print(sorted(m for m in sys.modules if m.startswith(('sqlalchemy', 'app.store'))))"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert done.stdout.strip() == "[]", done.stdout + done.stderr


def test_badges_ignore_case_and_need_the_prefix(sqlite_engine: Engine, capsys) -> None:
    url = _db_url(sqlite_engine)
    assert main(["users", "add", "--name", "Léa", "--roles", "picker", "--badge", " bdg0009 ", "--db", url]) == 0
    assert "BDG0009" in capsys.readouterr().out
    # the same badge in capitals is the same badge
    assert main(["users", "add", "--name", "Other", "--roles", "picker", "--badge", "BDG0009", "--db", url]) == 1
    assert "already" in capsys.readouterr().err
    assert main(["lookup", "bdg0009", "--db", url, "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out)["badge"]["name"] == "Léa"
    # a badge a scanner could not tell from a product is refused, and the prefix is named
    assert main(["users", "add", "--name", "X", "--roles", "picker", "--badge", "12345678", "--db", url]) == 1
    assert "BDG" in capsys.readouterr().err
    from app.store.users import find_by_badge

    with session_factory(sqlite_engine)() as session:
        assert find_by_badge(session, "bdg0009 ").name == "Léa"


@pytest.mark.parametrize("rules_text", ["[[rule]\nmatch = 'x'\n", "rule = 5\n"])
def test_a_bad_rules_file_is_a_clear_error(tmp_path, capsys, rules_text: str) -> None:
    rules = tmp_path / "rules.toml"
    rules.write_text(rules_text, encoding="utf-8")
    orders = tmp_path / "orders.csv"
    orders.write_text("number,sku,quantity\n#1,SKU,1\n", encoding="utf-8")
    code = main(["import", "orders", str(orders), "--rules", str(rules), "--db", sqlite_url(tmp_path / "r.db")])
    err = capsys.readouterr().err
    assert code == 1 and "rules.toml" in err and "nothing was imported" in err


def test_import_prints_its_summary(tmp_path, capsys) -> None:
    locations = tmp_path / "locations.csv"
    locations.write_text("code,zone,aisle,bay,level,pick_sequence\nA-01-01-1,A,01,01,1,10\nA-01-01-2,A,01,01,2,20\n",
                         encoding="utf-8")
    url = sqlite_url(tmp_path / "s.db")
    assert main(["db", "upgrade", "--db", url]) == 0
    capsys.readouterr()
    assert main(["import", "locations", str(locations), "--db", url]) == 0
    assert "imported 2" in capsys.readouterr().out
    assert main(["import", "locations", str(locations), "--db", url]) == 0
    assert "unchanged 2" in capsys.readouterr().out


@pytest.mark.postgres
def test_central_init_and_upgrade_on_postgres(pg_url, capsys) -> None:
    assert main(["central", "upgrade", "--db", pg_url]) == 2
    assert "quai central init" in capsys.readouterr().err
    assert main(["central", "init", "--db", pg_url]) == 0
    assert "central database created" in capsys.readouterr().out
    assert main(["central", "init", "--db", pg_url]) == 0  # idempotent, changes nothing
    assert "already a Quai central database" in capsys.readouterr().out
    assert main(["central", "upgrade", "--db", pg_url]) == 0
    assert "already the latest" in capsys.readouterr().out
    # the admin commands work against it
    assert main(["users", "add", "--name", "Camille", "--roles", "picker", "--badge", "BDG0001", "--db", pg_url]) == 0
    assert main(["lookup", "BDG0001", "--db", pg_url]) == 0


def test_central_upgrade_migrates_an_older_schema(tmp_path, capsys) -> None:
    from app.store.migrate import current_revision, upgrade

    url = sqlite_url(tmp_path / "central.db")
    engine = make_engine(url)
    upgrade(engine, "0001")
    assert main(["central", "upgrade", "--db", url]) == 0
    assert f"from 0001 to {head_revision()}" in capsys.readouterr().out
    assert current_revision(engine) == head_revision()
    engine.dispose()


def test_quai_db_without_schema_is_not_created_silently(tmp_path, monkeypatch, capsys) -> None:
    """Only the embedded default is created on first use; a named database needs `quai db upgrade`."""
    monkeypatch.setenv("QUAI_DB", sqlite_url(tmp_path / "named.db"))
    assert main(["orders", "list"]) == 2
    assert "quai db upgrade" in capsys.readouterr().err
    monkeypatch.delenv("QUAI_DB")
    assert main(["orders", "list"]) == 0  # the embedded default (under QUAI_DATA_DIR) is created
