"""The overview's two lists: the stations (who, last scan) and the exceptions queue. GUI thread only.

Each row is two lines at 22 px, the thing first and its details second, in a row tall
enough for a finger. Each list flicks by itself (QScroller): the panel around them never
scrolls, so at 1280×800 both keep at least ``MIN_ROWS`` rows in sight whatever their length.
A tap on an exception emits ``order_chosen(number)``.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from datetime import datetime
from typing import Any

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QColor, QIcon, QPixmap
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QScroller, QWidget

from app.gui.console.overview_texts import exception_text, mismatch_row_text, station_text
from app.packing.cutoffs import PARIS

ROW_HEIGHT = 58  # two lines at 22 px (26 px each), and more than a finger's 48
MIN_ROWS = 3  # rows each list keeps in sight, at least
ORDER_ROLE = Qt.ItemDataRole.UserRole
# A stripe of colour per kind of exception (the words say it too: colour is never alone).
KIND_COLOURS = {"mismatch": "#b00020", "short": "#e65100", "unknown_sku": "#6a1b9a", "hold": "#0b3d91",
                "exception": "#444444"}

STYLE = """
QListWidget { font-size: 22px; border: 2px solid #111111; }
QListWidget::item { padding: 0px 8px; border-bottom: 1px solid #c8c8c8; }
QListWidget#exceptionsList::item:selected { background: #0b3d91; color: #ffffff; }
QScrollBar:vertical { width: 32px; background: #f2f2f2; }
QScrollBar::handle:vertical { min-height: 64px; background: #555555; border-radius: 6px; margin: 4px; }
QScrollBar::add-line, QScrollBar::sub-line { width: 0; height: 0; }
"""

_STRIPES: dict[str, QIcon] = {}


def _stripe(colour: str) -> QIcon:
    if colour not in _STRIPES:
        pixmap = QPixmap(12, 48)
        pixmap.fill(QColor(colour))
        _STRIPES[colour] = QIcon(pixmap)
    return _STRIPES[colour]


class TouchList(QListWidget):
    """A list of two-line rows that flicks under a finger and never shrinks below ``MIN_ROWS`` rows."""

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollMode(QListWidget.ScrollMode.ScrollPerPixel)
        self.setUniformItemSizes(True)
        QScroller.grabGesture(self.viewport(), QScroller.ScrollerGestureType.LeftMouseButtonGesture)
        self.setMinimumHeight(MIN_ROWS * ROW_HEIGHT + 2 * self.frameWidth() + 2)

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        # Ask for no more than the minimum: the panel's stretch gives the lists what is left.
        return QSize(super().sizeHint().width(), self.minimumHeight())

    def _row(self, i: int) -> QListWidgetItem:
        if i >= self.count():
            item = QListWidgetItem()
            item.setSizeHint(QSize(0, ROW_HEIGHT))
            self.addItem(item)
        return self.item(i)

    def _trim(self, count: int) -> None:
        while self.count() > count:
            self.takeItem(self.count() - 1)


class StationsList(TouchList):
    """Each station: who is on it, and how long since a person last scanned there."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("stationsList", parent)
        self.setSelectionMode(QListWidget.SelectionMode.NoSelection)

    def show_stations(self, stations: Iterable[Any], now: datetime) -> None:
        """Rows updated in place (the 1 s tick calls this): no flicker, the scroll position kept."""
        stations = tuple(stations)
        self._trim(len(stations))
        for i, station in enumerate(stations):
            idle = None
            if station.last_seen_at is not None:
                idle = max(0, math.floor((now - station.last_seen_at).total_seconds() / 60))
            text = station_text(station.name, station.user_name or station.user, idle)
            item = self._row(i)
            if item.text() != text:
                item.setText(text)


class ExceptionsList(TouchList):
    """The packing mismatches (newest first), then the exceptions queue (most urgent first)."""

    order_chosen = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("exceptionsList", parent)
        self.setIconSize(QSize(12, 48))
        self.itemClicked.connect(self._tapped)

    def show_items(self, mismatches: Iterable[Any], items: Iterable[Any]) -> None:
        rows = [(m.order, "mismatch", mismatch_row_text(m, m.occurred_at.astimezone(PARIS).strftime("%H:%M")))
                for m in mismatches]
        rows += [(item.order, item.kind, exception_text(item)) for item in items]
        # Rows are updated in place (the scroll position stays); the highlight follows its
        # order, never a row that now says another one.
        chosen = self.currentItem().data(ORDER_ROLE) if self.currentItem() is not None else None
        self.clearSelection()
        self._trim(len(rows))
        for i, (order, kind, text) in enumerate(rows):
            item = self._row(i)
            item.setText(text)
            item.setIcon(_stripe(KIND_COLOURS.get(kind, "#444444")))
            item.setData(ORDER_ROLE, order or "")
            if chosen and order == chosen and not self.selectedItems():
                item.setSelected(True)

    def _tapped(self, item: QListWidgetItem) -> None:
        number = item.data(ORDER_ROLE)
        if number:
            self.order_chosen.emit(number)

