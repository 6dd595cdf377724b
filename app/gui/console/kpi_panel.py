"""The console's KPI page: today's figures as big numbers, a chart, an export to CSV. GUI thread only.

Data: ``app.store.kpis.kpis(session, day)`` over the CENTRAL database (the event log lives
there), run as a job on the worker the panel is given (the console's central worker,
app.gui.workers.Worker, or any object with ``submit(job, on_done, on_error)``); the panel
never queries on the GUI thread. It refreshes every ``REFRESH_MS`` while it is shown, and
on demand (the Refresh button); a refresh asked while one runs is not queued twice. The
day before is read once a day, for the trend beside each figure.

Sessions: ``app.gui.console.live.central_sessions``, as the console's other central jobs:
the context's own ``sessions`` when it has them (a ``ReplicaContext``-like object), else
the central worker's engine (``app.gui.queries.CentralContext``), made with a connect
timeout on PostgreSQL and refused when the embedded central file is missing. An engine of
the panel's own would create an empty central file (then ``ping`` says connected) and
could hang the central worker, which also runs the sync cycles and supervisor actions,
on an unreachable server.

"Export CSV" writes ``app.store.kpis_csv.write_csv`` of the figures on screen into
``<data folder>/kpis/`` (app.paths.data_dir, or the folder given), on the worker too, and
says where. Shipped against due is a bar in its tile; picks per hour per picker a stacked
bar chart (app.gui.console.kpi_charts). Touch: buttons 58 px high, texts 20 px and more,
numbers 42 px, no hover.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent, Qt, QTimer, Signal
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QLabel, QPushButton, QSizePolicy, QVBoxLayout, QWidget

from app.gui.console.kpi_charts import ChartLegend, Tile, chart_view, legend_entries, picks_chart
from app.gui.console.kpi_jobs import default_export_folder, export_job, kpis_job, today
from app.gui.console.kpi_texts import _number, percent, trend_text, units_per_hour
from app.store.kpis import PARIS, Kpis

translate = QCoreApplication.translate

REFRESH_MS = 60_000

STYLE = """
QPushButton[quaiRole="kpi-button"] { min-height: 44px; min-width: 56px; padding: 4px 24px; font-size: 22px; font-weight: 700; }
QLabel[quaiRole="kpi-heading"] { font-size: 28px; font-weight: 800; }
QLabel[quaiRole="kpi-state"] { font-size: 20px; color: #333333; }
QFrame[quaiRole="kpi-tile"] { border: 3px solid #111111; border-radius: 8px; background: #ffffff; }
QFrame[quaiRole="kpi-tile"] QLabel { border: none; background: transparent; }
QFrame[quaiRole="kpi-tile"] QProgressBar { border: 2px solid #111111; border-radius: 4px; background: #e6e6e6; }
QFrame[quaiRole="kpi-tile"] QProgressBar::chunk { background: #0b3d91; }
QLabel[quaiRole="kpi-title"] { font-size: 20px; font-weight: 700; color: #333333; }
QLabel[quaiRole="kpi-value"] { font-size: 42px; font-weight: 800; color: #0b3d91; }
QLabel[quaiRole="kpi-none"] { font-size: 32px; font-weight: 700; color: #555555; padding: 6px 0; }
QLabel[quaiRole="kpi-detail"] { font-size: 20px; color: #333333; }
QLabel[quaiRole="kpi-trend"] { font-size: 20px; font-weight: 700; color: #333333; }
"""

class KpiPanel(QWidget):
    """Tiles and charts over the last ``Kpis``; ``refreshed`` after each new figure set, ``exported(paths)``."""

    refreshed = Signal()
    exported = Signal(list)

    def __init__(self, worker, parent: QWidget | None = None, *, export_folder: Path | None = None,
                 day: Callable[[], date] = today, refresh_ms: int = REFRESH_MS) -> None:
        super().__init__(parent)
        self.setObjectName("kpiPanel")
        self.setStyleSheet(STYLE)
        self._worker = worker
        self._day = day
        self._export_folder = export_folder
        self.kpis: Kpis | None = None
        self.previous: Kpis | None = None  # the day before: the tiles' trend
        self.error: str | None = None
        self.loading = False
        self.export_message = ""

        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.setSpacing(8)
        top = QHBoxLayout()
        self.heading = QLabel(self)
        self.heading.setProperty("quaiRole", "kpi-heading")
        self.state_label = QLabel(self)
        self.state_label.setProperty("quaiRole", "kpi-state")
        self.state_label.setWordWrap(True)
        self.refresh_button = self._button()
        self.export_button = self._button()
        top.addWidget(self.heading)
        top.addWidget(self.state_label, 1)
        top.addWidget(self.refresh_button)
        top.addWidget(self.export_button)
        layout.addLayout(top)

        # The tiles beside the chart, not above it: the console's tab leaves about 570 px of
        # height at 1280x800 (tab bar and status bar), and two rows of tiles above a chart
        # that is still readable needed 720 (the chart was cut, the panel scrolled). Two
        # columns of three rows fill the height, and the chart gets a plot taller than wide
        # rather than a 150 px strip.
        body = QHBoxLayout()
        body.setSpacing(8)
        tiles = QGridLayout()
        tiles.setSpacing(8)
        self.tiles = {name: Tile(f"kpiTile_{name}", self) for name in
                      ("shipping", "picks", "errors", "fulfilment", "returns", "cycle")}
        for i, tile in enumerate(self.tiles.values()):
            # Equal columns whatever the texts (a wrapped label's size hint would widen one).
            tile.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
            tile.setMinimumWidth(320)
            tiles.addWidget(tile, i // 2, i % 2)
        for column in range(2):
            tiles.setColumnStretch(column, 1)
        body.addLayout(tiles, 3)
        chart_column = QVBoxLayout()
        chart_column.setSpacing(4)
        self.picks_view = chart_view(self)
        self.picks_view.setObjectName("kpiPicksChart")
        self.picks_legend = ChartLegend(self)
        self.picks_legend.setObjectName("kpiPicksLegend")
        chart_column.addWidget(self.picks_view, 1)
        chart_column.addWidget(self.picks_legend)
        body.addLayout(chart_column, 2)
        layout.addLayout(body, 1)

        self._timer = QTimer(self)
        self._timer.setInterval(refresh_ms)
        self._timer.timeout.connect(self.refresh)
        self.refresh_button.clicked.connect(self.refresh)
        self.export_button.clicked.connect(self.export_csv)
        self.retranslate()

    def _button(self) -> QPushButton:
        button = QPushButton(self)
        button.setProperty("quaiRole", "kpi-button")
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        return button

    # --- data ----------------------------------------------------------------------------------------

    def refresh(self) -> None:
        """Ask the worker for today's figures (ignored while a refresh runs)."""
        if self.loading:
            return
        self.loading = True
        self._render_state()
        day = self._day()
        with_previous = self.previous is None or self.previous.day != day - timedelta(days=1)
        self._worker.submit(kpis_job(day, with_previous), self._arrived, self._failed)

    def _arrived(self, result: tuple[Kpis, Kpis | None]) -> None:
        if not shiboken6.isValid(self):
            return
        figures, previous = result
        self.loading = False
        self.error = None
        self.kpis = figures
        if previous is not None:
            self.previous = previous
        self._render()
        self.refreshed.emit()

    def _failed(self, error: Exception) -> None:
        if not shiboken6.isValid(self):
            return
        self.loading = False
        self.error = str(error) or type(error).__name__
        self._render_state()
        self.refreshed.emit()

    def export_csv(self) -> None:
        if self.kpis is None:
            self.export_message = translate("KpiPanel", "Nothing to export yet: wait for the figures, then try again.")
            self._render_state()
            return
        folder = self._export_folder or default_export_folder()
        self.export_button.setEnabled(False)
        self._worker.submit(export_job(self.kpis, folder), self._export_done, self._export_failed)

    def _export_done(self, paths: list[Path]) -> None:
        if not shiboken6.isValid(self):
            return
        self.export_button.setEnabled(True)
        folder = paths[0].parent if paths else ""
        self.export_message = translate("KpiPanel", "%1 CSV files written to %2").replace("%1", str(len(paths))).replace(
            "%2", str(folder))
        self._render_state()
        self.exported.emit(paths)

    def _export_failed(self, error: Exception) -> None:
        if not shiboken6.isValid(self):
            return
        self.export_button.setEnabled(True)
        self.export_message = translate(
            "KpiPanel", "The CSV files could not be written ({error}). Check the folder and the disk, then try again."
        ).replace("{error}", str(error))
        self._render_state()

    # --- showing -------------------------------------------------------------------------------------

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self._timer.start()
        self.refresh()

    def hideEvent(self, event) -> None:
        self._timer.stop()  # no load on the central worker for a page nobody looks at
        super().hideEvent(event)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.refresh_button.setText(translate("KpiPanel", "Refresh"))
        self.export_button.setText(translate("KpiPanel", "Export CSV"))
        titles = {
            "shipping": translate("KpiPanel", "Due today, shipped"),
            "picks": translate("KpiPanel", "Units picked per hour"),
            "errors": translate("KpiPanel", "Packing errors"),
            "fulfilment": translate("KpiPanel", "Shipped complete"),
            "returns": translate("KpiPanel", "Return rate"),
            "cycle": translate("KpiPanel", "Import to shipped"),
        }
        for name, tile in self.tiles.items():
            tile.title.setText(titles[name])
        self._render()

    def _render(self) -> None:
        figures = self.kpis
        day = figures.day if figures is not None else self._day()
        shown = day.strftime("%d/%m/%Y")
        if day == today():
            self.heading.setText(translate("KpiPanel", "Today, %1").replace("%1", shown))
        else:
            self.heading.setText(translate("KpiPanel", "Day of %1").replace("%1", shown))
        self._render_tiles(figures)
        # setChart releases the old chart without deleting it (no parent, not Python's): a chart
        # a minute would pile up for as long as the console stays on this tab.
        old = self.picks_view.chart()
        self.picks_view.setChart(picks_chart(figures))
        if old is not None:
            old.deleteLater()
        self.picks_legend.show_entries(legend_entries(self.picks_view.chart()))
        self._render_state()

    def _render_tiles(self, k: Kpis | None) -> None:
        no_data = translate("KpiPanel", "no data")
        t = self.tiles
        if k is None:
            for tile in t.values():
                tile.show_figure("…", "", no_data=True)
            return
        s = k.shipping
        t["shipping"].show_figure(
            f"{s.due_shipped} / {s.due}",
            translate("KpiPanel", "%1 shipped today in all").replace("%1", str(s.shipped)))
        t["shipping"].show_progress(s.due_shipped, s.due)
        pickers = k.pickers()
        units = sum(p.units for p in pickers)
        rate = units_per_hour(k)
        if rate is not None:
            t["picks"].show_figure(_number(rate), translate("KpiPanel", "per picker, %1 units by %2 pickers")
                                   .replace("%1", str(units)).replace("%2", str(len(pickers))))
        else:
            t["picks"].show_figure(no_data, translate("KpiPanel", "no pick yet today"), no_data=True)
        p = k.packing
        # "0 erreurs pour 0 commandes emballées" read as a count, and a wrong plural in French.
        detail = (translate("KpiPanel", "no order packed today") if not p.packed and not p.errors
                  else translate("KpiPanel", "%1 errors for %2 orders packed").replace("%1", str(p.errors))
                  .replace("%2", str(p.packed)))
        t["errors"].show_figure(percent(p.rate) if p.rate is not None else no_data, detail, no_data=p.rate is None)
        f = k.fulfilment
        detail = (translate("KpiPanel", "no order shipped today") if not f.shipped
                  else translate("KpiPanel", "%1 of %2 shipped orders, no line short").replace(
                      "%1", str(f.complete)).replace("%2", str(f.shipped)))
        t["fulfilment"].show_figure(percent(f.rate) if f.rate is not None else no_data, detail, no_data=f.rate is None)
        r = k.returns
        if r.rate is None:
            detail = (translate("KpiPanel", "no return recorded yet: returns come from the returns station")
                      if not r.recorded else translate("KpiPanel", "nothing shipped in %1 days").replace(
                          "%1", str(r.window_days)))
            t["returns"].show_figure(no_data, detail, no_data=True)
        else:
            t["returns"].show_figure(percent(r.rate), translate("KpiPanel", "%1 returned of %2 shipped in %3 days")
                                     .replace("%1", str(r.returned)).replace("%2", str(r.shipped))
                                     .replace("%3", str(r.window_days)))
        self._render_trends(k, self.previous if self.previous and self.previous.day == k.day - timedelta(days=1)
                            else None)
        c = k.cycle
        if c.mean_h is None or c.median_h is None:
            t["cycle"].show_figure(no_data, translate("KpiPanel", "no imported order shipped today"), no_data=True)
        else:
            t["cycle"].show_figure(
                _number(c.median_h) + "\u00a0h",
                translate("KpiPanel", "median; mean %1 h over %2 orders").replace("%1", _number(c.mean_h))
                .replace("%2", str(c.orders)))

    def _render_trends(self, k: Kpis, y: Kpis | None) -> None:
        t = self.tiles
        if y is None:
            for tile in t.values():
                tile.show_trend("")
            return
        t["shipping"].show_trend(trend_text(k.shipping.due_rate, y.shipping.due_rate,
                                               f"{y.shipping.due_shipped} / {y.shipping.due}"))
        now, before = units_per_hour(k), units_per_hour(y)
        t["picks"].show_trend(trend_text(now, before, _number(before) if before is not None else ""))
        for name, now, before in (("errors", k.packing.rate, y.packing.rate),
                                  ("fulfilment", k.fulfilment.rate, y.fulfilment.rate)):
            t[name].show_trend(trend_text(now, before, percent(before) if before is not None else ""))
        t["returns"].show_trend("")  # a 30-day window: yesterday's is today's, give or take a day
        before = y.cycle.median_h
        t["cycle"].show_trend(trend_text(k.cycle.median_h, before, _number(before) + "\u00a0h" if before else ""))

    def _render_state(self) -> None:
        if self.error:
            text = translate(
                "KpiPanel", "The figures could not be read ({error}). They will be read again in a minute, or tap Refresh."
            ).replace("{error}", self.error)
        elif self.loading and self.kpis is None:
            text = translate("KpiPanel", "Reading the figures…")
        elif self.kpis is not None:
            when = self.kpis.computed_at.astimezone(PARIS).strftime("%H:%M")
            text = translate("KpiPanel", "Updated at %1").replace("%1", when)
        else:
            text = ""
        if self.export_message:
            text = f"{text}\n{self.export_message}" if text else self.export_message
        self.state_label.setText(text)
