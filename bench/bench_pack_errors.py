"""Packing: issue 7's error-injection simulation, its counts per error kind, and the time per order.

A seeded stream of generated orders (tests/support/pack_simulation.py says how the orders,
the errors and the careful packer are simulated) is packed through app.packing.plan and
app.packing.session with real scans (app.scanning.classify) and MT-SICS scale lines; about
``--error-rate`` of the orders get one injected error. For each kind: how many were
injected, how many caught before a label and by what (the first refusal: a scan or a keyed
quantity refused, the weight out of tolerance, the close refused with units unverified), how
the pack ended (closed once corrected, or the tote sent back), and how many escaped. Then the
false blocks (clean orders that did not close on their own, raised an alarm or needed a
supervisor), and the time per order (building the plan and running the session; no GUI, no
database).

    .venv/bin/python bench/bench_pack_errors.py [--seed 7] [--orders 600] [--error-rate 0.4]
"""

from __future__ import annotations

import argparse
import statistics
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tests.support.pack_simulation import ERROR_KINDS, run_simulation  # noqa: E402


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--orders", type=int, default=600)
    parser.add_argument("--error-rate", type=float, default=0.4)
    args = parser.parse_args()
    report = run_simulation(seed=args.seed, orders=args.orders, error_rate=args.error_rate)
    results = report.results
    escaped = {r.number for r in report.escaped()}
    print(f"packing error injection: seed {args.seed}, {len(results)} orders, "
          f"{sum(1 for r in results if r.injected)} with an injected error")
    header = f"{'error':<16}{'injected':>9}{'caught':>8}{'by scan':>9}{'by weight':>11}{'by verif.':>11}" \
             f"{'closed':>8}{'tote back':>11}{'escaped':>9}"
    print(header)
    print("-" * len(header))
    totals = Counter()
    for kind in ERROR_KINDS:
        of_kind = report.of(kind)
        first = Counter(r.caught_by[0] for r in of_kind if r.caught)
        row = Counter(injected=len(of_kind), caught=sum(r.caught for r in of_kind), scan=first["scan"],
                      weight=first["weight"], verification=first["verification"],
                      closed=sum(r.ended == "closed" for r in of_kind),
                      cancelled=sum(r.ended == "cancelled" for r in of_kind),
                      escaped=sum(r.number in escaped for r in of_kind))
        totals.update(row)
        print(f"{kind:<16}{row['injected']:>9}{row['caught']:>8}{row['scan']:>9}{row['weight']:>11}"
              f"{row['verification']:>11}{row['closed']:>8}{row['cancelled']:>11}{row['escaped']:>9}")
    print("-" * len(header))
    print(f"{'all':<16}{totals['injected']:>9}{totals['caught']:>8}{totals['scan']:>9}{totals['weight']:>11}"
          f"{totals['verification']:>11}{totals['closed']:>8}{totals['cancelled']:>11}{totals['escaped']:>9}")
    also = Counter(code for r in results if r.injected for code in r.catches)
    print("refusals on error orders: " + ", ".join(f"{code} {n}" for code, n in also.most_common()))
    clean = report.of(None)
    blocked = report.blocked()
    print(f"clean orders: {len(clean)}, closed {sum(r.ended == 'closed' for r in clean)}, "
          f"false blocks {len(blocked)} (alarms {sum(bool(r.false_alarms) for r in clean)}, "
          f"overrides {sum(r.overrides for r in clean)})")
    ms = [r.seconds * 1000 for r in results]
    print(f"time per order (plan + session, {len(ms)} orders): mean {statistics.fmean(ms):.2f} ms, "
          f"p50 {percentile(ms, 50):.2f} ms, p95 {percentile(ms, 95):.2f} ms, max {max(ms):.2f} ms; "
          f"actions per order: mean {statistics.fmean(r.actions for r in results):.1f}, max {max(r.actions for r in results)}")
    print(f"whole run: {report.seconds:.2f} s")


if __name__ == "__main__":
    main()
