"""The station's printers in the window: the status bar follows a real (fake Zebra) printer on a
loopback socket, a label printed while it is out of paper waits and goes out once when the
paper is back, a reprint is an explicit, audited action, and the spool-folder printer of the
demo shows the label on screen."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import select

from app.config import StationConfig
from app.config_labels import LabelSettings
from app.store.db import make_engine, session_factory
from app.store.models import Event
from tests.gui.conftest import drain, scan, type_pin
from tests.support.barcode_reading import texts
from tests.support.fake_printer import FakePrinter


class Sounds:
    def __init__(self) -> None:
        self.played: list[str] = []

    def play(self, name: str) -> None:
        self.played.append(name)


@pytest.fixture
def printer() -> Iterator[FakePrinter]:
    with FakePrinter() as fake:
        yield fake


@pytest.fixture
def config(replica_url: str, central_url: str, printer: FakePrinter, tmp_path: Path) -> StationConfig:
    labels = LabelSettings(label_printer=printer.url, document_printer=f"file://{tmp_path / 'slips'}?language=pdf")
    return StationConfig(name="PACK-01", kind="any", language="fr", central_url=central_url, local_url=replica_url,
                         labels=labels)


@pytest.fixture
def services(qapp, config: StationConfig, tmp_path: Path) -> Iterator:
    from app.gui import assets
    from app.gui.print_service import PrintService
    from app.gui.services import StationServices

    qapp.setStyleSheet(assets.theme())
    services = StationServices.create(config, sounds=Sounds())
    services.printing = PrintService(config.name, config.labels, services.replica, tmp_path / "queues")
    services.language.switch("fr")
    yield services
    services.shutdown()
    services.language.uninstall()


@pytest.fixture
def supervisor(qtbot, window):
    scan(qtbot, window, "BDG0003")  # Sophie Leroy, supervisor
    type_pin(qtbot, window)
    qtbot.waitUntil(lambda: window.session.logged_in, timeout=8000)
    window.homes["supervisor"].printers_button.click()
    qtbot.waitUntil(lambda: window.current_screen is window.printers.screen, timeout=5000)
    return window


def events(config: StationConfig, kind: str) -> list[Event]:
    engine = make_engine(config.replica_url)
    with session_factory(engine)() as session:
        found = list(session.scalars(select(Event).where(Event.kind == kind)))
        for event in found:
            session.expunge(event)
    engine.dispose()
    return found


def test_a_label_waits_out_paper_out_then_prints_once_and_a_reprint_is_audited(qtbot, supervisor, config, printer, services) -> None:
    window = supervisor
    qtbot.waitUntil(lambda: window.status.printer == "ready", timeout=15000)
    assert window.ui.printerLabel.text() == "Imprimante : prête"

    printer.status = "paper_out"
    screen = window.printers.screen
    qtbot.mouseClick(screen.test_buttons["labels"], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.status.printer == "paper_out", timeout=15000)
    assert "plus d'étiquettes" in window.ui.printerLabel.text() and "1 en attente" in window.ui.printerLabel.text()
    state, detail = screen.state_labels["labels"]
    assert "Chargez un nouveau rouleau" in detail.text()
    assert printer.jobs == []  # nothing sent to a printer in fault

    printer.status = "ok"  # the roll is changed
    assert printer.wait_for(lambda p: len(p.jobs) == 1, timeout=20)
    qtbot.waitUntil(lambda: window.status.printer == "ready" and window.status.printer_waiting == 0, timeout=15000)
    job = printer.jobs[0]
    assert job.startswith(b"^XA^CI28") and "Étiquette de test".encode() in job
    printed = events(config, "label.printed")
    assert len(printed) == 1 and printed[0].actor == "BDG0003" and printed[0].payload["document"] == "test"

    # The job on screen, its preview, then an explicit reprint: a second copy, audited.
    qtbot.waitUntil(lambda: screen.jobs_list.count() == 1, timeout=5000)
    screen.jobs_list.setCurrentRow(0)
    assert screen.reprint_button.isEnabled() and not screen.cancel_button.isEnabled()
    assert not screen.preview.pixmap().isNull()
    assert "QUAI|TEST|PACK-01" in texts(screen.preview.pixmap().toImage())  # the label itself, shrunk
    qtbot.mouseClick(screen.reprint_button, Qt.MouseButton.LeftButton)
    assert printer.wait_for(lambda p: len(p.jobs) == 2, timeout=20)
    assert printer.jobs[1] == printer.jobs[0]
    drain(qtbot, services.replica)
    reprinted = events(config, "label.reprinted")
    assert len(reprinted) == 1 and reprinted[0].actor == "BDG0003"
    assert reprinted[0].payload["reprint_of"] == printed[0].payload["job"]
    assert printer.count(job) == 2  # the first print once, the reprint once: nothing more


def test_a_printer_that_does_not_answer_is_shown_and_its_job_waits(qtbot, supervisor, printer) -> None:
    window = supervisor
    printer.refuse()  # switched off
    qtbot.mouseClick(window.printers.screen.test_buttons["labels"], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.status.printer == "offline", timeout=15000)
    assert "ne répond pas" in window.ui.printerLabel.text()
    assert window.ui.printerLabel.property("quaiRole") == "status-bad"
    printer.accept()  # switched on again: the label goes out by itself
    assert printer.wait_for(lambda p: len(p.jobs) == 1, timeout=20)


def test_the_spool_folder_printer_gets_a_pdf_file_per_job(qtbot, supervisor, tmp_path: Path) -> None:
    window = supervisor
    qtbot.mouseClick(window.printers.screen.test_buttons["documents"], Qt.MouseButton.LeftButton)
    folder = tmp_path / "slips"
    qtbot.waitUntil(lambda: folder.exists() and any(p.suffix == ".pdf" for p in folder.iterdir()), timeout=15000)
    pdf = next(p for p in folder.iterdir() if p.suffix == ".pdf")
    assert pdf.read_bytes().startswith(b"%PDF")
