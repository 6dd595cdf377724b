"""The console's live overview of the floor, for a touchscreen read from 1.5 m. GUI thread only.

Top: a tile per active status (counts in 48 px figures) and the backlog; then a tile per
carrier with the countdown to its next cutoff (h:mm, or mm:ss in its last hour; red once
it has passed, amber in its last half hour while orders are still due) and how many of
its orders are still to prepare; below, the stations (who is on each, how long since a
person last acted there) and the exceptions queue (short picks, unknown SKUs, holds and
the packing mismatches). A tap on an exception emits ``order_chosen(number)``.

No SQL here: the data comes from ``LiveQuery`` reads (app.gui.console.live) on the
workers it is given (the replica worker; the central worker for the mismatches, which are
events the replicas do not get). ``follow(signal)`` makes a signal (the window's
``replica_changed``) ask for a read; a 1 s timer only repaints the countdowns and idle
times from the data already there.
"""

from __future__ import annotations

import math
from datetime import UTC, datetime
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QIcon, QPixmap
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QScroller,
    QVBoxLayout,
    QWidget,
)

from app.gui import texts
from app.gui.console.live import LiveQuery, mismatches_job, overview_job
from app.gui.console.overview_texts import (
    countdown_text,
    idle_text,
    late_text,
    mismatch_text,
    short_reason_text,
    to_prepare_text,
)
from app.gui.console.orders_columns import carrier_name
from app.packing.cutoffs import PARIS  # the warehouse's wall clock, as the cutoffs are

translate = QCoreApplication.translate

STATUS_TILES = ("new", "awaiting_stock", "picking", "picked", "packing", "ready_to_ship", "on_hold", "exception")
AMBER_MINUTES = 30
# Tiles wrap at this many per row so the panel fits a 1280 px screen without sideways scrolling.
TILES_PER_ROW = 5
ROW_HEIGHT = 64
ORDER_ROLE = Qt.ItemDataRole.UserRole
# A stripe of colour per kind of exception (the words say it too: colour is never alone).
KIND_COLOURS = {"mismatch": "#b00020", "short": "#e65100", "unknown_sku": "#6a1b9a", "hold": "#0b3d91",
                "exception": "#444444"}

STYLE = """
QFrame[quaiRole="ov-tile"] { background: #ffffff; border: 3px solid #111111; border-radius: 10px; }
QFrame[quaiRole="ov-tile"][alert="red"] { background: #b00020; border-color: #b00020; }
QFrame[quaiRole="ov-tile"][alert="amber"] { background: #ffd54f; border-color: #8a6d00; }
QFrame[quaiRole="ov-tile"] QLabel { background: transparent; border: none; }
QLabel[quaiRole="ov-count"] { font-size: 48px; font-weight: 800; color: #0b3d91; }
QLabel[quaiRole="ov-countdown"] { font-size: 44px; font-weight: 800; color: #111111; }
QFrame[alert="red"] QLabel { color: #ffffff; }
QLabel[quaiRole="ov-name"] { font-size: 19px; font-weight: 700; color: #111111; }
QLabel[quaiRole="ov-sub"] { font-size: 17px; color: #111111; }
QLabel[quaiRole="ov-section"] { font-size: 24px; font-weight: 800; padding-top: 6px; }
QLabel[quaiRole="ov-updated"] { font-size: 18px; color: #444444; }
QListWidget { font-size: 22px; border: 2px solid #111111; }
QListWidget::item { min-height: 56px; padding: 4px 8px; border-bottom: 1px solid #c8c8c8; }
QListWidget#exceptionsList::item:selected { background: #0b3d91; color: #ffffff; }
QScrollBar:vertical { width: 40px; background: #f2f2f2; }
QScrollBar::handle:vertical { min-height: 64px; background: #555555; border-radius: 6px; margin: 4px; }
QScrollBar::add-line, QScrollBar::sub-line { width: 0; height: 0; }
"""


