"""Status area, runtime language switch, touch target sizes."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton

from app.gui.screens.home_packer import PackerHome
from app.gui.screens.home_picker import PickerHome
from app.gui.screens.login import LoginScreen
from app.gui.screens.role_chooser import RoleChooser

from .conftest import PINS, drain, scan, type_pin

pytestmark = pytest.mark.gui


def test_status_area_shows_station_user_and_devices(qtbot, window):
    ui = window.ui
    assert ui.stationLabel.text() == "Poste : PICK-01"
    assert ui.userLabel.text() == "Personne n'est connecté"
    assert ui.scannerLabel.text() == "Scanner : saisie à l'écran"
    assert ui.printerLabel.text() == "Imprimante : non configurée"
    qtbot.waitUntil(lambda: ui.centralLabel.text() == "Base centrale : intégrée (SQLite)", timeout=5000)
    # four users added in the fixture: their events are pushed once the station has started
    qtbot.waitUntil(lambda: ui.outboxLabel.text() == "File d'envoi : vide", timeout=10_000)
    assert window.status_area.sync_label.text().startswith("Dernière synchro : ")
    scan(qtbot, window, "BDG0001")
    qtbot.waitUntil(lambda: ui.userLabel.text() == "Utilisateur : Paul Martin (Préparation)", timeout=5000)


def test_central_offline_when_unreachable(qtbot, tmp_path, replica_url):
    from app.config import StationConfig
    from app.gui.main_window import MainWindow
    from app.gui.services import StationServices

    config = StationConfig(
        name="PACK-02", central_url="postgresql://quai@127.0.0.1:9/quai", local_url=replica_url, language="fr"
    )
    services = StationServices.create(config)
    services.language.switch("fr")
    try:
        window = MainWindow(config, services)
        qtbot.addWidget(window)
        window.show()
        qtbot.waitUntil(lambda: window.ui.centralLabel.text() == "Base centrale : hors ligne", timeout=8000)
        window.close()
    finally:
        services.shutdown()
        services.language.uninstall()


def test_language_switch_and_back(qtbot, window):
    login = window.login_screen
    qtbot.mouseClick(login.ui.langEnButton, Qt.MouseButton.LeftButton)
    assert login.ui.instructionLabel.text() == "Scan your badge"
    assert login.ui.validateButton.text() == "Validate"
    assert window.ui.stationLabel.text() == "Station: PICK-01"
    assert window.ui.scannerLabel.text() == "Scanner: on-screen entry"
    assert window.ui.langEnButton.isChecked() and login.ui.langEnButton.isChecked()
    qtbot.mouseClick(login.ui.langFrButton, Qt.MouseButton.LeftButton)
    assert login.ui.instructionLabel.text() == "Scannez votre badge"
    assert window.ui.stationLabel.text() == "Poste : PICK-01"


def test_error_and_home_follow_language_switch(qtbot, window):
    scan(qtbot, window, "BDG9999")
    qtbot.waitUntil(lambda: window.login_screen.ui.errorFrame.isVisible(), timeout=5000)
    window.switch_language("en")
    assert window.login_screen.ui.errorLabel.text() == "Unknown badge: BDG9999. Check the badge or ask a supervisor."
    scan(qtbot, window, "BDG0001")
    qtbot.waitUntil(lambda: isinstance(window.current_screen, PickerHome) and window.current_screen._loaded, timeout=5000)
    home = window.current_screen
    assert home.greeting.text() == "Hello Paul Martin"
    assert home.count_label.text() == "orders waiting to be picked"
    assert home.model.headerData(0, Qt.Orientation.Horizontal) == "Order"
    qtbot.mouseClick(window.ui.langFrButton, Qt.MouseButton.LeftButton)  # the status-area toggle
    assert home.count_label.text() == "commandes à préparer"
    assert home.logout_button.text() == "Se déconnecter"
    assert window.ui.userLabel.text() == "Utilisateur : Paul Martin (Préparation)"


def visible_buttons(widget) -> list[QAbstractButton]:
    """Every button a finger can reach: push buttons, but also tool buttons (a line edit's clear
    button), the table's corner button, check boxes..."""
    return [b for b in widget.findChildren(QAbstractButton) if b.isVisible()]


