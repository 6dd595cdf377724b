"""A picker at the station, end to end: claim the next work, walk the route with scans, short
picks, undo, batch with totes; each scan committed in the replica before its feedback.

The station runs against an embedded central database and a replica holding the same small
warehouse; scans enter through the station's own router, as from any scanner.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import select

from app.config import PickingSettings, StationConfig
from app.store.db import make_engine, session_factory, sqlite_url
from app.store.models import Order, OrderLine
from tests.gui.conftest import drain, fill_replica
from tests.support.warehouse import GTIN, add_warehouse

@pytest.fixture
def stocked() -> bool:
    """False: every shelf empty, in both databases, before the station starts (emptied later,
    the station's first pull could bring the old quantities back)."""
    return True


def empty_shelves(url: str) -> None:
    from sqlalchemy import update

    from app.store.models import Stock

    engine = make_engine(url)
    with engine.begin() as connection:
        connection.execute(update(Stock).values(quantity=0))
    engine.dispose()


@pytest.fixture
def replica_url(tmp_path: Path, stocked: bool) -> str:
    url = sqlite_url(tmp_path / "station.db")
    fill_replica(url)
    add_warehouse(url)
    if not stocked:
        empty_shelves(url)
    return url


@pytest.fixture
def central_url(tmp_path: Path, stocked: bool) -> str:
    from app.sync.capture import prepare_central

    url = sqlite_url(tmp_path / "central.db")
    fill_replica(url)
    add_warehouse(url)
    if not stocked:
        empty_shelves(url)
    engine = make_engine(url)
    prepare_central(engine)
    engine.dispose()
    return url


@pytest.fixture
def batch_size() -> int:
    return 1


@pytest.fixture
def config(replica_url: str, central_url: str, batch_size: int) -> StationConfig:
    return StationConfig(name="PICK-01", kind="picking", language="fr", central_url=central_url, local_url=replica_url,
                         picking=PickingSettings(batch_size=batch_size))


class Sounds:
    def __init__(self) -> None:
        self.played: list[str] = []

    def play(self, name: str) -> None:
        self.played.append(name)


@pytest.fixture
def picker(qtbot, window, services) -> Iterator:
    services.sounds = Sounds()
    window.scan_router.route("BDG0001")  # Paul Martin, picker
    qtbot.waitUntil(lambda: window.session.logged_in, timeout=5000)
    yield window


def scan(qtbot, window, text: str) -> None:
    """A scan through the station's router; waits until its write (if any) is committed."""
    window.scan_router.route(text)
    controller = window.picking.controller
    qtbot.waitUntil(lambda: not controller._writing and not controller._waiting, timeout=5000)


def start(qtbot, window) -> None:
    window.homes["picker"].start_button.click()
    qtbot.waitUntil(lambda: window.picking.controller.session is not None, timeout=8000)
    assert window.current_screen is window.picking.screen


def replica_line(config, number: str, sku: str) -> OrderLine:
    engine = make_engine(config.replica_url)
    with session_factory(engine)() as session:
        line = session.scalars(select(OrderLine).join(Order).where(Order.number == number, OrderLine.sku == sku)).one()
        session.expunge(line)
    engine.dispose()
    return line


def order_at(url: str, number: str) -> Order:
    """The order as the database at ``url`` (the station's replica, or the central one) holds it."""
    engine = make_engine(url)
    with session_factory(engine)() as session:
        order = session.scalars(select(Order).where(Order.number == number)).one()
        session.expunge(order)
    engine.dispose()
    return order


def replica_order(config, number: str) -> Order:
    return order_at(config.replica_url, number)


def central_order(config, number: str) -> Order:
    return order_at(config.central_url, number)


def test_a_single_order_walked_with_scans_each_committed_before_its_beep(qtbot, picker, config, services) -> None:
    window = picker
    start(qtbot, window)
    screen = window.picking.screen
    view = window.picking.controller.session.view()
    assert view.task.order == "#2001" and screen.location_label.text() == "A-01-01-1"
    assert screen.step_label.text() == "Allez à l'emplacement et scannez son étiquette"
    scan(qtbot, window, "A-02-01-1")  # the wrong shelf: refused, nothing recorded
    assert window.feedback.banner_showing and "Mauvais emplacement" in window.feedback.banner_text
    assert services.sounds.played[-1] == "error"
    scan(qtbot, window, "CMD-UNDO")  # acknowledges the banner: used for nothing else
    assert not window.feedback.banner_showing
    scan(qtbot, window, "A-01-01-1")
    scan(qtbot, window, GTIN["MUG"])
    assert replica_line(config, "#2001", "MUG").picked == 1  # on disk when the beep came
    assert services.sounds.played[-1] == "ok"
    assert screen.location_label.text() == "A-02-01-1"
    scan(qtbot, window, "A-02-01-1")
    scan(qtbot, window, GTIN["TEA"])
    assert screen.quantity_label.text() == "1 / 2"
    scan(qtbot, window, GTIN["TEA"])
    qtbot.waitUntil(lambda: replica_order(config, "#2001").status == "picked", timeout=5000)
    assert replica_line(config, "#2001", "TEA").picked == 2
    assert str(window.picking.controller.session.view().step) == "done"
    assert screen.pages.currentWidget() is screen.message_page and screen.message_title.text() == "Préparation terminée"


def test_undo_takes_the_last_unit_back_on_disk_too(qtbot, picker, config) -> None:
    window = picker
    start(qtbot, window)
    scan(qtbot, window, "A-01-01-1")
    scan(qtbot, window, GTIN["MUG"])
    scan(qtbot, window, "A-02-01-1")
    scan(qtbot, window, GTIN["TEA"])
    assert replica_line(config, "#2001", "TEA").picked == 1
    qtbot.mouseClick(window.picking.screen.undo_button, Qt.MouseButton.LeftButton)
    # The screen changes once the undo is on disk (the write answers first).
    qtbot.waitUntil(lambda: window.picking.screen.quantity_label.text() == "0 / 2", timeout=5000)
    assert replica_line(config, "#2001", "TEA").picked == 0


def test_a_short_pick_with_an_alternative_location(qtbot, picker, config) -> None:
    window = picker
    start(qtbot, window)
    screen = window.picking.screen
    scan(qtbot, window, "A-01-01-1")
    scan(qtbot, window, "CMD-SHORT")
    assert screen.pages.currentWidget() is screen.reason_page
    qtbot.mouseClick(screen.reason_buttons["location_empty"], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: screen.pages.currentWidget() is screen.keypad, timeout=3000)
    qtbot.mouseClick(screen.keypad.keys["OK"], Qt.MouseButton.LeftButton)  # found 0
    qtbot.waitUntil(lambda: screen.pages.currentWidget() is screen.alternative_page, timeout=5000)
    assert "B-02-01-1" in screen.alternative_text.text()
    qtbot.mouseClick(screen.yes_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: screen.pages.currentWidget() is screen.work_page, timeout=5000)
    scan(qtbot, window, "A-02-01-1")
    scan(qtbot, window, GTIN["TEA"])
    scan(qtbot, window, GTIN["TEA"])
    assert screen.location_label.text() == "B-02-01-1"  # the alternative, in route order
    scan(qtbot, window, "B-02-01-1")
    scan(qtbot, window, GTIN["MUG"])
    qtbot.waitUntil(lambda: replica_order(config, "#2001").status == "picked", timeout=5000)
    line = replica_line(config, "#2001", "MUG")
    assert (line.picked, line.short_quantity or 0) == (1, 0)


def test_logging_out_mid_pick_gives_the_order_back(qtbot, picker, config, services) -> None:
    window = picker
    start(qtbot, window)
    scan(qtbot, window, "A-01-01-1")
    scan(qtbot, window, GTIN["MUG"])
    scan(qtbot, window, "CMD-LOGOUT")
    qtbot.waitUntil(lambda: not window.session.logged_in, timeout=5000)
    drain(qtbot, services.replica)
    order = replica_order(config, "#2001")
    assert order.status == "new" and replica_line(config, "#2001", "MUG").picked == 1  # progress kept


@pytest.mark.parametrize("batch_size", [4])
def test_a_batch_of_four_orders_into_four_totes(qtbot, picker, config) -> None:
    window = picker
    start(qtbot, window)
    session = window.picking.controller.session
    assert session.view().orders_total == 4 and str(session.view().step) == "bind_totes"
    for i in range(4):
        scan(qtbot, window, f"TOT00{i + 1}")
    scan(qtbot, window, "TOT001")  # all bound: a tote now is not expected
    assert window.feedback.banner_showing
    scan(qtbot, window, "CMD-UNDO")  # acknowledge
    guard = 0
    while str(session.view().step) != "done" and guard < 60:
        guard += 1
        view = session.view()
        task = view.task
        if str(view.step) == "location":
            scan(qtbot, window, task.location)
        elif str(view.step) == "product":
            sku = task.sku
            text = f"(01){GTIN[sku]}(17)270601(10)L27" if sku == "JAM" else GTIN[sku]
            scan(qtbot, window, text)
        else:
            scan(qtbot, window, task.tote)
        session = window.picking.controller.session
    assert str(session.view().step) == "done"
    totes = {number: replica_order(config, number).totes for number in ("#2001", "#2002", "#2003", "#2004")}
    assert totes == {"#2001": ["TOT001"], "#2002": ["TOT002"], "#2003": ["TOT003"], "#2004": ["TOT004"]}
    assert replica_line(config, "#2002", "JAM").captured[0]["lot"] == "L27"


def test_the_next_work_after_a_pick_is_the_next_order_never_the_one_just_picked(qtbot, picker, config) -> None:
    window = picker
    start(qtbot, window)
    for text in ("A-01-01-1", GTIN["MUG"], "A-02-01-1", GTIN["TEA"], GTIN["TEA"]):
        scan(qtbot, window, text)
    qtbot.waitUntil(lambda: str(window.picking.controller.session.view().step) == "done", timeout=5000)
    qtbot.mouseClick(window.picking.screen.message_button, Qt.MouseButton.LeftButton)  # Next work
    qtbot.waitUntil(lambda: window.picking.controller.session is not None
                    and window.picking.controller.session.view().orders_total == 1
                    and str(window.picking.controller.session.view().step) != "done", timeout=8000)
    assert list(window.picking.controller.session.state.orders) == ["#2002"]
    central = central_order(config, "#2001")
    assert (central.status, central.claimed_by) == ("picked", None)  # pushed, then released


def test_next_scanned_while_the_last_scan_is_written_still_gives_the_claim_back(qtbot, picker, config, monkeypatch) -> None:
    """The last scan's write is slow; Next comes before it lands: the next work waits for it,
    the finished order's claim is given back, and the next order is the next one."""
    import time as clock

    from app.gui import pick_jobs

    window = picker
    start(qtbot, window)
    for text in ("A-01-01-1", GTIN["MUG"], "A-02-01-1", GTIN["TEA"]):
        scan(qtbot, window, text)
    real_record = pick_jobs.record
    monkeypatch.setattr(pick_jobs, "record", lambda *a: (clock.sleep(0.4), real_record(*a))[1])
    window.scan_router.route(GTIN["TEA"])  # the last unit: written slowly
    window.scan_router.route("CMD-NEXT")  # at once, the write still under way
    controller = window.picking.controller
    qtbot.waitUntil(lambda: controller.session is not None and list(controller.session.state.orders) == ["#2002"],
                    timeout=8000)
    qtbot.waitUntil(lambda: central_order(config, "#2001").claimed_by is None, timeout=8000)
    assert central_order(config, "#2001").status == "picked"


@pytest.mark.parametrize("stocked", [False])
def test_a_pick_with_nothing_in_stock_closes_at_once_and_gives_the_claim_back(qtbot, picker, config) -> None:
    window = picker
    window.homes["picker"].start_button.click()
    qtbot.waitUntil(lambda: window.feedback.banner_showing, timeout=8000)
    assert window.feedback.banner_kind == "attention" and "incomplète" in window.feedback.banner_text
    qtbot.waitUntil(lambda: replica_order(config, "#2001").status == "exception", timeout=5000)
    qtbot.waitUntil(lambda: central_order(config, "#2001").claimed_by is None, timeout=8000)


def test_a_short_pick_without_any_other_location_sends_the_order_to_exception(qtbot, picker, config) -> None:
    window = picker
    start(qtbot, window)
    screen = window.picking.screen
    for text in ("A-01-01-1", GTIN["MUG"], "A-02-01-1"):
        scan(qtbot, window, text)
    qtbot.mouseClick(screen.short_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: screen.pages.currentWidget() is screen.reason_page, timeout=3000)
    qtbot.mouseClick(screen.reason_buttons["not_found"], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: screen.pages.currentWidget() is screen.keypad, timeout=3000)
    qtbot.mouseClick(screen.keypad.keys["1"], Qt.MouseButton.LeftButton)  # one of the two found
    qtbot.mouseClick(screen.keypad.keys["OK"], Qt.MouseButton.LeftButton)
    # TEA is held nowhere else: no alternative; the order is over, and short.
    qtbot.waitUntil(lambda: replica_order(config, "#2001").status == "exception", timeout=5000)
    tea = replica_line(config, "#2001", "TEA")
    assert (tea.picked, tea.short_quantity, tea.short_reason) == (1, 1, "not_found")
    # The banner comes with the write's answer, which may reach the GUI thread just after the
    # replica shows the status: wait for it rather than read it at once.
    qtbot.waitUntil(lambda: window.feedback.banner_kind == "attention", timeout=5000)
    assert "un responsable la reprend" in window.feedback.banner_text


@pytest.mark.parametrize("batch_size", [4])
def test_every_wrong_scan_is_stopped_with_its_own_message(qtbot, picker) -> None:
    window = picker
    start(qtbot, window)
    seen: dict[str, str] = {}

    def wrong(text: str, name: str) -> None:
        scan(qtbot, window, text)
        assert window.feedback.banner_showing, name
        seen[name] = window.feedback.banner_text
        scan(qtbot, window, "CMD-PAUSE")  # acknowledges the banner, used for nothing else
        assert not window.feedback.banner_showing

    wrong(GTIN["MUG"], "not a tote while binding")
    for i in range(4):
        scan(qtbot, window, f"TOT00{i + 1}")
    wrong("TOT002", "a tote when none is expected")
    wrong(GTIN["MUG"], "product before its location")
    wrong("C-01-01-1", "wrong location")
    scan(qtbot, window, "A-01-01-1")
    wrong(GTIN["TEA"], "wrong product")
    scan(qtbot, window, GTIN["MUG"])
    wrong("TOT003", "wrong tote")
    wrong("4006381333932", "misread")
    assert len(set(seen.values())) == len(seen), seen  # each its own message
    assert "Mauvais bac : TOT003. Mettez-le dans le bac TOT001." in seen["wrong tote"]
    assert "Scannez d'abord l'emplacement A-01-01-1." in seen["product before its location"]
