"""The station's printers, for the GUI: a print queue per printer, their states as Qt signals,
every print and reprint written to the event log.

Two printers: ``labels`` (the thermal label printer, ZPL by default) and ``documents``
(packing slips, a PDF printer by default); both default to spool folders beside the station's
database (the demo's printers), where each job is a file and the supervisor's Printers screen
shows it. Each queue (app.devices.printers.print_queue) waits out faults on its own thread and
sends each job exactly once; this class only adapts it:

- ``print_pages`` encodes the pages on a thread of its own (ZPL takes about a millisecond, a
  raster or PDF job tens: never on the GUI thread) and submits them; the job's id comes back
  to the caller in the GUI thread;
- queue threads report through a queued signal: ``changed`` is emitted in the GUI thread;
- prints, reprints, cancellations and a person's verdict on an uncertain job are events in
  the station's outbox (``label.printed``, ``label.reprinted``…): the audit trail reaches the
  central database like every other event.

GUI thread only, except where said.
"""

from __future__ import annotations

import logging
from collections import OrderedDict
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Signal

from app.labels.layout import Label

log = logging.getLogger(__name__)

PRINTERS = ("labels", "documents")
PREVIEWS_KEPT = 30  # jobs whose pages stay in memory for the on-screen preview


def spool_root(station: str) -> Path:
    """Where the station's print queues keep their jobs (beside its database)."""
    from app.paths import data_dir

    safe = "".join(c if c.isalnum() or c in "-_" else "_" for c in station)
    return data_dir() / "print-queue" / safe


class _Relay(QObject):
    """Crosses from a queue's thread to the GUI thread (a queued connection: the receiver
    lives in the GUI thread)."""

    state = Signal(str, object)  # printer, QueueState
    queued = Signal(object, object)  # callback, job id
    failed = Signal(object, object)  # callback, exception


