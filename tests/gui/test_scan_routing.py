"""Scans from a real serial scanner (a pty) through the station: where each one goes.

The station's hub reads the pty on its own thread; the scan reaches the GUI thread, the
router and the screen on show, with the feedback a person sees and hears.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QLineEdit, QMessageBox, QVBoxLayout

from app.config import StationConfig
from app.gui.scan_router import DIALOG, REFUSED
from app.gui.scanner_hub import ScannerHub
from tests.gui.conftest import drain, type_pin
from tests.support.serial_pty import Pty


class RecordingSounds:
    """The sound player as the station's feedback sees it; records what it was asked to play."""

    def __init__(self) -> None:
        self.played: list[str] = []

    def play(self, name: str) -> None:
        self.played.append(name)


@pytest.fixture
def pty(tmp_path: Path) -> Iterator[Pty]:
    pty = Pty(tmp_path / "usb-Scanner_0042-if00")
    yield pty
    try:
        pty.unplug()
    except OSError:
        pass


@pytest.fixture
def window(qtbot, config: StationConfig, services, pty: Pty) -> Iterator:
    from app.gui.main_window import MainWindow

    services.sounds = RecordingSounds()
    services.scanners = ScannerHub([f"serial://{pty.link}?terminator=CR"])
    window = MainWindow(config, services)
    window.resize(1280, 800)
    window.show()
    qtbot.waitExposed(window)
    qtbot.waitUntil(lambda: window.status.scanner == "ready", timeout=5000)
    yield window
    window.close()


def routed(window) -> list[tuple[str, str]]:
    seen: list[tuple[str, str]] = []
    window.scan_router.routed.connect(lambda scan, outcome: seen.append((scan.raw, outcome)))
    return seen


def test_a_badge_scanned_on_the_serial_scanner_logs_in(qtbot, window, pty, services) -> None:
    assert window.ui.scannerLabel.text() == "Scanner : prêt"
    pty.write(b"BDG9999\r")  # not a badge anyone has: a red flash, and the login screen says why
    qtbot.waitUntil(lambda: window.login_presenter.is_error, timeout=5000)
    assert services.sounds.played == ["error"] and not window.feedback.banner_showing
    pty.write(b"BDG0001\r")
    qtbot.waitUntil(lambda: window.session.logged_in, timeout=5000)
    assert services.sounds.played == ["error", "ok"]
    assert window.session.user.name == "Paul Martin" and window.current_screen is window.homes["picker"]
    assert window.login_screen.ui.badgeEdit.text() == ""  # the scan never went through the field


def test_a_misread_is_refused_with_a_banner_the_next_scan_acknowledges(qtbot, window, pty, services) -> None:
    pty.write(b"4006381333932\r")  # one digit misread: the check digit does not match
    qtbot.waitUntil(lambda: window.feedback.banner_showing, timeout=5000)
    assert "4006381333932" in window.feedback.banner_text and "scannez-le à nouveau" in window.feedback.banner_text
    assert services.sounds.played[-1] == "error"
    seen = routed(window)
    pty.write(b"BDG0001\r")  # the person saw the message: this scan acknowledges it, nothing more
    qtbot.waitUntil(lambda: seen == [("BDG0001", "acknowledged")], timeout=5000)
    assert not window.feedback.banner_showing
    drain(qtbot, services.replica)
    assert not window.session.logged_in
    pty.write(b"BDG0001\r")
    qtbot.waitUntil(lambda: window.session.logged_in, timeout=5000)


def test_a_scan_while_a_message_box_is_open_is_refused_out_loud(qtbot, window, pty, services) -> None:
    box = QMessageBox(QMessageBox.Icon.Question, "Quai", "Annuler la commande ?",
                      QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, window)
    box.setDefaultButton(QMessageBox.StandardButton.Yes)
    box.open()
    qtbot.waitExposed(box)
    seen = routed(window)
    pty.write(b"BDG0001\r")
    qtbot.waitUntil(lambda: bool(seen), timeout=5000)
    assert seen == [("BDG0001", REFUSED)]
    assert box.isVisible() and box.result() == 0  # not answered by the scan
    assert window.feedback.banner_kind == "bad" and "fenêtre" in window.feedback.banner_text
    assert services.sounds.played[-1] == "error"
    assert not window.session.logged_in
    box.done(0)  # answered: the refusal has said its piece, and the scan it asked for counts
    assert not window.feedback.banner_showing
    pty.write(b"BDG0001\r")
    qtbot.waitUntil(lambda: window.session.logged_in, timeout=5000)


class AskTote(QDialog):
    """A dialog that wants a tote: it takes tote scans and refuses the rest."""

    def __init__(self, parent) -> None:
        super().__init__(parent)
        self.edit = QLineEdit(self)
        QVBoxLayout(self).addWidget(self.edit)
        self.taken: list[str] = []

    def take_scan(self, scan) -> bool:
        if scan.kind == "tote":
            self.taken.append(scan.value)
            return True
        return False


