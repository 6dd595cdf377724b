"""The overview's tiles: a count per order status (and the backlog), a countdown per carrier. GUI thread only.

A tile is a frame with a name, a big figure and a sub-line, handed around as the tuple
``(frame, name, value, sub)``. Status tiles put the name beside the count (one short row
each, two rows for the nine of them); carrier tiles stack name, countdown and sub-line.
Both grids wrap at ``TILES_PER_ROW`` so the panel fits a 1280 px screen.

Height is what the 1280×800 console lacks (the lists below must keep several rows), so the
figures' labels are as tall as their digits, not as tall as the font's line (which keeps
room for accents and descenders a number never has).
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QFrame, QGridLayout, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from app.gui import texts
from app.gui.console.orders_columns import carrier_name
from app.gui.console.overview_texts import countdown_text, late_text, to_prepare_text
from app.packing.cutoffs import PARIS  # the warehouse's wall clock, as the cutoffs are

translate = QCoreApplication.translate

Tile = tuple[QFrame, QLabel, QLabel, QLabel]  # frame, name, value, sub-line

STATUS_TILES = ("new", "awaiting_stock", "picking", "picked", "packing", "ready_to_ship", "on_hold", "exception")
AMBER_MINUTES = 30
# Tiles wrap at this many per row so the panel fits a 1280 px screen without sideways scrolling.
TILES_PER_ROW = 5
COUNT_PX = 48  # a status count, read from 1.5 m
COUNTDOWN_PX = 44
# "passed by 12 min" is a phrase, not a figure: two lines at this size fill the countdown's
# height (the tile is red already; the words say by how much).
PASSED_PX = 22
STATUS_TILE_HEIGHT = 60  # a finger's target (48) and two lines of a name at 19 px

STYLE = f"""
QFrame[quaiRole="ov-tile"] {{ background: #ffffff; border: 3px solid #111111; border-radius: 10px; }}
QFrame[quaiRole="ov-tile"][alert="red"] {{ background: #b00020; border-color: #b00020; }}
QFrame[quaiRole="ov-tile"][alert="amber"] {{ background: #ffd54f; border-color: #8a6d00; }}
QFrame[quaiRole="ov-tile"] QLabel {{ background: transparent; border: none; }}
QLabel[quaiRole="ov-count"] {{ font-size: {COUNT_PX}px; font-weight: 800; color: #0b3d91; }}
QLabel[quaiRole="ov-countdown"] {{ font-size: {COUNTDOWN_PX}px; font-weight: 800; color: #111111; }}
QLabel[quaiRole="ov-countdown"][passed="true"] {{ font-size: {PASSED_PX}px; }}
QFrame[alert="red"] QLabel {{ color: #ffffff; }}
QLabel[quaiRole="ov-name"] {{ font-size: 19px; font-weight: 700; color: #111111; }}
QLabel[quaiRole="ov-sub"] {{ font-size: 18px; color: #111111; }}
"""


def make_tile(parent: QWidget, value_role: str, value_px: int, *, side_by_side: bool = False) -> Tile:
    """A tile: name, value, sub-line. ``side_by_side`` puts the name (and sub-line) left of the
    value: a status tile is then one short row."""
    frame = QFrame(parent)
    frame.setProperty("quaiRole", "ov-tile")
    box: QHBoxLayout | QVBoxLayout = QHBoxLayout(frame) if side_by_side else QVBoxLayout(frame)
    box.setContentsMargins(10, 2, 10, 2)
    box.setSpacing(0)
    name = QLabel(frame)
    name.setProperty("quaiRole", "ov-name")
    name.setWordWrap(True)
    value = QLabel("…", frame)
    value.setProperty("quaiRole", value_role)
    # Digits reach from the baseline to the cap height (~0.73 em): a label a little taller
    # than the font's size shows them whole and centred, and saves ~10 px a tile.
    value.setFixedHeight(value_px + 6)
    sub = QLabel(frame)
    sub.setProperty("quaiRole", "ov-sub")
    sub.setWordWrap(True)
    if side_by_side:
        frame.setMinimumHeight(STATUS_TILE_HEIGHT)
        words = QVBoxLayout()
        words.setSpacing(0)
        left = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
        name.setAlignment(left)
        sub.setAlignment(left)
        value.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        words.addWidget(name)
        words.addWidget(sub)
        box.addLayout(words, 1)
        box.addWidget(value)
        sub.hide()  # shown only when it says something (the backlog's late count)
    else:
        for label in (name, value, sub):
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            box.addWidget(label)
    return frame, name, value, sub


def set_alert(frame: QFrame, alert: str) -> None:
    """Colour ``frame`` (and its labels) red, amber or plain ("")."""
    if frame.property("alert") != alert:
        frame.setProperty("alert", alert)
        frame.style().unpolish(frame)
        frame.style().polish(frame)
        for child in frame.findChildren(QLabel):
            child.style().unpolish(child)
            child.style().polish(child)


def _grid() -> QGridLayout:
    grid = QGridLayout()
    grid.setContentsMargins(0, 0, 0, 0)
    grid.setSpacing(8)
    for column in range(TILES_PER_ROW):
        grid.setColumnStretch(column, 1)
    return grid


class StatusTiles(QWidget):
    """A tile per active status, then the backlog (red while some of it is late)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        grid = _grid()
        self.setLayout(grid)
        self.tiles: dict[str, Tile] = {}
        keys = (*STATUS_TILES, "backlog")
        for i, key in enumerate(keys):
            tile = make_tile(self, "ov-count", COUNT_PX, side_by_side=True)
            tile[0].setObjectName(f"ovTile_{key}")
            row, column = divmod(i, TILES_PER_ROW)
            # The backlog takes what is left of its row: its name then holds on one line,
            # above its late count, and the tile stays as short as the others.
            span = TILES_PER_ROW - column if key == "backlog" else 1
            grid.addWidget(tile[0], row, column, 1, span)
            self.tiles[key] = tile

    def show_counts(self, overview: Any) -> None:
        for status in STATUS_TILES:
            self.tiles[status][2].setText(str(overview.counts.get(status, 0)))
        late = sum(overview.backlog_late.values())
        frame, _name, value, sub = self.tiles["backlog"]
        value.setText(str(overview.backlog))
        sub.setText(late_text(late) if late else "")
        sub.setVisible(bool(late))
        set_alert(frame, "red" if late else "")

    def retranslate(self) -> None:
        for key, (_frame, name, _value, _sub) in self.tiles.items():
            name.setText(translate("ConsoleOverview", "Backlog") if key == "backlog" else texts.status_name(key))


class CarrierTiles(QWidget):
    """A tile per carrier (as many as the cutoff table has), soonest cutoff first: the
    countdown, and the cutoff time with the orders still to prepare for it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.grid = _grid()
        self.setLayout(self.grid)
        self.tiles: dict[str | None, Tile] = {}

    def show_cutoffs(self, carriers: Iterable[Any], now: datetime) -> None:
        carriers = tuple(carriers)
        wanted = [c.carrier for c in carriers]
        if wanted != list(self.tiles):
            for frame, *_ in self.tiles.values():
                frame.setParent(None)
                frame.deleteLater()
            self.tiles = {}
            for i, carrier in enumerate(wanted):
                tile = make_tile(self, "ov-countdown", COUNTDOWN_PX)
                tile[0].setObjectName(f"ovCarrier_{carrier or 'none'}")
                self.grid.addWidget(tile[0], i // TILES_PER_ROW, i % TILES_PER_ROW)
                self.tiles[carrier] = tile
        for cutoff in carriers:
            _frame, name, _value, sub = self.tiles[cutoff.carrier]
            # The cutoff time goes with the count, not the name: the name then stays on one line.
            name.setText(carrier_name(cutoff.carrier))
            sub.setText(f"{cutoff.cutoff_at.astimezone(PARIS).strftime('%H:%M')} · {to_prepare_text(cutoff.due)}")
        self.show_countdowns(carriers, now)

    def show_countdowns(self, carriers: Iterable[Any], now: datetime) -> None:
        """Red once a cutoff has passed with orders still due, amber in its last half hour."""
        for cutoff in carriers:
            frame, _name, value, _sub = self.tiles[cutoff.carrier]
            seconds = (cutoff.cutoff_at - now).total_seconds()
            value.setText(countdown_text(seconds))
            passed = seconds < 0
            if value.property("passed") != passed:
                value.setProperty("passed", passed)
                value.setWordWrap(passed)  # between the phrase's words only: a duration holds together
                value.style().unpolish(value)
                value.style().polish(value)
            late = passed and cutoff.due > 0
            soon = not passed and seconds < AMBER_MINUTES * 60 and cutoff.due > 0
            set_alert(frame, "red" if late else "amber" if soon else "")
