"""The console's order list: the model over a real SQLite replica through a real worker thread,
and the panel driven as a supervisor would (taps, chips, typing). pytest-qt, offscreen."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex, Qt
from sqlalchemy import select, update

from app.gui.console.orders_model import COLUMNS, PLACEHOLDER, OrdersModel
from app.gui.queries import ReplicaContext
from app.gui.workers import Worker
from app.store.db import make_engine, session_factory, sqlite_url, transaction
from app.store.migrate import upgrade
from app.store.models import Order
from app.store.order_browser import OrderFilter, count_orders, page
from tests.gui.conftest import drain
from tests.support.many_orders import START, add_orders

NUMBER = COLUMNS.index("number")
MARK = COLUMNS.index("mark")


def make_replica(path: Path, n: int, seed: int = 3) -> str:
    url = sqlite_url(path)
    engine = make_engine(url)
    upgrade(engine)
    add_orders(engine, n, seed=seed)
    engine.dispose()
    return url


@pytest.fixture(scope="module")
def thousand_url(tmp_path_factory) -> str:
    return make_replica(tmp_path_factory.mktemp("console") / "replica.db", 1000)


@pytest.fixture
def replica(tmp_path: Path, thousand_url: str) -> str:
    """A private copy of the 1,000-order replica (some tests write to it)."""
    import shutil

    source = Path(thousand_url.removeprefix("sqlite:///"))
    shutil.copy(source, tmp_path / "replica.db")
    return sqlite_url(tmp_path / "replica.db")


@pytest.fixture
def worker(qapp, replica: str) -> Iterator[Worker]:
    worker = Worker("replica", lambda: ReplicaContext(replica))
    yield worker
    worker.stop()


def expected_numbers(url: str, f: OrderFilter, offset: int = 0, limit: int = 10_000) -> list[str]:
    engine = make_engine(url)
    with session_factory(engine)() as session:
        numbers = [r.number for r in page(session, f, offset=offset, limit=limit)]
    engine.dispose()
    return numbers


def shown(model: OrdersModel, row: int) -> str:
    return model.data(model.index(row, NUMBER))


def wait_loaded(qtbot, model: OrdersModel) -> None:
    qtbot.waitUntil(lambda: not model.loading and model.pages_pending == 0, timeout=10_000)


def test_pages_load_on_demand_with_placeholders(qtbot, worker: Worker, replica: str) -> None:
    model = OrdersModel(worker, page_size=50)
    with qtbot.waitSignal(model.counted, timeout=10_000) as counted:
        model.start()
    assert counted.args == [1000] and model.rowCount() == 1000
    want = expected_numbers(replica, OrderFilter())
    assert [shown(model, r) for r in range(50)] == want[:50]
    assert model.cached_pages() == [0, 1] or model.cached_pages() == [0]  # the next page may be read ahead
    # A row far down shows a placeholder until its page arrives.
    assert shown(model, 777) == PLACEHOLDER
    assert model.data(model.index(777, COLUMNS.index("customer"))) is None
    with qtbot.waitSignal(model.page_loaded, timeout=10_000, check_params_cb=lambda n: n == 15):
        pass
    assert [shown(model, r) for r in range(750, 800)] == want[750:800]


def test_the_page_cache_is_bounded(qtbot, worker: Worker) -> None:
    model = OrdersModel(worker, page_size=20, cached_pages=5)
    with qtbot.waitSignal(model.counted, timeout=10_000):
        model.start()
    for row in range(0, 1000, 20):
        model.data(model.index(row, NUMBER))
        drain(qtbot, worker)
    assert len(model.cached_pages()) == 5
    assert model.cached_pages()[-1] == 49  # the most recent page is kept


def test_a_filter_change_drops_late_pages(qtbot, worker: Worker, replica: str) -> None:
    model = OrdersModel(worker, page_size=50)
    with qtbot.waitSignal(model.counted, timeout=10_000):
        model.start()
    # Hold the worker so the old filter's page is still queued when the filter changes.
    gate = threading.Event()
    worker.submit(lambda _ctx: gate.wait(10))
    assert shown(model, 600) == PLACEHOLDER  # asks for page 12 of "every order"
    late: list[int] = []
    model.page_loaded.connect(late.append)
    held = OrderFilter(statuses={"on_hold"})
    model.set_filter(held)
    assert model.loading and model.rowCount() == 1000  # the old rows stay until the new ones come
    gate.set()
    with qtbot.waitSignal(model.counted, timeout=10_000):
        pass
    drain(qtbot, worker)
    want = expected_numbers(replica, held)
    assert model.rowCount() == len(want) > 0
    assert late == [0]  # page 12 of the old filter never landed
    assert model.cached_pages() == [0]
    assert [shown(model, r) for r in range(len(want))] == want


def test_an_answer_older_than_the_filter_is_dropped_even_once_run(qtbot, worker: Worker, replica: str) -> None:
    """The job ran before the filter changed, its answer arrives after: dropped by its generation."""
    model = OrdersModel(worker, page_size=50)
    with qtbot.waitSignal(model.counted, timeout=10_000):
        model.start()
    ran = threading.Event()
    gate = threading.Event()
    shown(model, 400)  # page 8 queued
    worker.submit(lambda _ctx: (ran.set(), gate.wait(10)))  # after page 8: keeps its answer undelivered
    assert ran.wait(10)
    model.set_filter(OrderFilter(statuses={"new"}))
    gate.set()
    with qtbot.waitSignal(model.counted, timeout=10_000):
        pass
    drain(qtbot, worker)
    assert 8 not in model.cached_pages()
    assert [shown(model, r) for r in range(min(50, model.rowCount()))] == expected_numbers(
        replica, OrderFilter(statuses={"new"}), limit=50
    )


def test_selection_is_by_number_and_survives_refresh(qtbot, worker: Worker, replica: str) -> None:
    model = OrdersModel(worker, page_size=50)
    with qtbot.waitSignal(model.counted, timeout=10_000):
        model.start()
    wait_loaded(qtbot, model)
    assert model.toggle(1) and model.toggle(4) and model.toggle(7)
    assert model.toggle(4)  # a second tap unselects
    chosen = (shown(model, 1), shown(model, 7))
    assert model.selected_numbers() == chosen
    assert model.data(model.index(1, MARK)) == "✓" and model.data(model.index(4, MARK)) == ""
    assert model.data(model.index(1, NUMBER), Qt.ItemDataRole.BackgroundRole) is not None
    assert not model.toggle(900)  # still loading: nothing to select

    # Elsewhere, three new urgent orders arrive: every row moves down by three.
    engine = make_engine(replica)
    with transaction(session_factory(engine)) as session:
        for i in range(3):
            session.add(Order(number=f"#URGENT{i}", cutoff_at=START - timedelta(days=30), priority=9))
    engine.dispose()
    with qtbot.waitSignal(model.counted, timeout=10_000) as counted:
        model.refresh()
    assert counted.args == [1003] and model.rowCount() == 1003
    assert shown(model, 0) == "#URGENT0" and (shown(model, 4), shown(model, 10)) == chosen
    assert model.selected_numbers() == chosen
    assert model.data(model.index(4, MARK)) == "✓" and model.data(model.index(1, MARK)) == ""
    # The selection outlives a filter that hides it, until cleared.
    model.set_filter(OrderFilter(text="#URGENT"))
    with qtbot.waitSignal(model.counted, timeout=10_000):
        pass
    assert model.rowCount() == 3 and model.selected_numbers() == chosen
    model.clear_selection()
    assert model.selected_numbers() == ()


def test_refresh_after_orders_leave_the_filter_removes_rows(qtbot, worker: Worker, replica: str) -> None:
    model = OrdersModel(worker, page_size=50)
    model.set_filter(OrderFilter(statuses={"new"}))
    with qtbot.waitSignal(model.counted, timeout=10_000):
        pass
    before = model.rowCount()
    first = shown(model, 0)
    engine = make_engine(replica)
    with transaction(session_factory(engine)) as session:
        session.execute(update(Order).where(Order.number == first).values(status="picking"))
    engine.dispose()
    removed: list[tuple[int, int]] = []
    model.rowsRemoved.connect(lambda _p, a, b: removed.append((a, b)))
    with qtbot.waitSignal(model.counted, timeout=10_000):
        model.refresh()
    assert model.rowCount() == before - 1 and removed == [(before - 1, before - 1)]
    assert shown(model, 0) != first


def test_a_failed_query_says_so_and_a_new_filter_retries(qtbot, qapp, tmp_path: Path) -> None:
    url = sqlite_url(tmp_path / "empty.db")  # no tables: every query fails
    make_engine(url).dispose()
    broken = Worker("replica", lambda: ReplicaContext(url))
    try:
        model = OrdersModel(broken, page_size=50)
        with qtbot.waitSignal(model.failed, timeout=10_000) as failed:
            model.start()
        assert "orders" in failed.args[0] and model.error and not model.loading
        model.set_filter(OrderFilter(statuses={"new"}))
        assert model.error is None and model.loading
        with qtbot.waitSignal(model.failed, timeout=10_000):
            pass
    finally:
        broken.stop()


# --- the panel ---------------------------------------------------------------------------------------

@pytest.fixture
def panel(qtbot, qapp, worker: Worker):
    from app.gui import assets
    from app.gui.console.orders_panel import OrdersPanel

    qapp.setStyleSheet(assets.theme())
    panel = OrdersPanel(worker, page_size=50)
    qtbot.addWidget(panel)
    panel.resize(1280, 800)
    panel.show()
    qtbot.waitExposed(panel)
    wait_loaded(qtbot, panel.model)
    qtbot.waitUntil(lambda: bool(panel.carrier_chips), timeout=10_000)
    return panel


def tap_row(qtbot, panel, row: int) -> None:
    rect = panel.view.visualRect(panel.model.index(row, NUMBER))
    qtbot.mouseClick(panel.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def test_a_tap_toggles_a_row_without_ctrl(qtbot, panel) -> None:
    model = panel.model
    tap_row(qtbot, panel, 0)
    tap_row(qtbot, panel, 2)
    qtbot.waitUntil(lambda: len(model.selected_numbers()) == 2, timeout=3000)
    assert model.selected_numbers() == (shown(model, 0), shown(model, 2))
    assert "2" in panel.selected_label.text() and panel.unselect_button.isEnabled()
    tap_row(qtbot, panel, 0)
    qtbot.waitUntil(lambda: len(model.selected_numbers()) == 1, timeout=3000)
    assert model.selected_numbers() == (shown(model, 2),)
    qtbot.mouseClick(panel.unselect_button, Qt.MouseButton.LeftButton)
    assert model.selected_numbers() == () and not panel.unselect_button.isEnabled()


def test_chips_and_debounced_search_filter_the_list(qtbot, panel, replica: str) -> None:
    model = panel.model
    with qtbot.waitSignal(model.counted, timeout=10_000):
        qtbot.mouseClick(panel.status_chips["exception"], Qt.MouseButton.LeftButton)
    exceptions = OrderFilter(statuses={"exception"})
    assert model.filter == exceptions
    assert [shown(model, r) for r in range(model.rowCount())] == expected_numbers(replica, exceptions)
    carrier = next(c for c in panel.carrier_chips if c)
    with qtbot.waitSignal(model.counted, timeout=10_000):
        qtbot.mouseClick(panel.carrier_chips[carrier], Qt.MouseButton.LeftButton)
    assert model.filter.carriers == {carrier}
    with qtbot.waitSignal(model.counted, timeout=10_000):
        qtbot.mouseClick(panel.priority_chips[1], Qt.MouseButton.LeftButton)
    assert model.filter.priority_min == 1

    qtbot.mouseClick(panel.clear_filters_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: model.rowCount() == 1000 and not model.loading, timeout=10_000)
    panel.search.setFocus()
    qtbot.keyClicks(panel.search, "helene")
    assert model.filter.text == ""  # not at every key: after a pause
    with qtbot.waitSignal(model.counted, timeout=10_000):
        pass
    assert model.filter.text == "helene"
    want = expected_numbers(replica, OrderFilter(text="hélène"))
    assert model.rowCount() == len(want) > 0
    assert all("Hélène" in model.data(model.index(r, COLUMNS.index("customer"))) for r in range(min(20, len(want))))


def test_the_list_is_touch_sized_and_flicks(panel) -> None:
    from PySide6.QtWidgets import QScroller

    assert panel.view.verticalHeader().defaultSectionSize() >= 48
    assert panel.view.font().pixelSize() >= 20 or panel.view.font().pointSizeF() >= 15
    for button in (*panel.status_chips.values(), *panel.carrier_chips.values(), *panel.priority_chips.values()):
        assert button.height() >= 48, button.text()
    assert panel.search.height() >= 48
    assert QScroller.hasScroller(panel.view.viewport())
    assert not panel.view.hasMouseTracking()


def test_one_hundred_thousand_orders(qtbot, qapp, tmp_path: Path) -> None:
    """The issue's case: the whole list, its last page by a jump of the scroll bar, and a filter."""
    from app.gui import assets
    from app.gui.console.orders_panel import OrdersPanel

    url = make_replica(tmp_path / "big.db", 100_000, seed=11)
    big = Worker("replica", lambda: ReplicaContext(url))
    try:
        qapp.setStyleSheet(assets.theme())
        panel = OrdersPanel(big)
        qtbot.addWidget(panel)
        panel.resize(1280, 800)
        panel.show()
        model = panel.model
        qtbot.waitUntil(lambda: model.rowCount() == 100_000 and not model.loading, timeout=20_000)
        panel.view.scrollToBottom()
        last = model.index(99_999, NUMBER)
        qtbot.waitUntil(lambda: model.data(last) != PLACEHOLDER, timeout=20_000)
        assert [shown(model, r) for r in range(99_900, 100_000)] == expected_numbers(url, OrderFilter(), offset=99_900)
        with qtbot.waitSignal(model.counted, timeout=20_000):
            qtbot.mouseClick(panel.status_chips["on_hold"], Qt.MouseButton.LeftButton)
        engine = make_engine(url)
        with session_factory(engine)() as session:
            assert model.rowCount() == count_orders(session, OrderFilter(statuses={"on_hold"})) > 1000
            assert session.scalar(select(Order.number).where(Order.status == "on_hold").order_by(
                Order.cutoff_at.asc().nulls_last(), Order.priority.desc(), Order.number).limit(1)) == shown(model, 0)
        engine.dispose()
        panel.close()
    finally:
        big.stop()


