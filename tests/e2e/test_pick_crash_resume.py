"""Kill the station (-9) in the middle of a pick: on restart it resumes at the same step with
the same counts, and nothing is counted twice.

A real ``quai station`` process (offscreen Qt), its scanner a real pseudo-terminal (as a
USB-CDC scanner), an embedded central database. The test writes scans into the pty and
reads the station's replica (another process's SQLite file) to know each one was committed.
"""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from app.store.db import make_engine, sqlite_url
from app.sync.capture import prepare_central
from tests.gui.conftest import fill_replica
from tests.support.serial_pty import Pty
from tests.support.warehouse import GTIN, add_warehouse

REPO = Path(__file__).resolve().parents[2]


class Station:
    def __init__(self, tmp: Path, pty: Pty) -> None:
        self.tmp = tmp
        self.replica = tmp / "station.db"
        self.config = tmp / "station.toml"
        self.config.write_text(
            f'[station]\nname = "PICK-07"\nkind = "picking"\nlanguage = "fr"\nlocal_url = "{sqlite_url(self.replica)}"\n'
            f'[central]\nurl = "{sqlite_url(tmp / "central.db")}"\n'
            f'[scanners]\nurls = ["serial://{pty.link}?terminator=CR"]\n'
            '[picking]\nbatch_size = 1\n',
            encoding="utf-8",
        )
        self.pty = pty
        self.process: subprocess.Popen | None = None

    def start(self) -> None:
        env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "QUAI_SILENT": "1", "PYTHONPATH": str(REPO)}
        self.process = subprocess.Popen(
            [sys.executable, "-m", "app.cli", "station", "--config", str(self.config)],
            env=env, stdout=subprocess.DEVNULL, stderr=open(self.tmp / "station.log", "ab"),
        )

    def kill(self) -> None:
        assert self.process is not None
        self.process.send_signal(signal.SIGKILL)
        self.process.wait(10)

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.kill()
            self.process.wait(10)

    def query(self, sql: str, *args):
        if not self.replica.exists():
            return None
        try:
            connection = sqlite3.connect(f"file:{self.replica}?mode=ro", uri=True, timeout=5)
            try:
                return connection.execute(sql, args).fetchone()
            finally:
                connection.close()
        except sqlite3.OperationalError:
            return None  # not migrated yet, or locked for a moment

    def count(self, kind: str) -> int:
        row = self.query("SELECT count(*) FROM events WHERE kind = ?", kind)
        return row[0] if row else 0

    def picked(self, sku: str) -> int:
        row = self.query("SELECT l.picked FROM order_lines l JOIN orders o ON o.id = l.order_id "
                         "WHERE o.number = '#2001' AND l.sku = ?", sku)
        return row[0] if row else -1

    def status(self) -> str | None:
        row = self.query("SELECT status FROM orders WHERE number = '#2001'")
        return row[0] if row else None

    def scan_until(self, text: str, done, timeout: float = 20.0, again_every: float | None = None) -> None:
        """Write ``text`` as a scan; wait until ``done()``; with ``again_every``, scan again
        meanwhile (the station may still be opening its port or its replica)."""
        deadline = time.monotonic() + timeout
        last = 0.0
        while time.monotonic() < deadline:
            if self.process is not None and self.process.poll() is not None:
                log = (self.tmp / "station.log").read_text(errors="replace")[-2000:]
                pytest.fail(f"the station exited ({self.process.returncode}):\n{log}")
            if last == 0.0 or (again_every is not None and time.monotonic() - last > again_every):
                self.pty.write(text.encode() + b"\r")
                last = time.monotonic()
            if done():
                return
            time.sleep(0.05)
        log = (self.tmp / "station.log").read_text(errors="replace")[-2000:]
        pytest.fail(f"scan {text!r} had no effect in {timeout} s:\n{log}")


@pytest.fixture
def station(tmp_path: Path):
    central = sqlite_url(tmp_path / "central.db")
    fill_replica(central)
    add_warehouse(central)
    engine = make_engine(central)
    prepare_central(engine)
    engine.dispose()
    pty = Pty(tmp_path / "usb-Scanner_0099-if00")
    station = Station(tmp_path, pty)
    yield station
    station.stop()
    try:
        pty.unplug()
    except OSError:
        pass


def log_in(station: Station) -> None:
    logins = station.count("user.logged_in")
    station.scan_until("BDG0001", lambda: station.count("user.logged_in") > logins, timeout=40, again_every=2.0)


def test_killed_mid_pick_the_station_resumes_at_the_same_step_with_the_same_counts(station: Station) -> None:
    station.start()
    log_in(station)
    station.scan_until("CMD-NEXT", lambda: station.count("pick.started") == 1)
    assert station.status() == "picking"
    station.scan_until("A-01-01-1", lambda: station.count("pick.location_confirmed") == 1)
    station.scan_until(GTIN["MUG"], lambda: station.picked("MUG") == 1)
    station.scan_until("A-02-01-1", lambda: station.count("pick.location_confirmed") == 2)

    station.kill()  # at the product step of TEA, its location confirmed
    station.start()
    log_in(station)
    # Resumed at the product step: the product is taken without scanning the location again.
    # (Scanned again until it counts: the pick screen comes back once the replica has
    # answered, and a scan before that only asks for attention on the home screen. Each
    # repeat waits far longer than a commit takes, so it cannot count a unit twice.)
    station.scan_until(GTIN["TEA"], lambda: station.picked("TEA") == 1, again_every=1.5)
    assert station.picked("MUG") == 1

    station.kill()  # one TEA of two in hand
    station.start()
    log_in(station)
    station.scan_until(GTIN["TEA"], lambda: station.status() == "picked", again_every=1.5)
    assert (station.picked("MUG"), station.picked("TEA")) == (1, 2)
    assert station.count("pick.unit") == 3 and station.count("pick.started") == 1  # nothing twice
