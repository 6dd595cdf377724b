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
from PySide6.QtWidgets import QApplication, QLabel, QScrollArea
from sqlalchemy import update

from app.gui.console.live import LiveQuery
from app.gui.i18n import LanguageSwitcher
from app.gui.console.overview_lists import MIN_ROWS, ROW_HEIGHT
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
    assert plain(chrono[2].text()) == "1 h 30" and chrono[3].text().endswith(": 2")  # 90 min left, #1 and the late #2 due
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
    assert plain(chrono[2].text()) == "30 s" and chrono[0].property("alert") == "amber"
    panel.clock.now = paris(12, 2).astimezone(UTC)
    panel.tick()
    assert plain(chrono[2].text()) == "passed by 2 min" and chrono[0].property("alert") == "red"
    assert chrono[2].property("passed") is True
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


def test_the_highlight_stays_on_its_order_when_the_rows_move(qtbot, panel: OverviewPanel) -> None:
    view = panel.exceptions_list
    row = next(i for i in range(view.count()) if view.item(i).text().startswith("#5"))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=view.visualItemRect(view.item(row)).center())
    assert [i.text()[:2] for i in view.selectedItems()] == ["#5"]
    panel.show_mismatches(panel.mismatches * 2)  # one more row above it: rows are updated in place
    assert view.item(row).text()[:2] != "#5"
    assert [i.text()[:2] for i in view.selectedItems()] == ["#5"]


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


def plain(text: str) -> str:
    """A countdown with ordinary spaces (it holds its units with no-break spaces)."""
    return text.replace("\u00a0", " ")


# Units on every figure: "17:17" (17 minutes) beside "19:17" (19 hours) read the same from 1.5 m.
@pytest.mark.parametrize(("seconds", "text"), [
    (19 * 3600 + 17 * 60 + 59, "19 h 17"), (5400, "1 h 30"), (3900, "1 h 05"), (3600, "1 h 00"), (3599, "59 min"),
    (17 * 60 + 5, "17 min"), (60, "1 min"), (59.9, "59 s"), (30, "30 s"), (0, "0 s"),
    (-0.5, "passed by 1 s"), (-59, "passed by 59 s"), (-120, "passed by 2 min"), (-(12 * 60 + 30), "passed by 12 min"),
    (-(3600 + 5 * 60), "passed by 1 h 05")])
def test_countdown_text(seconds: float, text: str) -> None:
    assert plain(countdown_text(seconds)) == text


def test_a_duration_holds_together_and_its_words_are_french(french) -> None:
    assert countdown_text(19 * 3600 + 17 * 60) == "19\u00a0h\u00a017"  # a tile never wraps "19 h" / "17"
    assert [plain(countdown_text(s)) for s in (17 * 60, 3900, 45, -(12 * 60))] == [
        "17 min", "1 h 05", "45 s", "dépassée de 12 min"]


# This panel's new strings, in French, as the lead merges them into quai_fr.qm (see /tmp/w/fr_h13.json).
NEW_FRENCH = {("ConsoleOverview", "To prepare: %1"): "À préparer : %1", ("ConsoleOverview", "%1 late"): "%1 en retard",
              # /tmp/w/fr_overview.json
              ("ConsoleOverview", "last scan %1 min ago"): "dernier scan il y a %1 min",
              # /tmp/w/fr_overview2.json
              ("ConsoleOverview", "%1 h %2"): "%1 h %2", ("ConsoleOverview", "%1 min"): "%1 min",
              ("ConsoleOverview", "%1 s"): "%1 s", ("ConsoleOverview", "passed by %1"): "dépassée de %1"}


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
        assert frame.mapTo(panel, frame.rect().bottomRight()).x() < panel.width()
        assert value.width() >= value.sizeHint().width() and value.font().pixelSize() >= 40
        assert frame.height() >= 48  # a finger's target


# --- the whole console at 1280×800, French, a busy floor ----------------------------------------------

LONG_NAMES = {"BDX0001": "Anne-Sophie Delacroix-Martin", "BDX0002": "Marie-Claire Beaumont",
              "BDX0003": "Maximilien Vandenberghe", "BDX0004": "Élisabeth Dubois-Marchand"}
BUSY_STATIONS = (("PRÉPA-MEZZANINE-03", "picking", "BDX0001", 17), ("PICK-02", "picking", "BDG0001", 4),
                 ("PACK-01", "packing", "BDG0002", 1), ("PACK-02", "packing", "BDX0003", 75),
                 ("EMBALLAGE-QUAI-SUD", "packing", None, None), ("RETOURS-01", "any", "BDX0004", 3),
                 ("POLYVALENT-07", "any", "BDG0004", 130), ("PRÉPA-MEZZANINE-04", "picking", "BDX0002", 0))