def test_pages_after_one_in_hand_come_by_keyset_and_match_offsets(qtbot, worker: Worker, replica: str, monkeypatch) -> None:
    from app.gui.console import orders_model
    from app.store import order_browser

    monkeypatch.setattr(orders_model, "KEYSET_FROM_ROW", 100)
    keysets: list[str] = []
    real_page = order_browser.page

    def recording_page(session, f, sort, offset, limit, after=None, total=None):
        if after is not None:
            keysets.append(after.number)
        return real_page(session, f, sort, offset, limit, after=after, total=total)

    monkeypatch.setattr(order_browser, "page", recording_page)
    model = OrdersModel(worker, page_size=50)
    with qtbot.waitSignal(model.counted, timeout=10_000):
        model.start()
    want = expected_numbers(replica, OrderFilter())
    for row in range(0, 1000, 50):  # scrolling down, page after page
        model.data(model.index(row, NUMBER))
        drain(qtbot, worker)
    assert [shown(model, r) for r in range(1000)] == want
    assert keysets == [want[n * 50 - 1] for n in range(2, 20)]  # pages 2.. started after the page before


def test_a_flick_scrolls_the_list_kinetically(qtbot, panel) -> None:
    """The view's scroller, grabbed for the left-button (and synthesised touch) gesture, moves
    the list and keeps it moving after the finger leaves. The input is fed to the scroller with
    its own timestamps: QTest's mouse events make its velocity depend on the machine's load."""
    from PySide6.QtCore import QPointF
    from PySide6.QtWidgets import QScroller

    viewport = panel.view.viewport()
    bar = panel.view.verticalScrollBar()
    assert QScroller.grabbedGesture(viewport) != Qt.GestureType.CustomGesture  # a gesture is grabbed
    scroller = QScroller.scroller(viewport)
    assert bar.value() == 0
    scroller.handleInput(QScroller.Input.InputPress, QPointF(300, 300), 0)
    for step in range(1, 20):  # dragged up 12 px every 10 ms
        scroller.handleInput(QScroller.Input.InputMove, QPointF(300, 300 - step * 12), step * 10)
    scroller.handleInput(QScroller.Input.InputRelease, QPointF(300, 72), 200)
    dragged = 19 * 12
    qtbot.waitUntil(lambda: bar.value() > dragged + 100, timeout=3000)  # it went on after the release
    qtbot.waitUntil(lambda: scroller.state() == QScroller.State.Inactive, timeout=10_000)
    assert panel.model.selected_numbers() == ()


