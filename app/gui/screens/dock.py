"""The dock (quai d'expédition): parcels scanned as the courier takes them. GUI thread only.

Three pages:
- the carrier to load, as big touch buttons, each with its parcels expected and handed over;
- the scans: the carrier's band, the last answer in big letters (green: handed over; amber:
  it had left already; red: it must not leave, and it stays until the next parcel is handed
  over), then two lists: handed over today, and still expected (the parcels to put aside,
  their order stopped after packing, first and in red);
- closing the day: the missing parcels first, then what left, and a confirmation.

The screen only shows what it is given and says what the person asked for by signals;
app.gui.dock_ui does the work (the replica worker, the manifest files, the printer).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView, QFrame, QGridLayout, QHBoxLayout, QLabel, QListWidget, QListWidgetItem, QPushButton,
    QSizePolicy, QStackedWidget, QVBoxLayout, QWidget,
)

from app.gui import dock_texts
from app.packing.manifest import kg_text, totals

translate = QCoreApplication.translate

RESULT_STYLES = {  # background, ink: readable at two metres, marked by colour and by words
    "good": ("#12a53c", "#ffffff"),
    "already": ("#ffb000", "#111111"),
    "bad": ("#a8001a", "#ffffff"),
    "info": ("#f2f2f2", "#111111"),
}
LIST_STYLE = "QListWidget { font-size: 22px; } QListWidget::item { min-height: 40px; }"


def _long_lines_wrap(widget: QListWidget) -> None:
    """A long line wraps in its item rather than hiding behind a sideways scroll bar."""
    widget.setStyleSheet(LIST_STYLE)
    widget.setWordWrap(True)
    widget.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    widget.setResizeMode(QListWidget.ResizeMode.Adjust)


class DockScreen(QWidget):
    back_requested = Signal()
    carrier_chosen = Signal(str)
    change_carrier_requested = Signal()
    close_day_requested = Signal()
    close_confirmed = Signal()
    close_cancelled = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("dockScreen")
        self.carrier: str | None = None
        self.state: Any = None  # app.store.handover.DockState on show
        self._counts: dict[str, tuple[int, int]] = {}
        self._result: tuple[str, str] | None = None
        outer = QVBoxLayout(self)
        outer.setContentsMargins(32, 16, 32, 16)
        outer.setSpacing(12)
        header = QHBoxLayout()
        self.title = QLabel(self)
        self.title.setProperty("quaiRole", "instruction")
        header.addWidget(self.title, 1)
        self.back_button = self._button(self.back_requested.emit)
        header.addWidget(self.back_button)
        outer.addLayout(header)
        self.pages = QStackedWidget(self)
        outer.addWidget(self.pages, 1)
        self._build_choose()
        self._build_scan()
        self._build_confirm()
        self.retranslate()
        self.pages.setCurrentWidget(self.choose_page)

    def _button(self, slot, role: str = "") -> QPushButton:
        button = QPushButton(self)
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # scans never land in a button
        button.setMinimumHeight(64)
        if role:
            button.setProperty("quaiRole", role)
        button.clicked.connect(slot)
        return button

    # --- pages -------------------------------------------------------------------------------------
    def _build_choose(self) -> None:
        self.choose_page = QWidget(self)
        layout = QVBoxLayout(self.choose_page)
        layout.setContentsMargins(0, 0, 0, 0)
        self.choose_hint = QLabel(self.choose_page)
        self.choose_hint.setProperty("quaiRole", "section")
        layout.addWidget(self.choose_hint)
        grid = QGridLayout()
        grid.setSpacing(20)
        self.carrier_buttons: dict[str, QPushButton] = {}
        for i, carrier in enumerate(dock_texts.CARRIERS):
            button = self._button(lambda _=False, c=carrier: self.carrier_chosen.emit(c), "choice")
            button.setObjectName(f"dock_{carrier}")
            button.setMinimumHeight(150)
            button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)  # big touch targets
            colour = dock_texts.CARRIER_COLOURS[carrier]
            button.setStyleSheet(f"QPushButton {{ background: {colour}; border-color: #111111; color: #ffffff; "
                                 "font-size: 30px; }")
            grid.addWidget(button, i // 2, i % 2)
            self.carrier_buttons[carrier] = button
        layout.addLayout(grid, 1)
        self.pages.addWidget(self.choose_page)

    def _build_scan(self) -> None:
        self.scan_page = QWidget(self)
        layout = QVBoxLayout(self.scan_page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(12)
        top = QHBoxLayout()
        self.band = QLabel(self.scan_page)
        self.band.setObjectName("dockCarrierBand")
        self.band.setMinimumHeight(64)
        top.addWidget(self.band, 1)
        self.change_button = self._button(self.change_carrier_requested.emit)
        top.addWidget(self.change_button)
        self.close_button = self._button(self.close_day_requested.emit, "primary")
        top.addWidget(self.close_button)
        layout.addLayout(top)
        self.result = QLabel(self.scan_page)
        self.result.setObjectName("dockResult")
        self.result.setWordWrap(True)
        self.result.setMinimumHeight(120)
        self.result.setAlignment(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.result)
        lists = QHBoxLayout()
        lists.setSpacing(20)
        self.shipped_title, self.shipped_list = self._list_column(lists)
        self.expected_title, self.expected_list = self._list_column(lists)
        layout.addLayout(lists, 1)
        self.pages.addWidget(self.scan_page)

    def _list_column(self, row: QHBoxLayout) -> tuple[QLabel, QListWidget]:
        column = QVBoxLayout()
        title = QLabel(self.scan_page)
        title.setProperty("quaiRole", "subtitle")
        widget = QListWidget(self.scan_page)
        widget.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        widget.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        widget.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        _long_lines_wrap(widget)
        column.addWidget(title)
        column.addWidget(widget, 1)
        row.addLayout(column, 1)
        return title, widget

    def _build_confirm(self) -> None:
        self.confirm_page = QFrame(self)
        layout = QVBoxLayout(self.confirm_page)
        layout.setContentsMargins(0, 0, 0, 0)
        self.confirm_title = QLabel(self.confirm_page)
        self.confirm_title.setProperty("quaiRole", "section")
        self.confirm_title.setWordWrap(True)
        layout.addWidget(self.confirm_title)
        self.missing_title = QLabel(self.confirm_page)
        self.missing_title.setProperty("quaiRole", "error-text")
        self.missing_title.setWordWrap(True)
        layout.addWidget(self.missing_title)
        self.missing_list = QListWidget(self.confirm_page)
        self.missing_list.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.missing_list.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        _long_lines_wrap(self.missing_list)
        layout.addWidget(self.missing_list, 1)
        self.confirm_summary = QLabel(self.confirm_page)
        self.confirm_summary.setProperty("quaiRole", "hint")
        self.confirm_summary.setWordWrap(True)
        layout.addWidget(self.confirm_summary)
        buttons = QHBoxLayout()
        self.cancel_close_button = self._button(self.close_cancelled.emit)
        self.confirm_button = self._button(self.close_confirmed.emit, "primary")
        buttons.addWidget(self.cancel_close_button)
        buttons.addStretch(1)
        buttons.addWidget(self.confirm_button)
        layout.addLayout(buttons)
        self.pages.addWidget(self.confirm_page)

    # --- what the screen is given ------------------------------------------------------------------
    def show_choice(self, counts: dict[str, tuple[int, int]] | None = None) -> None:
        """The carrier buttons; ``counts``: carrier -> (expected, handed over today)."""
        if counts is not None:
            self._counts = counts
        self.carrier = None
        self.state = None
        self._result = None
        self._render_buttons()
        self.pages.setCurrentWidget(self.choose_page)

    def show_carrier(self, carrier: str) -> None:
        self.carrier = carrier
        colour = dock_texts.CARRIER_COLOURS.get(carrier, "#111111")
        self.band.setStyleSheet(f"QLabel#dockCarrierBand {{ background: {colour}; color: #ffffff; font-size: 34px; "
                                "font-weight: 800; padding: 4px 16px; border: 3px solid #111111; }")
        self._render_band()
        if self._result is None:
            self.show_result("info", translate("Dock", "Scan each parcel as the courier takes it."))
        self.pages.setCurrentWidget(self.scan_page)

    def show_result(self, kind: str, text: str) -> None:
        self._result = (kind, text)
        background, ink = RESULT_STYLES[kind]
        self.result.setProperty("dockResult", kind)
        size = 22 if kind == "info" else 32  # an answer to a scan is read from afar; a notice up close
        self.result.setStyleSheet(f"QLabel#dockResult {{ background: {background}; color: {ink}; font-size: {size}px; "
                                  "font-weight: 800; padding: 12px 20px; border: 3px solid #111111; }")
        self.result.setText(text)

    @property
    def result_kind(self) -> str | None:
        return self._result[0] if self._result else None

    def show_state(self, state: Any) -> None:
        """app.store.handover.DockState for the carrier on show."""
        self.state = state
        self.shipped_list.clear()
        for parcel in reversed(state.shipped):  # the last one handed over on top
            text = f"{dock_texts.time_text(parcel.shipped_at)}  {dock_texts.list_line(parcel)}"
            self.shipped_list.addItem(QListWidgetItem(text))
        self.expected_list.clear()
        for parcel in state.held:
            item = QListWidgetItem(dock_texts.held_line(parcel))
            item.setForeground(Qt.GlobalColor.white)
            item.setBackground(Qt.GlobalColor.darkRed)
            self.expected_list.addItem(item)
        for parcel in state.expected:
            self.expected_list.addItem(QListWidgetItem(dock_texts.list_line(parcel)))
        self._render_titles()

    def ask_close(self, state: Any) -> None:
        """The confirmation of the day's close: missing parcels first."""
        self.state = state
        self.missing_list.clear()
        for parcel in state.held:
            item = QListWidgetItem(dock_texts.held_line(parcel))
            item.setForeground(Qt.GlobalColor.darkRed)
            self.missing_list.addItem(item)
        for parcel in state.missing:
            item = QListWidgetItem(dock_texts.list_line(parcel))
            item.setForeground(Qt.GlobalColor.darkRed)
            self.missing_list.addItem(item)
        self._render_confirm()
        self.pages.setCurrentWidget(self.confirm_page)

    def back_to_scans(self) -> None:
        self.pages.setCurrentWidget(self.scan_page)

    def set_busy(self, busy: bool) -> None:
        for button in (self.close_button, self.confirm_button, self.change_button):
            button.setEnabled(not busy)

    @property
    def page(self) -> str:
        return {self.choose_page: "choose", self.scan_page: "scan", self.confirm_page: "confirm"}[self.pages.currentWidget()]

    # --- texts ---------------------------------------------------------------------------------------
    def _render_buttons(self) -> None:
        for carrier, button in self.carrier_buttons.items():
            expected, shipped = self._counts.get(carrier, (0, 0))
            detail = translate("Dock", "{expected} expected · {shipped} handed over").replace(
                "{expected}", str(expected)).replace("{shipped}", str(shipped))
            # "&" would be read as a keyboard shortcut mark ("Click & collect").
            button.setText(f"{dock_texts.carrier_name(carrier)}\n{detail}".replace("&", "&&"))

    def _render_band(self) -> None:
        if self.carrier:
            self.band.setText(translate("Dock", "Loading: {carrier}").replace(
                "{carrier}", dock_texts.carrier_name(self.carrier)))

    def _render_titles(self) -> None:
        state = self.state
        shipped = len(state.shipped) if state else 0
        expected = len(state.expected) if state else 0
        self.shipped_title.setText(translate("Dock", "Handed over today ({n})").replace("{n}", str(shipped)))
        text = translate("Dock", "Still expected ({n})").replace("{n}", str(expected))
        if state is not None and state.held:
            text += " — " + translate("Dock", "{n} to put aside").replace("{n}", str(len(state.held)))
        self.expected_title.setText(text)

    def _render_confirm(self) -> None:
        state = self.state
        if state is None:
            return
        name = dock_texts.carrier_name(self.carrier)
        self.confirm_title.setText(translate("Dock", "Close the day for {carrier}?").replace("{carrier}", name))
        missing = len(state.missing)
        if missing:
            self.missing_title.setText(translate(
                "Dock", "{n} parcel(s) expected have not been handed over: find them before closing, or close "
                "anyway and they are listed as missing on the manifest.").replace("{n}", str(missing)))
            self.confirm_button.setText(translate("Dock", "Close anyway"))
        else:
            self.missing_title.setText(translate("Dock", "No parcel is missing."))
            self.confirm_button.setText(translate("Dock", "Close the day"))
        total = totals([p.manifest_row() for p in state.shipped])
        self.confirm_summary.setText(translate(
            "Dock", "Handed over: {parcels} parcel(s), {kg} kg. The manifest is printed and saved as PDF and CSV.")
            .replace("{parcels}", str(total.parcels)).replace("{kg}", kg_text(total.weight_g)))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.title.setText(translate("Dock", "Shipping dock"))
        self.back_button.setText(translate("Dock", "Back"))
        self.choose_hint.setText(translate("Dock", "Which carrier is at the dock?"))
        self.change_button.setText(translate("Dock", "Change carrier"))
        self.close_button.setText(translate("Dock", "Close the day"))
        self.cancel_close_button.setText(translate("Dock", "Back to the scans"))
        self._render_buttons()
        self._render_band()
        self._render_titles()
        self._render_confirm()