def busy_floor(session, *, central: bool) -> None:
    """8 stations with long French names, 25 exceptions of every kind, orders for every carrier;
    in the central database, 4 packing mismatches too."""
    now = datetime.now(UTC)  # the console's own clock: the real one
    for badge, name in LONG_NAMES.items():
        session.add(User(name=name, badge=badge, roles="picker"))
    for name, kind, badge, idle in BUSY_STATIONS:
        seen = None if idle is None else now - timedelta(minutes=idle)
        session.add(Station(name=name, kind=kind, current_user=badge, last_seen_at=seen))
    carriers = ("chronopost", "colissimo", "mondial_relay", "click_collect", None)
    for i in range(25):
        order = Order(number=f"#{2001 + i}", carrier=carriers[i % 5], cutoff_at=now + timedelta(minutes=20 + 37 * i),
                      lines=[OrderLine(line_no=1, sku=f"MUG-CERAMIQUE-BLEU-{i:02d}", name="Mug", quantity=3)])
        kind = i % 4
        if kind == 0:
            order.status = "awaiting_stock"
            order.lines[0].short_quantity, order.lines[0].short_reason = 2, "location_empty"
        elif kind == 1:
            order.status, order.exception_reason = "exception", f"unknown_sku: COFFRET-NOEL-{i:02d}, BOUGIE-PARFUMEE-XL"
        elif kind == 2:
            order.status, order.resume_status = "on_hold", "new"
            order.hold_reason = "Fraude suspectée : adresse de livraison différente de la facturation"
        else:
            order.status, order.exception_reason = "exception", "Adresse introuvable par le transporteur"
        session.add(order)
    if central:
        session.flush()
        for i, (code, args) in enumerate((("wrong_product", {"got": "3760000000017"}), ("extra_unit", {"sku": "MUG"}),
                                          ("lot_mismatch", {"sku": "SERUM-30ML"}), ("serial_repeated", {"serial": "SN-42"}))):
            record(session, PACK_MISMATCH, mismatch_payload(f"#{2001 + i}", code, args), station="EMBALLAGE-QUAI-SUD",
                   actor="BDG0002")


@pytest.fixture
def busy_console(qtbot, qapp, tmp_path: Path, french) -> Iterator:
    """The station window at 1280×800 in French, a supervisor logged in, the console on its overview."""
    from sqlalchemy import delete

    from app.config import StationConfig
    from app.gui import assets
    from app.gui.main_window import MainWindow
    from app.gui.services import StationServices
    from app.store.models import Event
    from app.sync.capture import prepare_central
    from tests.gui.conftest import fill_replica, log_in_supervisor

    local, central = sqlite_url(tmp_path / "station.db"), sqlite_url(tmp_path / "central.db")
    for url in (local, central):
        fill_replica(url)
        engine = make_engine(url)
        if url == central:  # as tests/gui/conftest.py's central_url: no events yet, change capture on
            with engine.begin() as connection:
                connection.execute(delete(Event))
            prepare_central(engine)
        with transaction(session_factory(engine)) as session:
            busy_floor(session, central=url == central)
        engine.dispose()
    qapp.setStyleSheet(assets.theme())
    config = StationConfig(name="SUP-01", kind="any", language="fr", central_url=central, local_url=local)
    services = StationServices.create(config)
    services.language.switch("fr")
    window = MainWindow(config, services)
    window.resize(1280, 800)
    window.show()
    qtbot.waitExposed(window)
    log_in_supervisor(qtbot, window)
    window.homes["supervisor"].console_button.click()
    screen = window.console.screen
    qtbot.waitUntil(lambda: screen.overview is not None and screen.overview.overview is not None
                    and len(screen.overview.mismatches) == 4, timeout=8000)
    yield window
    window.close()
    services.shutdown()
    services.language.uninstall()