def test_pages_flung_past_are_skipped_and_asked_again_when_back(qtbot, worker: Worker, replica: str) -> None:
    from app.gui.console.orders_jobs import RECENT_PAGES

    model = OrdersModel(worker, page_size=20)
    with qtbot.waitSignal(model.counted, timeout=10_000):
        model.start()
    gate = threading.Event()
    worker.submit(lambda _ctx: gate.wait(10))  # the worker busy while the list flies by
    for row in range(100, 1000, 20):  # pages 5 to 49, one per frame
        assert shown(model, row) == PLACEHOLDER
    gate.set()
    drain(qtbot, worker)
    assert sorted(model.cached_pages()) == [0, *range(50 - RECENT_PAGES, 50)]
    assert model.pages_pending == 0
    assert shown(model, 100) == PLACEHOLDER  # back to page 5: asked again, and it comes
    drain(qtbot, worker)
    assert shown(model, 100) == expected_numbers(replica, OrderFilter(), offset=100, limit=1)[0]


# --- fitting the console's column, in French ----------------------------------------------------------

from tests.gui.test_console_screen import console, stations  # noqa: E402,F401  (fixtures: the console at its Orders tab)


def test_in_french_at_1280x800_no_filter_text_is_cut_and_six_rows_show(qtbot, window, console) -> None:
    """The console's ~990 px column, French texts: every chip and button is as wide as its text asks,
    a touch target, and the table keeps at least six rows; the chips that do not fit flick into view."""
    from PySide6.QtWidgets import QPushButton, QScroller

    from app.gui.console.orders_panel import ROW_HEIGHT

    window.switch_language("fr")
    window.resize(1280, 800)
    panel = console.orders
    qtbot.waitUntil(lambda: panel.status_chips["awaiting_stock"].text() == "En attente de stock", timeout=5000)
    qtbot.waitUntil(lambda: bool(panel.carrier_chips), timeout=10_000)
    qtbot.wait(50)  # the layouts settle after the resize
    assert panel.width() <= 1000  # the column it is meant for, beside the people column

    buttons = [b for b in panel.findChildren(QPushButton) if b.isVisibleTo(panel)]
    assert len(buttons) >= len(panel.status_chips) + len(panel.priority_chips) + 2
    for button in buttons:
        text_width = button.fontMetrics().horizontalAdvance(button.text().replace("&&", "&"))
        assert button.sizeHint().width() >= text_width, button.text()
        assert button.width() >= button.sizeHint().width(), button.text()
        assert button.height() >= 48, button.text()

    assert panel.view.viewport().height() >= 6 * ROW_HEIGHT
    assert QScroller.hasScroller(panel.chip_strip.viewport())

    # The last chip of the strip, out of sight at first, is brought into view and tapped.
    last = panel.priority_chips[3]
    panel.chip_strip.ensureWidgetVisible(last)
    strip_viewport = panel.chip_strip.viewport()
    shown_at = last.mapTo(strip_viewport, last.rect().center())
    assert strip_viewport.rect().contains(shown_at)
    with qtbot.waitSignal(panel.model.modelReset, timeout=5000):
        qtbot.mouseClick(last, Qt.MouseButton.LeftButton)
    assert panel.current_filter().priority_min == 3


