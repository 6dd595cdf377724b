"""The dock in the window: the supervisor's "Quai d'expédition" screen, its scans, and the
day's close (manifest PDF and CSV saved in the station's data folder, the PDF printed on the
documents printer). GUI thread only; every database read and write is a job of the replica
worker, and its answer comes back here (app.gui.workers).

One parcel scanned is one ``ship_parcel`` transaction, committed before the green line and
the sound: a parcel shown as handed over is on disk. The lists are read again with each
scan's answer, and every ``REFRESH_MS`` while the screen shows (parcels closed meanwhile at a
packing station arrive by the sync).
"""

from __future__ import annotations

import logging
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QObject, QTimer

if TYPE_CHECKING:
    from app.gui.screens.dock import DockScreen
    from app.scanning.classify import Scan

log = logging.getLogger(__name__)
translate = QCoreApplication.translate


def manifest_folder(station: str) -> Path:
    """Where the station keeps its manifests: ``<data dir>/manifests/<station>``."""
    from app.paths import data_dir

    safe = "".join(c if c.isalnum() or c in "-_" else "_" for c in station)
    return data_dir() / "manifests" / safe


def _free_name(folder: Path, stem: str) -> str:
    """``stem``, or ``stem-2``… when a manifest of that day was saved already (a second close
    keeps the first: the courier may have signed it)."""
    candidate, n = stem, 1
    while (folder / f"{candidate}.pdf").exists() or (folder / f"{candidate}.csv").exists():
        n += 1
        candidate = f"{stem}-{n}"
    return candidate


def write_manifest(sessions: Any, station: str, badge: str | None, carrier: str, day: date, sender: Any,
                   folder: Path) -> tuple[Any, list[Any], Path, Path]:
    """For the replica worker: close the day (app.store.handover.close_manifest), lay out its
    pages and write them as PDF and CSV in ``folder``. Returns (ClosedManifest, pages, pdf, csv)."""
    from app.labels.documents.manifest import ManifestDocument, manifest_pages
    from app.labels.output import pdf_bytes
    from app.packing.manifest import to_csv_bytes
    from app.store.handover import close_manifest

    closed = close_manifest(sessions, station, badge, carrier, day)
    pages = manifest_pages(ManifestDocument(carrier, day, sender, closed.rows, closed.missing, closed.held,
                                            closed.closed_at, station))
    folder.mkdir(parents=True, exist_ok=True)
    stem = _free_name(folder, f"bordereau-{carrier}-{day.isoformat()}")
    pdf, csv = folder / f"{stem}.pdf", folder / f"{stem}.csv"
    pdf.write_bytes(pdf_bytes(pages))
    csv.write_bytes(to_csv_bytes(closed.rows))
    return closed, pages, pdf, csv


