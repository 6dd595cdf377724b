"""``quai ship`` and ``quai manifest``, run as the real command in a subprocess against a real
SQLite database: a parcel leaves once, what must not leave is refused with exit code 1, the
manifest comes out as CSV and PDF (read back), the missing parcels are listed, and ``--close``
records the day."""

from __future__ import annotations

import csv
import io
import os
import subprocess
import sys
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import Engine, select

from app.domain.sscc import SsccSettings, build_sscc
from app.packing.events import MANIFEST_CLOSED, PARCEL_SHIPPED
from app.store.db import session_factory, transaction
from app.store.handover import local_day
from app.store.models import Event, Order, Parcel

SETTINGS = SsccSettings(3, "3760123")


def sscc(n: int) -> str:
    return build_sscc(SETTINGS, n)


@pytest.fixture
def db(sqlite_engine: Engine) -> str:
    closed = datetime.now(UTC) - timedelta(hours=1)
    with transaction(session_factory(sqlite_engine)) as session:
        for number, carrier, count, first, status in (
            ("#1042", "colissimo", 2, 1, "ready_to_ship"),
            ("#1043", "colissimo", 1, 10, "ready_to_ship"),
            ("#1044", "colissimo", 1, 20, "on_hold"),
            ("#1045", "chronopost", 1, 30, "ready_to_ship"),
        ):
            order = Order(number=number, carrier=carrier, status=status, ship_name=f"Client {number}",
                          ship_zip="69007", ship_city="Lyon", hold_reason="adresse à vérifier" if status == "on_hold" else None)
            for seq in range(1, count + 1):
                order.parcels.append(Parcel(seq=seq, sscc=sscc(first + seq - 1), weight_g=1500 + seq, status="closed",
                                            closed_at=closed))
            session.add(order)
    return sqlite_engine.url.render_as_string(hide_password=False)


def quai(*args: str) -> subprocess.CompletedProcess[bytes]:
    env = {**os.environ, "PYTHONDONTWRITEBYTECODE": "1", "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run([sys.executable, "-m", "app.cli", *args], capture_output=True, env=env, timeout=120,
                          cwd=Path(__file__).resolve().parents[2])


def events(url: str, kind: str) -> list[Event]:
    from app.store.db import make_engine

    engine = make_engine(url)
    with session_factory(engine)() as session:
        found = list(session.scalars(select(Event).where(Event.kind == kind)))
        for event in found:
            session.expunge(event)
    engine.dispose()
    return found


def test_ship_hands_a_parcel_over_once_and_refuses_what_must_not_leave(db: str) -> None:
    first = quai("ship", f"(00){sscc(1)}", "--carrier", "colissimo", "--actor", "BDG0003", "--db", db)
    assert first.returncode == 0, first.stderr
    assert first.stdout.decode() == f"parcel 1/2 of #1042 handed over (SSCC {sscc(1)}, colissimo); 1 more of #1042 to go\n"
    last = quai("ship", sscc(2), "--db", db)
    assert last.returncode == 0 and "; order #1042 shipped" in last.stdout.decode()
    again = quai("ship", sscc(1), "--db", db)
    assert again.returncode == 0 and "was already handed over at " in again.stdout.decode()
    held = quai("ship", sscc(20), "--carrier", "colissimo", "--db", db)
    assert held.returncode == 1
    assert "order #1044 is on_hold (adresse à vérifier): put parcel" in held.stderr.decode()
    other = quai("ship", sscc(30), "--carrier", "colissimo", "--db", db)
    assert other.returncode == 1 and "goes with chronopost, not colissimo" in other.stderr.decode()
    shipped = events(db, PARCEL_SHIPPED)
    assert sorted(e.payload["sscc"] for e in shipped) == [sscc(1), sscc(2)]
    assert all(e.station == "quai-cli" for e in shipped) and shipped[0].actor == "BDG0003"


def test_the_csv_manifest_lists_what_left_and_stderr_what_is_missing(db: str, tmp_path: Path) -> None:
    assert quai("ship", sscc(1), "--db", db).returncode == 0
    out = tmp_path / "colissimo.csv"
    done = quai("manifest", "colissimo", "--format", "csv", "--out", str(out), "--db", db)
    assert done.returncode == 0, done.stderr
    data = out.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    table = list(csv.reader(io.StringIO(data[3:].decode("utf-8"), newline=""), delimiter=";"))
    assert table[0][:3] == ["SSCC", "Commande", "Colis"]
    assert [(r[0], r[1], r[2], r[9]) for r in table[1:]] == [(sscc(1), "#1042", "1/2", "1,501")]
    report = done.stderr.decode()
    assert f"manifest colissimo {local_day().isoformat()}: 1 parcel, 1.501 kg" in report
    assert "2 missing (expected, not handed over):" in report and sscc(2) in report and sscc(10) in report
    assert "1 set aside (order stopped):" in report and sscc(20) in report
    assert events(db, MANIFEST_CLOSED) == []  # without --close it only reads


def test_the_pdf_manifest_closes_the_day_when_asked(db: str, tmp_path: Path, qapp) -> None:
    from PySide6.QtPdf import QPdfDocument

    assert quai("ship", sscc(10), "--db", db).returncode == 0
    done = quai("manifest", "colissimo", "--close", "--actor", "BDG0003", "--out", "-", "--db", db)
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith(b"%PDF")
    path = tmp_path / "manifest.pdf"
    path.write_bytes(done.stdout)
    pdf = QPdfDocument()
    assert pdf.load(str(path)) == QPdfDocument.Error.None_ and pdf.pageCount() == 1
    text = pdf.getAllText(0).text()
    assert "COLISSIMO" in text and sscc(10) in text and "Colis manquants (2)" in text
    [closed] = events(db, MANIFEST_CLOSED)
    assert closed.actor == "BDG0003" and closed.payload["parcels"] == [sscc(10)]
    assert sorted(closed.payload["missing"]) == [sscc(1), sscc(2)]


def test_another_day_and_bad_arguments(db: str, tmp_path: Path) -> None:
    yesterday = (local_day() - timedelta(days=1)).isoformat()
    out = tmp_path / "old.csv"
    done = quai("manifest", "colissimo", "--date", yesterday, "--format", "csv", "--out", str(out), "--db", db)
    assert done.returncode == 0 and out.read_bytes().count(b"\r\n") == 1  # the header alone
    bad_date = quai("manifest", "colissimo", "--date", "24/11/2026", "--out", "-", "--db", db)
    assert bad_date.returncode == 2 and "write it YYYY-MM-DD" in bad_date.stderr.decode()
    unwritable = quai("manifest", "colissimo", "--format", "csv", "--out", str(tmp_path / "no" / "x.csv"), "--db", db)
    assert unwritable.returncode == 1 and "cannot write the manifest" in unwritable.stderr.decode()
    assert quai("ship", "12345", "--db", db).returncode == 1
    assert date.fromisoformat(yesterday) < local_day()
