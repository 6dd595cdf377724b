"""Kill the station (-9) in the middle of a pack: on restart the packer's login brings the pack
back at the same step with the same counts, and nothing is counted twice.

A real ``quai station`` process (offscreen Qt), its scanner a real pseudo-terminal, an
embedded central database holding the packing floor of tests.gui.pack_warehouse. The test
writes scans into the pty and reads the station's replica (another process's SQLite file).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from app.store.db import make_engine, sqlite_url
from app.sync.capture import prepare_central
from tests.e2e.test_pick_crash_resume import Station as PickStation
from tests.gui.conftest import fill_replica
from tests.gui.pack_warehouse import GTIN, add_packing_floor
from tests.support.serial_pty import Pty


class Station(PickStation):
    def __init__(self, tmp: Path, pty: Pty) -> None:
        super().__init__(tmp, pty)
        self.config.write_text(
            f'[station]\nname = "PACK-07"\nkind = "packing"\nlanguage = "fr"\nlocal_url = "{sqlite_url(self.replica)}"\n'
            f'[central]\nurl = "{sqlite_url(tmp / "central.db")}"\n'
            f'[scanners]\nurls = ["serial://{pty.link}?terminator=CR"]\n'
            f'[printing]\nlabel_printer = "file://{tmp / "labels"}"\n'
            f'document_printer = "file://{tmp / "slips"}?language=pdf"\n',
            encoding="utf-8",
        )

    def verified(self, sku: str) -> int:
        row = self.query("SELECT l.verified FROM order_lines l JOIN orders o ON o.id = l.order_id "
                         "WHERE o.number = '#3001' AND l.sku = ?", sku)
        return row[0] if row else -1

    def status(self) -> str | None:
        row = self.query("SELECT status FROM orders WHERE number = '#3001'")
        return row[0] if row else None


@pytest.fixture
def station(tmp_path: Path):
    central = sqlite_url(tmp_path / "central.db")
    fill_replica(central)
    add_packing_floor(central)
    engine = make_engine(central)
    prepare_central(engine)
    engine.dispose()
    pty = Pty(tmp_path / "usb-Scanner_0098-if00")
    station = Station(tmp_path, pty)
    yield station
    station.stop()
    try:
        pty.unplug()
    except OSError:
        pass


def log_in(station: Station) -> None:
    logins = station.count("user.logged_in")
    station.scan_until("BDG0002", lambda: station.count("user.logged_in") > logins, timeout=40, again_every=2.0)


def test_killed_mid_pack_the_station_resumes_at_the_same_step_with_the_same_counts(station: Station) -> None:
    station.start()
    log_in(station)
    station.scan_until("CMD-NEXT", lambda: station.count("pack.started") == 1, again_every=2.0)
    assert station.status() == "packing"
    station.scan_until(GTIN["MUG"], lambda: station.verified("MUG") == 1)
    station.scan_until(GTIN["TEA"], lambda: station.verified("TEA") == 1)

    station.kill()  # one TEA of two verified
    station.start()
    log_in(station)
    # Scanned again until it counts: the pack screen comes back once the replica has answered
    # (a scan before that, on the home, is taken as a tote and refused). Each repeat waits far
    # longer than a commit takes, so no unit is counted twice.
    station.scan_until(GTIN["TEA"], lambda: station.verified("TEA") == 2, again_every=1.5)
    assert station.verified("MUG") == 1
    station.scan_until("CARTON-S", lambda: station.count("pack.box_confirmed") == 1)

    station.kill()  # at the weighing step
    station.start()
    log_in(station)
    # Back at the weighing step with the same history: Undo takes back the box, the last action.
    station.scan_until("CMD-UNDO", lambda: station.count("pack.undone") == 1, again_every=1.5)
    undone = json.loads(station.query("SELECT payload FROM events WHERE kind = 'pack.undone'")[0])
    box = json.loads(station.query("SELECT payload FROM events WHERE kind = 'pack.box_confirmed'")[0])
    assert (undone["of"], undone["kind"]) == (box["n"], "pack.box_confirmed")
    assert (station.verified("MUG"), station.verified("TEA")) == (1, 2)
    assert station.count("pack.unit") == 3 and station.count("pack.started") == 1 and station.status() == "packing"