class PrintService(QObject):
    changed = Signal(str)  # which printer's state or jobs changed

    def __init__(self, station: str, settings: Any, replica: Any, spool_root: Path, parent: QObject | None = None) -> None:
        """``settings``: app.config_labels.LabelSettings; ``replica``: the replica worker (the
        audit events); ``spool_root``: where the queues keep their jobs."""
        super().__init__(parent)
        self.station = station
        self.settings = settings
        self.replica = replica
        self.spool_root = spool_root
        self.queues: dict[str, Any] = {}
        self.errors: dict[str, str] = {}  # a printer whose queue could not start, and why
        self.states: dict[str, Any] = {}
        self._previews: OrderedDict[str, list[Label]] = OrderedDict()
        self._encoder = ThreadPoolExecutor(1, thread_name_prefix="quai-label-encoder")
        self._relay = _Relay(self)
        self._relay.state.connect(self._state_changed)
        self._relay.queued.connect(lambda callback, job_id: callback(job_id) if callback else None)
        self._relay.failed.connect(self._encode_failed)

    # --- life -----------------------------------------------------------------------------------
    def start(self) -> None:
        from app.devices.printers.print_queue import PrintQueue

        for printer in PRINTERS:
            url = self.url(printer)
            try:
                queue = PrintQueue(self.spool_root / printer, url,
                                   on_change=lambda state, p=printer: self._relay.state.emit(p, state))
                self.queues[printer] = queue.start()
            except Exception as exc:  # a spool folder held by another Quai, unwritable, …
                log.error("printer %s (%s) not started: %s", printer, url, exc)
                self.errors[printer] = str(exc)
                self.changed.emit(printer)

    def stop(self) -> None:
        self._encoder.shutdown(wait=True, cancel_futures=False)  # what was asked is queued (on disk)
        for queue in self.queues.values():
            queue.stop()

    def url(self, printer: str) -> str:
        if printer == "labels":
            return self.settings.label_printer_url(self.station)
        return self.settings.document_printer_url(self.station)

    # --- printing -------------------------------------------------------------------------------
    def print_pages(self, printer: str, document: str, pages: Sequence[Label], *, order: str | None = None,
                    actor: str | None = None, on_queued: Callable[[str], None] | None = None,
                    on_error: Callable[[Exception], None] | None = None) -> None:
        """Encode ``pages`` for ``printer``'s language and queue them; ``on_queued(job_id)`` in
        the GUI thread once the job is on disk, ``on_error(exc)`` when it cannot be made."""
        queue = self.queues.get(printer)
        if queue is None:
            error = RuntimeError(self.errors.get(printer, f"printer {printer} is not started"))
            if on_error:
                on_error(error)
            return
        language, dpi = queue.url.language, self.settings.dpi
        pages = list(pages)

        def encode_and_submit() -> None:  # the encoder's thread
            from app.labels.output import encode

            try:
                data = encode(pages, language, dpi)
                job_id = queue.submit(document, data, order=order, asked_by=actor)
            except Exception as exc:
                self._relay.failed.emit(on_error, exc)
                return
            self._relay.queued.emit(lambda job: self._queued(printer, job, document, pages, order, actor, on_queued), job_id)

        self._encoder.submit(encode_and_submit)

    def _queued(self, printer: str, job_id: str, document: str, pages: list[Label], order: str | None,
                actor: str | None, on_queued: Callable[[str], None] | None) -> None:
        self._keep_preview(job_id, pages)
        self._audit("label.printed", actor, order, {"printer": printer, "job": job_id, "document": document})
        self.changed.emit(printer)
        if on_queued:
            on_queued(job_id)

    def _encode_failed(self, on_error: Callable[[Exception], None] | None, exc: Exception) -> None:
        log.error("label not queued: %s", exc)
        if on_error:
            on_error(exc)

    # --- what a person decides -------------------------------------------------------------------
    def reprint(self, printer: str, job_id: str, actor: str) -> str:
        """A new copy of ``job_id``: an explicit action, audited with who asked."""
        queue = self.queues[printer]
        original = queue.job(job_id)
        new_id = queue.reprint(job_id, actor)
        if job_id in self._previews:
            self._keep_preview(new_id, self._previews[job_id])
        self._audit("label.reprinted", actor, original.order,
                    {"printer": printer, "job": new_id, "reprint_of": job_id, "document": original.document})
        self.changed.emit(printer)
        return new_id

    def cancel(self, printer: str, job_id: str, actor: str) -> bool:
        queue = self.queues[printer]
        done = queue.cancel(job_id, actor)
        if done:
            job = queue.job(job_id)
            self._audit("label.cancelled", actor, job.order, {"printer": printer, "job": job_id, "document": job.document})
            self.changed.emit(printer)
        return done

    def resolve(self, printer: str, job_id: str, actor: str, *, printed: bool) -> None:
        """The person looked at the printer for an uncertain job: it came out, or it did not."""
        queue = self.queues[printer]
        queue.resolve(job_id, actor, printed=printed)
        job = queue.job(job_id)
        self._audit("label.checked", actor, job.order,
                    {"printer": printer, "job": job_id, "document": job.document, "printed": printed})
        self.changed.emit(printer)

    # --- what the screens read -------------------------------------------------------------------
    def jobs(self, printer: str) -> list[Any]:
        queue = self.queues.get(printer)
        return queue.jobs() if queue is not None else []

    def preview(self, job_id: str) -> list[Label] | None:
        return self._previews.get(job_id)

    def summary(self) -> tuple[str, dict[str, str], int]:
        """For the status bar: the label printer's state code, its arguments, jobs waiting.

        ``ready``, ``starting`` (no reading yet), ``error`` (the queue did not start), a reason
        code of app.devices.printers.messages (``paper_out``, ``offline``…), or ``uncertain``."""
        printer = "labels"
        if printer in self.errors:
            return "error", {"error": self.errors[printer]}, 0
        state = self.states.get(printer)
        if state is None:
            return "starting", {}, 0
        waiting = state.queued
        if state.reason:
            return state.reason, dict(state.reason_args), waiting
        if state.uncertain:
            return "uncertain", {}, state.uncertain
        if state.printer is not None and not state.printer.ready:
            code, args = state.printer.reason() or ("printer_error", {"error": state.printer.error or ""})
            return code, args, waiting
        return "ready", {}, waiting

    # --- inside ----------------------------------------------------------------------------------
    def _state_changed(self, printer: str, state: Any) -> None:
        self.states[printer] = state
        self.changed.emit(printer)

    def _keep_preview(self, job_id: str, pages: list[Label]) -> None:
        self._previews[job_id] = pages
        while len(self._previews) > PREVIEWS_KEPT:
            self._previews.popitem(last=False)

    def _audit(self, kind: str, actor: str | None, order: str | None, payload: dict) -> None:
        station = self.station

        def write(ctx: Any) -> None:
            from app.store.db import transaction
            from app.store.events import record

            with transaction(ctx.sessions) as session:
                record(session, kind, {**payload, "order": order}, station=station, actor=actor, order_number=order)

        self.replica.submit(write, None, lambda exc: log.error("%s not written to the event log: %s", kind, exc))


def test_label(station: str, when: str) -> Label:
    """The label a supervisor prints to check a printer: the station, the time, a GS1-128 and
    a QR code a scanner must read, and accents that must print."""
    from app.labels.layout import Box, Code128, QrCode, Text

    return Label("test", 100, 60, (
        Box(2, 2, 96, 56, thickness_mm=0.5),
        Text(6, 5, 88, 7, "Étiquette de test Quai", bold=True),
        Text(6, 14, 64, 4.5, f"Poste {station}"),
        Text(6, 19.5, 64, 4.5, when),
        Text(6, 25, 64, 3.5, "é è à ç œ « »"),
        Code128(6, 31, 14, "(00)000000000000000000", gs1=True),
        QrCode(74, 14, f"QUAI|TEST|{station}", module_mm=0.75),
    ))
