"""The scanner test screen (supervisor menu): every scan, and how Quai read it. GUI thread only.

The same report as ``quai scanner-test`` (app.scanning.report), looked up in the station's
replica, so a supervisor can try a new scanner, a label batch or a configuration barcode
without leaving the station. The last scan is shown big (read from a metre away); earlier
ones stay in a table below, newest first. The scanners and their state are listed on top:
an unplugged one shows here as in the status bar. Scans shown here are used for nothing
else.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView, QHBoxLayout, QHeaderView, QLabel, QPushButton, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget,
)

from app.devices.scanner_states import SourceState

translate = QCoreApplication.translate
KEPT = 200  # rows in the history table
COLUMNS = ("time", "scanner", "raw", "kind", "details")


def shown_raw(raw: str) -> str:
    """The raw text with its invisible characters named: GS is data, a person must see it."""
    named = {"\x1d": "<GS>", "\x02": "<STX>", "\x03": "<ETX>", "\r": "<CR>", "\n": "<LF>", "\t": "<TAB>"}
    out = []
    for ch in raw:
        if ch in named:
            out.append(named[ch])
        elif ch.isprintable():
            out.append(ch)
        else:
            out.append(f"<{ord(ch):02X}>")
    return "".join(out)


def details(report: dict[str, Any]) -> str:
    keys = ("symbology", "sku", "gtin", "lot", "expiry", "serial", "sscc", "count")
    return "  ".join(f"{key}: {report[key]}" for key in keys if report.get(key) not in (None, ""))


def problem(report: dict[str, Any]) -> str:
    """What is wrong with the scan, in the person's language ("" when nothing is)."""
    if not report.get("error"):
        return ""
    if report["kind"] == "misread":
        from app.gui import texts
        from app.scanning.classify import classify

        return texts.misread_text(classify(report["raw"]).reason, report["raw"])
    return translate("ScannerTest", "No product, location, badge or order with this code in the station's copy.")


class ScannerTestScreen(QWidget):
    back_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("scannerTest")
        self.reports: list[tuple[datetime, str, dict[str, Any]]] = []
        self._states: tuple[SourceState, ...] = ()
        outer = QVBoxLayout(self)
        outer.setContentsMargins(40, 24, 40, 24)
        outer.setSpacing(16)
        header = QHBoxLayout()
        self.title = QLabel(self)
        self.title.setProperty("quaiRole", "instruction")
        header.addWidget(self.title, 1)
        self.back_button = QPushButton(self)
        self.back_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.back_button.clicked.connect(self.back_requested)
        header.addWidget(self.back_button)
        outer.addLayout(header)
        self.sources_label = QLabel(self)
        self.sources_label.setProperty("quaiRole", "subtitle")
        self.sources_label.setWordWrap(True)
        outer.addWidget(self.sources_label)
        self.last_kind = QLabel(self)
        self.last_kind.setProperty("quaiRole", "big-number")
        outer.addWidget(self.last_kind)
        self.last_detail = QLabel(self)
        self.last_detail.setProperty("quaiRole", "section")
        self.last_detail.setWordWrap(True)
        self.last_detail.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        outer.addWidget(self.last_detail)
        self.table = QTableWidget(0, len(COLUMNS), self)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.table.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(44)
        header_view = self.table.horizontalHeader()
        header_view.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header_view.setSectionResizeMode(COLUMNS.index("raw"), QHeaderView.ResizeMode.Stretch)
        header_view.setSectionResizeMode(COLUMNS.index("details"), QHeaderView.ResizeMode.Stretch)
        self.table.setWordWrap(False)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        outer.addWidget(self.table, 1)
        self.retranslate()

    # --- for the main window ----------------------------------------------------------------
    def show_states(self, states: tuple[SourceState, ...]) -> None:
        self._states = states
        self._render_states()

    def add_report(self, source: str, report: dict[str, Any], when: datetime | None = None) -> None:
        when = when or datetime.now()
        self.reports.insert(0, (when, source, report))
        del self.reports[KEPT:]
        self.table.insertRow(0)
        values = (when.strftime("%H:%M:%S"), source, shown_raw(report["raw"]), self._kind_name(report),
                  problem(report) or details(report))
        for column, value in enumerate(values):
            item = QTableWidgetItem(value)
            if report.get("error"):
                item.setForeground(Qt.GlobalColor.darkRed)
            self.table.setItem(0, column, item)
        if self.table.rowCount() > KEPT:
            self.table.removeRow(KEPT)
        self._render_last()

    # --- rendering ----------------------------------------------------------------------------
    def _kind_name(self, report: dict[str, Any]) -> str:
        names = {
            "badge": translate("ScannerTest", "Badge"),
            "location": translate("ScannerTest", "Location"),
            "tote": translate("ScannerTest", "Tote"),
            "order": translate("ScannerTest", "Order"),
            "parcel": translate("ScannerTest", "Parcel (SSCC)"),
            "command": translate("ScannerTest", "Command"),
            "product": translate("ScannerTest", "Product"),
            "code": translate("ScannerTest", "Unknown code"),
            "misread": translate("ScannerTest", "Misread"),
        }
        return names.get(report["kind"], report["kind"])

    def _render_last(self) -> None:
        if not self.reports:
            self.last_kind.setText("—")
            self.last_detail.setText(translate("ScannerTest", "Scan a barcode: each read shows here with what Quai makes of it."))
            self._restyle(self.last_kind, "big-number")
            return
        _when, source, report = self.reports[0]
        self.last_kind.setText(self._kind_name(report))
        self._restyle(self.last_kind, "big-number-bad" if report.get("error") else "big-number")
        lines = [shown_raw(report["raw"])]
        if details(report):
            lines.append(details(report))
        if problem(report):
            lines.append(problem(report))
        lines.append(translate("ScannerTest", "from %1").replace("%1", source))
        self.last_detail.setText("\n".join(lines))

    @staticmethod
    def _restyle(label: QLabel, role: str) -> None:
        if label.property("quaiRole") != role:
            label.setProperty("quaiRole", role)
            label.style().unpolish(label)
            label.style().polish(label)

    def _render_states(self) -> None:
        from app.gui import texts

        if not self._states:
            self.sources_label.setText(texts.scanner_text("on_screen"))
            return
        parts = []
        for state in self._states:
            words = {
                "ready": translate("ScannerTest", "ready"),
                "connected": translate("ScannerTest", "connected"),
                "unplugged": translate("ScannerTest", "unplugged"),
                "missing": translate("ScannerTest", "not found"),
                "refused": translate("ScannerTest", "cannot be used"),
                None: translate("ScannerTest", "starting…"),
            }
            text = f"{state.label}: {words.get(state.state, state.state)}"
            if state.state == "refused" and state.detail:  # the reader says what to do then
                text += f" ({texts.refusal_text(state.detail)})"
            parts.append(text)
        self.sources_label.setText("   ·   ".join(parts))

    def retranslate(self) -> None:
        self.title.setText(translate("ScannerTest", "Scanner test"))
        self.back_button.setText(translate("ScannerTest", "Back"))
        self.table.setHorizontalHeaderLabels([
            translate("ScannerTest", "Time"), translate("ScannerTest", "Scanner"), translate("ScannerTest", "Read"),
            translate("ScannerTest", "Type"), translate("ScannerTest", "Details or problem"),
        ])
        self._render_states()
        self._render_last()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
