"""A supervisor logs in with badge AND PIN: the PIN is checked in the replica worker against the
users table; wrong PINs are refused and counted, five of them lock the badge for a while; a
picker's badge never reaches the PIN, nor the console."""

from __future__ import annotations

import pytest

from app.domain.events import USER_LOGGED_IN
from app.gui.pin_guard import GRANTED, NO_PIN, NOT_SUPERVISOR, WRONG, PinGuard, check_supervisor_pin
from app.gui.screens.home_picker import PickerHome
from app.gui.screens.home_supervisor import SupervisorHome
from app.gui.screens.login import LoginScreen
from app.store.db import make_engine, session_factory

from .conftest import drain, scan, type_pin
from .test_login import events

pytestmark = pytest.mark.gui


def said(text: str, french: str, english: str) -> bool:
    """The French text once the lead has merged this screen's translations, the English source until then."""
    return text in (french, english)


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_the_right_pin_opens_the_supervisor_session(qtbot, window):
    scan(qtbot, window, "BDG0003")
    qtbot.waitUntil(lambda: window.access.showing, timeout=5000)
    assert not window.session.logged_in  # nothing before the PIN
    screen = window.access.screen
    assert said(screen.title.text(), "Bonjour Sophie Leroy", "Hello Sophie Leroy")
    for digit in "4321":
        screen.keys[digit].click()
    assert screen.display.text() == "●●●●"  # masked
    screen.ok_button.click()
    qtbot.waitUntil(lambda: isinstance(window.current_screen, SupervisorHome), timeout=5000)
    assert window.session.role == "supervisor" and window.session.user.badge == "BDG0003"


def test_a_wrong_pin_is_refused_with_the_tries_left(qtbot, window):
    scan(qtbot, window, "BDG0003")
    type_pin(qtbot, window, "1111")
    screen = window.access.screen
    qtbot.waitUntil(lambda: screen.error.isVisible(), timeout=5000)
    assert said(screen.error.text(), "Code PIN erroné. Encore 4 essais.", "Wrong PIN. 4 tries left.")
    assert not window.session.logged_in and window.current_screen is screen
    assert screen.display.text() == "—"  # cleared for another try
    type_pin(qtbot, window, "4321")
    qtbot.waitUntil(lambda: isinstance(window.current_screen, SupervisorHome), timeout=5000)


def test_five_wrong_pins_lock_the_badge_then_it_may_try_again(qtbot, window):
    clock = Clock()
    window.access.guard = PinGuard(clock=clock)
    scan(qtbot, window, "BDG0003")
    qtbot.waitUntil(lambda: window.access.showing, timeout=5000)
    screen = window.access.screen
    for _ in range(5):
        type_pin(qtbot, window, "0000")
        qtbot.waitUntil(lambda: not screen.checking, timeout=5000)
    assert screen.locked and ("Attendez 60 s" in screen.error.text() or "Wait 60 s" in screen.error.text())
    assert not any(key.isEnabled() for key in screen.keys.values())
    screen.press("4")  # the keys are off: nothing typed
    assert screen.pin_length == 0
    # "Not me", then the same badge again: still waiting.
    screen.cancel_button.click()
    assert isinstance(window.current_screen, LoginScreen)
    scan(qtbot, window, "BDG0003")
    qtbot.waitUntil(lambda: window.access.showing, timeout=5000)
    assert screen.locked
    clock.now += 61
    assert window.access.guard.wait_seconds("BDG0003") == 0
    screen.lock(0)  # the screen's countdown would reach 0 by itself; the guard decides
    type_pin(qtbot, window, "4321")
    qtbot.waitUntil(lambda: isinstance(window.current_screen, SupervisorHome), timeout=5000)


def test_a_picker_is_never_asked_for_a_pin_nor_shown_the_console(qtbot, window):
    scan(qtbot, window, "BDG0001")
    qtbot.waitUntil(lambda: isinstance(window.current_screen, PickerHome), timeout=5000)
    assert window.access.screen is None
    # Even reached by another way, the console shows no tab to a picker's session.
    window.console.show_screen()
    console = window.console.screen
    assert window.current_screen is console and not console.allowed
    assert console.pages.currentWidget() is console.refused_label
    assert console.orders is None  # nothing was read for them
    assert "superviseurs" in console.refused_label.text() or "supervisors only" in console.refused_label.text()


