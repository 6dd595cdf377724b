"""The console's KPI panel over a real central database (SQLite file) through a real worker thread
and the real CentralContext: charts built from the figures, tiles, the CSV export, a failure. pytest-qt."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path

import pytest
import shiboken6
from PySide6.QtCharts import QBarCategoryAxis, QStackedBarSeries
from PySide6.QtCore import QCoreApplication, QEvent, QLocale
from PySide6.QtWidgets import QVBoxLayout, QWidget
from sqlalchemy import event

from app.gui.console.kpi_charts import MAX_PICKERS, legend_entries, picks_chart
from app.gui.console.kpi_jobs import kpis_job
from app.gui.console.kpi_panel import KpiPanel
from app.gui.queries import CENTRAL_OFFLINE, CentralContext
from app.gui.workers import Worker
from app.store.db import make_engine, session_factory, sqlite_url
from app.store.kpis import PARIS
from app.store.kpis_data import CycleTime, Fulfilment, Kpis, PackingErrors, PickerHour, Returns, Shipping
from app.store.migrate import upgrade
from tests.store.test_kpis import DAY, fill_floor


@pytest.fixture
def central(tmp_path: Path) -> str:
    url = sqlite_url(tmp_path / "central.db")
    engine = make_engine(url)
    upgrade(engine)
    fill_floor(session_factory(engine))
    engine.dispose()
    return url


@pytest.fixture
def worker(qapp, central: str) -> Iterator[Worker]:
    worker = Worker("central", lambda: CentralContext(central))
    yield worker
    worker.stop()


@pytest.fixture
def panel(qtbot, worker: Worker, tmp_path: Path) -> KpiPanel:
    panel = KpiPanel(worker, export_folder=tmp_path / "export", day=lambda: DAY)
    qtbot.addWidget(panel)
    with qtbot.waitSignal(panel.refreshed, timeout=10_000):
        panel.refresh()
    return panel


def test_figures_arrive_from_the_worker_and_fill_the_tiles(panel: KpiPanel) -> None:
    assert panel.error is None and panel.kpis is not None and panel.kpis.day == DAY
    assert panel.tiles["shipping"].value.text() == "2 / 3"  # due today A, B, F: A and F shipped
    assert "3" in panel.tiles["shipping"].detail.text()  # shipped today in all
    assert panel.tiles["fulfilment"].value.text().startswith("66")  # D shipped short
    assert panel.tiles["errors"].value.text().startswith("150")  # 3 errors, 2 orders packed
    returns = panel.tiles["returns"].value
    assert returns.property("quaiRole") == "kpi-none"  # no return recorded: no data, not 0 %
    assert panel.tiles["cycle"].value.text().startswith("15")


def test_the_picks_chart_stacks_each_picker_over_the_hours_picked_and_a_bar_shows_shipped_against_due(panel: KpiPanel) -> None:
    chart = panel.picks_view.chart()
    (series,) = chart.series()
    assert isinstance(series, QStackedBarSeries)
    sets = {bar.label(): [bar.at(i) for i in range(bar.count())] for bar in series.barSets()}
    # Hours 0 to 11 (the first and last with picks); Paul's 09:05 unit was undone.
    assert sets["Paul Martin"][8] == 5 and sets["Paul Martin"][9] == 0
    assert sets["Nadia Benali"][0] == 1 and sets["Nadia Benali"][10] == 4
    assert sets["BDG0077"][11] == 2
    axis = next(a for a in chart.axes() if isinstance(a, QBarCategoryAxis))
    assert axis.categories()[0] == "0" and axis.categories()[-1] == "11"
    bar = panel.tiles["shipping"].bar
    assert bar.isVisibleTo(panel) and (bar.value(), bar.maximum()) == (2, 3)  # due shipped / due


def test_export_writes_one_csv_per_kpi_into_the_folder_and_says_where(qtbot, panel: KpiPanel, tmp_path: Path) -> None:
    with qtbot.waitSignal(panel.exported, timeout=10_000) as done:
        panel.export_button.click()
    paths = done.args[0]
    assert len(paths) == 7 and all(p.parent == tmp_path / "export" and p.exists() for p in paths)
    text = (tmp_path / "export" / "kpi_shipping_2026-11-24.csv").read_bytes().decode("utf-8-sig")
    assert text.splitlines()[1] == "2026-11-24;3;2;3;66,7"
    assert str(tmp_path / "export") in panel.state_label.text()
    assert panel.export_button.isEnabled()


def test_a_refresh_asked_while_one_runs_is_not_queued_twice(qtbot, panel: KpiPanel, worker: Worker) -> None:
    panel.refresh()
    panel.refresh()
    assert worker.pending == 1
    qtbot.waitUntil(lambda: not panel.loading, timeout=10_000)


def test_the_buttons_are_big_enough_for_a_finger(panel: KpiPanel) -> None:
    panel.resize(1280, 800)
    panel.show()
    for button in (panel.refresh_button, panel.export_button):
        assert button.height() >= 48 and button.width() >= 48


def test_a_database_that_cannot_be_read_is_said_on_screen(qtbot, qapp, tmp_path: Path) -> None:
    empty = tmp_path / "empty.db"
    empty.write_bytes(b"")  # a file, but no tables: every query fails
    worker = Worker("central", lambda: CentralContext(sqlite_url(empty)))
    try:
        panel = KpiPanel(worker, export_folder=tmp_path / "x", day=lambda: DAY)
        qtbot.addWidget(panel)
        with qtbot.waitSignal(panel.refreshed, timeout=10_000):
            panel.refresh()
        assert panel.error and panel.kpis is None
        assert "could not be read" in panel.state_label.text() or "pu être lus" in panel.state_label.text()
        panel.export_button.click()  # nothing to export: says so, writes nothing
        assert not (tmp_path / "x").exists() and panel.export_message
    finally:
        worker.stop()


def test_the_tiles_show_the_day_before_as_a_trend(panel: KpiPanel) -> None:
    # The day before (23/11): E shipped, imported 8 h earlier; today's median 15 h is longer.
    assert panel.previous is not None and panel.previous.day.isoformat() == "2026-11-23"
    assert panel.tiles["cycle"].trend.text().startswith("▲") and "8" in panel.tiles["cycle"].trend.text()
    assert panel.tiles["returns"].trend.text() == ""


def test_the_day_before_is_read_once_not_at_every_refresh(qtbot, panel: KpiPanel) -> None:
    first = panel.previous
    with qtbot.waitSignal(panel.refreshed, timeout=10_000):
        panel.refresh()
    assert panel.previous is first  # kept: the job did not compute it again


def test_a_context_with_its_own_sessions_is_used_as_it_is(qtbot, qapp, central: str, tmp_path: Path) -> None:
    from app.gui.queries import ReplicaContext

    worker = Worker("replica", lambda: ReplicaContext(central))  # has ``sessions``: no engine of the panel's own
    try:
        panel = KpiPanel(worker, export_folder=tmp_path / "x", day=lambda: DAY)
        qtbot.addWidget(panel)
        with qtbot.waitSignal(panel.refreshed, timeout=10_000):
            panel.refresh()
        assert panel.error is None and panel.tiles["shipping"].value.text() == "2 / 3"
    finally:
        worker.stop()


def test_a_missing_central_file_is_refused_and_not_created(qtbot, qapp, tmp_path: Path) -> None:
    # The KPI job shares the console's central sessions (app.gui.console.live): connecting
    # to a missing embedded central must not create an empty file that ``ping`` then finds.
    missing = tmp_path / "central.db"
    context = CentralContext(sqlite_url(missing))
    with pytest.raises(FileNotFoundError):
        kpis_job(DAY)(context)
    assert not missing.exists() and context.ping() == CENTRAL_OFFLINE
    worker = Worker("central", lambda: CentralContext(sqlite_url(missing)))
    try:
        panel = KpiPanel(worker, export_folder=tmp_path / "x", day=lambda: DAY)
        qtbot.addWidget(panel)
        with qtbot.waitSignal(panel.refreshed, timeout=10_000):
            panel.refresh()
        assert panel.kpis is None and "not found" in (panel.error or "")
        assert str(missing) in panel.state_label.text()
    finally:
        worker.stop()
    assert not missing.exists()


def test_the_kpi_job_reads_through_the_central_workers_own_engine(central: str) -> None:
    # One engine per central worker (made with a connect timeout on PostgreSQL, disposed of
    # with the context), not a second one of the panel's: the job connects through it.
    context = CentralContext(central)
    context._engine = make_engine(central)
    connects: list[object] = []
    event.listen(context._engine, "connect", lambda *args: connects.append(args))
    try:
        figures, _ = kpis_job(DAY)(context)
        assert figures.shipping.due == 3 and connects
    finally:
        context._engine.dispose()


def test_each_refresh_deletes_the_chart_it_replaces(qtbot, panel: KpiPanel) -> None:
    first = panel.picks_view.chart()
    with qtbot.waitSignal(panel.refreshed, timeout=10_000):
        panel.refresh()
    second = panel.picks_view.chart()
    with qtbot.waitSignal(panel.refreshed, timeout=10_000):
        panel.refresh()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    assert not shiboken6.isValid(first) and not shiboken6.isValid(second)
    current = panel.picks_view.chart()
    assert shiboken6.isValid(current) and current.series()  # the one on screen stays


def _floor(pickers: int) -> Kpis:
    """A day with ``pickers`` pickers, each a different number of units at 9:00."""
    start = datetime(2026, 11, 24, tzinfo=PARIS)
    hours = tuple(start + timedelta(hours=h) for h in range(24))
    picks = tuple(PickerHour(f"B{i}", f"Picker {i}", 9, 20 - i) for i in range(pickers))
    return Kpis(DAY, "Europe/Paris", hours, picks, Shipping(0, 0, 0), PackingErrors(0, 0, 0, 0),
                Fulfilment(0, 0), Returns(0, None, 30, False), CycleTime(0, None, None, 0))


def test_one_picker_past_the_limit_keeps_their_name_two_make_others(qapp) -> None:
    assert MAX_PICKERS == 7
    chart = picks_chart(_floor(8))  # held: the series dies with it
    (series,) = chart.series()
    labels = [bar.label() for bar in series.barSets()]
    assert labels == [f"Picker {i}" for i in range(8)]  # "Others" of one would hide a name
    chart = picks_chart(_floor(9))
    (series,) = chart.series()
    bars = {bar.label(): bar.at(0) for bar in series.barSets()}
    assert list(bars) == [f"Picker {i}" for i in range(7)] + ["Others"]
    assert bars["Others"] == (20 - 7) + (20 - 8)  # the last two, summed


def test_the_legend_under_the_chart_names_every_picker_in_their_colour(qtbot, panel: KpiPanel) -> None:
    panel.kpis = dataclasses.replace(panel.kpis, picks=_floor(9).picks)
    panel._render()
    names = [label.text() for label in panel.picks_legend.names]
    assert names == [f"Picker {i}" for i in range(7)] + ["Others"]
    (series,) = panel.picks_view.chart().series()
    assert legend_entries(panel.picks_view.chart())[0] == ("Picker 0", series.barSets()[0].color().name())
    assert not panel.picks_view.chart().legend().isVisible()  # QLegend elided names: ours instead


@pytest.fixture
def french(qapp) -> Iterator[None]:
    from app.gui.i18n import LanguageSwitcher

    locale = QLocale()
    language = LanguageSwitcher()
    language.switch("fr")
    yield
    language.uninstall()
    QLocale.setDefault(locale)  # the switch set French numbers for the whole process


def test_the_tab_fits_1280_by_800_in_french_without_scrolling_or_cutting_a_figure(qtbot, french, panel: KpiPanel) -> None:
    # The console's tab leaves 1280x573 at 1280x800 (tab bar above, status bar below); the
    # panel sits in its flickable area (app.gui.screens.console.scrolling).
    from app.gui.screens.console import scrolling

    assert panel.refresh_button.text() == "Actualiser"

    long_names = ("Jean-Baptiste Lefèvre", "Nadia Benali", "Paul Martin", "Sophie Leroy", "Marie Dupont",
                  "Karim Haddad", "Lucie Bernard", "Thomas Petit")
    picks = tuple(PickerHour(f"B{i}", name, h, 10 + (i * 7 + h) % 15)
                  for i, name in enumerate(long_names) for h in range(6, 22))
    host = QWidget()
    qtbot.addWidget(host)
    layout = QVBoxLayout(host)
    layout.setContentsMargins(0, 0, 0, 0)
    area = scrolling(panel)
    layout.addWidget(area)
    try:
        host.resize(1280, 573)
        host.show()
        panel.kpis = dataclasses.replace(panel.kpis, picks=picks)
        panel._render()
        qtbot.waitUntil(lambda: panel.picks_legend.isVisible())
        QCoreApplication.processEvents()
        assert area.verticalScrollBar().maximum() == 0 and area.horizontalScrollBar().maximum() == 0
        for name, tile in panel.tiles.items():
            for label in (tile.value, tile.trend, tile.title):
                if label.isVisible():  # its text whole: not cut by the tile or a neighbour
                    assert label.width() >= label.minimumSizeHint().width(), (name, label.text())
                    if label.wordWrap():  # and all its lines: none below the label's bottom
                        assert label.heightForWidth(label.width()) <= label.height(), (name, label.text())
            assert tile.geometry().bottom() <= panel.height(), name
        assert panel.picks_view.height() >= 260
        for label in panel.picks_legend.names:
            assert label.width() >= label.sizeHint().width(), label.text()  # no name cut
        assert panel.picks_legend.geometry().bottom() <= panel.height()
    finally:
        area.takeWidget()  # the panel back to its fixture, which closes it


def test_no_trend_leaves_the_number_the_whole_tile(panel: KpiPanel) -> None:
    returns = panel.tiles["returns"]
    assert returns.trend.isHidden() and not returns.trend.text()
    assert panel.tiles["cycle"].trend.isVisibleTo(panel)


def test_a_day_with_nothing_packed_or_shipped_says_so_rather_than_zero_of_zero(panel: KpiPanel) -> None:
    panel.kpis = _floor(2)  # picks, but nothing packed, shipped or due
    panel._render()
    assert panel.tiles["errors"].detail.text() == "no order packed today"
    assert panel.tiles["fulfilment"].detail.text() == "no order shipped today"
    assert panel.tiles["errors"].value.property("quaiRole") == "kpi-none"
