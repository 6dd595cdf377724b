"""The console's Orders tab under a finger: one action at a time (a double tap sends it once, an
error or a silence gives the keys back), what to do next said on screen (no hover), a failure
that says whether the network or Quai is at fault, and a result readable from a step back that
still fits 1280×800. Against the embedded central database, as tests/gui/test_console_screen.py."""

from __future__ import annotations

import logging

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from app.gui.console import console_ui
from app.supervision import Release

from .test_console_screen import console, pick, read, said, stations, wait_answer  # noqa: F401  (fixtures)

pytestmark = pytest.mark.gui


def usable(screen) -> bool:
    """Every action key, the drag handle and every card can be used."""
    tab = screen.orders_tab
    widgets = (*tab.action_bar.buttons.values(), tab.action_bar.handle, *tab.people.cards.values())
    states = {w.isEnabled() for w in widgets}
    assert len(states) == 1, "some keys usable, some not"
    return states.pop()


def sent(screen) -> list:
    actions: list = []
    screen.action_requested.connect(actions.append)
    return actions


def test_a_double_tap_sends_the_action_once_and_the_keys_wait_for_the_answer(qtbot, window, console, central_url):
    tab = console.orders_tab
    actions = sent(console)
    pick(console, "#1013")  # on hold in the fixtures
    assert usable(console)
    release = tab.action_bar.buttons["release"]
    qtbot.mouseClick(release, Qt.MouseButton.LeftButton)
    assert tab.pending is not None and not usable(console)  # disabled until the answer
    qtbot.mouseClick(release, Qt.MouseButton.LeftButton)  # the second tap of a double tap
    tab.request(Release(("#1013",)))  # and even asked directly: ignored while one is on its way
    tab.reassign_to("PICK-02", ("#1013",))  # a drop too
    assert len(actions) == 1
    wait_answer(qtbot, console)
    assert len(actions) == 1 and read(central_url, "#1013").status != "on_hold"
    assert tab.result.property("refused") is False and said(tab.result.title.text(), "1 faite", "1 done")
    pick(console, "#1001")
    assert usable(console)  # the answer gave the keys back


def test_a_confirmation_tapped_twice_sends_once(qtbot, window, console, central_url):
    tab = console.orders_tab
    actions = sent(console)
    pick(console, "#1002")
    tab.action_bar.buttons["hold"].click()
    dialog = tab.dialog
    dialog.choose(next(iter(dialog.reason_buttons)))
    dialog.confirm_button.click()
    dialog.confirm_button.click()
    wait_answer(qtbot, console)
    assert len(actions) == 1
    assert tab.result.list.count() == 0 and tab.result.property("refused") is False  # not "already held"


def fail_with(monkeypatch, error: Exception) -> None:
    def job_failing(_station, _badge, _action):
        def job(_context):
            raise error

        return job

    monkeypatch.setattr(console_ui, "supervise_job", job_failing)


def test_a_central_database_out_of_reach_gives_the_keys_back_and_says_try_again(qtbot, window, console, monkeypatch):
    tab = console.orders_tab
    from sqlalchemy.exc import OperationalError

    fail_with(monkeypatch, OperationalError("SELECT 1", {}, Exception("connection refused")))
    pick(console, "#1013")
    tab.action_bar.buttons["release"].click()
    assert not usable(console)
    wait_answer(qtbot, console)
    assert usable(console) and tab.result.property("refused") is True
    text = tab.result.title.text()
    assert said(text, "n'a pas répondu", "did not answer") and "connection refused" in text