def test_the_chip_strip_flicks_sideways_without_toggling_a_chip(qtbot, panel) -> None:
    """A sideways drag over the chips scrolls the strip (fed to its scroller with its own
    timestamps, as above) and leaves every filter as it was."""
    from PySide6.QtCore import QPointF
    from PySide6.QtWidgets import QScroller

    panel.resize(990, 560)
    qtbot.waitUntil(lambda: panel.chip_strip.horizontalScrollBar().maximum() > 0, timeout=3000)
    bar = panel.chip_strip.horizontalScrollBar()
    scroller = QScroller.scroller(panel.chip_strip.viewport())
    before = panel.current_filter()
    assert bar.value() == 0
    scroller.handleInput(QScroller.Input.InputPress, QPointF(400, 20), 0)
    for step in range(1, 20):  # dragged left 12 px every 10 ms
        scroller.handleInput(QScroller.Input.InputMove, QPointF(400 - step * 12, 20), step * 10)
    scroller.handleInput(QScroller.Input.InputRelease, QPointF(172, 20), 200)
    qtbot.waitUntil(lambda: bar.value() > 19 * 12, timeout=3000)
    qtbot.waitUntil(lambda: scroller.state() == QScroller.State.Inactive, timeout=10_000)
    assert panel.current_filter() == before


