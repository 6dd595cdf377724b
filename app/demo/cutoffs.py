"""The demo's carrier pickups, from which each order's cutoff is set.

The importer does not compute cutoffs (a shop's export has none), so the demo
gives every order the next truck of its carrier, the way a warehouse plans its
day: what arrived since the last pickups is due at today's pickup, what
arrives after a carrier's truck has left is due at the next working day's.
This is demo data, not the carrier rules of a real site.
"""

from __future__ import annotations

from datetime import datetime, time, timedelta

from app.packing.cutoffs import PARIS, cutoff_for as packing_cutoff

__all__ = ["PARIS", "PICKUPS", "cutoff_for", "pickup_for"]

SHIFT_START = time(7, 0)
#: Daily pickup (Paris time) per carrier; click & collect: ready in the shop by the evening.
PICKUPS: dict[str | None, time] = {
    "chronopost": time(13, 0),
    "mondial_relay": time(14, 0),
    "colissimo": time(16, 0),
    "click_collect": time(18, 0),
    None: time(16, 0),
}
#: Packing must end before the truck arrives.
PACKING_MARGIN = timedelta(minutes=30)


def pickup_for(carrier: str | None, created_at: datetime, now: datetime) -> datetime:
    """The pickup an order must make: the first one after it arrived, but not before today's shift.

    Orders from before today's shift (yesterday evening, the weekend) all count
    from this morning: the floor did not work overnight, they are today's work.
    The rule is app.packing.cutoffs', on the demo's truck times (weekends only off).
    """
    return packing_cutoff(carrier, created_at, now, PICKUPS, shift_start=SHIFT_START, holidays="none")


def cutoff_for(carrier: str | None, created_at: datetime, now: datetime) -> datetime:
    return pickup_for(carrier, created_at, now) - PACKING_MARGIN