def test_a_dialog_that_takes_scans_gets_them_and_refuses_others(qtbot, window, pty) -> None:
    dialog = AskTote(window)
    dialog.open()
    qtbot.waitExposed(dialog)
    seen = routed(window)
    pty.write(b"tot042\r")
    qtbot.waitUntil(lambda: bool(seen), timeout=5000)
    assert seen == [("tot042", DIALOG)] and dialog.taken == ["TOT042"]
    assert dialog.edit.text() == "" and not window.feedback.banner_showing
    pty.write(b"3760123456784\r")  # a product: not what this dialog asks for
    qtbot.waitUntil(lambda: len(seen) == 2, timeout=5000)
    assert seen[1][1] == REFUSED and dialog.isVisible() and dialog.taken == ["TOT042"]
    assert "ne prend pas ce scan" in window.feedback.banner_text
    pty.write(b"TOT043\r")  # the right scan goes to the dialog, not to the banner behind it
    qtbot.waitUntil(lambda: len(seen) == 3, timeout=5000)
    assert seen[2] == ("TOT043", DIALOG) and dialog.taken == ["TOT042", "TOT043"]
    dialog.done(0)
    assert not window.feedback.banner_showing


def test_the_logout_command_barcode_logs_out(qtbot, window, pty, services) -> None:
    pty.write(b"BDG0002\r")
    qtbot.waitUntil(lambda: window.session.logged_in, timeout=5000)
    pty.write(b"CMD-LOGOUT\r")
    qtbot.waitUntil(lambda: not window.session.logged_in, timeout=5000)
    assert window.current_screen is window.login_screen and "ok" in services.sounds.played


def test_a_product_on_a_home_screen_asks_for_attention(qtbot, window, pty, services) -> None:
    pty.write(b"BDG0001\r")
    qtbot.waitUntil(lambda: window.session.logged_in, timeout=5000)
    pty.write(b"]d2010376012345678410LOT-7\x1d17271231\r")
    qtbot.waitUntil(lambda: window.feedback.banner_showing, timeout=5000)
    assert window.feedback.banner_kind == "attention" and services.sounds.played[-1] == "attention"


def test_an_unplugged_scanner_shows_in_the_status_bar_and_comes_back(qtbot, window, pty, services, tmp_path) -> None:
    pty.unplug()
    qtbot.waitUntil(lambda: window.status.scanner in ("unplugged", "missing"), timeout=5000)
    text = window.ui.scannerLabel.text()
    assert "Scanner_0042 " in text and "usb-" not in text and ("débranché" in text or "introuvable" in text)
    assert window.ui.scannerLabel.property("quaiRole") == "status-bad"
    assert "attention" in services.sounds.played
    again = Pty(tmp_path / "usb-Scanner_0042-if00")
    try:
        qtbot.waitUntil(lambda: window.status.scanner == "ready", timeout=5000)
        again.write(b"BDG0003\r")
        type_pin(qtbot, window)  # a supervisor's badge, then their PIN
        qtbot.waitUntil(lambda: window.session.logged_in, timeout=5000)
    finally:
        again.unplug()


def test_the_scanner_test_screen_shows_how_each_scan_was_read(qtbot, window, pty) -> None:
    pty.write(b"BDG0003\r")
    type_pin(qtbot, window)  # a supervisor's badge, then their PIN
    qtbot.waitUntil(lambda: window.session.logged_in and window.session.role == "supervisor", timeout=5000)
    home = window.homes["supervisor"]
    qtbot.mouseClick(home.scanner_test_button, Qt.MouseButton.LeftButton)
    screen = window.current_screen
    assert screen is window._scanner_test
    assert screen.sources_label.text() == "Scanner_0042: connecté"
    pty.write(b"]d2010376012345678410LOT-7\x1d17271231\rCMD-LOGOUT\r")
    qtbot.waitUntil(lambda: len(screen.reports) == 2, timeout=5000)
    command, product = (report for _when, _source, report in screen.reports)
    assert command["kind"] == "command" and window.session.logged_in  # shown, not obeyed
    assert (product["gtin"], product["lot"], product["expiry"], product["symbology"]) == (
        "03760123456784", "LOT-7", "2027-12-31", "GS1 DataMatrix")
    assert screen.table.item(1, 2).text() == "]d2010376012345678410LOT-7<GS>17271231"
    qtbot.mouseClick(screen.back_button, Qt.MouseButton.LeftButton)
    assert window.current_screen is home


@pytest.fixture
def wedge_window(qtbot, config: StationConfig, services) -> Iterator:
    """The station with its default scanner, the keyboard wedge (hid://)."""
    from app.gui.main_window import MainWindow

    services.sounds = RecordingSounds()
    services.scanners = ScannerHub(["hid://"])
    window = MainWindow(config, services)
    window.resize(1280, 800)
    window.show()
    window.activateWindow()
    qtbot.waitActive(window)
    qtbot.waitUntil(lambda: window.status.scanner == "ready", timeout=5000)
    yield window
    window.close()
    services.scanners.stop()


def test_a_wedge_scan_logs_in_without_touching_the_badge_field_and_typing_still_works(qtbot, wedge_window) -> None:
    from tests.gui.test_wedge import ENTER, PERSON, SCANNER, type_keys

    window = wedge_window
    edit = window.login_screen.ui.badgeEdit
    qtbot.waitUntil(edit.hasFocus)
    type_keys(edit, list("BDG0007"), PERSON)  # a person typing, slowly: it lands in the field
    qtbot.waitUntil(lambda: edit.text() == "BDG0007", timeout=2000)
    type_keys(edit, [*"BDG0001", ENTER], SCANNER)  # the scanner, into the same focused field
    qtbot.waitUntil(lambda: window.session.logged_in, timeout=5000)
    assert window.session.user.name == "Paul Martin"
    assert edit.text() == "BDG0007"  # the scan did not go into the field, nor press Enter there
