"""The station's printers in the window: the status bar's printer line, the supervisor's
Printers screen, and the SSCC pool kept full for the labels to come. GUI thread only.

The work is app.gui.print_service's (queues, audit events); this module only connects it
to the main window, so that the window itself does not grow a printing branch.
"""

from __future__ import annotations

import logging
from datetime import datetime
from typing import Any

from PySide6.QtCore import QObject

log = logging.getLogger(__name__)

SSCC_STATION_KINDS = ("packing", "any")  # the stations that label parcels


class PrintersUi(QObject):
    def __init__(self, window: Any) -> None:
        super().__init__(window)
        self.window = window
        self.screen = None

    @property
    def service(self):
        return self.window.services.printing

    def start(self) -> None:
        service = self.service
        if service is None:
            return  # tests and tools without printers: the status bar says "not configured"
        service.changed.connect(self._changed)
        service.start()
        self._changed("labels")

    # --- the status bar and the screen -------------------------------------------------------------
    def _changed(self, _printer: str = "") -> None:
        service = self.service
        code, _args, waiting = service.summary()
        status = self.window.status
        if code != status.printer and code not in ("ready", "starting") and status.printer != "not_configured":
            self.window.services.sounds.play("attention")  # a printer went into fault: say it, once
        status.printer, status.printer_waiting = code, waiting
        self.window.status_area.render()
        if self.screen is not None and self.window.current_screen is self.screen:
            self._render_screen()

    def show_screen(self) -> None:
        if self.screen is None:
            from app.gui.screens.printers import PrintersScreen

            self.screen = PrintersScreen(preview_for=self.service.preview if self.service else None)
            self.screen.back_requested.connect(self.window.back_home)
            self.screen.test_requested.connect(self._print_test)
            self.screen.reprint_requested.connect(self._reprint)
            self.screen.cancel_requested.connect(self._cancel)
            self.screen.resolved.connect(self._resolve)
            self.window.ui.stack.addWidget(self.screen)
        self._render_screen()
        self.window.ui.stack.setCurrentWidget(self.screen)

    def _render_screen(self) -> None:
        from app.gui.screens.printers import PrinterView

        service = self.service
        if service is None or self.screen is None:
            return
        views, jobs = [], []
        for printer in ("labels", "documents"):
            queue = service.queues.get(printer)
            where = queue.url.shown if queue is not None else service.url(printer)
            if printer in service.errors:
                code, args, waiting = "error", {"error": service.errors[printer]}, 0
            else:
                code, args, waiting = self._printer_state(service, printer)
            views.append(PrinterView(printer, where, code, args, waiting))
            jobs += [(printer, job) for job in service.jobs(printer)]
        self.screen.show_state(views, jobs)

    @staticmethod
    def _printer_state(service: Any, printer: str) -> tuple[str, dict[str, str], int]:
        state = service.states.get(printer)
        if state is None:
            return "starting", {}, 0
        if state.reason:
            return state.reason, dict(state.reason_args), state.queued
        if state.uncertain:
            return "uncertain", {}, state.uncertain
        return "ready", {}, state.queued

    # --- the supervisor's actions --------------------------------------------------------------------
    def _actor(self) -> str:
        user = self.window.status.user
        return user.badge if user is not None else ""

    def _print_test(self, printer: str) -> None:
        from app.gui.print_service import test_label

        label = test_label(self.window.config.name, datetime.now().strftime("%d/%m/%Y %H:%M"))
        self.service.print_pages(printer, "test", [label], actor=self._actor(),
                                 on_queued=lambda _job: self.window.feedback.good(),
                                 on_error=lambda exc: self.window.feedback.bad(str(exc)))

    def _reprint(self, printer: str, job_id: str) -> None:
        self.service.reprint(printer, job_id, self._actor())
        self.window.feedback.good()

    def _cancel(self, printer: str, job_id: str) -> None:
        if self.service.cancel(printer, job_id, self._actor()):
            self.window.feedback.good()
        else:
            from PySide6.QtCore import QCoreApplication

            self.window.feedback.bad(QCoreApplication.translate(
                "Printer", "This job is already at the printer: it can no longer be cancelled."))

    def _resolve(self, printer: str, job_id: str, came_out: bool) -> None:
        self.service.resolve(printer, job_id, self._actor(), printed=came_out)
        self.window.feedback.good()

    # --- SSCC numbers ---------------------------------------------------------------------------------
    def sscc_refill(self):
        """The part of each sync cycle that keeps the SSCC pool full, for the central worker's
        thread: after a sync went through, a packing station whose pool runs low takes a block
        (it labels parcels offline from the numbers it holds). Never fails the sync."""
        config = self.window.config
        if config.kind not in SSCC_STATION_KINDS:
            return lambda _ctx: None
        from app.domain.sscc import SsccSettings

        labels = config.labels
        settings = SsccSettings.for_block_size(labels.sscc_extension, labels.gs1_company_prefix, labels.sscc_block_size)
        station = config.name

        def refill(ctx) -> None:
            try:
                ctx.refill_sscc(station, settings)
            except Exception as exc:  # the next cycle tries again
                log.warning("SSCC pool not topped up: %s", exc)

        return refill
