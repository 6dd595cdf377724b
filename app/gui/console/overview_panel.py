"""The console's live overview of the floor, for a touchscreen read from 1.5 m. GUI thread only.

Top: a tile per active status (counts in 48 px figures) and the backlog; then a tile per
carrier with the countdown to its next cutoff in units ("1 h 05", "17 min", "45 s"; amber
in its last half hour while orders are still due), or, once today's has passed with orders
of its still late, "passed by 12 min" in red with how many are left; below, the stations (who is on each, how long since a
person last acted there) and the exceptions queue (short picks, unknown SKUs, holds and
the packing mismatches). A tap on an exception emits ``order_chosen(number)``.

No SQL here: the data comes from ``LiveQuery`` reads (app.gui.console.live) on the
workers it is given (the replica worker; the central worker for the mismatches, which are
events the replicas do not get). What reads, and why each:

- ``refresh()`` (the tab shown): both.
- ``follow(signal)``: the window's ``replica_changed`` (a pull wrote rows) reads the replica's
  overview, and only that: one read per pull.
- ``poll()`` (the window's refresh after a pull, every 20 s and after an action): the
  mismatches only, events that no pull announces; and the replica's overview only when the
  panel follows no signal.
- a single-shot timer at ``FloorOverview.next_change_at`` (a cutoff passes, the day ends):
  what the clock alone changes (a carrier's next cutoff, the late backlog).

A 1 s timer only repaints the countdowns and idle times from the data already there.

The parts are apart: the tiles in app.gui.console.overview_tiles, the lists in
app.gui.console.overview_lists, the words in app.gui.console.overview_texts. At 1280×800
(the console gives the panel about 1250×570 px) the panel fits without scrolling as a
whole; the lists take what height is left and flick by themselves.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, Qt, QTimer, Signal
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from app.gui.console import overview_lists, overview_tiles
from app.gui.console.live import LiveQuery, mismatches_job, overview_job
from app.gui.console.overview_lists import ExceptionsList, StationsList
from app.gui.console.overview_texts import countdown_text  # noqa: F401 - the panel's words, imported from here too
from app.gui.console.overview_tiles import CarrierTiles, StatusTiles
from app.packing.cutoffs import PARIS  # the warehouse's wall clock, as the cutoffs are

translate = QCoreApplication.translate

STYLE = overview_tiles.STYLE + overview_lists.STYLE + """
QLabel[quaiRole="ov-section"] { font-size: 22px; font-weight: 800; }
QLabel[quaiRole="ov-updated"] { font-size: 18px; color: #444444; }
"""


class OverviewPanel(QWidget):
    """The live overview; ``order_chosen(number)`` when an exception is tapped."""

    order_chosen = Signal(str)

    def __init__(self, replica: Any, central: Any = None, parent: QWidget | None = None, *,
                 rules: Any = None, clock: Callable[[], datetime] | None = None, tick_ms: int = 1000) -> None:
        """``replica``/``central``: workers (app.gui.workers.Worker, or anything with the same
        ``submit``); without ``central`` no mismatches are shown. ``rules``: the site's
        app.store.overview.CutoffRules (None: the defaults). ``clock``: the time (aware)."""
        super().__init__(parent)
        self.setStyleSheet(STYLE)
        self._clock = clock or (lambda: datetime.now(UTC))
        self.overview = None  # app.store.overview.FloorOverview, the last one read
        self.mismatches: tuple = ()
        self.error: str | None = None
        self.updated_at: datetime | None = None
        self.following = False  # a signal (replica_changed) asks for the replica's reads
        self.overview_query = LiveQuery(replica, overview_job(rules, clock=clock), self)
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
        # Read again when the data goes stale by the clock alone (app.store.overview's next_change_at).
        self.stale_timer = QTimer(self)
        self.stale_timer.setSingleShot(True)
        self.stale_timer.timeout.connect(self.overview_query.request)
        self.retranslate()

    # --- building -------------------------------------------------------------------------------
    def _section(self) -> QLabel:
        title = QLabel(self)
        title.setProperty("quaiRole", "ov-section")
        return title

    def _build(self) -> None:
        # Every line of height counts: the tab already says "overview", so no title above the
        # tiles; the time of the data shares the carriers' heading line.
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 6, 10, 6)
        layout.setSpacing(6)
        self.statuses = StatusTiles(self)
        self.status_tiles = self.statuses.tiles
        layout.addWidget(self.statuses)

        head = QHBoxLayout()
        head.setContentsMargins(0, 2, 0, 0)
        self.carriers_title = self._section()
        self.updated = QLabel(self)
        self.updated.setProperty("quaiRole", "ov-updated")
        self.updated.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        head.addWidget(self.carriers_title)
        head.addStretch(1)
        head.addWidget(self.updated)
        layout.addLayout(head)
        self.carriers = CarrierTiles(self)
        layout.addWidget(self.carriers)

        # Side by side, even halves (a station's line is not cut short), the titles on one row.
        lists = QGridLayout()
        lists.setContentsMargins(0, 2, 0, 0)
        lists.setHorizontalSpacing(12)
        lists.setVerticalSpacing(2)
        self.stations_title = self._section()
        self.stations_list = StationsList(self)
        self.exceptions_title = self._section()
        self.exceptions_list = ExceptionsList(self)
        self.exceptions_list.order_chosen.connect(self.order_chosen)
        lists.addWidget(self.stations_title, 0, 0)
        lists.addWidget(self.exceptions_title, 0, 1)
        lists.addWidget(self.stations_list, 1, 0)
        lists.addWidget(self.exceptions_list, 1, 1)
        lists.setColumnStretch(0, 1)
        lists.setColumnStretch(1, 1)
        lists.setRowStretch(1, 1)
        layout.addLayout(lists, 1)

    @property
    def carrier_tiles(self) -> dict:
        """carrier -> (frame, name, countdown, sub-line), soonest cutoff first."""
        return self.carriers.tiles

    # --- reading ------------------------------------------------------------------------------
    def follow(self, signal: Any) -> None:
        """Read the replica's overview again whenever ``signal`` fires (the window's
        ``replica_changed``); ``poll`` then leaves the replica to it."""
        self.following = True
        signal.connect(self.overview_query.request)

    def refresh(self) -> None:
        """Ask for fresh data, all of it (folded with a read already under way)."""
        self.overview_query.request()
        if self.mismatch_query is not None:
            self.mismatch_query.request()

    def poll(self) -> None:
        """The window's periodic refresh (and the one after each pull or action): the packing
        mismatches, which no pull announces; the replica's overview only if no signal does."""
        if not self.following:
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
        self.statuses.show_counts(overview)
        self.carriers.show_cutoffs(overview.carriers, self._clock())
        self.stations_list.show_stations(overview.stations, self._clock())
        self._render_exceptions()
        self._render_updated()
        self._schedule_stale(overview)

    def _schedule_stale(self, overview: Any) -> None:
        at = getattr(overview, "next_change_at", None)
        if at is None:
            self.stale_timer.stop()
            return
        # A second after: the read then sees the cutoff passed. At least a second, so a clock
        # behind the data's never spins reads.
        self.stale_timer.start(max(1000, int((at - self._clock()).total_seconds() * 1000) + 1000))

    def show_mismatches(self, mismatches: tuple) -> None:
        self.mismatches = tuple(mismatches)
        self._render_exceptions()

    def tick(self) -> None:
        """Every second: the countdowns and idle times move; nothing is read."""
        if self.overview is None:
            return
        now = self._clock()
        self.carriers.show_countdowns(self.overview.carriers, now)
        self.stations_list.show_stations(self.overview.stations, now)
        self._render_updated()

    def _render_exceptions(self) -> None:
        items = self.overview.exceptions if self.overview is not None else ()
        self.exceptions_list.show_items(self.mismatches, items)
        if self.overview is None:
            return
        total = sum(self.overview.exception_totals.values()) + len(self.mismatches)
        self.exceptions_title.setText(translate("ConsoleOverview", "Exceptions (%1)").replace("%1", str(total)))

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
        self.carriers_title.setText(translate("ConsoleOverview", "Carrier cutoffs"))
        self.stations_title.setText(translate("ConsoleOverview", "Stations"))
        self.exceptions_title.setText(translate("ConsoleOverview", "Exceptions"))
        self.statuses.retranslate()
        if self.overview is not None:
            self.show_overview(self.overview)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
