"""Login by badge against a real replica; the lookup runs in the replica worker."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from app.domain.events import USER_LOGGED_IN, USER_LOGGED_OUT
from app.gui.screens.home_packer import PackerHome
from app.gui.screens.home_picker import PickerHome
from app.gui.screens.home_supervisor import SupervisorHome
from app.gui.screens.login import LoginScreen
from app.gui.screens.role_chooser import RoleChooser
from app.gui.state import LoginState
from app.store.db import make_engine, session_factory
from app.store.models import Event

from .conftest import PINS, drain, scan, type_pin

pytestmark = pytest.mark.gui


def events(url: str, kind: str) -> list[Event]:
    engine = make_engine(url)
    try:
        with session_factory(engine)() as session:
            return list(session.scalars(select(Event).where(Event.kind == kind).order_by(Event.seq)))
    finally:
        engine.dispose()


def test_window_title_names_the_station(window):
    assert window.windowTitle() == "Quai — PICK-01"


def test_starts_on_login_screen(window):
    assert isinstance(window.current_screen, LoginScreen)
    assert window.login_screen.ui.instructionLabel.text() == "Scannez votre badge"


@pytest.mark.parametrize(
    ("badge", "screen", "name"),
    [("BDG0001", PickerHome, "Paul Martin"), ("BDG0002", PackerHome, "Nadia Benali"), ("BDG0003", SupervisorHome, "Sophie Leroy")],
)
def test_known_badge_reaches_its_home(qtbot, window, badge, screen, name):
    scan(qtbot, window, badge)
    if badge in PINS:  # a supervisor: their PIN after the badge (tests/gui/test_supervisor_pin.py)
        type_pin(qtbot, window, PINS[badge])
    qtbot.waitUntil(lambda: isinstance(window.current_screen, screen), timeout=5000)
    home = window.current_screen
    assert home.greeting.text() == f"Bonjour {name}"
    qtbot.waitUntil(lambda: home._loaded, timeout=5000)


def test_badge_is_trimmed_like_a_scanner_suffix(qtbot, window):
    window.submit_badge("  BDG0001 \r\n")
    qtbot.waitUntil(lambda: isinstance(window.current_screen, PickerHome), timeout=5000)


def test_picker_home_shows_real_queue(qtbot, window):
    scan(qtbot, window, "BDG0001")
    qtbot.waitUntil(lambda: isinstance(window.current_screen, PickerHome) and window.current_screen._loaded, timeout=5000)
    home = window.current_screen
    assert home.count_number.text() == "7"
    assert home.count_label.text() == "commandes à préparer"
    assert home.model.rowCount() == 5
    cutoffs = [o.cutoff_at for o in home.queue.next]
    assert cutoffs == sorted(cutoffs)
    assert home.start_button.isEnabled() and home.start_button.text() == "Commencer la préparation"
    assert "code-barres d'une commande" in home.not_yet.text()


def test_packer_and_supervisor_homes_show_counts(qtbot, window):
    scan(qtbot, window, "BDG0002")
    qtbot.waitUntil(lambda: isinstance(window.current_screen, PackerHome) and window.current_screen._loaded, timeout=5000)
    assert window.current_screen.count_number.text() == "3"
    window.logout()
    qtbot.waitUntil(lambda: isinstance(window.current_screen, LoginScreen), timeout=5000)
    scan(qtbot, window, "BDG0003")
    type_pin(qtbot, window)
    qtbot.waitUntil(lambda: isinstance(window.current_screen, SupervisorHome) and window.current_screen.overview is not None, timeout=5000)
    home = window.current_screen
    assert home.tiles["new"][0].text() == "7"
    assert home.tiles["picked"][0].text() == "3"
    assert home.tiles["shipped"][0].text() == "1"
    assert home.summary.text() == "11 commandes en cours"  # new, picked, packing (on_hold and shipped excluded)


def test_unknown_badge_error_stays_until_acknowledged(qtbot, window, services):
    from PySide6.QtCore import QTimer

    scan(qtbot, window, "BDG9999")
    login = window.login_screen
    drain(qtbot, services.replica)
    expected = "Badge inconnu : BDG9999. Vérifiez le badge ou demandez à un responsable."
    assert login.ui.errorFrame.isVisible()
    assert login.ui.errorLabel.text() == expected
    assert [t for t in login.findChildren(QTimer) if t.isActive()] == []  # nothing armed to hide it
    drain(qtbot, services.replica)  # nor anything the worker still delivers
    window._periodic_refresh()  # nor the periodic refresh
    drain(qtbot, services.replica)
    assert login.ui.errorFrame.isVisible()
    assert isinstance(window.current_screen, LoginScreen)
    qtbot.mouseClick(login.ui.acknowledgeButton, __import__("PySide6.QtCore", fromlist=["Qt"]).Qt.MouseButton.LeftButton)
    assert not login.ui.errorFrame.isVisible()
    assert window.login_presenter.state is LoginState.READY


def test_unknown_badge_error_replaced_by_next_scan(qtbot, window):
    scan(qtbot, window, "BDG9999")
    qtbot.waitUntil(lambda: window.login_screen.ui.errorFrame.isVisible(), timeout=5000)
    scan(qtbot, window, "BDG0001")
    qtbot.waitUntil(lambda: isinstance(window.current_screen, PickerHome), timeout=5000)
    assert not window.login_presenter.is_error


def test_multi_role_user_chooses(qtbot, window):
    scan(qtbot, window, "BDG0004")
    qtbot.waitUntil(lambda: isinstance(window.current_screen, RoleChooser), timeout=5000)
    chooser = window.chooser
    assert chooser.title.text() == "Bonjour Marc Dubois, sur quoi travaillez-vous ?"
    assert chooser.button_for("picker").text() == "Préparer les commandes"
    assert chooser.button_for("packer").text() == "Emballer les commandes"
    assert chooser.button_for("picker").height() >= 100
    from PySide6.QtCore import Qt

    qtbot.mouseClick(chooser.button_for("packer"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: isinstance(window.current_screen, PackerHome), timeout=5000)
    assert events(window.config.replica_url, USER_LOGGED_IN)[-1].payload["role"] == "packer"


def test_chooser_cancel_returns_to_login_without_event(qtbot, window, services):
    scan(qtbot, window, "BDG0004")
    qtbot.waitUntil(lambda: isinstance(window.current_screen, RoleChooser), timeout=5000)
    window.chooser.cancel_button.click()
    assert isinstance(window.current_screen, LoginScreen)
    drain(qtbot, services.replica)  # whatever was queued has run
    assert events(window.config.replica_url, USER_LOGGED_IN) == []
    assert window.session.user is None


def test_logout_returns_to_login_and_records_events(qtbot, window):
    scan(qtbot, window, "BDG0001")
    qtbot.waitUntil(lambda: isinstance(window.current_screen, PickerHome), timeout=5000)
    window.current_screen.logout_button.click()
    qtbot.waitUntil(lambda: isinstance(window.current_screen, LoginScreen), timeout=5000)
    logins = events(window.config.replica_url, USER_LOGGED_IN)
    logouts = events(window.config.replica_url, USER_LOGGED_OUT)
    assert [(e.actor, e.station, e.payload["role"]) for e in logins] == [("BDG0001", "PICK-01", "picker")]
    assert [(e.actor, e.station, e.payload["reason"]) for e in logouts] == [("BDG0001", "PICK-01", "button")]
    assert logins[0].seq < logouts[0].seq
    assert window.status.user is None


def test_closing_the_window_logs_out(qtbot, window, services):
    scan(qtbot, window, "BDG0001")
    qtbot.waitUntil(lambda: isinstance(window.current_screen, PickerHome), timeout=5000)
    window.close()
    services.shutdown()  # finishes the queued logout before the thread stops
    logouts = events(window.config.replica_url, USER_LOGGED_OUT)
    assert [e.payload["reason"] for e in logouts] == ["window_closed"]


@pytest.mark.parametrize("station_kind", ["packing"])
def test_role_not_offered_at_this_station(qtbot, window):
    scan(qtbot, window, "BDG0001")  # a picker at a packing station
    qtbot.waitUntil(lambda: window.login_screen.ui.errorFrame.isVisible(), timeout=5000)
    assert "n'a aucun rôle sur ce poste" in window.login_screen.ui.errorLabel.text()
    scan(qtbot, window, "BDG0004")  # picker + packer: only packing here, no chooser
    qtbot.waitUntil(lambda: isinstance(window.current_screen, PackerHome), timeout=5000)


def test_replica_failure_is_shown(qtbot, tmp_path, services, config):
    """A replica that cannot be read: the person is told, in French, and can retry."""
    import dataclasses

    from app.gui.main_window import MainWindow
    from app.gui.services import StationServices

    broken = dataclasses.replace(config, local_url=f"sqlite:///{tmp_path}/empty.db")
    broken_services = StationServices.create(broken)
    try:
        window = MainWindow(broken, broken_services)
        qtbot.addWidget(window)
        window.show()
        window.submit_badge("BDG0001")
        qtbot.waitUntil(lambda: window.login_screen.ui.errorFrame.isVisible(), timeout=5000)
        assert window.login_screen.ui.errorLabel.text().startswith("Le poste ne peut pas lire sa base locale.")
        window.close()
    finally:
        broken_services.shutdown()


# --- one session at a time -----------------------------------------------------------------


def when_login_queued(monkeypatch, window, action) -> list:
    """Run ``action()`` right after the window queues a login event (before it is written)."""
    states = []
    begin = window._begin

    def begin_then_act(user, role):
        begin(user, role)
        states.append(window.login_presenter.state)
        action()

    monkeypatch.setattr(window, "_begin", begin_then_act)  # undone after the test: no reference cycle left
    return states


def test_a_scan_while_the_login_is_written_logs_nobody_else_in(qtbot, monkeypatch, window, services):
    # a second read of the badge, or the next person, arrives while the login is written
    states = when_login_queued(monkeypatch, window, lambda: window.submit_badge("BDG0002"))
    window.submit_badge("BDG0001")
    drain(qtbot, services.replica)
    drain(qtbot, services.replica)
    assert isinstance(window.current_screen, PickerHome)
    assert [e.actor for e in events(window.config.replica_url, USER_LOGGED_IN)] == ["BDG0001"]
    assert window.session.user.badge == "BDG0001"
    assert states == [LoginState.LOGGING_IN]
    assert window.login_presenter.state is LoginState.READY


def test_a_double_tap_on_the_chooser_logs_in_once(qtbot, window, services):
    from PySide6.QtCore import Qt

    scan(qtbot, window, "BDG0004")
    qtbot.waitUntil(lambda: isinstance(window.current_screen, RoleChooser), timeout=5000)
    qtbot.mouseClick(window.chooser.button_for("picker"), Qt.MouseButton.LeftButton)
    qtbot.mouseClick(window.chooser.button_for("packer"), Qt.MouseButton.LeftButton)
    qtbot.mouseClick(window.chooser.button_for("picker"), Qt.MouseButton.LeftButton)
    drain(qtbot, services.replica)
    assert isinstance(window.current_screen, PickerHome)
    assert [e.payload["role"] for e in events(window.config.replica_url, USER_LOGGED_IN)] == ["picker"]


def test_log_out_then_close_writes_one_logout(qtbot, window, services):
    scan(qtbot, window, "BDG0001")
    qtbot.waitUntil(lambda: isinstance(window.current_screen, PickerHome), timeout=5000)
    window.current_screen.logout_button.click()
    window.close()
    services.shutdown()
    assert [e.payload["reason"] for e in events(window.config.replica_url, USER_LOGGED_OUT)] == ["button"]


def test_closing_while_the_login_is_written_closes_that_session(qtbot, monkeypatch, window, services):
    closed = when_login_queued(monkeypatch, window, window.close)
    window.submit_badge("BDG0001")
    qtbot.waitUntil(lambda: bool(closed), timeout=5000)
    services.shutdown()
    url = window.config.replica_url
    assert [e.actor for e in events(url, USER_LOGGED_IN)] == ["BDG0001"]
    assert [(e.actor, e.payload["reason"]) for e in events(url, USER_LOGGED_OUT)] == [("BDG0001", "window_closed")]


def test_a_very_long_scan_does_not_widen_the_window(qtbot, window, services):
    """A QR code URL scanned by mistake: the field keeps 64 characters, the error shows 32."""
    assert window.login_screen.ui.badgeEdit.maxLength() == 64
    window.submit_badge("X" * 300)  # as if the field had no limit
    drain(qtbot, services.replica)
    label = window.login_screen.ui.errorLabel
    assert label.isVisible()
    assert label.text().startswith("Badge inconnu : " + "X" * 32 + "…. ")
    assert window.width() == 1280 and window.minimumSizeHint().width() <= 1280
    window.login_presenter.failed("sqlite:///" + "p" * 300)  # a long detail wraps too
    window.login_screen.render()
    qtbot.waitUntil(lambda: label.height() > 2 * label.fontMetrics().height(), timeout=2000)
    assert window.width() == 1280 and window.minimumSizeHint().width() <= 1280
    assert label.width() < 1280


# --- scans are never lost ------------------------------------------------------------------


def hold(worker):
    """Block ``worker`` on a job until the returned event is set (a slow replica)."""
    import threading

    release = threading.Event()
    worker.submit(lambda _ctx: release.wait(10))
    return release


def test_the_last_scan_wins_while_a_badge_is_checked(qtbot, window, services):
    release = hold(services.replica)
    window.submit_badge("BDG9999")  # a wrong badge first
    assert window.login_presenter.state is LoginState.CHECKING
    scan(qtbot, window, "BDG0002")  # the right one, while the first is checked
    release.set()
    # Lookups, then the login write, each queued by the previous one's answer: wait for the end.
    qtbot.waitUntil(lambda: isinstance(window.current_screen, PackerHome), timeout=10_000)
    drain(qtbot, services.replica)
    assert [e.actor for e in events(window.config.replica_url, USER_LOGGED_IN)] == ["BDG0002"]


def test_a_second_read_of_the_same_badge_is_one_login(qtbot, window, services):
    release = hold(services.replica)
    scan(qtbot, window, "BDG0001")
    scan(qtbot, window, "BDG0001")
    release.set()
    drain(qtbot, services.replica)
    drain(qtbot, services.replica)
    assert isinstance(window.current_screen, PickerHome)
    assert [e.actor for e in events(window.config.replica_url, USER_LOGGED_IN)] == ["BDG0001"]


@pytest.mark.parametrize("where", ["login", "status"])
def test_a_language_tap_leaves_the_focus_in_the_scan_field(qtbot, window, where):
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.login_screen.ui.badgeEdit, timeout=2000)
    buttons = window.login_screen.ui if where == "login" else window.ui
    if where == "status":
        buttons.langEnButton.setVisible(True)  # shown on the other screens; same buttons
    qtbot.mouseClick(buttons.langEnButton, Qt.MouseButton.LeftButton)
    assert window.services.language.language == "en"
    assert QApplication.focusWidget() is window.login_screen.ui.badgeEdit
    qtbot.keyClicks(QApplication.focusWidget(), "BDG0001")  # the wedge scanner types here
    assert window.login_screen.ui.badgeEdit.text() == "BDG0001"


def test_the_login_screen_says_the_station_is_preparing(qtbot, config, services):
    """The start-up job (fill the replica) may take a while: a scan waits behind it, and the screen says why."""
    import threading

    from app.gui.main_window import MainWindow

    release = threading.Event()
    window = MainWindow(config, services)
    qtbot.addWidget(window)
    window.startup_job = lambda: release.wait(10)
    window.resize(1280, 800)
    window.show()
    qtbot.waitExposed(window)
    busy = window.login_screen.ui.busyLabel
    assert busy.isVisible() and busy.text() == "Préparation du poste…"
    qtbot.waitUntil(lambda: window._background_started and window.startup_job is None, timeout=2000)  # submitted
    window.submit_badge("BDG0001")
    assert busy.isVisible() and busy.text() == "Préparation du poste…"  # not "checking" for as long as it takes
    window.switch_language("en")
    assert busy.text() == "Preparing the station…"
    release.set()
    qtbot.waitUntil(lambda: isinstance(window.current_screen, PickerHome), timeout=5000)
    window.logout()
    qtbot.waitUntil(lambda: isinstance(window.current_screen, LoginScreen), timeout=5000)
    assert not busy.isVisible()
    window.close()


def test_closing_while_a_job_runs_still_writes_the_logout(qtbot, window, services):
    """As run_station ends: close the window, then shut the services down, a slow job still running."""
    import threading

    scan(qtbot, window, "BDG0001")
    qtbot.waitUntil(lambda: isinstance(window.current_screen, PickerHome), timeout=5000)
    release = hold(services.replica)  # e.g. a refresh waiting on a locked replica
    threading.Timer(0.3, release.set).start()
    window.close()
    services.shutdown()  # waits for the slow job, then writes the logout: no terminate()
    logouts = events(window.config.replica_url, USER_LOGGED_OUT)
    assert [(e.actor, e.payload["reason"]) for e in logouts] == [("BDG0001", "window_closed")]


def test_a_scan_reaching_the_hidden_login_screen_logs_nobody_else_in(qtbot, window, services):
    scan(qtbot, window, "BDG0001")
    qtbot.waitUntil(lambda: isinstance(window.current_screen, PickerHome), timeout=5000)
    window.login_screen.ui.badgeEdit.setText("BDG0002")
    window.login_screen.ui.validateButton.click()  # the login screen is hidden: nothing may start
    drain(qtbot, services.replica)
    drain(qtbot, services.replica)
    assert isinstance(window.current_screen, PickerHome)
    assert [e.actor for e in events(window.config.replica_url, USER_LOGGED_IN)] == ["BDG0001"]