def _tile(parent: QWidget, value_role: str, *, side_by_side: bool = False) -> tuple[QFrame, QLabel, QLabel, QLabel]:
    """A tile: name, value, sub-line. ``side_by_side`` puts the name (and sub-line) left of the
    value: a status tile is then one short row, which keeps the lists below on screen."""
    frame = QFrame(parent)
    frame.setProperty("quaiRole", "ov-tile")
    frame.setMinimumHeight(72 if side_by_side else 120)
    box: QHBoxLayout | QVBoxLayout = QHBoxLayout(frame) if side_by_side else QVBoxLayout(frame)
    box.setContentsMargins(10, 4, 10, 4)
    box.setSpacing(2)
    name = QLabel(frame)
    name.setProperty("quaiRole", "ov-name")
    name.setAlignment(Qt.AlignmentFlag.AlignCenter)
    name.setWordWrap(True)
    value = QLabel("…", frame)
    value.setProperty("quaiRole", value_role)
    value.setAlignment(Qt.AlignmentFlag.AlignCenter)
    sub = QLabel(frame)
    sub.setProperty("quaiRole", "ov-sub")
    sub.setAlignment(Qt.AlignmentFlag.AlignCenter)
    sub.setWordWrap(True)
    if side_by_side:
        words = QVBoxLayout()
        words.setSpacing(0)
        name.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        sub.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        value.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        words.addWidget(name)
        words.addWidget(sub)
        box.addLayout(words, 1)
        box.addWidget(value)
        sub.hide()  # shown only when it says something (the backlog's late count)
    else:
        box.addWidget(name)
        box.addWidget(value)
        box.addWidget(sub)
    return frame, name, value, sub


_STRIPES: dict[str, QIcon] = {}


def _stripe(colour: str) -> QIcon:
    if colour not in _STRIPES:
        pixmap = QPixmap(12, 40)
        pixmap.fill(QColor(colour))
        _STRIPES[colour] = QIcon(pixmap)
    return _STRIPES[colour]


def _set_alert(frame: QFrame, alert: str) -> None:
    if frame.property("alert") != alert:
        frame.setProperty("alert", alert)
        frame.style().unpolish(frame)
        frame.style().polish(frame)
        for child in frame.findChildren(QLabel):
            child.style().unpolish(child)
            child.style().polish(child)