def test_the_overview_fits_the_console_at_1280x800_in_french_with_a_busy_floor(qtbot, busy_console) -> None:
    # It used to need ~85 px of vertical scrolling as a whole, the lists squeezed under the fold.
    window = busy_console
    screen = window.console.screen
    panel = screen.overview
    qtbot.waitUntil(lambda: panel.stations_list.count() >= len(BUSY_STATIONS), timeout=5000)
    QApplication.processEvents()
    assert (window.width(), window.height()) == (1280, 800)
    area = next(a for a in screen.findChildren(QScrollArea) if a.widget() is panel)
    # Nothing to scroll as a whole: tiles, countdowns, backlog and both lists in sight at once.
    assert panel.minimumSizeHint().height() <= area.viewport().height()
    assert area.verticalScrollBar().maximum() == 0 and area.horizontalScrollBar().maximum() == 0
    inside = panel.rect()
    for frame, _name, value, _sub in (*panel.status_tiles.values(), *panel.carrier_tiles.values()):
        box = frame.rect().translated(frame.mapTo(panel, frame.rect().topLeft()))
        assert inside.contains(box) and box.height() >= 48
        assert value.width() >= value.fontMetrics().horizontalAdvance(value.text())  # the whole figure
        assert value.font().pixelSize() >= 40
    assert len(panel.carrier_tiles) == 5
    # Each list keeps several rows in sight and flicks through the rest by itself.
    assert panel.exceptions_list.count() >= 29  # 25 + 4 mismatches (+ the fixture's hold)
    for view in (panel.stations_list, panel.exceptions_list):
        assert view.viewport().height() >= MIN_ROWS * ROW_HEIGHT
        assert view.verticalScrollBar().maximum() > 0
        assert view.visualItemRect(view.item(0)).height() >= 48  # a finger's target
    # A station's last scan is on its own line, never cut short by a long name.
    stations = panel.stations_list
    metrics = stations.fontMetrics()
    for i in range(stations.count()):
        name_line, idle_line = stations.item(i).text().split("\n")
        assert idle_line.startswith(("dernier scan", "actif", "aucun scan")), idle_line
        assert metrics.horizontalAdvance(idle_line) < stations.viewport().width() - 16
    assert any("Élisabeth Dubois-Marchand" in stations.item(i).text() for i in range(stations.count()))
    # Read from 1.5 m: no words below 17 px.
    for widget in (*panel.findChildren(QLabel), stations, panel.exceptions_list):
        assert widget.font().pixelSize() >= 17, widget.objectName() or widget.text()


# --- a passed cutoff, read again; when the clock alone makes the data stale ----------------------------


def set_status(replica_url: str, numbers: tuple[str, ...], status: str) -> None:
    engine = make_engine(replica_url)
    with transaction(session_factory(engine)) as session:
        session.execute(update(Order).where(Order.number.in_(numbers)).values(status=status))
    engine.dispose()


def test_a_passed_cutoff_stays_red_read_after_read_until_its_orders_are_ready(qtbot, panel: OverviewPanel,
                                                                                replica_url: str) -> None:
    # It used to stay red only until the next read, then count down to tomorrow with no colour.
    changes = Changes()
    panel.follow(changes.replica_changed)
    panel.clock.now = paris(12, 0).astimezone(UTC) + timedelta(seconds=30)
    reads = panel.overview_query.reads
    changes.replica_changed.emit()  # a read after the cutoff, not only a tick
    qtbot.waitUntil(lambda: panel.overview_query.reads > reads and not panel.overview_query.running, timeout=5000)
    qtbot.waitUntil(lambda: panel.overview.now == panel.clock.now, timeout=5000)
    frame, _name, value, sub = panel.carrier_tiles["chronopost"]
    assert plain(value.text()) == "passed by 30 s" and frame.property("alert") == "red"
    assert sub.text().startswith("12:00") and sub.text().endswith(": 2")  # #1 and #2, still not ready
    set_status(replica_url, ("#1",), "ready_to_ship")
    changes.replica_changed.emit()
    qtbot.waitUntil(lambda: sub.text().endswith(": 1"), timeout=5000)
    assert frame.property("alert") == "red" and sub.text().startswith("12:00")  # #2 is left
    set_status(replica_url, ("#2",), "ready_to_ship")
    changes.replica_changed.emit()
    # All ready: tomorrow's cutoff, 23 h 59 away, no colour (the tile moves after the others: a new one).
    qtbot.waitUntil(lambda: panel.carrier_tiles["chronopost"][3].text().endswith(": 0"), timeout=5000)
    frame, _name, value, sub = panel.carrier_tiles["chronopost"]
    assert list(panel.carrier_tiles)[-1] == "chronopost"
    assert plain(value.text()) == "23 h 59" and frame.property("alert") == "" and not value.property("passed")


def test_the_overview_reads_again_when_the_next_cutoff_passes_and_not_before(qtbot, panel: OverviewPanel) -> None:
    # At 10:30 the next change by the clock is chronopost's 12:00 (#1's cutoff too): 90 min and a second.
    assert panel.stale_timer.isActive() and panel.stale_timer.interval() == (90 * 60 + 1) * 1000
    reads = panel.overview_query.reads
    panel.clock.now = paris(12, 0).astimezone(UTC) + timedelta(seconds=1)
    panel.stale_timer.timeout.emit()
    qtbot.waitUntil(lambda: panel.overview.now == panel.clock.now, timeout=5000)
    assert panel.overview_query.reads == reads + 1
    # Then mondial relay's 13:00 (#5's too).
    assert panel.stale_timer.interval() == (60 * 60) * 1000


