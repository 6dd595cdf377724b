"""The status area at the bottom of the main window: station, person, central database,
scanner, printer, outbox and the time of the last sync, and the FR | EN toggle. Renders a ``StatusModel``. GUI thread only.

On the start-up path, so kept light: no ``Qt`` namespace (see app.gui.alignment), and the
style is only asked to re-polish a label whose look actually changed.

Two lines, each as wide as its own texts (not the form's grid, whose columns took the widest
text of either line and wrapped the rest): the station, the person, the last sync and FR | EN;
then the central database, the scanner, the printer and the outbox. At 1280 px in French the
area is ~96 px high (it was ~160), which the console's lists get back; a text that does not fit
still wraps rather than widening the window.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject, Signal, Slot
from PySide6.QtWidgets import QButtonGroup, QHBoxLayout, QLabel

from app.gui import texts
from app.gui.alignment import align, focus_policy
from app.gui.forms.ui_main_window import Ui_MainWindow
from app.gui.state import StatusModel

translate = QCoreApplication.translate


def restyle(label, look: str) -> None:
    """Set the label's quaiRole, re-polishing only when it changes (the style sheet reads it then)."""
    if (label.property("quaiRole") or "") != look:
        label.setProperty("quaiRole", look)
        style = label.style()
        style.unpolish(label)
        style.polish(label)


def one_line_width(label: QLabel) -> int:
    label.ensurePolished()  # the style sheet's font
    margins = label.contentsMargins()
    text_width = max((label.fontMetrics().horizontalAdvance(part) for part in label.text().split("\n")), default=0)
    return text_width + margins.left() + margins.right() + 2 * label.margin() + 2


class StatusArea(QObject):
    language_requested = Signal(str)

    def __init__(self, ui: Ui_MainWindow, model: StatusModel, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.ui = ui
        self.model = model
        align(ui.outboxLabel, "AlignRight|AlignVCenter")
        # On the first line, before FR | EN (the form has no place for it); a lost claim said
        # there is long: it wraps rather than widening the window.
        self.sync_label = QLabel(ui.statusArea)
        self.sync_label.setObjectName("syncLabel")
        self.sync_label.setWordWrap(True)
        align(self.sync_label, "AlignRight|AlignVCenter")
        self._lay_out_in_two_lines(ui)
        focus_policy(ui.langFrButton, "NoFocus")  # the scan field keeps the focus
        focus_policy(ui.langEnButton, "NoFocus")
        self._languages = QButtonGroup(self)
        self._languages.addButton(ui.langFrButton)
        self._languages.addButton(ui.langEnButton)
        ui.langFrButton.clicked.connect(self._french)
        ui.langEnButton.clicked.connect(self._english)
        self.render()

    def _lay_out_in_two_lines(self, ui: Ui_MainWindow) -> None:
        grid = ui.statusLayout
        for widget in (ui.stationLabel, ui.userLabel, ui.centralLabel, ui.scannerLabel, ui.printerLabel,
                       ui.outboxLabel):
            grid.removeWidget(widget)
        for index in range(grid.count()):
            if grid.itemAt(index).layout() is ui.langLayout:
                grid.takeAt(index)
                break
        ui.langLayout.setParent(None)  # free to go into the first line
        for column in range(grid.columnCount()):
            grid.setColumnStretch(column, 0)
        first, second = QHBoxLayout(), QHBoxLayout()
        for line in (first, second):
            line.setSpacing(grid.horizontalSpacing())
        first.addWidget(ui.stationLabel)
        first.addWidget(ui.userLabel, 1)
        first.addWidget(self.sync_label)
        first.addLayout(ui.langLayout)
        for widget in (ui.centralLabel, ui.scannerLabel, ui.printerLabel):
            second.addWidget(widget)
        second.addWidget(ui.outboxLabel)
        grid.addLayout(first, 0, 0)
        grid.addLayout(second, 1, 0)
        grid.setColumnStretch(0, 1)
        self._lines = ((first, (ui.stationLabel, ui.userLabel, self.sync_label)),
                       (second, (ui.centralLabel, ui.scannerLabel, ui.printerLabel, ui.outboxLabel)))

    def _fit(self) -> None:
        """Each label's share of its line in proportion to its text's one-line width: where the
        line has room, every text is on one line; where it has not, each wraps a little. (A
        word-wrapped QLabel alone asks for about a quarter of its text's width and wraps even
        with room to spare.) No minimum width: the window never gets wider for a long text."""
        for line, labels in self._lines:
            for label in labels:
                line.setStretch(line.indexOf(label), max(1, one_line_width(label)))

    @Slot()
    def _french(self) -> None:
        self.language_requested.emit("fr")

    @Slot()
    def _english(self) -> None:
        self.language_requested.emit("en")

    def set_language(self, language: str) -> None:
        (self.ui.langFrButton if language == "fr" else self.ui.langEnButton).setChecked(True)

    def render(self) -> None:
        m = self.model
        ui = self.ui
        ui.stationLabel.setText(translate("Status", "Station: %1").replace("%1", m.station))
        if m.user is not None:
            ui.userLabel.setText(
                translate("Status", "User: %1 (%2)").replace("%1", m.user.name).replace("%2", texts.role_name(m.role or ""))
            )
        elif m.unrecorded_logout is not None:
            ui.userLabel.setText(
                translate("Status", "Logout of %1 not recorded: see a supervisor").replace("%1", m.unrecorded_logout)
            )
        else:
            ui.userLabel.setText(translate("Status", "Nobody logged in"))
        restyle(ui.userLabel, "status-bad" if m.user is None and m.unrecorded_logout is not None else "status-strong")
        central = m.central_state()
        ui.centralLabel.setText(texts.central_text(central))
        restyle(ui.centralLabel, "status-bad" if central in ("offline", "stale") else "")
        ui.scannerLabel.setText(texts.scanner_text(m.scanner, m.scanner_label, m.scanners_working))
        restyle(ui.scannerLabel, "status-bad" if m.scanner in ("unplugged", "missing", "refused") else "")
        ui.printerLabel.setText(texts.printer_text(m.printer, m.printer_waiting))
        restyle(ui.printerLabel, "status-bad" if m.printer not in ("ready", "starting", "not_configured") else "")
        ui.outboxLabel.setText(texts.outbox_text(m.outbox))
        if m.lost_claim is not None:
            self.sync_label.setText(texts.lost_claim_text(*m.lost_claim))
            restyle(self.sync_label, "status-bad")
        else:
            self.sync_label.setText(texts.last_sync_text(m.last_sync))
            restyle(self.sync_label, "")
        ui.langFrButton.setAccessibleName(translate("Status", "French"))
        self._fit()
        ui.langEnButton.setAccessibleName(translate("Status", "English"))
