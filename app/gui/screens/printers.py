"""The printers screen (supervisor menu): each printer's state, its jobs, a preview, and the
explicit actions: print a test label, reprint (audited), cancel a waiting job, and say whether
an uncertain job came out. GUI thread only.

The screen only shows what it is given (``show``) and says what the person asked for by
signals; app.gui.printers_ui does the work. With the demo's spool-folder printers the preview
is the label itself, as the printer would have printed it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, Qt, Signal
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView, QFrame, QHBoxLayout, QLabel, QListWidget, QListWidgetItem, QPushButton, QVBoxLayout, QWidget,
)

from app.gui import printer_texts

translate = QCoreApplication.translate
PREVIEW_WIDTH = 360  # pixels: a 100 mm label at about 3.6 px/mm, readable at arm's length


@dataclass(frozen=True)
class PrinterView:
    printer: str  # labels | documents
    where: str  # the URL, as shown
    state: str  # a state code (app.gui.print_service.PrintService.summary)
    args: dict[str, str]
    waiting: int


class PrintersScreen(QWidget):
    back_requested = Signal()
    test_requested = Signal(str)  # printer
    reprint_requested = Signal(str, str)  # printer, job id
    cancel_requested = Signal(str, str)
    resolved = Signal(str, str, bool)  # printer, job id, it came out

    def __init__(self, preview_for: Any = None, parent: QWidget | None = None) -> None:
        """``preview_for(job_id)``: the job's pages (app.labels.layout.Label), or None."""
        super().__init__(parent)
        self.setObjectName("printersScreen")
        self._preview_for = preview_for
        self._jobs: list[tuple[str, Any]] = []  # (printer, Job) in the list's order
        self._printers: list[PrinterView] = []
        outer = QVBoxLayout(self)
        outer.setContentsMargins(40, 24, 40, 24)
        outer.setSpacing(14)
        header = QHBoxLayout()
        self.title = QLabel(self)
        self.title.setProperty("quaiRole", "instruction")
        header.addWidget(self.title, 1)
        self.back_button = self._button(self.back_requested.emit)
        header.addWidget(self.back_button)
        outer.addLayout(header)

        self.state_labels: dict[str, tuple[QLabel, QLabel]] = {}
        self.test_buttons: dict[str, QPushButton] = {}
        for printer in ("labels", "documents"):
            frame = QFrame(self)
            frame.setObjectName(f"printer_{printer}")
            row = QHBoxLayout(frame)
            row.setContentsMargins(0, 0, 0, 0)
            texts = QVBoxLayout()
            state = QLabel(frame)
            state.setProperty("quaiRole", "subtitle")
            state.setWordWrap(True)
            detail = QLabel(frame)
            detail.setWordWrap(True)
            texts.addWidget(state)
            texts.addWidget(detail)
            row.addLayout(texts, 1)
            test = self._button(lambda _=False, p=printer: self.test_requested.emit(p))
            row.addWidget(test)
            self.state_labels[printer] = (state, detail)
            self.test_buttons[printer] = test
            outer.addWidget(frame)

        body = QHBoxLayout()
        self.jobs_list = QListWidget(self)
        self.jobs_list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.jobs_list.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.jobs_list.setStyleSheet("QListWidget { font-size: 22px; } QListWidget::item { min-height: 56px; }")
        self.jobs_list.currentRowChanged.connect(self._selected)
        body.addWidget(self.jobs_list, 3)
        side = QVBoxLayout()
        self.preview = QLabel(self)
        self.preview.setObjectName("labelPreview")
        self.preview.setMinimumWidth(PREVIEW_WIDTH)
        self.preview.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignHCenter)
        self.preview.setWordWrap(True)
        side.addWidget(self.preview, 1)
        self.job_message = QLabel(self)
        self.job_message.setWordWrap(True)
        side.addWidget(self.job_message)
        actions = QHBoxLayout()
        self.reprint_button = self._button(lambda: self._act(self.reprint_requested))
        self.cancel_button = self._button(lambda: self._act(self.cancel_requested))
        actions.addWidget(self.reprint_button)
        actions.addWidget(self.cancel_button)
        side.addLayout(actions)
        verdict = QHBoxLayout()
        self.came_out_button = self._button(lambda: self._verdict(True))
        self.missing_button = self._button(lambda: self._verdict(False))
        verdict.addWidget(self.came_out_button)
        verdict.addWidget(self.missing_button)
        side.addLayout(verdict)
        body.addLayout(side, 2)
        outer.addLayout(body, 1)
        self.retranslate()
        self._selected(-1)

    def _button(self, slot) -> QPushButton:
        button = QPushButton(self)
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the scan field keeps the focus
        button.setMinimumHeight(56)
        button.clicked.connect(slot)
        return button

    # --- what the screen is given ----------------------------------------------------------------
    def show_state(self, printers: list[PrinterView], jobs: list[tuple[str, Any]]) -> None:
        """``jobs``: (printer, app.devices.printers.jobs.Job), shown newest first."""
        self._printers = printers
        for view in printers:
            state, detail = self.state_labels[view.printer]
            line = f"{printer_texts.printer_name(view.printer)} : {printer_texts.state_name(view.state)}"
            if view.waiting:
                line += " — " + translate("Printer", "%1 waiting").replace("%1", str(view.waiting))
            state.setText(line)
            state.setStyleSheet("color: #b71c1c;" if printer_texts.is_fault(view.state) else "")
            message = printer_texts.message(view.state, view.args) if printer_texts.is_fault(view.state) else ""
            detail.setText("\n".join(part for part in (view.where, message) if part))
        selected = self.selected_job()
        self._jobs = sorted(jobs, key=lambda pj: pj[1].created, reverse=True)
        self.jobs_list.blockSignals(True)
        self.jobs_list.clear()
        row_to_select = -1
        for row, (printer, job) in enumerate(self._jobs):
            when = datetime.fromtimestamp(job.created).strftime("%H:%M:%S")
            text = f"{when}  {job.document}  —  {printer_texts.job_state(job.state)}"
            if job.reprint_of:
                text += "  " + translate("Printer", "(reprint)")
            item = QListWidgetItem(text)
            if job.state in ("uncertain",) or (job.state == "queued" and job.reason):
                item.setForeground(Qt.GlobalColor.darkRed)
            self.jobs_list.addItem(item)
            if selected is not None and job.id == selected[1].id:
                row_to_select = row
        self.jobs_list.setCurrentRow(row_to_select)
        self.jobs_list.blockSignals(False)
        self._selected(row_to_select)

    def selected_job(self) -> tuple[str, Any] | None:
        row = self.jobs_list.currentRow()
        return self._jobs[row] if 0 <= row < len(self._jobs) else None

    # --- inside ------------------------------------------------------------------------------------
    def _selected(self, _row: int) -> None:
        chosen = self.selected_job()
        job = chosen[1] if chosen else None
        self.reprint_button.setEnabled(job is not None and job.state in ("printed", "uncertain", "cancelled"))
        self.cancel_button.setEnabled(job is not None and job.state == "queued")
        uncertain = job is not None and job.state == "uncertain"
        self.came_out_button.setVisible(uncertain)
        self.missing_button.setVisible(uncertain)
        self.job_message.setText(printer_texts.message(job.reason, job.reason_args) if job is not None and job.reason else "")
        pages = self._preview_for(job.id) if job is not None and self._preview_for else None
        if pages:
            from app.labels.raster import preview_pixmap

            page = pages[0]
            # As wide as the column allows, and never taller than the room left for it.
            room = max(120, self.preview.height())
            width = min(PREVIEW_WIDTH, int(room * page.width_mm / page.height_mm))
            self.preview.setPixmap(preview_pixmap(page, width))
        else:
            self.preview.setPixmap(QPixmap())
            self.preview.setText(translate("Printer", "Choose a job to see its label.") if job is None
                                 else translate("Printer", "No preview for this job (printed before the station started)."))

    def _act(self, signal) -> None:
        chosen = self.selected_job()
        if chosen is not None:
            signal.emit(chosen[0], chosen[1].id)

    def _verdict(self, came_out: bool) -> None:
        chosen = self.selected_job()
        if chosen is not None:
            self.resolved.emit(chosen[0], chosen[1].id, came_out)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.title.setText(translate("Printer", "Printers"))
        self.back_button.setText(translate("Printer", "Back"))
        for button in self.test_buttons.values():
            button.setText(translate("Printer", "Print a test label"))
        self.reprint_button.setText(translate("Printer", "Reprint"))
        self.cancel_button.setText(translate("Printer", "Cancel"))
        self.came_out_button.setText(translate("Printer", "It came out"))
        self.missing_button.setText(translate("Printer", "It did not come out"))
        if self._printers:
            self.show_state(self._printers, self._jobs)

