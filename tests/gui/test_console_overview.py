"""The console's live overview panel (pytest-qt): tiles, countdowns, stations, exceptions, live refresh.

The panel reads a real SQLite replica through a real worker (app.gui.workers.Worker over
app.gui.queries.ReplicaContext) and, for the packing mismatches, a second store standing
in for the central database. Time is a clock the test moves.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, time, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QObject, Qt, QTranslator, Signal
from PySide6.QtGui import QFont
from sqlalchemy import update

from app.gui.console.live import LiveQuery
from app.gui.i18n import LanguageSwitcher
from app.gui.console.overview_panel import OverviewPanel, countdown_text
from app.gui.queries import ReplicaContext
from app.gui.workers import Worker
from app.packing.cutoffs import PARIS
from app.store.db import make_engine, session_factory, sqlite_url, transaction
from app.store.events import record
from app.store.migrate import upgrade
from app.store.models import Order, OrderLine, Station, User
from app.store.overview import PACK_MISMATCH, mismatch_payload
from tests.gui.conftest import drain

NOW = datetime(2026, 11, 24, 9, 30, tzinfo=UTC)  # a Tuesday, 10:30 in Paris


def paris(hour: int, minute: int = 0) -> datetime:
    return datetime.combine(NOW.astimezone(PARIS).date(), time(hour, minute), PARIS)


class Clock:
    def __init__(self) -> None:
        self.now = NOW

    def __call__(self) -> datetime:
        return self.now


class Changes(QObject):
    replica_changed = Signal()


@pytest.fixture
def replica_url(tmp_path: Path) -> str:
    url = sqlite_url(tmp_path / "console.db")
    engine = make_engine(url)
    upgrade(engine)
    with transaction(session_factory(engine)) as session:
        session.add_all([
            User(name="Nadia Benali", badge="BDG0002", roles="packer"),
            Station(name="PACK-01", kind="packing", current_user="BDG0002", last_seen_at=NOW - timedelta(minutes=4)),
            Station(name="PICK-01", kind="picking"),
            Order(number="#1", status="new", carrier="chronopost", cutoff_at=paris(12)),
            Order(number="#2", status="new", carrier="chronopost", cutoff_at=paris(9)),
            Order(number="#3", status="picking", carrier="colissimo", cutoff_at=paris(15)),
            Order(number="#4", status="on_hold", carrier="colissimo", cutoff_at=paris(15), hold_reason="Fraude suspectée",
                  resume_status="new"),
            Order(number="#5", status="awaiting_stock", carrier="mondial_relay", cutoff_at=paris(13), lines=[
                OrderLine(line_no=1, sku="MUG", quantity=2, short_quantity=2, short_reason="location_empty")]),
            Order(number="#6", status="shipped", carrier="colissimo", cutoff_at=paris(9)),
        ])
    engine.dispose()
    return url


@pytest.fixture
def central_url(tmp_path: Path) -> str:
    url = sqlite_url(tmp_path / "central.db")
    engine = make_engine(url)
    upgrade(engine)
    with transaction(session_factory(engine)) as session:
        record(session, PACK_MISMATCH, mismatch_payload("#3", "wrong_product", {"got": "3760000000017"}),
               station="PACK-01", actor="BDG0002")
    engine.dispose()
    return url


@pytest.fixture
def workers(qapp, replica_url: str, central_url: str) -> Iterator[tuple[Worker, Worker]]:
    replica = Worker("replica", lambda: ReplicaContext(replica_url))
    central = Worker("central", lambda: ReplicaContext(central_url))  # a store context over the central file
    yield replica, central
    replica.stop(5000)
    central.stop(5000)


@pytest.fixture
def panel(qtbot, workers) -> OverviewPanel:
    clock = Clock()
    panel = OverviewPanel(*workers, clock=clock)
    panel.clock = clock
    qtbot.addWidget(panel)
    panel.resize(1600, 900)
    panel.show()
    panel.refresh()
    qtbot.waitUntil(lambda: panel.overview is not None and bool(panel.mismatches), timeout=5000)
    return panel


def texts_of(view) -> list[str]:
    return [view.item(i).text() for i in range(view.count())]


def test_tiles_countdowns_stations_and_exceptions_are_shown(panel: OverviewPanel) -> None:
    assert panel.status_tiles["new"][2].text() == "2"
    assert panel.status_tiles["on_hold"][2].text() == "1"
    assert panel.status_tiles["backlog"][2].text() == "5"  # #6 shipped is not backlog
    assert panel.status_tiles["backlog"][0].property("alert") == "red"  # #2's cutoff has passed
    chrono = panel.carrier_tiles["chronopost"]
    assert chrono[2].text() == "1:30" and chrono[3].text().endswith(": 2")  # 90 min left, #1 and the late #2 due
    assert chrono[3].text().startswith("12:00")  # the cutoff, Paris time
    # Readable from 1.5 m: the figures are at least 40 px.
    assert QFont(panel.status_tiles["new"][2].font()).pixelSize() >= 40
    assert chrono[2].font().pixelSize() >= 40
    stations = texts_of(panel.stations_list)
    assert stations[0].startswith("PACK-01 — Nadia Benali") and "4" in stations[0]
    assert stations[1].startswith("PICK-01")
    exceptions = texts_of(panel.exceptions_list)
    assert exceptions[0].startswith("#3 · ") and "3760000000017" in exceptions[0]  # the packing mismatch first
    assert any("#5" in t and "MUG ×2" in t for t in exceptions)
    assert any("#4" in t and "Fraude suspectée" in t for t in exceptions)


def test_the_countdown_repaints_every_second_without_reading(qtbot, panel: OverviewPanel) -> None:
    reads = panel.overview_query.reads
    panel.clock.now = paris(11, 59).astimezone(UTC) + timedelta(seconds=30)  # 30 s before chronopost's cutoff
    panel.tick()
    chrono = panel.carrier_tiles["chronopost"]
    assert chrono[2].text() == "00:30" and chrono[0].property("alert") == "amber"
    panel.clock.now = paris(12, 2).astimezone(UTC)
    panel.tick()
    assert chrono[2].text() == "-02:00" and chrono[0].property("alert") == "red"
    assert "1 h 36" in panel.stations_list.item(0).text()  # seen at 10:26, Paris time
    assert panel.overview_query.reads == reads  # the timer reads nothing


def test_a_replica_change_refreshes_the_overview(qtbot, panel: OverviewPanel, replica_url: str) -> None:
    changes = Changes()
    panel.follow(changes.replica_changed)
    engine = make_engine(replica_url)
    with transaction(session_factory(engine)) as session:
        session.execute(update(Order).where(Order.number == "#1").values(status="ready_to_ship"))
    engine.dispose()
    changes.replica_changed.emit()
    qtbot.waitUntil(lambda: panel.status_tiles["new"][2].text() == "1", timeout=5000)
    assert panel.status_tiles["ready_to_ship"][2].text() == "1"


def test_tapping_an_exception_names_its_order(qtbot, panel: OverviewPanel) -> None:
    view = panel.exceptions_list
    row = next(i for i in range(view.count()) if view.item(i).text().startswith("#5"))
    rect = view.visualItemRect(view.item(row))
    with qtbot.waitSignal(panel.order_chosen, timeout=2000) as chosen:
        qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert chosen.args == ["#5"]
    assert rect.height() >= 48  # a finger's target


def test_requests_during_a_read_fold_into_one_more_read(qtbot, workers) -> None:
    replica, _central = workers
    started: list[int] = []
    query = LiveQuery(replica, lambda ctx: started.append(1) or len(started))
    results: list[int] = []
    query.ready.connect(results.append)
    for _ in range(10):
        query.request()
    qtbot.waitUntil(lambda: not query.running and len(results) == 2, timeout=5000)
    drain(qtbot, replica)
    assert query.reads == 2 and results == [1, 2]  # ten asks: the read under way, and one after it


@pytest.mark.parametrize(("seconds", "text"), [(5400, "1:30"), (3599, "59:59"), (30, "00:30"), (0, "00:00"),
                                               (-120, "-02:00"), (-0.5, "-00:01"), (4 * 3600 + 61, "4:01")])
def test_countdown_text(seconds: float, text: str) -> None:
    assert countdown_text(seconds) == text


# This panel's new strings, in French, as the lead merges them into quai_fr.qm (see /tmp/w/fr_h13.json).
NEW_FRENCH = {("ConsoleOverview", "To prepare: %1"): "À préparer : %1", ("ConsoleOverview", "%1 late"): "%1 en retard"}


class NewStringsFrench(QTranslator):
    """The French of the strings not yet merged into the .qm; everything else falls through to it."""

    def translate(self, context, source, disambiguation=None, n=-1):  # noqa: ANN001 - Qt's signature
        return NEW_FRENCH.get((context, source))  # None: not mine, the .qm answers

    def isEmpty(self) -> bool:  # noqa: N802 - Qt's name
        return False


@pytest.fixture
def french(qapp) -> Iterator[None]:
    switcher = LanguageSwitcher()
    switcher.switch("fr")
    extra = NewStringsFrench()
    QCoreApplication.installTranslator(extra)
    yield
    QCoreApplication.removeTranslator(extra)
    switcher.uninstall()


def test_carrier_tiles_say_how_many_to_prepare_in_french_whatever_the_number(qtbot, french, workers) -> None:
    # "%n to prepare" had one French form only, so from 2 on Qt showed the English source.
    panel = OverviewPanel(*workers, clock=Clock())
    qtbot.addWidget(panel)
    panel.refresh()
    qtbot.waitUntil(lambda: panel.overview is not None, timeout=5000)
    due = {c.carrier: c.due for c in panel.overview.carriers}
    assert due["chronopost"] == 2  # a plural: the case that fell back to English
    for carrier, count in due.items():
        assert panel.carrier_tiles[carrier][3].text().endswith(f" · À préparer : {count}")
    late = sum(panel.overview.backlog_late.values())
    assert late >= 1 and panel.status_tiles["backlog"][3].text() == f"{late} en retard"


def test_the_panel_fits_a_1280_screen_in_french_without_sideways_scrolling(qtbot, french, workers) -> None:
    # The console's scroll area is about 1,250 px wide at 1280×800; the panel was ~1,320 px at least.
    panel = OverviewPanel(*workers, clock=Clock())
    qtbot.addWidget(panel)
    panel.refresh()
    qtbot.waitUntil(lambda: panel.overview is not None, timeout=5000)
    assert panel.status_tiles["awaiting_stock"][1].text() == "En attente de stock"  # the French is in place
    assert panel.minimumSizeHint().width() <= 1240
    panel.resize(1240, 800)
    panel.show()
    qtbot.waitExposed(panel)
    # At that width every tile shows its whole count, at the size read from 1.5 m.
    for frame, _name, value, _sub in (*panel.status_tiles.values(), *panel.carrier_tiles.values()):
        assert frame.geometry().right() < panel.width()
        assert value.width() >= value.sizeHint().width() and value.font().pixelSize() >= 40
        assert frame.height() >= 48  # a finger's target
