"""Picking: scans and taps per order against the minimum, and the station's time per scan.

1. Interactions (app.picking alone, no GUI): a generated warehouse (300 locations in route
   order, 120 products of which a fifth tracked by lot, stock spread over one to three
   locations each) and 200 orders of 1 to 6 lines, mostly 1 to 3 units, a few large lines
   (6 to 12). A careful picker walks every order, single-order mode and batches of 6, and
   every scan or tap is counted: scanning every unit, then keying the quantity in on large
   lines (a tap on "Key in quantity", one per digit, one on OK). The yardstick is the
   issue's: one scan per location visited plus one per unit (app.picking.route.
   minimum_interactions); batch picking adds, by design, a tote scan per stop and one per
   tote bound, printed beside it.
2. Time per scan at the station (offscreen Qt, the real main window, replica and embedded
   central on this machine's disk): 30 orders picked with scans through the station's scan
   router; for each scan, from the router receiving it to the feedback painted, the scan's
   events committed durably in between (SQLite, synchronous=FULL), and the GUI thread's own
   busy time (typing the scan, the session's step, the copy kept for a failed write, the
   repaint of the flash and of the screen).

    .venv/bin/python bench/bench_picking.py [--orders 200] [--gui-orders 30]
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QUAI_SILENT", "1")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from app.domain.gtin import make_gtin13  # noqa: E402
from app.picking.route import LineToPick, ProductInfo, StockSlot, build_route, minimum_interactions  # noqa: E402
from app.picking.session import PickSession  # noqa: E402
from app.scanning.classify import classify  # noqa: E402

TODAY = date(2026, 11, 24)


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


def warehouse(seed: int, orders: int):
    rng = random.Random(seed)
    locations = [(f"{'ABCDEF'[i // 50]}-{i % 50 // 5 + 1:02d}-{i % 5 + 1:02d}-1", 10 * (i + 1)) for i in range(300)]
    products: dict[str, ProductInfo] = {}
    stock: list[StockSlot] = []
    for n in range(120):
        sku = f"SKU-{n:03d}"
        lot = n % 5 == 0
        products[sku] = ProductInfo(sku, f"Produit {n}", None, lot, (make_gtin13(f"3760{n:08d}").zfill(14),))
        for k in range(rng.randint(1, 3)):
            code, seq = rng.choice(locations)
            expiry = TODAY + timedelta(days=rng.randint(20, 400)) if lot else None
            stock.append(StockSlot(sku, code, seq, rng.randint(10, 80), f"L{n}{k}" if lot else "", expiry))
    stock.sort(key=lambda s: (s.sequence, s.location))
    lines_by_order: list[list[LineToPick]] = []
    line_id = 0
    for o in range(orders):
        lines = []
        for no, sku in enumerate(rng.sample(sorted(products), rng.randint(1, 6)), start=1):
            line_id += 1
            quantity = rng.randint(6, 12) if rng.random() < 0.08 else rng.randint(1, 3)
            lines.append(LineToPick(f"#{5000 + o}", line_id, no, sku, products[sku].name, quantity))
        lines_by_order.append(lines)
    return products, stock, lines_by_order


def right_scan(session: PickSession, products, lots) -> str:
    view = session.view()
    if str(view.step) == "bind_totes":
        return f"TOT{view.bind_order.strip('#')}"
    task = view.task
    if str(view.step) == "location":
        return task.location
    if str(view.step) == "tote" and task.remaining == 0:
        return task.tote
    gtin = products[task.sku].gtins[0]
    if products[task.sku].lot_tracked:
        lot, expiry = lots[(task.sku, task.location)]
        return f"(01){gtin}(17){expiry:%y%m%d}(10){lot}"
    return gtin


def walk(session: PickSession, products, lots, keypad: bool) -> tuple[int, int]:
    scans = taps = 0
    while str(session.view().step) != "done":
        if keypad and session.quantity_entry_available() and session.view().task.remaining > 1:
            n = session.view().task.remaining
            outcome = session.confirm_quantity(n)
            taps += 2 + len(str(n))  # "Key in quantity", the digits, OK
        else:
            outcome = session.handle(classify(right_scan(session, products, lots)))
            scans += 1
        assert outcome.ok, outcome
    return scans, taps


def interactions(orders: int) -> None:
    products, stock, lines_by_order = warehouse(7, orders)
    lots = {(s.sku, s.location): (s.lot, s.expiry) for s in stock if s.lot}
    print(f"1. interactions: {orders} orders, {sum(len(o) for o in lines_by_order)} lines, "
          f"{sum(l.quantity_left for o in lines_by_order for l in o)} units")
    for mode, batch in (("single order", 1), ("batches of 6", 6)):
        for keypad in (False, True):
            minimum = bare = done = taps_total = 0
            per_order = []
            for i in range(0, len(lines_by_order), batch):
                group = [line for order in lines_by_order[i:i + batch] for line in order]
                route = build_route(group, products, stock, TODAY)
                session, _ = PickSession.start(route, today=TODAY, batch=batch > 1)
                scans, taps = walk(session, products, lots, keypad)
                least = minimum_interactions(route, batch=batch > 1)
                minimum += least
                bare += minimum_interactions(route)  # the yardstick: locations + units, no totes
                done += scans + taps
                taps_total += taps
                per_order.append((scans + taps) / len(lines_by_order[i:i + batch]))
            how = "large lines keyed in" if keypad else "every unit scanned"
            print(f"   {mode:>12}, {how:<21}: {done / orders:5.2f} scans+taps per order "
                  f"(taps {taps_total / orders:4.2f}); minimum {bare / orders:5.2f} (locations + units), "
                  f"ratio {done / bare:.3f}" + (f"; with the tote scans {minimum / orders:5.2f}" if batch > 1 else ""))


def gui_timing(orders: int) -> None:
    from PySide6.QtWidgets import QApplication

    from app.config import PickingSettings, StationConfig
    from app.gui import assets
    from app.gui.main_window import MainWindow
    from app.gui.services import StationServices
    from app.store.db import make_engine, session_factory, sqlite_url, transaction
    from app.store.models import Location, Order, OrderLine, Product, ProductGtin, Stock, User
    from app.sync.capture import prepare_central

    products, stock, lines_by_order = warehouse(11, orders)
    tmp = Path(tempfile.mkdtemp(prefix="quai-bench-pick-"))
    urls = [sqlite_url(tmp / "central.db"), sqlite_url(tmp / "station.db")]
    for url in urls:
        from app.store.migrate import upgrade

        engine = make_engine(url)
        upgrade(engine)
        with transaction(session_factory(engine)) as session:
            session.add(User(name="Bench Picker", badge="BDG0001", roles="picker"))
            locs = {}
            for slot in stock:
                if slot.location not in locs:
                    code = slot.location
                    locs[code] = Location(code=code, zone=code[0], aisle=code[2:4], bay=code[5:7], level="1",
                                          pick_sequence=slot.sequence)
                    session.add(locs[code])
            prods = {}
            for sku, info in products.items():
                prods[sku] = Product(sku=sku, name=info.name, lot_tracked=info.lot_tracked)
                prods[sku].gtins = [ProductGtin(gtin=g) for g in info.gtins]
                session.add(prods[sku])
            session.flush()
            for slot in stock:
                session.add(Stock(product_id=prods[slot.sku].id, location_id=locs[slot.location].id,
                                  quantity=slot.quantity, lot=slot.lot, expiry=slot.expiry))
            for i, lines in enumerate(lines_by_order):
                order = Order(number=lines[0].order, status="new", priority=orders - i)
                order.lines = [OrderLine(line_no=l.line_no, sku=l.sku, name=l.name, quantity=l.quantity_left) for l in lines]
                session.add(order)
        if url == urls[0]:
            prepare_central(engine)
        engine.dispose()
    lots = {(s.sku, s.location): (s.lot, s.expiry) for s in stock if s.lot}

    app = QApplication(sys.argv[:1])
    app.setStyleSheet(assets.theme())
    config = StationConfig(name="BENCH-01", kind="picking", language="fr", central_url=urls[0], local_url=urls[1],
                           picking=PickingSettings(batch_size=1))
    services = StationServices.create(config)
    services.language.switch("fr")
    window = MainWindow(config, services)
    window.resize(1280, 800)
    window.show()

    def wait(condition, timeout=10.0):
        end = time.monotonic() + timeout
        while time.monotonic() < end:
            app.processEvents()
            if condition():
                return
            time.sleep(0.0005)
        raise SystemExit("bench: timed out")

    window.scan_router.route("BDG0001")
    wait(lambda: window.session.logged_in)
    controller = window.picking.controller
    feedback_ms: list[float] = []
    busy_ms: list[float] = []
    accepted = controller._accepted

    def timed_accepted(outcome):  # the GUI thread's part after the commit: feedback and render
        began = time.perf_counter()
        accepted(outcome)
        timed_accepted.last = time.perf_counter() - began

    timed_accepted.last = 0.0
    controller._accepted = timed_accepted
    for _ in range(orders):
        window.picking.next_work()
        wait(lambda: controller.session is not None and not controller.claiming)
        session = controller.session
        while str(session.view().step) != "done":
            text = right_scan(session, products, lots)
            timed_accepted.last = 0.0
            began = time.perf_counter()
            window.scan_router.route(text)
            sync = time.perf_counter() - began
            wait(lambda: not controller._writing)
            app.processEvents()
            feedback_ms.append(1000 * (time.perf_counter() - began) if timed_accepted.last else 1000 * sync)
            busy_ms.append(1000 * (sync + timed_accepted.last))
            session = controller.session
        controller.finish()
    print(f"2. station, offscreen: {len(feedback_ms)} scans over {orders} orders (replica on {tmp})")
    print(f"   scan -> committed -> feedback painted: p50 {statistics.median(feedback_ms):.2f} ms, "
          f"p99 {percentile(feedback_ms, 99):.2f} ms, max {max(feedback_ms):.2f} ms")
    print(f"   GUI thread busy per scan:              p50 {statistics.median(busy_ms):.2f} ms, "
          f"p99 {percentile(busy_ms, 99):.2f} ms, max {max(busy_ms):.2f} ms")
    window.close()
    services.shutdown()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--orders", type=int, default=200)
    parser.add_argument("--gui-orders", type=int, default=30)
    args = parser.parse_args()
    interactions(args.orders)
    gui_timing(args.gui_orders)


if __name__ == "__main__":
    main()