def test_an_unknown_carrier_has_a_tile_of_its_own(qtbot, panel: OverviewPanel, replica_url: str) -> None:
    engine = make_engine(replica_url)
    with transaction(session_factory(engine)) as session:
        session.add(Order(number="#7", status="new", carrier="dhl_express", cutoff_at=paris(15)))
    engine.dispose()
    panel.refresh()
    qtbot.waitUntil(lambda: "dhl_express" in panel.carrier_tiles, timeout=5000)
    _frame, name, _value, sub = panel.carrier_tiles["dhl_express"]
    assert name.text() == "dhl_express" and sub.text().endswith(": 1")
    assert panel.carrier_tiles[None][3].text().endswith(": 0")  # not counted as "no carrier"


# --- in the station window: the site's cutoff rules, and one read per pull ----------------------------------


@pytest.fixture
def station_window(qtbot, qapp, tmp_path: Path) -> Iterator:
    """A station window whose file sets chronopost's cutoff at 06:10 and disables click &
    collect; its sync cycles are the test's to run (none in the background)."""
    from sqlalchemy import delete

    from app.config import StationConfig
    from app.config_packing import parse_packing_settings
    from app.gui.main_window import MainWindow
    from app.gui.services import StationServices
    from app.store.models import Event
    from app.sync.capture import prepare_central
    from tests.gui.conftest import fill_replica

    local, central = sqlite_url(tmp_path / "station.db"), sqlite_url(tmp_path / "central.db")
    for url in (local, central):
        fill_replica(url)
    engine = make_engine(central)
    with engine.begin() as connection:
        connection.execute(delete(Event))
    prepare_central(engine)
    engine.dispose()
    packing = parse_packing_settings({"carriers": {"chronopost": {"cutoff": "06:10"},
                                                   "click_collect": {"enabled": False}}}, tmp_path / "station.toml")
    config = StationConfig(name="SUP-01", kind="any", language="fr", central_url=central, local_url=local,
                           packing=packing)
    services = StationServices.create(config)
    window = MainWindow(config, services)
    window._push_tick = lambda: None  # no sync cycle of its own: the test says when one pulled
    window.resize(1280, 800)
    window.show()
    qtbot.waitExposed(window)
    yield window
    window.close()
    services.shutdown()
    services.language.uninstall()


def open_overview(qtbot, window) -> OverviewPanel:
    from tests.gui.conftest import log_in_supervisor

    log_in_supervisor(qtbot, window)
    window.homes["supervisor"].console_button.click()
    screen = window.console.screen
    qtbot.waitUntil(lambda: screen.overview is not None and screen.overview.overview is not None, timeout=8000)
    return screen.overview


def settle(qtbot, window, panel: OverviewPanel) -> None:
    for _ in range(2):  # a read folded into one more runs after the first's answer
        drain(qtbot, window.services.replica)
        drain(qtbot, window.services.central)
    qtbot.waitUntil(lambda: not panel.overview_query.running and not panel.mismatch_query.running, timeout=5000)


def test_the_console_shows_the_site_s_cutoffs(qtbot, station_window) -> None:
    panel = open_overview(qtbot, station_window)
    chrono = panel.carrier_tiles["chronopost"]
    assert chrono[3].text().startswith("06:10")  # the station file's, not Quai's 12:00
    assert "click_collect" not in panel.carrier_tiles  # disabled, and nothing of it due
    assert panel.carrier_tiles["colissimo"][3].text().startswith("15:00")  # the others keep theirs


def test_a_pull_reads_the_overview_once_and_the_periodic_refresh_only_the_mismatches(qtbot, station_window) -> None:
    from app.sync.engine import CycleReport

    window = station_window
    panel = open_overview(qtbot, window)
    qtbot.waitUntil(lambda: window._push is not None, timeout=5000)
    settle(qtbot, window, panel)
    overview, mismatches = panel.overview_query.reads, panel.mismatch_query.reads
    # What a sync cycle that pulled rows does: the window's refresh, then replica_changed.
    window._pushed((CycleReport(pushed=0, remaining=0, pulled=3, snapshot=False, renewed=0, claimed=(), lost=()),
                    "online"))
    settle(qtbot, window, panel)
    assert (panel.overview_query.reads - overview, panel.mismatch_query.reads - mismatches) == (1, 1)
    # Every 20 s: the mismatches (events no pull announces), not the replica, which did not change.
    window._periodic_refresh()
    settle(qtbot, window, panel)
    assert (panel.overview_query.reads - overview, panel.mismatch_query.reads - mismatches) == (1, 2)
