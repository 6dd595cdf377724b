"""The supervisor's console in the station window: a supervisor (badge + PIN) opens it, its tabs
build, orders selected by tap are held, released, cancelled, reprioritised, freed and reassigned
against the embedded central database (app.sync.supervision, through the central worker), the
people cards take dropped orders, and it fits a 1280×800 screen with touch-sized targets."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QScroller
from sqlalchemy import select

from app.config import StationConfig
from app.gui.console.people_panel import ORDERS_MIME, numbers_from, orders_mime
from app.gui.console.reason_dialog import PriorityDialog, ReasonDialog
from app.gui.screens.console import ConsoleScreen
from app.store.db import make_engine, session_factory, transaction
from app.store.models import Order, Station, User

from .conftest import log_in_supervisor

pytestmark = pytest.mark.gui


def said(text: str, french: str, english: str) -> bool:
    """The French text once the lead has merged this screen's translations, the English source until then."""
    return french in text or english in text


def write(url: str, change) -> None:
    engine = make_engine(url)
    try:
        with transaction(session_factory(engine)) as session:
            change(session)
    finally:
        engine.dispose()


def read(url: str, number: str) -> Order:
    engine = make_engine(url)
    try:
        with session_factory(engine)() as session:
            order = session.scalars(select(Order).where(Order.number == number)).one()
            session.expunge(order)
            return order
    finally:
        engine.dispose()


def add_stations(session) -> None:
    now = datetime.now(UTC)
    session.add(Station(name="PICK-02", kind="picking", current_user="BDG0001", last_seen_at=now - timedelta(minutes=4)))
    session.add(Station(name="PACK-01", kind="packing", current_user="BDG0002", last_seen_at=now))
    session.add(Station(name="SUP-01", kind="supervisor"))


@pytest.fixture
def stations(replica_url: str, central_url: str) -> None:
    """The same stations in the replica (the cards) and the central database (reassignment targets)."""
    write(replica_url, add_stations)
    write(central_url, add_stations)


@pytest.fixture
def console(qtbot, window, stations) -> ConsoleScreen:
    log_in_supervisor(qtbot, window)
    home = window.homes["supervisor"]
    home.console_button.click()
    screen = window.console.screen
    assert window.current_screen is screen and screen.allowed
    screen.show_tab("orders")
    qtbot.waitUntil(lambda: screen.orders is not None and not screen.orders.model.loading
                    and screen.orders.model.rowCount() == 13, timeout=8000)
    qtbot.waitUntil(lambda: set(screen.orders_tab.people.cards) == {"PICK-02", "PACK-01"}, timeout=5000)
    return screen


def pick(screen: ConsoleScreen, *numbers: str) -> None:
    model = screen.orders.model
    model.select_numbers(list(numbers))
    assert set(screen.orders_tab.selected()) == set(numbers)


def wait_answer(qtbot, screen: ConsoleScreen) -> None:
    qtbot.waitUntil(lambda: screen.orders_tab.pending is None, timeout=8000)


def test_a_supervisor_opens_the_console_with_its_three_tabs(qtbot, window, stations):
    log_in_supervisor(qtbot, window)
    window.homes["supervisor"].console_button.click()
    screen = window.console.screen
    assert [screen.tabs.tabText(i) for i in range(3)] in (["Vue d'ensemble", "Commandes", "Indicateurs"],
                                                           ["Overview", "Orders", "KPIs"])
    assert screen.current_tab == "overview" and screen.overview is not None
    # The overview reads the replica at once (it never reads by itself: the console asks).
    qtbot.waitUntil(lambda: screen.overview.overview is not None, timeout=5000)
    assert screen.overview.overview.counts.get("new") == 7
    assert screen.orders is None and screen.kpis is None  # built when first shown, not before
    screen.show_tab("kpis")
    assert screen.kpis is not None
    screen.show_tab("orders")
    qtbot.waitUntil(lambda: screen.orders.model.rowCount() == 13, timeout=8000)
    # The window keeps the screen's size: nothing in the console asks for more than 1280×800.
    QApplication.processEvents()
    assert (window.width(), window.height()) == (1280, 800)
    screen.tools_button.click()
    assert window.current_screen is window.homes["supervisor"]


