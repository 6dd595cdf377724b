"""The console's live overview: from a change on the central PostgreSQL to the overview recomputed on screen.

On a scratch database (created and dropped here) with ``--orders`` generated orders
(tests.support.many_orders) and its change capture, a supervisor console is set up as the
station's window sets it up, without the window: a central worker (app.gui.queries.
CentralContext: sync cycles, and the LISTEN wake-up), a replica worker (ReplicaContext), and
the panel (app.gui.console.overview_panel.OverviewPanel) following "the replica changed".
The chain measured is the real one:

    UPDATE orders … COMMIT (another connection)  ->  NOTIFY quai_changes  ->  listener thread
    ->  GUI thread: a sync cycle on the central worker (push, pull)  ->  rows pulled
    ->  GUI thread: replica_changed  ->  LiveQuery: floor_overview on the replica worker
    ->  GUI thread: the panel shows the new counts

Another thread puts ``--changes`` orders on hold one by one (``--gap`` seconds apart), noting
``time.perf_counter()`` after each commit; the GUI thread notes the time when the panel
shows an overview whose on_hold count includes that change. Printed: p50, p95 and max of
the whole chain, and of its parts (commit -> rows in the replica, -> overview shown).
Goal: within 1 s.

    .venv/bin/python bench/bench_console_live.py [--orders 100000] [--changes 50] [--gap 0.3]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import threading
import time
import uuid
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def summary(values: list[float]) -> str:
    ordered = sorted(values)
    p95 = ordered[max(0, round(0.95 * len(ordered)) - 1)]
    return f"p50 {statistics.median(ordered):.0f} ms, p95 {p95:.0f} ms, max {ordered[-1]:.0f} ms (n={len(ordered)})"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--orders", type=int, default=100_000)
    parser.add_argument("--changes", type=int, default=50)
    parser.add_argument("--gap", type=float, default=0.3, help="seconds between two central changes")
    args = parser.parse_args()

    import psycopg
    from PySide6.QtCore import QObject, Signal
    from PySide6.QtWidgets import QApplication
    from sqlalchemy import select
    from sqlalchemy.engine import make_url

    from app.gui.console.overview_panel import OverviewPanel
    from app.gui.queries import CentralContext, ReplicaContext
    from app.gui.workers import Worker
    from app.store.db import make_engine, sqlite_url
    from app.store.migrate import upgrade
    from app.store.models import Order
    from app.sync.capture import prepare_central
    from tests.support.many_orders import add_orders

    admin_url = os.environ.get("QUAI_TEST_PG", "postgresql://postgres@127.0.0.1:5432/postgres")
    name = f"quai_bench_live_{uuid.uuid4().hex[:8]}"
    with psycopg.connect(admin_url, autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    url = make_url(admin_url).set(database=name).render_as_string(hide_password=False)
    workdir = Path(tempfile.mkdtemp(prefix="quai-bench-live-"))
    app = QApplication.instance() or QApplication([])
    central = replica = None
    try:
        engine = make_engine(url)
        prepare_central(engine)
        began = time.perf_counter()
        add_orders(engine, args.orders, seed=1)
        with engine.begin() as connection:
            connection.exec_driver_sql("ANALYZE orders")
            connection.exec_driver_sql("ANALYZE order_lines")
        with engine.connect() as connection:
            targets = list(connection.execute(
                select(Order.id).where(Order.status == "new").order_by(Order.id).limit(args.changes)).scalars())
        engine.dispose()
        print(f"central: {args.orders} orders on PostgreSQL in {time.perf_counter() - began:.1f} s ({name})")

        replica_url = sqlite_url(workdir / "console.db")
        upgrade(make_engine(replica_url))
        central = Worker("central", lambda: CentralContext(url, replica_url))
        replica = Worker("replica", lambda: ReplicaContext(replica_url))
        station = "SUP-BENCH"

        class Bridge(QObject):
            woken = Signal()
            replica_changed = Signal()

        bridge = Bridge()
        syncing = {"busy": False, "again": False}
        pulled_at: list[tuple[float, int]] = []  # (time, rows) of each sync that pulled rows

        def sync() -> None:  # GUI thread, as MainWindow.push_now: one cycle at a time
            if syncing["busy"]:
                syncing["again"] = True
                return
            syncing["busy"], syncing["again"] = True, False
            central.submit(lambda ctx: ctx.sync(station), synced, failed)

        def synced(report) -> None:
            syncing["busy"] = False
            if report.pulled:
                pulled_at.append((time.perf_counter(), report.pulled))
                bridge.replica_changed.emit()
            if syncing["again"]:
                sync()

        def failed(error: Exception) -> None:
            syncing["busy"] = False
            print("sync failed:", error)

        bridge.woken.connect(sync)
        began = time.perf_counter()
        done = threading.Event()
        central.submit(lambda ctx: ctx.sync(station), lambda _r: done.set(), lambda e: (print(e), done.set()))
        while not done.is_set():
            app.processEvents()
            time.sleep(0.01)
        print(f"console replica: first pull (a snapshot) in {time.perf_counter() - began:.1f} s")
        central.submit(lambda ctx: ctx.listen(bridge.woken.emit))

        panel = OverviewPanel(replica, None)
        panel.resize(1920, 1080)
        panel.show()
        panel.follow(bridge.replica_changed)
        shown: list[tuple[float, int]] = []  # (time, on_hold count) of each overview shown
        panel.overview_query.ready.connect(lambda o: shown.append((time.perf_counter(), o.counts.get("on_hold", 0))))
        panel.refresh()
        while not shown:
            app.processEvents()
            time.sleep(0.005)
        base = shown[-1][1]
        compute: list[float] = []
        for _ in range(5):  # what one overview costs on this replica, alone
            t = time.perf_counter()
            panel.refresh()
            count = len(shown)
            while len(shown) == count:
                app.processEvents()
                time.sleep(0.001)
            compute.append(1000 * (time.perf_counter() - t))
        print(f"overview read and shown alone: {summary(compute)}")
        time.sleep(1.0)  # the listener is up

        committed: list[float] = []

        def change() -> None:
            with psycopg.connect(url.replace("postgresql+psycopg://", "postgresql://"), autocommit=True) as conn:
                for order_id in targets:
                    conn.execute("UPDATE orders SET status = 'on_hold', resume_status = 'new', "
                                 "hold_reason = 'bench' WHERE id = %s", (order_id,))
                    committed.append(time.perf_counter())
                    time.sleep(args.gap)

        writer = threading.Thread(target=change)
        writer.start()
        deadline = time.perf_counter() + args.changes * args.gap + 30
        while (writer.is_alive() or not shown or shown[-1][1] < base + len(targets)) and time.perf_counter() < deadline:
            app.processEvents()
            time.sleep(0.001)
        writer.join()

        total, to_replica = [], []
        for i, at in enumerate(committed):
            seen = next((t for t, n in shown if t >= at and n >= base + i + 1), None)
            pulled = next((t for t, _rows in pulled_at if t >= at), None)
            if seen is not None:
                total.append(1000 * (seen - at))
            if pulled is not None and seen is not None and pulled <= seen:
                to_replica.append(1000 * (pulled - at))
        missing = len(committed) - len(total)
        print(f"commit -> rows in the console's replica (sync cycle answered): {summary(to_replica)}")
        print(f"commit -> overview recomputed and shown: {summary(total)}"
              + (f"; {missing} never shown" if missing else ""))
        print(f"syncs that pulled rows: {len(pulled_at)}, overviews shown: {len(shown)}, "
              f"overview reads: {panel.overview_query.reads}")
        panel.close()
    finally:
        for worker in (central, replica):
            if worker is not None:
                worker.stop(10000)
        with psycopg.connect(admin_url, autocommit=True) as admin:
            admin.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = %s", (name,))
            admin.execute(f'DROP DATABASE IF EXISTS "{name}"')


if __name__ == "__main__":
    main()
