"""`quai demo` end to end, as real processes: build, reuse, sheets, then the admin commands on it."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest
from sqlalchemy import func, select

from app.store.db import make_engine, session_factory, sqlite_url
from app.store.models import Order, User


def _quai(*args: str, data_dir: Path) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, QUAI_DATA_DIR=str(data_dir), QT_QPA_PLATFORM="offscreen")
    env.pop("QUAI_DB", None)
    return subprocess.run(
        [sys.executable, "-m", "app.cli", *args], capture_output=True, text=True, timeout=180, env=env
    )


def test_demo_builds_once_then_reuses_and_prints_sheets(tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    sheets = tmp_path / "sheets.pdf"
    first = _quai("demo", "--reset", "--no-gui", "--sheets", str(sheets), data_dir=data_dir)
    assert first.returncode == 0, first.stderr
    assert sheets.read_bytes().startswith(b"%PDF")
    assert "pages" in first.stdout

    central = sqlite_url(data_dir / "demo" / "central.db")
    listing = _quai("orders", "list", "--db", central, "--format", "json", data_dir=data_dir)
    assert listing.returncode == 0, listing.stderr
    orders = json.loads(listing.stdout)
    statuses = Counter(o["status"] for o in orders)
    carriers = {o["carrier"] for o in orders}
    assert len(orders) >= 40
    assert statuses["on_hold"] >= 2 and statuses["awaiting_stock"] >= 2
    assert {"colissimo", "chronopost", "mondial_relay", "click_collect"} <= carriers
    assert any(o["delivery"] == "relay" and o["relay_point_id"] for o in orders)
    assert any(o["delivery"] == "pickup" for o in orders)

    badge = _quai("lookup", "BDG0001", "--db", central, "--format", "json", data_dir=data_dir)
    assert badge.returncode == 0 and json.loads(badge.stdout)["kind"] == "badge"

    # the station's replica holds the same orders and users
    replica = session_factory(make_engine(sqlite_url(data_dir / "demo" / "station-DEMO-01.db")))
    with replica() as session:
        assert session.scalar(select(func.count()).select_from(Order)) == len(orders)
        assert session.scalar(select(func.count()).select_from(User)) >= 3

    again = _quai("demo", "--no-gui", data_dir=data_dir)
    assert again.returncode == 0, again.stderr
    assert "reused" in again.stdout
    listing = _quai("orders", "list", "--db", central, "--format", "json", data_dir=data_dir)
    assert len(json.loads(listing.stdout)) == len(orders)  # idempotent: nothing added twice


def test_import_of_a_malformed_file_names_file_line_column(tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    bad = tmp_path / "locations.csv"
    bad.write_text("code,zone,aisle,bay,level,pick_sequence\nA-01-01-1,A,01,01,1,10\nA-01-01-2,A,01,01,2,dix\n",
                   encoding="utf-8")
    done = _quai("import", "locations", str(bad), data_dir=data_dir)
    assert done.returncode != 0
    assert f"{bad}:3:6" in done.stderr and "nothing was imported" in done.stderr
    listing = _quai("lookup", "A-01-01-1", data_dir=data_dir)
    assert listing.returncode == 1  # the good first row was not imported either


def test_an_interrupted_demo_build_is_built_again(tmp_path: Path) -> None:
    """Products in but no `demo.built` marker: the demo is rebuilt, not reused half-filled."""
    from app.store.migrate import upgrade

    data_dir = tmp_path / "data"
    central = data_dir / "demo" / "central.db"
    engine = make_engine(sqlite_url(central))
    upgrade(engine)
    products = Path(__file__).resolve().parents[2] / "resources" / "sample-data" / "shopify-products-export.csv"
    done = _quai("import", "products", str(products), "--db", sqlite_url(central), data_dir=data_dir)
    assert done.returncode == 0, done.stderr
    engine.dispose()

    again = _quai("demo", "--no-gui", data_dir=data_dir)
    assert again.returncode == 0, again.stderr
    assert "interrupted" in again.stdout
    listing = _quai("orders", "list", "--db", sqlite_url(central), "--format", "json", data_dir=data_dir)
    assert len(json.loads(listing.stdout)) >= 40


def test_sheets_to_an_unwritable_place_is_a_clear_error(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    done = _quai("demo", "--no-gui", "--sheets", str(blocker / "sheets.pdf"), data_dir=tmp_path / "data")
    assert done.returncode == 1
    assert "cannot write the barcode sheets" in done.stderr and "Traceback" not in done.stderr


@pytest.mark.postgres
def test_demo_on_postgres_and_never_over_real_data(pg_url: str, tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    built = _quai("demo", "--no-gui", "--db", pg_url, data_dir=data_dir)
    assert built.returncode == 0, built.stderr
    listing = _quai("orders", "list", "--db", pg_url, "--format", "json", data_dir=data_dir)
    assert len(json.loads(listing.stdout)) >= 40
    reset = _quai("demo", "--no-gui", "--reset", "--db", pg_url, data_dir=data_dir)
    assert reset.returncode == 0, reset.stderr
    assert len(json.loads(_quai("orders", "list", "--db", pg_url, "--format", "json", data_dir=data_dir).stdout)) >= 40

    # a database with a real site's data (no demo marker) is refused, untouched
    real = sqlite_url(tmp_path / "real.db")
    assert _quai("db", "upgrade", "--db", real, data_dir=data_dir).returncode == 0
    locations = tmp_path / "locations.csv"
    locations.write_text("code,zone,aisle,bay,level,pick_sequence\nA-01-01-1,A,01,01,1,10\n", encoding="utf-8")
    assert _quai("import", "locations", str(locations), "--db", real, data_dir=data_dir).returncode == 0
    refused = _quai("demo", "--no-gui", "--db", real, data_dir=data_dir)  # locations alone are real data too
    assert refused.returncode == 2 and "not the demo's" in refused.stderr
    products = tmp_path / "products.csv"
    products.write_text("sku,name\nREAL-1,Vrai produit\n", encoding="utf-8")
    assert _quai("import", "products", str(products), "--db", real, data_dir=data_dir).returncode == 0
    refused = _quai("demo", "--no-gui", "--reset", "--db", real, data_dir=data_dir)
    assert refused.returncode == 2 and "not the demo's" in refused.stderr
    assert _quai("lookup", "REAL-1", "--db", real, data_dir=data_dir).returncode == 0