@pytest.fixture
def station_kind() -> str:
    return "any"


class TestSupervisorStation:
    @pytest.fixture
    def station_kind(self) -> str:
        return "supervisor"

    def test_a_supervisor_station_opens_on_the_console(self, qtbot, window, config: StationConfig):
        assert config.kind == "supervisor"
        log_in_supervisor(qtbot, window)
        qtbot.waitUntil(lambda: window.console.showing, timeout=5000)
        assert window.console.screen.allowed


def test_hold_asks_a_reason_then_holds_centrally_and_the_list_follows(qtbot, window, console, central_url):
    tab = console.orders_tab
    pick(console, "#1001", "#1002")
    assert tab.action_bar.buttons["hold"].isEnabled()
    tab.action_bar.buttons["hold"].click()
    dialog = tab.dialog
    assert isinstance(dialog, ReasonDialog) and not dialog.confirm_button.isEnabled()  # a reason first
    dialog.edit.setText("Adresse à vérifier")
    assert dialog.confirm_button.isEnabled()
    dialog.confirm_button.click()
    wait_answer(qtbot, console)
    assert said(tab.result.title.text(), "2 faite", "2 done")
    held = read(central_url, "#1001")
    assert (held.status, held.hold_reason) == ("on_hold", "Adresse à vérifier")
    assert tab.selected() == ()  # done orders leave the selection
    # The sync brings the change into the replica, and the list shows it.
    model = console.orders.model
    qtbot.waitUntil(lambda: any((o := model.order_at(r)) is not None and o.number == "#1001" and o.status == "on_hold"
                                for r in range(model.rowCount())), timeout=10000)


def test_releasing_a_fraud_hold_asks_why_then_releases(qtbot, window, console, central_url, replica_url):
    tab = console.orders_tab
    def fraud(session) -> None:
        order = session.scalars(select(Order).where(Order.number == "#1013")).one()  # on_hold in the fixtures
        order.hold_reason = "fraud_risk: Risk Level High"

    write(central_url, fraud)
    pick(console, "#1013")
    tab.action_bar.buttons["release"].click()
    wait_answer(qtbot, console)
    assert said(tab.result.title.text(), "1 refusée", "1 refused")
    dialog = tab.dialog
    assert isinstance(dialog, ReasonDialog) and dialog.kind == "release"  # asked at once, for that order
    assert read(central_url, "#1013").status == "on_hold"
    dialog.choose(dialog.reason_buttons and next(iter(dialog.reason_buttons)))
    dialog.confirm_button.click()
    wait_answer(qtbot, console)
    assert read(central_url, "#1013").status != "on_hold"
    assert said(tab.result.title.text(), "1 faite", "1 done")


def test_cancel_needs_a_confirmation_and_a_reason(qtbot, window, console, central_url):
    tab = console.orders_tab
    pick(console, "#1003")
    tab.action_bar.buttons["cancel"].click()
    dialog = tab.dialog
    assert dialog.kind == "cancel" and not dialog.confirm_button.isEnabled()
    dialog.back_button.click()  # changed their mind: nothing sent
    assert tab.pending is None and read(central_url, "#1003").status == "new"
    tab.action_bar.buttons["cancel"].click()
    tab.dialog.choose(next(iter(tab.dialog.reason_buttons)))
    tab.dialog.confirm_button.click()
    wait_answer(qtbot, console)
    assert read(central_url, "#1003").status == "cancelled"


def test_a_refused_order_keeps_its_selection_and_says_why(qtbot, window, console, central_url):
    tab = console.orders_tab
    pick(console, "#1012", "#1004")  # #1012 has shipped: it cannot be held
    tab.action_bar.buttons["hold"].click()
    tab.dialog.choose(next(iter(tab.dialog.reason_buttons)))
    tab.dialog.confirm_button.click()
    wait_answer(qtbot, console)
    lines = [tab.result.list.item(i).text() for i in range(tab.result.list.count())]
    assert len(lines) == 1 and lines[0].startswith("#1012 — ")
    assert said(lines[0], "expédiée", "shipped")
    assert tab.selected() == ("#1012",)
    assert read(central_url, "#1004").status == "on_hold"


