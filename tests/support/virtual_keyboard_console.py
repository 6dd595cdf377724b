"""Run in a process of its own, on a real X server (tests/support/xvfb.py): the console of a
supervisor station with Qt Virtual Keyboard, used with taps only.

    DISPLAY=:N python tests/support/virtual_keyboard_console.py WORKDIR

The station window is the real one (MainWindow, its workers, an embedded central database
in WORKDIR). A wedge scanner types the supervisor's badge (key events, with the keyboard's
input context in the way), the PIN is tapped, then on the *Commandes* tab:

1. a tap into the search field brings the keyboard up (its window, on the screen);
2. its keys, tapped where they are on the screen, type the search; its Enter puts it away;
3. an order is put on hold: a tap into the reason's field brings the keyboard up again, the
   dialog moves above it (the usual reasons hidden), the reason is typed on the keys, the
   keyboard is put away by its Enter (the dialog comes back whole, still open), and a tap on
   the confirm key holds
   the order in the central database.

Prints ``RESULT {json}`` with what it saw at each step; tests/gui/test_virtual_keyboard.py
asserts on it. ``QUAI_SHOTS=folder`` also saves the screen at each step.
"""

from __future__ import annotations

import json
import os
import sys
import time
import traceback
from pathlib import Path

os.environ["QT_QPA_PLATFORM"] = "xcb"
os.environ["QUAI_SILENT"] = "1"
os.environ.pop("QT_IM_MODULE", None)

from app.config import StationConfig  # noqa: E402
from app.gui.virtual_keyboard import (  # noqa: E402
    default_locale_before_application,
    exit_skipping_keyboard_teardown,
    keyboard_loaded,
    virtual_keyboard_environment,
)  # noqa: E402

WORKDIR = Path(sys.argv[1])
SHOTS = Path(os.environ["QUAI_SHOTS"]) if os.environ.get("QUAI_SHOTS") else None


def databases() -> tuple[str, str]:
    from tests.gui.conftest import fill_replica

    from app.store.db import make_engine, sqlite_url
    from app.sync.capture import prepare_central

    replica, central = sqlite_url(WORKDIR / "replica.db"), sqlite_url(WORKDIR / "central.db")
    fill_replica(replica)
    fill_replica(central)
    engine = make_engine(central)
    prepare_central(engine)
    engine.dispose()
    return replica, central


replica_url, central_url = databases()
config = StationConfig(name="SUP-01", kind="supervisor", language="fr", central_url=central_url, local_url=replica_url)
wanted = virtual_keyboard_environment(config, os.environ)  # as app.gui.app.run_station does
default_locale_before_application("fr")

from PySide6.QtCore import QPointF, Qt  # noqa: E402
from PySide6.QtGui import QGuiApplication  # noqa: E402
from PySide6.QtQuick import QQuickItem, QQuickWindow  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

app = QApplication([])

from app.gui import assets  # noqa: E402
from app.gui.main_window import MainWindow  # noqa: E402
from app.gui.services import StationServices  # noqa: E402

result: dict = {"wanted": wanted, "module": os.environ.get("QT_IM_MODULE")}