def test_every_button_is_a_touch_target(qtbot, window, services):
    from app.gui.screens.home_packer import PackerHome
    from app.gui.screens.home_supervisor import SupervisorHome

    checked = []

    def check(screen_type):
        assert isinstance(window.current_screen, screen_type)
        buttons = visible_buttons(window)
        assert buttons
        small = [
            (type(b).__name__, b.objectName() or b.text(), b.width(), b.height())
            for b in buttons
            if b.height() < 48 or b.width() < 48
        ]
        assert small == [], f"{screen_type.__name__}: {small}"
        checked.append(screen_type.__name__)

    check(LoginScreen)
    window.login_screen.ui.badgeEdit.setText("BDG")  # a line edit's clear button would show now
    check(LoginScreen)
    window.login_screen.ui.badgeEdit.clear()
    scan(qtbot, window, "BDG9999")
    qtbot.waitUntil(lambda: window.login_screen.ui.errorFrame.isVisible(), timeout=5000)
    check(LoginScreen)
    scan(qtbot, window, "BDG0004")
    qtbot.waitUntil(lambda: isinstance(window.current_screen, RoleChooser), timeout=5000)
    check(RoleChooser)
    for badge, home in (("BDG0001", PickerHome), ("BDG0002", PackerHome), ("BDG0003", SupervisorHome)):
        window.chooser.cancel_button.click() if isinstance(window.current_screen, RoleChooser) else None
        if window.session.logged_in:
            window.logout()
            qtbot.waitUntil(lambda: isinstance(window.current_screen, LoginScreen), timeout=5000)
        scan(qtbot, window, badge)
        if badge in PINS:  # a supervisor types their PIN after the badge
            type_pin(qtbot, window, PINS[badge])
        qtbot.waitUntil(lambda home=home: isinstance(window.current_screen, home) and window.current_screen._loaded, timeout=5000)
        drain(qtbot, services.replica)
        check(home)
    assert checked == ["LoginScreen"] * 3 + ["RoleChooser", "PickerHome", "PackerHome", "SupervisorHome"]


def test_fonts_are_readable_at_arms_length(qtbot, window):
    login = window.login_screen
    assert login.ui.instructionLabel.fontInfo().pixelSize() >= 28
    assert login.ui.hintLabel.fontInfo().pixelSize() >= 18
    assert window.ui.stationLabel.fontInfo().pixelSize() >= 18


def test_a_failed_start_up_refresh_is_shown_in_the_status_area(qtbot, config, services) -> None:
    """The replica could not be refreshed: the station works on, and says its copy is old."""
    from app.gui.main_window import MainWindow

    def failing_refresh() -> None:
        raise RuntimeError("central schema is older than this station")

    window = MainWindow(config, services)
    window.startup_job = failing_refresh
    window.resize(1280, 800)
    window.show()
    qtbot.waitExposed(window)
    qtbot.waitUntil(lambda: window.status.replica_stale, timeout=5000)
    # Said once the central database has answered its first ping ("vérification…" until then).
    qtbot.waitUntil(lambda: "Copie locale non actualisée" in window.ui.centralLabel.text(), timeout=10_000)
    assert window.ui.centralLabel.property("quaiRole") == "status-bad"
    window.close()


def test_plurals_follow_the_new_language_at_once(qtbot, window, services):
    """French says "0 commande", English "0 orders": the switch re-renders with the new rules."""
    from app.gui.data import Overview
    from app.gui.screens.home_supervisor import SupervisorHome

    scan(qtbot, window, "BDG0003")
    type_pin(qtbot, window)
    qtbot.waitUntil(lambda: isinstance(window.current_screen, SupervisorHome) and window.current_screen._loaded, timeout=5000)
    drain(qtbot, services.replica)
    home = window.current_screen
    home.show_data(Overview(counts={status: 0 for status in home.tiles}))
    assert home.summary.text() == "0 commande en cours"
    window.switch_language("en")
    assert home.summary.text() == "0 orders on the floor"
    window.switch_language("fr")
    assert home.summary.text() == "0 commande en cours"