def test_priority_by_plus_and_minus(qtbot, window, console, central_url):
    pick(console, "#1005")
    console.orders_tab.action_bar.buttons["priority"].click()
    dialog = console.orders_tab.dialog
    assert isinstance(dialog, PriorityDialog)
    dialog.preset_buttons[5].click()
    dialog.plus_button.click()
    dialog.plus_button.click()
    dialog.minus_button.click()
    assert dialog.value_label.text() == "6"
    dialog.confirm_button.click()
    wait_answer(qtbot, console)
    assert read(central_url, "#1005").priority == 6


def drag_over(card, mime) -> QDragEnterEvent:
    """What Qt's drag loop sends a widget as the finger comes over it."""
    enter = QDragEnterEvent(QPoint(20, 20), Qt.DropAction.MoveAction, mime, Qt.MouseButton.LeftButton,
                            Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(card, enter)
    return enter


def test_orders_dropped_on_a_card_are_reassigned_to_that_station(qtbot, window, console, central_url):
    card = console.orders_tab.people.cards["PICK-02"]
    assert card.acceptDrops()
    mime = orders_mime(("#1006", "#1007"))
    assert numbers_from(mime) == ("#1006", "#1007") and mime.hasFormat(ORDERS_MIME)
    assert drag_over(card, mime).isAccepted()
    assert card.property("hot") is True  # the card lights up under the finger
    drop = QDropEvent(QPointF(20, 20), Qt.DropAction.MoveAction, mime, Qt.MouseButton.LeftButton,
                      Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(card, drop)
    assert drop.isAccepted() and card.property("hot") is False
    wait_answer(qtbot, console)
    assert read(central_url, "#1006").assigned_to == "PICK-02"
    assert read(central_url, "#1007").assigned_to == "PICK-02"
    assert "PICK-02" in console.orders_tab.result.title.text()


def test_a_drop_of_anything_else_is_refused(qtbot, window, console):
    from PySide6.QtCore import QMimeData

    mime = QMimeData()
    mime.setText("#1006")  # plain text: not the console's orders
    card = console.orders_tab.people.cards["PICK-02"]
    assert not drag_over(card, mime).isAccepted()
    drop = QDropEvent(QPointF(20, 20), Qt.DropAction.MoveAction, mime, Qt.MouseButton.LeftButton,
                      Qt.KeyboardModifier.NoModifier)
    card.dropEvent(drop)  # even handed to the card directly
    assert not drop.isAccepted() and console.orders_tab.pending is None


def test_select_then_tap_reassign_then_a_card_reassigns(qtbot, window, console, central_url):
    tab = console.orders_tab
    card = tab.people.cards["PACK-01"]
    qtbot.mouseClick(card, Qt.MouseButton.LeftButton)  # nothing selected: it says what to do
    assert said(tab.hint_text, "commandes", "orders") and tab.pending is None
    pick(console, "#1008")
    qtbot.mouseClick(card, Qt.MouseButton.LeftButton)  # "Reassign" not armed: a stray tap moves nothing
    assert tab.pending is None and said(tab.hint_text, "Réaffecter", "Reassign")
    assert read(central_url, "#1008").assigned_to is None and tab.selected() == ("#1008",)
    tab.action_bar.buttons["reassign"].click()
    assert tab.people.cards["PACK-01"].property("armed") is True
    qtbot.mouseClick(card, Qt.MouseButton.LeftButton)
    wait_answer(qtbot, console)
    assert read(central_url, "#1008").assigned_to == "PACK-01"
    assert tab.people.cards["PACK-01"].property("armed") is False


def test_a_supervisor_removed_centrally_is_refused_whatever_the_screen_shows(qtbot, window, console, central_url):
    tab = console.orders_tab
    def demote(session) -> None:
        session.scalars(select(User).where(User.badge == "BDG0003")).one().roles = "picker"

    write(central_url, demote)
    pick(console, "#1009")
    tab.action_bar.buttons["force_release"].click()
    tab.dialog.confirm_button.click()  # the reason is optional for freeing a claim
    wait_answer(qtbot, console)
    assert tab.result.property("refused") is True
    assert said(tab.result.title.text(), "superviseur", "supervisor")


def test_touch_targets_and_kinetic_lists(qtbot, window, console):
    tab = console.orders_tab
    pick(console, "#1001")
    for widget in (*tab.action_bar.buttons.values(), tab.action_bar.handle, *tab.people.cards.values(),
                   console.tools_button, console.logout_button):
        assert widget.height() >= 48 and widget.width() >= 48, widget.objectName()
    assert console.tabs.tabBar().height() >= 48
    for viewport in (tab.people.area.viewport(), tab.result.list.viewport(), console.orders.view.viewport()):
        assert QScroller.hasScroller(viewport) or QScroller.grabbedGesture(viewport) != Qt.GestureType(0)
    assert tab.people.cards["PICK-02"].station_label.fontInfo().pixelSize() >= 24


# --- the long press that drags from the table ---------------------------------------------------


def test_a_long_press_on_a_selected_row_drags_the_selection(qtbot, window, console, monkeypatch):
    from app.gui.console import action_bar

    dragged: list[tuple[str, ...]] = []
    monkeypatch.setattr(action_bar, "start_drag", lambda _source, numbers, caption: dragged.append((numbers, caption)))
    view = console.orders.view
    pick(console, "#1001", "#1004")
    model = console.orders.model
    rows = {model.order_at(r).number: r for r in range(model.rowCount()) if model.order_at(r) is not None}
    selected_row = view.visualRect(model.index(rows["#1001"], 1)).center()
    other_row = view.visualRect(model.index(rows["#1009"], 1)).center()
    viewport = view.viewport()
    qtbot.mousePress(viewport, Qt.MouseButton.LeftButton, pos=other_row)  # not selected: a press, no drag
    qtbot.wait(action_bar.LONG_PRESS_MS + 150)
    qtbot.mouseRelease(viewport, Qt.MouseButton.LeftButton, pos=other_row)
    assert dragged == []
    assert model.is_selected("#1009")  # a press and release: a tap, which selects
    qtbot.mousePress(viewport, Qt.MouseButton.LeftButton, pos=selected_row)
    qtbot.waitUntil(lambda: bool(dragged), timeout=3000)
    assert set(dragged[0][0]) == {"#1001", "#1004", "#1009"} and said(dragged[0][1], "3 commandes", "3 orders")



def test_an_order_scanned_at_the_console_is_found_in_the_list(qtbot, window, console):
    console.show_tab("overview")
    window.scan_router.route("#1005")
    assert console.current_tab == "orders" and console.orders.search.text() == "#1005"
    model = console.orders.model
    qtbot.waitUntil(lambda: model.rowCount() == 1 and model.order_at(0) is not None, timeout=5000)
    assert model.order_at(0).number == "#1005"


def test_the_next_supervisor_finds_nothing_selected(qtbot, window, console):
    pick(console, "#1001")
    window.logout()
    qtbot.waitUntil(lambda: not window.session.logged_in, timeout=5000)
    console.set_session("Someone Else", "supervisor")
    assert console.orders_tab.selected() == ()


def test_the_overview_reads_when_the_console_opens_without_waiting_for_a_change(qtbot, services):
    screen = ConsoleScreen(services.replica, services.central, "SUP-01")  # no replica_changed signal at all
    qtbot.addWidget(screen)
    screen.set_session("Sophie Leroy", "supervisor")
    qtbot.waitUntil(lambda: screen.overview.overview is not None, timeout=5000)
    assert screen.overview.overview.counts.get("picked") == 3