def test_a_fault_in_quai_is_not_blamed_on_the_network_and_is_logged(qtbot, window, console, monkeypatch, caplog):
    tab = console.orders_tab
    fail_with(monkeypatch, KeyError("station_kind"))
    pick(console, "#1013")
    with caplog.at_level(logging.ERROR, logger=console_ui.log.name):
        tab.action_bar.buttons["release"].click()
        wait_answer(qtbot, console)
    assert usable(console) and tab.result.property("refused") is True
    text = tab.result.title.text()
    assert not said(text, "n'a pas répondu", "did not answer") and "KeyError" in text
    assert said(text, "support", "support")
    logged = [r for r in caplog.records if r.levelno == logging.ERROR and r.name == console_ui.log.name]
    assert logged and logged[0].exc_info is not None and logged[0].exc_info[0] is KeyError  # the traceback, kept


def test_unreachable_is_told_from_a_bug():
    import sqlalchemy.exc as db

    assert console_ui.unreachable(db.OperationalError("x", {}, Exception("timeout expired")))
    assert console_ui.unreachable(db.InterfaceError("x", {}, Exception("connection already closed")))
    assert console_ui.unreachable(ConnectionRefusedError()) and console_ui.unreachable(TimeoutError())
    assert not console_ui.unreachable(KeyError("x")) and not console_ui.unreachable(AttributeError("x"))
    assert not console_ui.unreachable(db.IntegrityError("x", {}, Exception("duplicate key")))


def test_no_answer_at_all_gives_the_keys_back_after_a_while(qtbot, window, console):
    tab = console.orders_tab
    console.action_requested.disconnect(window.console.run)  # sent, and never answered
    pick(console, "#1013")
    tab.action_bar.buttons["release"].click()
    assert not usable(console) and tab.in_flight.timer.isActive()
    tab.in_flight.timer.timeout.emit()  # its interval gone by (a minute)
    assert tab.pending is None and usable(console)
    assert tab.result.property("refused") is True and said(tab.result.title.text(), "liste", "list")


def test_a_stray_tap_on_a_card_moves_nothing_and_says_what_to_do(qtbot, window, console, central_url):
    tab = console.orders_tab
    actions = sent(console)
    pick(console, "#1006", "#1007")
    qtbot.mouseClick(tab.people.cards["PICK-02"], Qt.MouseButton.LeftButton)
    assert actions == [] and tab.selected() == ("#1006", "#1007")
    assert said(tab.hint_text, "Réaffecter", "Reassign")
    assert tab.people.title.property("hint") is True  # on yellow: it asks for something
    tab.action_bar.buttons["reassign"].click()
    assert tab.armed and tab.people.cards["PICK-02"].property("armed") is True
    tab.action_bar.buttons["reassign"].click()  # changed their mind: disarmed, still nothing sent
    assert not tab.armed
    qtbot.mouseClick(tab.people.cards["PICK-02"], Qt.MouseButton.LeftButton)
    assert actions == []
    assert read(central_url, "#1006").assigned_to is None


def test_how_to_reassign_is_on_screen_without_hover(qtbot, window, console):
    tab = console.orders_tab
    title = tab.people.title
    assert tab.action_bar.handle.toolTip() == ""  # nothing hides behind a hover
    empty_title = title.text()
    pick(console, "#1001", "#1004")
    assert tab.action_bar.handle.text() == "✥ 2"
    assert "✥" in tab.hint_text and title.isVisible() and title.text() == tab.hint_text != empty_title
    tab.action_bar.buttons["reassign"].click()
    assert tab.hint_text != "" and "✥" not in tab.hint_text  # now: choose a card
    console.orders.model.clear_selection()
    assert tab.hint_text == "" and title.text() == empty_title