def wait(condition, what: str, timeout: float = 10.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise TimeoutError(what)
        QTest.qWait(20)


def shot(name: str) -> None:
    if SHOTS is not None:
        SHOTS.mkdir(parents=True, exist_ok=True)
        QGuiApplication.primaryScreen().grabWindow(0).save(str(SHOTS / f"vk_{name}.png"))


def keyboard_up() -> bool:
    return QGuiApplication.inputMethod().isVisible()


def keyboard_ready() -> bool:
    """Up, and its keys laid out (the layout loads after the panel shows)."""
    if not keyboard_up():
        return False
    window = next((w for w in QGuiApplication.topLevelWindows() if isinstance(w, QQuickWindow) and w.isVisible()), None)
    return window is not None and len(keys(window.contentItem(), {})) >= 26


def panel() -> QQuickWindow:
    """The keyboard's own window (Qt Virtual Keyboard's desktop panel, a Qt Quick window)."""
    return next(w for w in QGuiApplication.topLevelWindows() if isinstance(w, QQuickWindow) and w.isVisible())


def keys(item: QQuickItem, found: dict[str, QQuickItem]) -> dict[str, QQuickItem]:
    """The visible keys under ``item`` by the text on them ("a", "&123"), and Enter as "\\n"."""
    try:
        children = item.childItems()
    except RuntimeError:  # an item the keyboard replaced while we looked (a layout loading)
        return found
    for child in children:
        if child.isVisible() and child.width() > 20:
            text, key = child.property("text"), child.property("key")
            if isinstance(text, str) and text:
                found.setdefault(text, child)
            if key == int(Qt.Key.Key_Return):
                found.setdefault("\n", child)
        keys(child, found)
    return found


def first_row() -> str:
    """The letters of the keyboard's top row, left to right (azerty… on a French keyboard)."""
    window = panel()  # held: its items' wrappers go with the window's
    letters = [(item.mapToScene(QPointF(0, 0)), text) for text, item in keys(window.contentItem(), {}).items()
               if len(text) == 1 and text.isalpha()]
    top = min(point.y() for point, _ in letters)
    return "".join(text for point, text in sorted(letters, key=lambda p: p[0].x()) if abs(point.y() - top) < 5)


def panel_keys() -> dict[str, QQuickItem]:
    window = panel()  # held while its items are read: their wrappers go with the window's
    return keys(window.contentItem(), {})


def tap_keys(text: str | list[str]) -> None:
    """Tap the keys typing ``text``, each character a key, or a list of keys by their text ("&123")."""
    for character in text:
        wait(lambda: character in panel_keys(), f"the key {character!r}", 5)
        window = panel()
        item = keys(window.contentItem(), {})[character]
        centre = item.mapToScene(QPointF(item.width() / 2, item.height() / 2)).toPoint()
        QTest.mouseClick(window, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, centre)
        QTest.qWait(150)  # as a finger would: the keyboard updates its shift state between keys


def keyboard_top() -> int:
    screen = QGuiApplication.primaryScreen().geometry()
    return screen.bottom() + 1 - round(QGuiApplication.inputMethod().keyboardRectangle().height())


def run(window: MainWindow) -> None:
    window.activateWindow()
    wait(lambda: QApplication.activeWindow() is window, "the window is active")
    badge = window.login_screen.ui.badgeEdit
    wait(lambda: badge.hasFocus(), "the scan field has the focus")
    QTest.qWait(300)
    result["up_at_focus"] = keyboard_up()
    # A wedge scanner's burst: the station's wedge filter takes it before the field (and before
    # the keyboard's input context, which would otherwise bring the keyboard up on typed keys).
    QTest.keyClicks(badge, "BDG0003")
    result["scan_left_in_field"] = badge.text()
    result["up_at_keys"] = keyboard_up()
    QTest.keyClick(badge, Qt.Key.Key_Return)
    QTest.qWait(300)
    result["up_at_login"] = keyboard_up()
    wait(lambda: window.access.showing, "the PIN keypad")
    for digit in "4321":
        window.access.screen.keys[digit].click()
    window.access.screen.ok_button.click()
    wait(lambda: window.session.logged_in, "logged in")
    console = window.console.screen
    wait(lambda: window.current_screen is console, "the console")
    console.show_tab("orders")
    orders = console.orders
    wait(lambda: not orders.model.loading and orders.model.rowCount() == 13, "the order list")

    # 1-2. The search, typed on the keyboard.
    QTest.mouseClick(orders.search, Qt.MouseButton.LeftButton)
    wait(keyboard_ready, "the keyboard for the search")
    QTest.qWait(500)  # the login's flash is over
    shot("1_search")
    result["keyboard_height"] = round(QGuiApplication.inputMethod().keyboardRectangle().height())
    result["first_row"] = first_row()
    result["search_above_keyboard"] = orders.search.mapToGlobal(orders.search.rect().bottomLeft()).y() < keyboard_top()
    tap_keys(["c", "l", "i", "e", "n", "t", " ", "&123", "3"])
    QTest.qWait(100)
    result["search_typed"] = orders.search.text()
    tap_keys("\n")
    wait(lambda: not keyboard_up(), "the keyboard put away by its Enter")
    wait(lambda: not orders.model.loading and orders.model.rowCount() == 1, "the search applied")
    result["search_rows"] = orders.model.rowCount()

    # 3. A hold, its reason typed on the keyboard.
    orders.model.select_numbers(["#1004"])
    QTest.mouseClick(console.orders_tab.action_bar.buttons["hold"], Qt.MouseButton.LeftButton)
    wait(lambda: console.orders_tab.dialog is not None and console.orders_tab.dialog.isVisible(), "the reason dialog")
    dialog = console.orders_tab.dialog
    QTest.qWait(200)
    home = dialog.frameGeometry()
    QTest.mouseClick(dialog.edit, Qt.MouseButton.LeftButton)
    wait(keyboard_ready, "the keyboard for the reason")
    wait(lambda: dialog.keyboard_room.moved, "the dialog moved")
    QTest.qWait(100)
    shot("2_reason")
    top = keyboard_top()
    confirm = dialog.confirm_button
    result["dialog_above_keyboard"] = dialog.frameGeometry().bottom() < top
    result["confirm_above_keyboard"] = confirm.mapToGlobal(confirm.rect().bottomLeft()).y() < top
    result["reasons_hidden"] = not dialog.reasons_box.isVisible()
    tap_keys("colis")
    result["reason_typed"] = dialog.edit.text()
    tap_keys("\n")  # its Enter: done typing (never a confirmation)
    wait(lambda: not keyboard_up() and not dialog.keyboard_room.moved, "the dialog given back")
    shot("3_reason_back")
    result["dialog_back"] = dialog.frameGeometry() == home and dialog.reasons_box.isVisible() and dialog.isVisible()
    QTest.mouseClick(confirm, Qt.MouseButton.LeftButton)
    wait(lambda: console.orders_tab.pending is None, "the hold's answer")
    result["held"] = held_reason("#1004")


def held_reason(number: str) -> list:
    from sqlalchemy import select

    from app.store.db import make_engine, session_factory
    from app.store.models import Order

    engine = make_engine(central_url)
    try:
        with session_factory(engine)() as session:
            order = session.scalars(select(Order).where(Order.number == number)).one()
            return [order.status, order.hold_reason]
    finally:
        engine.dispose()


def main() -> int:
    app.setStyleSheet(assets.theme())
    services = StationServices.create(config, with_scanners=True)  # the wedge filter, as at a real station
    services.language.switch("fr")
    window = MainWindow(config, services)
    window.resize(1280, 800)
    window.show()
    try:
        run(window)
    except Exception:  # noqa: BLE001 - the test shows what happened, with what was seen so far
        result["error"] = traceback.format_exc()
    finally:
        window.close()
        services.shutdown()
        result["keyboard_loaded"] = keyboard_loaded()
        print("RESULT " + json.dumps(result), flush=True)
    exit_skipping_keyboard_teardown(0)  # as run_station does: Qt's teardown would abort the process
    return 0


sys.exit(main())
