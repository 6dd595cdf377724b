"""The console's order list over 100,000 orders: open to first paint, a filter to its rows on screen.

A SQLite replica of 100,000 orders (tests/support/many_orders.py, seeded: ~205,000 lines,
62 % shipped, the rest spread over the floor's statuses), the real OrdersPanel, offscreen,
with the real worker thread over app.gui.queries.ReplicaContext. Figures, each over several
runs, p50 and p95:

1. open, cold: a new worker (its thread, the engine, the first connection) and a new panel,
   from the panel's creation to the end of the table's first paint that shows the first
   page. Goal: at most 1 s.
2. open, warm: the same with the station's replica worker already running (what the
   console does: the worker exists before the supervisor opens the list).
3. filter: from a tap on a chip (status, carrier, priority) to the end of the first paint
   showing the new filter's rows. Goal: at most 100 ms.
4. text search: the same from the moment the debounce fires (typing waits 150 ms before).
5. jump: the scroll bar dragged to row 90,000 (or to the end of a filtered list), to the
   paint showing those rows.

    .venv/bin/python bench/bench_console_orders.py [--orders 100000] [--runs 7] [--postgres]

``--postgres`` runs 2 to 5 again on a scratch PostgreSQL database (127.0.0.1:5432 or
QUAI_TEST_PG), filled with COPY, the model's worker reading it instead of the replica.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
import uuid
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QUAI_SILENT", "1")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from PySide6.QtCore import QEvent, QObject, Qt  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

CHIP_FILTERS = [
    ("status", "new"), ("status", "picking"), ("status", "exception"), ("status", "shipped"),
    ("carrier", "colissimo"), ("carrier", "chronopost"), ("priority", 2), ("priority", None),
    ("status", "on_hold"), ("carrier", "mondial_relay"),
]
TEXTS = ["hélène", "besancon", "#1543", "zoe.muller", "saint-etienne", "lefèvre"]


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


def summary(values: list[float]) -> str:
    return (f"p50 {statistics.median(values):7.1f} ms   p95 {percentile(values, 95):7.1f} ms   "
            f"max {max(values):7.1f} ms   (n={len(values)})")


class PaintWatch(QObject):
    """Notes each paint of the table's viewport, and whether the rows it shows are loaded."""

    def __init__(self, panel) -> None:
        super().__init__()
        self.panel = panel
        self.painted_loaded = False
        panel.view.viewport().installEventFilter(self)

    def eventFilter(self, watched, event) -> bool:
        if event.type() == QEvent.Type.Paint:
            model = self.panel.model
            top = self.panel.view.rowAt(0)
            if not model.loading and (model.rowCount() == 0 or (top >= 0 and model.order_at(top) is not None)):
                self.painted_loaded = True
        return False


def wait(app: QApplication, condition, timeout: float = 30.0) -> None:
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        app.processEvents()  # a paint delivered here has finished when this returns
        if condition():
            return
        time.sleep(0.0002)
    raise SystemExit("bench: timed out")


def make_replica(orders: int) -> str:
    from app.store.db import make_engine, sqlite_url
    from app.store.migrate import upgrade
    from tests.support.many_orders import add_orders

    path = Path(tempfile.mkdtemp(prefix="quai-bench-console-")) / "replica.db"
    url = sqlite_url(path)
    engine = make_engine(url)
    upgrade(engine)
    began = time.perf_counter()
    generated = add_orders(engine, orders, seed=1)
    print(f"replica: {generated.orders} orders, {generated.lines} lines written in "
          f"{time.perf_counter() - began:.1f} s ({path})")
    engine.dispose()
    return url


def open_panel(app: QApplication, worker):
    from app.gui.console.orders_panel import OrdersPanel

    began = time.perf_counter()
    panel = OrdersPanel(worker)
    panel.resize(1920, 1080)
    watch = PaintWatch(panel)
    panel.show()
    wait(app, lambda: watch.painted_loaded)
    return panel, watch, 1000 * (time.perf_counter() - began)


def apply_and_wait(app: QApplication, panel, watch, action) -> float:
    watch.painted_loaded = False
    before = panel.model.filter
    began = time.perf_counter()
    action()
    wait(app, lambda: panel.model.filter != before and watch.painted_loaded)
    return 1000 * (time.perf_counter() - began)


def tap_chip(panel, kind: str, value):
    chips = {"status": panel.status_chips, "carrier": panel.carrier_chips, "priority": panel.priority_chips}[kind]
    button = chips[value]
    return lambda: button.setChecked(not button.isChecked()) if kind != "priority" else button.setChecked(True)