class DockUi(QObject):
    REFRESH_MS = 15_000

    def __init__(self, window: Any) -> None:
        super().__init__(window)
        self.window = window
        self.screen: DockScreen | None = None
        self.carrier: str | None = None
        self._closing = False
        self._timer = QTimer(self)
        self._timer.setInterval(self.REFRESH_MS)
        self._timer.timeout.connect(self._tick)

    @property
    def showing(self) -> bool:
        return self.screen is not None and self.window.current_screen is self.screen

    def show_screen(self) -> None:
        if self.screen is None:
            from app.gui.screens.dock import DockScreen

            self.screen = DockScreen()
            self.screen.back_requested.connect(self._leave)
            self.screen.carrier_chosen.connect(self.choose)
            self.screen.change_carrier_requested.connect(self._change_carrier)
            self.screen.close_day_requested.connect(self._ask_close)
            self.screen.close_confirmed.connect(self._close_day)
            self.screen.close_cancelled.connect(lambda: self.screen.back_to_scans() if self.screen else None)
            self.window.ui.stack.addWidget(self.screen)
            self.window.ui.stack.currentChanged.connect(lambda _index: None if self.showing else self._timer.stop())
        if self.carrier is None:
            self.screen.show_choice()
        self.window.ui.stack.setCurrentWidget(self.screen)
        self._timer.start()
        self._tick()

    def _leave(self) -> None:
        self._timer.stop()
        self.window.back_home()

    # --- the carrier ---------------------------------------------------------------------------------
    def choose(self, carrier: str) -> None:
        if self.screen is None:
            return
        self.carrier = carrier
        self.screen.show_carrier(carrier)
        self._refresh_state()

    def _change_carrier(self) -> None:
        self.carrier = None
        if self.screen is not None:
            self.screen.show_choice()
        self._refresh_counts()

    # --- reading -------------------------------------------------------------------------------------
    def _tick(self) -> None:
        # A closed window keeps its stack (the dock may still be its current screen) while its
        # workers are stopped: nothing more to read then.
        if not self.showing or not self.window.isVisible():
            self._timer.stop()
            return
        if self.carrier is None:
            self._refresh_counts()
        else:
            self._refresh_state()

    def _refresh_counts(self) -> None:
        def job(ctx: Any) -> dict[str, tuple[int, int]]:
            from app.store.handover import dock_counts, local_day

            with ctx.sessions() as session:
                return dock_counts(session, local_day())

        def done(counts: dict[str, tuple[int, int]]) -> None:
            if self.screen is not None and self.carrier is None:
                self.screen.show_choice(counts)

        self.window.services.replica.submit(job, done, lambda exc: log.warning("dock counts not read: %s", exc))

    def _state_job(self, carrier: str):
        def job(ctx: Any) -> Any:
            from app.store.handover import dock_state, local_day

            with ctx.sessions() as session:
                return dock_state(session, carrier, local_day())

        return job

    def _refresh_state(self) -> None:
        carrier = self.carrier
        if carrier is None:
            return

        def done(state: Any) -> None:
            if self.screen is not None and self.carrier == carrier:
                self.screen.show_state(state)

        self.window.services.replica.submit(self._state_job(carrier), done,
                                            lambda exc: log.warning("dock lists not read: %s", exc))

    # --- scans ---------------------------------------------------------------------------------------
    def handle_scan(self, scan: Scan) -> bool:
        """A scan while the dock shows: True when it was the dock's (every scan but a logout)."""
        from app.gui import dock_texts
        from app.scanning.classify import ScanKind
        from app.scanning.commands import Command

        if not self.showing or self.screen is None:
            return False
        if scan.command is Command.LOGOUT:
            return False  # the window logs out
        feedback = self.window.feedback
        if self.screen.page == "confirm":
            feedback.attention(translate("Dock", "Answer on the screen first: close the day, or go back to the scans."))
            return True
        if self.carrier is None:
            feedback.attention(translate("Dock", "Choose the carrier on the screen first, then scan its parcels."))
            return True
        if scan.kind != ScanKind.PARCEL:
            text = dock_texts.error_text("not_a_parcel", {})
            self.screen.show_result("bad", text)
            feedback.bad(text)
            return True
        self._ship(scan.value)
        return True

    def _ship(self, sscc: str) -> None:
        from app.gui import dock_texts

        station = self.window.config.name
        user = self.window.status.user
        badge = user.badge if user is not None else None
        carrier = self.carrier
        assert carrier is not None
        state_job = self._state_job(carrier)

        def job(ctx: Any) -> tuple[Any, Any]:
            from app.store.handover import HandoverError, ship_parcel

            try:
                result: Any = ship_parcel(ctx.sessions, station, badge, sscc, carrier)
            except HandoverError as exc:
                result = exc
            return result, state_job(ctx)

        def done(answer: tuple[Any, Any]) -> None:
            from app.store.handover import HandoverError

            result, state = answer
            screen, feedback = self.screen, self.window.feedback
            if screen is None:
                return
            if isinstance(result, HandoverError):
                text = dock_texts.error_text(result.code, result.details)
                screen.show_result("bad", text)
                feedback.bad(text)
            elif result.already:
                screen.show_result("already", dock_texts.already_text(result))
                self.window.services.sounds.play("attention")  # nothing lost: no banner to acknowledge
            else:
                text = dock_texts.shipped_text(result)
                screen.show_result("good", text)
                feedback.good(text)
                self.window.refresh_outbox()
                self.window.push_now()  # the handover goes to the central database now
            if self.carrier == carrier:
                screen.show_state(state)

        def failed(error: Exception) -> None:
            text = dock_texts.failure_text(error)
            if self.screen is not None:
                self.screen.show_result("bad", text)
            self.window.feedback.bad(text)

        self.window.services.replica.submit(job, done, failed)

    # --- closing the day -----------------------------------------------------------------------------
    def _ask_close(self) -> None:
        carrier = self.carrier
        if carrier is None or self.screen is None:
            return

        def done(state: Any) -> None:
            if self.screen is not None and self.carrier == carrier:
                self.screen.ask_close(state)

        self.window.services.replica.submit(self._state_job(carrier), done,
                                            lambda exc: self.window.feedback.bad(self._failed_text(exc)))

    def _sender(self) -> Any:
        from app.labels.label_data import Address

        s = self.window.config.labels.sender
        return Address(name=s.name, lines=(s.address,) if s.address else (), zip=s.zip, city=s.city,
                       country=s.country, phone=s.phone)

    def _close_day(self) -> None:
        carrier = self.carrier
        if carrier is None or self.screen is None or self._closing:
            return  # a double tap closes once
        from app.store.handover import local_day

        self._closing = True
        self.screen.set_busy(True)
        station = self.window.config.name
        user = self.window.status.user
        badge = user.badge if user is not None else None
        sender, folder, day = self._sender(), manifest_folder(station), local_day()

        def job(ctx: Any) -> Any:
            return write_manifest(ctx.sessions, station, badge, carrier, day, sender, folder)

        def done(answer: Any) -> None:
            closed, pages, pdf, csv = answer
            self._closing = False
            if self.screen is None:
                return
            self.screen.set_busy(False)
            self.screen.back_to_scans()
            self._saved(pdf, csv, printed=None)
            self._print(pages, badge, pdf, csv)
            self.window.feedback.good()
            self.window.refresh_outbox()
            self.window.push_now()
            self._refresh_state()

        def failed(error: Exception) -> None:
            self._closing = False
            if self.screen is not None:
                self.screen.set_busy(False)
                self.screen.back_to_scans()
                self.screen.show_result("bad", self._failed_text(error))
            self.window.feedback.bad(self._failed_text(error))

        self.window.services.replica.submit(job, done, failed)

    def _print(self, pages: list[Any], badge: str | None, pdf: Path, csv: Path) -> None:
        printing = self.window.services.printing
        if printing is None:
            self._saved(pdf, csv, printed=False)
            return
        printing.print_pages("documents", "manifest", pages, actor=badge,
                             on_queued=lambda _job: self._saved(pdf, csv, printed=True),
                             on_error=lambda exc: self._saved(pdf, csv, printed=False, error=str(exc)))

    def _saved(self, pdf: Path, csv: Path, *, printed: bool | None, error: str = "") -> None:
        if self.screen is None:
            return
        text = translate("Dock", "Day closed. Manifest saved in {folder}: {pdf} and {csv}.").replace(
            "{folder}", str(pdf.parent)).replace("{pdf}", pdf.name).replace("{csv}", csv.name)
        if printed is True:
            text += " " + translate("Dock", "Sent to the documents printer.")
        elif printed is False:
            text += " " + translate("Dock", "Not printed ({error}): print the PDF from that folder.").replace(
                "{error}", error or translate("Dock", "no documents printer"))
        self.screen.show_result("info", text)

    @staticmethod
    def _failed_text(error: Exception) -> str:
        detail = str(error).splitlines()[0] if str(error) else type(error).__name__
        return translate("Dock", "The day could not be closed ({error}). Try again; if it fails again, tell your "
                         "supervisor.").replace("{error}", detail)