def test_not_me_goes_back_to_the_badge_scan_without_a_login(qtbot, window, services):
    scan(qtbot, window, "BDG0003")
    qtbot.waitUntil(lambda: window.access.showing, timeout=5000)
    window.access.screen.cancel_button.click()
    assert isinstance(window.current_screen, LoginScreen) and not window.session.logged_in
    drain(qtbot, services.replica)
    assert events(window.config.replica_url, USER_LOGGED_IN) == []


def test_check_supervisor_pin_reads_the_users_table(replica_url):
    engine = make_engine(replica_url)
    sessions = session_factory(engine)
    try:
        assert check_supervisor_pin(sessions, "BDG0003", "4321") == GRANTED
        assert check_supervisor_pin(sessions, "BDG0003", "4322") == WRONG
        assert check_supervisor_pin(sessions, "BDG9999", "4321") == WRONG  # unknown badge: said the same
        assert check_supervisor_pin(sessions, "BDG0001", "4321") == NO_PIN  # a picker has no PIN
    finally:
        engine.dispose()


def test_a_picker_with_a_pin_is_still_not_a_supervisor(replica_url):
    from app.domain.pin import hash_pin
    from app.store.db import transaction
    from app.store.users import find_by_badge

    engine = make_engine(replica_url)
    sessions = session_factory(engine)
    try:
        with transaction(sessions) as session:
            find_by_badge(session, "BDG0001").pin_hash = hash_pin("5555")
        assert check_supervisor_pin(sessions, "BDG0001", "5555") == NOT_SUPERVISOR
    finally:
        engine.dispose()


def test_the_guard_counts_per_badge_and_a_right_pin_resets():
    clock = Clock()
    guard = PinGuard(clock=clock)
    assert [guard.failed("BDG0003") for _ in range(4)] == [4, 3, 2, 1]
    assert guard.tries_left("BDG0006") == 5  # another badge is not concerned
    guard.succeeded("BDG0003")
    assert guard.tries_left("BDG0003") == 5
    for _ in range(5):
        guard.failed("BDG0003")
    assert guard.wait_seconds("BDG0003") == 60
    clock.now += 59.5
    assert guard.wait_seconds("BDG0003") == 1
    clock.now += 1
    assert guard.wait_seconds("BDG0003") == 0 and guard.tries_left("BDG0003") == 5


def test_a_picker_who_is_also_supervisor_gives_the_pin_only_for_the_supervisor_role(qtbot, replica_url, central_url,
                                                                                      window):
    from app.domain.roles import Role
    from app.gui.screens.role_chooser import RoleChooser
    from app.store.db import transaction
    from app.store.users import add_user

    for url in (replica_url, central_url):  # the station's sync keeps the replica's users as central has them
        engine = make_engine(url)
        with transaction(session_factory(engine)) as session:
            add_user(session, name="Lina Moreau", badge="BDG0005", roles=frozenset({Role.PICKER, Role.SUPERVISOR}),
                     pin="2468", station="test")
        engine.dispose()
    scan(qtbot, window, "BDG0005")
    qtbot.waitUntil(lambda: isinstance(window.current_screen, RoleChooser), timeout=5000)
    window.chooser.button_for("supervisor").click()
    qtbot.waitUntil(lambda: window.access.showing, timeout=5000)
    assert not window.session.logged_in
    type_pin(qtbot, window, "2468")
    qtbot.waitUntil(lambda: isinstance(window.current_screen, SupervisorHome), timeout=5000)
    window.logout()
    qtbot.waitUntil(lambda: isinstance(window.current_screen, LoginScreen), timeout=5000)
    scan(qtbot, window, "BDG0005")
    qtbot.waitUntil(lambda: isinstance(window.current_screen, RoleChooser), timeout=5000)
    window.chooser.button_for("picker").click()  # the picker's work needs no PIN
    qtbot.waitUntil(lambda: isinstance(window.current_screen, PickerHome), timeout=5000)


def test_the_pin_keys_take_back_clear_and_stop_at_the_longest_pin():
    from app.gui.pin_guard import MAX_PIN, pin_after_key

    assert pin_after_key("12", "3") == "123"
    assert pin_after_key("123", "⌫") == "12" and pin_after_key("", "⌫") == ""
    assert pin_after_key("123", "C") == ""
    assert pin_after_key("9" * MAX_PIN, "1") == "9" * MAX_PIN