class OverviewPanel(QWidget):
    """The live overview; ``order_chosen(number)`` when an exception is tapped."""

    order_chosen = Signal(str)

    def __init__(self, replica: Any, central: Any = None, parent: QWidget | None = None, *,
                 cutoffs: Any = None, clock: Callable[[], datetime] | None = None, tick_ms: int = 1000) -> None:
        """``replica``/``central``: workers (app.gui.workers.Worker, or anything with the same
        ``submit``); without ``central`` no mismatches are shown. ``clock``: the time (aware)."""
        super().__init__(parent)
        self.setStyleSheet(STYLE)
        self._clock = clock or (lambda: datetime.now(UTC))
        self.overview = None  # app.store.overview.FloorOverview, the last one read
        self.mismatches: tuple = ()
        self.error: str | None = None
        self.updated_at: datetime | None = None
        self.overview_query = LiveQuery(replica, overview_job(cutoffs, clock=clock), self)
        self.overview_query.ready.connect(self.show_overview)
        self.overview_query.failed.connect(self._failed)
        self.mismatch_query = LiveQuery(central, mismatches_job(clock=clock), self) if central is not None else None
        if self.mismatch_query is not None:
            self.mismatch_query.ready.connect(self.show_mismatches)
            self.mismatch_query.failed.connect(self._failed)
        self._build()
        self.timer = QTimer(self)
        self.timer.setInterval(tick_ms)
        self.timer.timeout.connect(self.tick)
        self.timer.start()
        self.retranslate()

    # --- building -------------------------------------------------------------------------------
    def _build(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 12, 12, 12)
        layout.setSpacing(10)
        head = QHBoxLayout()
        self.title = QLabel(self)
        self.title.setProperty("quaiRole", "ov-section")
        self.updated = QLabel(self)
        self.updated.setProperty("quaiRole", "ov-updated")
        self.updated.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        head.addWidget(self.title)
        head.addStretch(1)
        head.addWidget(self.updated)
        layout.addLayout(head)

        statuses = QGridLayout()
        statuses.setSpacing(10)
        self.status_tiles: dict[str, tuple[QFrame, QLabel, QLabel, QLabel]] = {}
        for i, status in enumerate((*STATUS_TILES, "backlog")):
            tile = _tile(self, "ov-count", side_by_side=True)
            tile[0].setObjectName(f"ovTile_{status}")
            statuses.addWidget(tile[0], i // TILES_PER_ROW, i % TILES_PER_ROW)
            self.status_tiles[status] = tile
        for column in range(TILES_PER_ROW):
            statuses.setColumnStretch(column, 1)
        layout.addLayout(statuses)

        self.carriers_title = QLabel(self)
        self.carriers_title.setProperty("quaiRole", "ov-section")
        layout.addWidget(self.carriers_title)
        self.carrier_row = QGridLayout()
        self.carrier_row.setSpacing(10)
        for column in range(TILES_PER_ROW):
            self.carrier_row.setColumnStretch(column, 1)
        layout.addLayout(self.carrier_row)
        self.carrier_tiles: dict[str | None, tuple[QFrame, QLabel, QLabel, QLabel]] = {}

        lists = QHBoxLayout()
        lists.setSpacing(12)
        left, right = QVBoxLayout(), QVBoxLayout()
        self.stations_title = QLabel(self)
        self.stations_title.setProperty("quaiRole", "ov-section")
        self.stations_list = QListWidget(self)
        self.stations_list.setObjectName("stationsList")
        self.stations_list.setSelectionMode(QListWidget.SelectionMode.NoSelection)
        self.stations_list.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        left.addWidget(self.stations_title)
        left.addWidget(self.stations_list)
        self.exceptions_title = QLabel(self)
        self.exceptions_title.setProperty("quaiRole", "ov-section")
        self.exceptions_list = QListWidget(self)
        self.exceptions_list.setObjectName("exceptionsList")
        self.exceptions_list.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.exceptions_list.setWordWrap(True)
        self.exceptions_list.setIconSize(QSize(12, 40))
        self.exceptions_list.itemClicked.connect(self._exception_tapped)
        right.addWidget(self.exceptions_title)
        right.addWidget(self.exceptions_list)
        lists.addLayout(left, 1)  # even halves: a station's line (who, last scan) is not cut short
        lists.addLayout(right, 1)
        layout.addLayout(lists, 1)
        for view in (self.stations_list, self.exceptions_list):
            view.setVerticalScrollMode(QListWidget.ScrollMode.ScrollPerPixel)
            QScroller.grabGesture(view.viewport(), QScroller.ScrollerGestureType.LeftMouseButtonGesture)

    # --- reading ------------------------------------------------------------------------------
    def follow(self, signal: Any) -> None:
        """Read again whenever ``signal`` fires (the window's ``replica_changed``)."""
        signal.connect(self.refresh)

    def refresh(self) -> None:
        """Ask for fresh data (folded with a read already under way)."""
        self.overview_query.request()
        if self.mismatch_query is not None:
            self.mismatch_query.request()

    def _failed(self, text: str) -> None:
        self.error = text
        self._render_updated()

    # --- showing --------------------------------------------------------------------------------
    def show_overview(self, overview: Any) -> None:
        self.overview = overview
        self.error = None
        self.updated_at = overview.now
        for status in STATUS_TILES:
            self.status_tiles[status][2].setText(str(overview.counts.get(status, 0)))
        late = sum(overview.backlog_late.values())
        backlog = self.status_tiles["backlog"]
        backlog[2].setText(str(overview.backlog))
        backlog[3].setText(late_text(late) if late else "")
        backlog[3].setVisible(bool(late))
        _set_alert(backlog[0], "red" if late else "")
        self._render_carriers()
        self._render_stations()
        self._render_exceptions()
        self._render_updated()

    def show_mismatches(self, mismatches: tuple) -> None:
        self.mismatches = tuple(mismatches)
        self._render_exceptions()

    def tick(self) -> None:
        """Every second: the countdowns and idle times move; nothing is read."""
        if self.overview is None:
            return
        self._render_countdowns()
        self._render_stations()
        self._render_updated()

    def _render_carriers(self) -> None:
        overview = self.overview
        wanted = [c.carrier for c in overview.carriers]
        if wanted != list(self.carrier_tiles):
            for frame, *_ in self.carrier_tiles.values():
                frame.setParent(None)
                frame.deleteLater()
            self.carrier_tiles = {}
            for i, carrier in enumerate(wanted):
                tile = _tile(self, "ov-countdown")
                tile[0].setObjectName(f"ovCarrier_{carrier or 'none'}")
                self.carrier_row.addWidget(tile[0], i // TILES_PER_ROW, i % TILES_PER_ROW)
                self.carrier_tiles[carrier] = tile
        for cutoff in overview.carriers:
            _frame, name, _value, sub = self.carrier_tiles[cutoff.carrier]
            # The cutoff time goes with the count, not the name: the name then stays on one line
            # and the tiles are short enough for the lists below to show.
            name.setText(carrier_name(cutoff.carrier))
            sub.setText(f"{cutoff.cutoff_at.astimezone(PARIS).strftime('%H:%M')} · {to_prepare_text(cutoff.due)}")
        self._render_countdowns()

    def _render_countdowns(self) -> None:
        now = self._clock()
        for cutoff in self.overview.carriers:
            frame, _name, value, _sub = self.carrier_tiles[cutoff.carrier]
            seconds = (cutoff.cutoff_at - now).total_seconds()
            value.setText(countdown_text(seconds))
            late = seconds < 0 and cutoff.due > 0
            soon = 0 <= seconds < AMBER_MINUTES * 60 and cutoff.due > 0
            _set_alert(frame, "red" if late else "amber" if soon else "")

    def _render_stations(self) -> None:
        now = self._clock()
        stations = self.overview.stations
        view = self.stations_list
        while view.count() > len(stations):
            view.takeItem(view.count() - 1)
        for i, station in enumerate(stations):
            if i >= view.count():
                item = QListWidgetItem()
                item.setSizeHint(QSize(0, ROW_HEIGHT))
                view.addItem(item)
            who = station.user_name or station.user or translate("ConsoleOverview", "nobody")
            idle = None
            if station.last_seen_at is not None:
                idle = max(0, math.floor((now - station.last_seen_at).total_seconds() / 60))
            text = f"{station.name} — {who} · {idle_text(idle)}"
            item = view.item(i)
            if item.text() != text:
                item.setText(text)

    def _render_exceptions(self) -> None:
        view = self.exceptions_list
        view.clear()
        for mismatch in self.mismatches:
            when = mismatch.occurred_at.astimezone(PARIS).strftime("%H:%M")
            head = f"{mismatch.order} · " if mismatch.order else ""
            self._add_exception(mismatch.order, "mismatch", head + translate("ConsoleOverview", "Packing check") + f" {when} "
                                + f"({mismatch.station}): " + mismatch_text(mismatch.code, mismatch.detail))
        if self.overview is None:
            return
        for item in self.overview.exceptions:
            self._add_exception(item.order, item.kind, self._exception_text(item))
        totals = self.overview.exception_totals
        total = sum(totals.values()) + len(self.mismatches)
        self.exceptions_title.setText(translate("ConsoleOverview", "Exceptions (%1)").replace("%1", str(total)))

    def _add_exception(self, order: str | None, kind: str, text: str) -> None:
        item = QListWidgetItem(text)
        item.setIcon(_stripe(KIND_COLOURS.get(kind, "#444444")))
        item.setSizeHint(QSize(0, ROW_HEIGHT))
        item.setData(ORDER_ROLE, order or "")
        self.exceptions_list.addItem(item)

    def _exception_text(self, item: Any) -> str:
        if item.kind == "short":
            lines = ", ".join(f"{l.sku} ×{l.short}" + (f" ({short_reason_text(l.reason)})" if l.reason else "")
                              for l in item.lines)
            what = translate("ConsoleOverview", "Short pick") + f": {lines}"
        elif item.kind == "unknown_sku":
            what = translate("ConsoleOverview", "Unknown SKU") + ": " + ", ".join(item.skus)
        elif item.kind == "hold":
            what = translate("ConsoleOverview", "On hold") + (f": {item.reason}" if item.reason else "")
        else:
            what = translate("ConsoleOverview", "Exception") + f": {item.reason}"
        return f"{item.order} · {what}"

    def _exception_tapped(self, item: QListWidgetItem) -> None:
        number = item.data(ORDER_ROLE)
        if number:
            self.order_chosen.emit(number)

    def _render_updated(self) -> None:
        if self.error is not None:
            self.updated.setText(translate("ConsoleOverview", "Not updated: %1").replace("%1", self.error))
        elif self.updated_at is not None:
            # The data is as of its read; nothing new since is good news, but say how old it is.
            seconds = max(0, int((self._clock() - self.updated_at).total_seconds()))
            age = "" if seconds < 5 else f" (+{seconds} s)" if seconds < 120 else f" (+{seconds // 60} min)"
            self.updated.setText(translate("ConsoleOverview", "Updated %1").replace(
                "%1", self.updated_at.astimezone(PARIS).strftime("%H:%M:%S")) + age)

    # --- language -----------------------------------------------------------------------------
    def retranslate(self) -> None:
        self.title.setText(translate("ConsoleOverview", "The floor, live"))
        self.carriers_title.setText(translate("ConsoleOverview", "Carrier cutoffs"))
        self.stations_title.setText(translate("ConsoleOverview", "Stations"))
        self.exceptions_title.setText(translate("ConsoleOverview", "Exceptions"))
        for status, (_frame, name, _value, _sub) in self.status_tiles.items():
            name.setText(translate("ConsoleOverview", "Backlog") if status == "backlog" else texts.status_name(status))
        if self.overview is not None:
            self.show_overview(self.overview)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