def measure_use(app: QApplication, worker, runs: int, label: str) -> None:
    from app.store.order_browser import OrderFilter

    opened = []
    for _ in range(runs):
        panel, watch, ms = open_panel(app, worker)
        opened.append(ms)
        panel.close()
        panel.deleteLater()
        app.processEvents()
    print(f"2. open, warm worker ({label}):      {summary(opened)}")

    panel, watch, _ = open_panel(app, worker)
    wait(app, lambda: bool(panel.carrier_chips))
    chip_ms: list[float] = []
    for _ in range(max(1, runs // 3)):
        for kind, value in CHIP_FILTERS:
            chip_ms.append(apply_and_wait(app, panel, watch, tap_chip(panel, kind, value)))
        panel.clear_filters()
        wait(app, lambda: panel.model.filter == OrderFilter() and not panel.model.loading)
    print(f"3. filter by chip ({label}):         {summary(chip_ms)}")

    text_ms: list[float] = []
    for _ in range(max(1, runs // 3)):
        for term in TEXTS:
            def typed(term=term):
                panel.search.blockSignals(True)
                panel.search.setText(term)
                panel.search.blockSignals(False)
                panel._debounce.timeout.emit()  # the debounce firing, without its 150 ms wait
            text_ms.append(apply_and_wait(app, panel, watch, typed))
    print(f"4. text search ({label}):            {summary(text_ms)}  (plus the 150 ms debounce)")
    panel.clear_filters()
    wait(app, lambda: panel.model.filter == OrderFilter() and not panel.model.loading)

    jump_ms: list[float] = []
    for target in (90_000, 45_000, 99_000, 10_000, 70_000, 30_000, 60_000):
        target = min(target, panel.model.rowCount() - 1)
        watch.painted_loaded = False
        began = time.perf_counter()
        panel.view.scrollTo(panel.model.index(target, 1), panel.view.ScrollHint.PositionAtTop)
        wait(app, lambda: watch.painted_loaded and panel.model.order_at(panel.view.rowAt(0)) is not None)
        jump_ms.append(1000 * (time.perf_counter() - began))
    print(f"5. jump deep into the list ({label}): {summary(jump_ms)}")
    panel.close()


def postgres_url(orders: int) -> tuple[str, str]:
    import psycopg
    from sqlalchemy.engine import make_url

    from app.store.db import make_engine
    from app.store.migrate import upgrade
    from tests.support.many_orders import add_orders

    admin_url = os.environ.get("QUAI_TEST_PG", "postgresql://postgres@127.0.0.1:5432/postgres")
    name = f"quai_bench_{uuid.uuid4().hex[:8]}"
    with psycopg.connect(admin_url, autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    url = make_url(admin_url).set(database=name).render_as_string(hide_password=False)
    engine = make_engine(url)
    upgrade(engine)
    began = time.perf_counter()
    add_orders(engine, orders, seed=1)
    with engine.begin() as connection:
        connection.exec_driver_sql("ANALYZE orders")
        connection.exec_driver_sql("ANALYZE order_lines")
    print(f"postgresql: {orders} orders written by COPY in {time.perf_counter() - began:.1f} s ({name})")
    engine.dispose()
    return url, name


def drop_postgres(name: str) -> None:
    import psycopg

    admin_url = os.environ.get("QUAI_TEST_PG", "postgresql://postgres@127.0.0.1:5432/postgres")
    with psycopg.connect(admin_url, autocommit=True) as admin:
        admin.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = %s", (name,))
        admin.execute(f'DROP DATABASE IF EXISTS "{name}"')


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--orders", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--postgres", action="store_true")
    args = parser.parse_args()

    from app.gui import assets
    from app.gui.queries import ReplicaContext
    from app.gui.workers import Worker

    url = make_replica(args.orders)
    app = QApplication(sys.argv[:1])
    app.setStyleSheet(assets.theme())
    app.setAttribute(Qt.ApplicationAttribute.AA_DontCreateNativeWidgetSiblings)

    cold: list[float] = []
    for _ in range(args.runs):
        began = time.perf_counter()
        worker = Worker("replica", lambda: ReplicaContext(url))
        panel, _watch, _ms = open_panel(app, worker)
        cold.append(1000 * (time.perf_counter() - began))
        panel.close()
        panel.deleteLater()
        app.processEvents()
        worker.stop()
    print(f"1. open, cold worker (sqlite):       {summary(cold)}  (the first run imports SQLAlchemy)")

    worker = Worker("replica", lambda: ReplicaContext(url))
    measure_use(app, worker, args.runs, "sqlite")
    worker.stop()

    if args.postgres:
        pg_url, name = postgres_url(args.orders)
        try:
            worker = Worker("central", lambda: ReplicaContext(pg_url))
            measure_use(app, worker, args.runs, "postgresql")
            worker.stop()
        finally:
            drop_postgres(name)


if __name__ == "__main__":
    main()