def test_a_hung_ping_does_not_stay_online(qtbot, window, services):
    qtbot.waitUntil(lambda: window.status.central == "embedded", timeout=5000)
    release = threading.Event()
    services.central.submit(lambda _ctx: release.wait(10))  # the central database stops answering
    window.ping_central()  # a tick finds the previous ping still pending
    assert window.ui.centralLabel.text() == "Base centrale : vérification…"
    window.ping_central()  # and the next one too
    assert window.status.central_state() == "offline"
    assert window.ui.centralLabel.property("quaiRole") == "status-bad"
    release.set()
    drain(qtbot, services.central)
    window.ping_central()  # answers again
    drain(qtbot, services.central)
    assert window.status.central == "embedded"


def test_french_wording(qtbot, window):
    from app.gui import texts

    login = window.login_screen.ui
    assert login.hintLabel.text() == "Pas de scanner ? Tapez le code du badge, puis appuyez sur Entrée ou Valider."
    assert login.badgeEdit.placeholderText() == "Code du badge, par ex. BDG0001"
    assert [texts.central_text(s) for s in ("checking", "online", "offline", "embedded", "stale")] == [
        "Base centrale : vérification…",
        "Base centrale : en ligne",
        "Base centrale : hors ligne",
        "Base centrale : intégrée (SQLite)",
        "Copie locale non actualisée : prévenez un responsable",
    ]
    assert texts.outbox_text(1) == "File d'envoi : 1 événement en attente"
    assert texts.outbox_text(3) == "File d'envoi : 3 événements en attente"
    assert texts.status_name("on_hold") == "Bloquées"
    assert texts.status_name("awaiting_stock") == "En attente de stock"
    assert window.chooser.cancel_button.text() == "Ce n'est pas moi : scanner un autre badge"
    window.login_presenter.submit("BDG0001")
    window.login_presenter.state = __import__("app.gui.state", fromlist=["LoginState"]).LoginState.NO_ROLE_HERE
    assert "Allez sur un poste adapté à votre rôle ou demandez à un responsable." in window.login_screen.error_text()
    window.switch_language("en")
    assert texts.status_name("on_hold") == "On hold"
    assert texts.central_text("embedded") == "Central: embedded (SQLite)"


def test_french_wording_of_a_home_error(qtbot, window):
    from app.gui.screens.home_picker import PickerHome

    home = PickerHome()
    qtbot.addWidget(home)
    home.show_error("disk I/O error")
    assert home.message.text().endswith("Touchez Actualiser ; si le problème persiste, demandez à un responsable.")


def test_a_failed_outbox_count_shows_unknown(qtbot, config, services, monkeypatch):
    from app.gui.main_window import MainWindow
    from app.gui.queries import ReplicaContext
    from app.sync.worker import PushSchedule

    # One push at start-up, then none for an hour: nothing else sets the count meanwhile.
    schedule = PushSchedule(interval=3600)
    window = MainWindow(config, services, push_schedule=schedule)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.status.last_sync is not None and window.status.outbox == 0, timeout=10_000)

    def fail(_self):
        raise RuntimeError("database is locked")

    monkeypatch.setattr(ReplicaContext, "outbox_size", fail)
    window.refresh_outbox()
    drain(qtbot, services.replica)
    assert window.status.outbox is None
    assert window.ui.outboxLabel.text() == "File d'envoi : …"
    window.close()


def test_a_logout_not_recorded_is_shown_until_the_next_write(qtbot, window, services, monkeypatch):
    from app.gui.queries import ReplicaContext

    def fail(*_args):
        raise RuntimeError("disk I/O error")

    scan(qtbot, window, "BDG0001")
    qtbot.waitUntil(lambda: isinstance(window.current_screen, PickerHome), timeout=5000)
    with monkeypatch.context() as patch:
        patch.setattr(ReplicaContext, "record_logout", fail)
        window.logout()
        drain(qtbot, services.replica)
    assert isinstance(window.current_screen, LoginScreen)  # the session is closed anyway
    label = window.ui.userLabel
    assert label.text() == "Déconnexion de Paul Martin non enregistrée : prévenez un responsable"
    assert label.property("quaiRole") == "status-bad"
    window.switch_language("en")
    assert label.text() == "Logout of Paul Martin not recorded: see a supervisor"
    window.switch_language("fr")
    scan(qtbot, window, "BDG0002")  # the next write goes through
    qtbot.waitUntil(lambda: isinstance(window.current_screen, PackerHome), timeout=5000)
    window.logout()
    drain(qtbot, services.replica)
    assert label.text() == "Personne n'est connecté"
    assert label.property("quaiRole") == "status-strong"