# --- the warehouse's clock ---------------------------------------------------------------------------

def test_cutoffs_show_the_warehouse_clock_whatever_the_machine_zone(qtbot, panel) -> None:
    """The overview and the KPIs read Paris time; so does the table, also on a machine set to UTC
    (as this one may well be): an order due at 17:00 in the warehouse reads 17:00 on every tab."""
    from datetime import UTC, datetime

    from app.gui.console.orders_columns import cutoff_text
    from app.packing.cutoffs import PARIS

    model = panel.model
    cutoff = COLUMNS.index("cutoff")
    checked = 0
    for row in range(min(model.rowCount(), 30)):
        order = model.order_at(row)
        if order is None or order.cutoff_at is None:
            continue
        text = model.data(model.index(row, cutoff))
        assert order.cutoff_at.astimezone(PARIS).strftime("%H:%M") in text, (text, order.cutoff_at)
        checked += 1
    assert checked >= 10

    winter_now = datetime(2026, 11, 24, 12, 0, tzinfo=UTC)  # 13:00 in Paris (UTC+1)
    assert cutoff_text(datetime(2026, 11, 24, 16, 0, tzinfo=UTC), winter_now).endswith(" 17:00")
    assert cutoff_text(datetime(2026, 11, 24, 16, 0, tzinfo=UTC), winter_now) == cutoff_text(
        datetime(2026, 11, 24, 17, 0, tzinfo=PARIS), winter_now)
    # 23:30 UTC is already tomorrow, 00:30, in Paris: not "today", and the date says the 25th.
    late = cutoff_text(datetime(2026, 11, 24, 23, 30, tzinfo=UTC), winter_now)
    assert late.endswith("25 nov. 00:30") or late.endswith("25 Nov 00:30"), late
    summer = cutoff_text(datetime(2026, 7, 1, 8, 0, tzinfo=UTC), datetime(2026, 7, 1, 6, 0, tzinfo=UTC))
    assert summer.endswith(" 10:00"), summer  # UTC+2 in summer
    assert cutoff_text(datetime(2026, 7, 1, 8, 0), datetime(2026, 7, 1, 6, 0, tzinfo=UTC)) == summer  # naive: UTC