def test_the_result_reads_from_a_step_back_and_fits_1280x800(qtbot, window, console):
    tab = console.orders_tab
    pick(console, "#1012", "#1013", "#1004")  # shipped, already held: refused; #1004 held
    tab.action_bar.buttons["hold"].click()
    tab.dialog.choose(next(iter(tab.dialog.reason_buttons)))
    tab.dialog.confirm_button.click()
    wait_answer(qtbot, console)
    QApplication.processEvents()
    result = tab.result
    assert result.list.count() == 2
    body = result.list.font().pixelSize()
    if body <= 0:
        body = result.list.fontInfo().pixelSize()
    assert body >= 22 and result.title.fontInfo().pixelSize() > body
    assert (window.width(), window.height()) == (1280, 800)
    assert window.minimumSizeHint().height() <= 800  # nothing asks the window to grow past the screen
    # The keys, the result and the cards one under the other: none squeezed over the next.
    column = [tab.action_bar, result, tab.people]
    for upper, lower in zip(column, column[1:]):
        assert upper.geometry().bottom() < lower.geometry().top(), (upper.objectName(), lower.objectName())
    assert tab.people.geometry().bottom() < tab.people.parentWidget().height()
    for key in tab.action_bar.buttons.values():
        assert key.height() >= 48 and tab.action_bar.rect().contains(key.geometry()), key.objectName()
    assert tab.people.area.viewport().height() >= 80  # a card still shows under it
    assert result.list.viewport().height() >= 40  # and a reason, the others a flick away
    # A stray tap's hint, on yellow, in the full column: still no taller than the screen. (The
    # cards scroll now, and offscreen Qt cannot find the widget under a flick gesture's replayed
    # press; on a real X server the tap itself works: the card's own signal stands in for it here.)
    card = tab.people.cards["PACK-01"]
    card.tapped.emit("PACK-01")
    assert tab.people.title.property("hint") is True and said(tab.hint_text, "Réaffecter", "Reassign")
    assert tab.pending is None
    console.orders.model.clear_selection()
    card.tapped.emit("PACK-01")
    assert said(tab.hint_text, "commandes", "orders") and result.isVisible()
    QApplication.processEvents()
    assert window.minimumSizeHint().height() <= 800 and window.height() == 800
    for row in range(result.list.count()):  # the reasons wrap in the column, nothing scrolls sideways
        rect = result.list.visualItemRect(result.list.item(row))
        assert rect.width() <= result.list.viewport().width()


def test_the_status_area_takes_two_lines_at_1280_in_french(qtbot, window, console):
    """Under the console at 1280 px each status text is on one line (it took four lines, ~160 px:
    the central database's state wrapped and the last sync had a line of its own)."""
    from app.gui.status_area import one_line_width

    ui = window.ui
    qtbot.waitUntil(lambda: window.status_area.sync_label.text() != "", timeout=5000)
    QApplication.processEvents()
    labels = (ui.stationLabel, ui.userLabel, window.status_area.sync_label, ui.centralLabel, ui.scannerLabel,
              ui.printerLabel, ui.outboxLabel)
    for label in labels:
        assert said(label.text(), " : ", ": ")  # French, or English until the lead merges
        assert label.width() >= one_line_width(label) - 2, label.objectName()  # room for it on one line
    tops = sorted({label.geometry().center().y() for label in labels})
    assert len({round(y / 20) for y in tops}) == 2  # two lines
    assert ui.statusArea.height() <= 120
    assert ui.statusArea.minimumSizeHint().width() <= 900  # narrower, the texts wrap: nothing forces it wider
    window.resize(1000, 800)
    QApplication.processEvents()
    assert window.width() == 1000 and ui.statusArea.width() <= 1000


def test_a_late_answer_to_an_action_given_up_on_leaves_the_next_one_waiting(qapp):
    from app.gui.console.in_flight import InFlight

    flight = InFlight()
    busy: list[bool] = []
    flight.busy_changed.connect(busy.append)
    first, second = Release(("#1",)), Release(("#2",))
    assert flight.start(first) and not flight.start(second)  # one at a time
    flight.timer.timeout.emit()  # a minute without news
    assert flight.action is None and busy == [True, False]
    assert flight.start(second)
    assert not flight.answered(first)  # the first one's answer, late: shown, but the second still waits
    assert flight.action is second and flight.timer.isActive() and busy == [True, False, True]
    assert flight.answered(second) and flight.action is None and not flight.timer.isActive()
    assert busy == [True, False, True, False]
