"""Each carrier's cutoff as the supervisor's overview shows it (app.store.overview). No Qt.

A tile per carrier: its next cutoff, or today's once passed while orders of its are still
late, with how many of its orders are not ready to ship. The site's rules
(``CutoffRules``) come from the station file's ``[carriers]`` (app.config_packing).

Threading: plain functions over a Session, for a worker thread; frozen results.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime, time
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.packing.cutoffs import (
    DEFAULT_CUTOFFS, PARIS, SHIFT_START, CutoffTable, cutoff_for, is_working_day, minutes_to_cutoff,
)
from app.store.models import Order

#: Not ready to ship yet: what a carrier's cutoff still waits for.
NOT_READY = ("new", "awaiting_stock", "picking", "picked", "packing", "on_hold", "exception")


@dataclass(frozen=True)
class CutoffRules:
    """The site's cutoff rules (the station file's ``[carriers]``, app.config_packing)."""

    cutoffs: CutoffTable = field(default_factory=lambda: dict(DEFAULT_CUTOFFS))
    holidays: str = "fr"
    shift_start: time = SHIFT_START
    disabled: frozenset[str] = frozenset()  # carriers with a tile only while orders of theirs are due

    @classmethod
    def from_settings(cls, packing: Any) -> CutoffRules:
        """From app.config_packing.PackingSettings (``cutoffs``, ``holidays``, ``carriers``)."""
        return cls(dict(packing.cutoffs), packing.holidays,
                   disabled=frozenset(rate.carrier for rate in packing.carriers if not rate.enabled))


@dataclass(frozen=True)
class CarrierCutoff:
    carrier: str | None  # None: orders whose carrier is not chosen yet; else a code (known or not)
    cutoff_at: datetime  # the next cutoff, or today's passed one while orders of its are late (aware)
    minutes_left: int  # app.packing.cutoffs.minutes_to_cutoff at ``now``; negative: passed
    due: int  # not ready to ship: due by the next cutoff (late ones too), or the late ones of a passed one
    passed: bool = False  # ``cutoff_at`` is today's, passed, with late orders still not ready


def cutoff_tiles(session: Session, now: datetime, rules: CutoffRules) -> tuple[tuple[CarrierCutoff, ...], datetime]:
    """(each carrier's cutoff tile, soonest first; when they next change by the clock alone:
    the soonest cutoff after ``now``, a carrier's or an order's). One query over the urgency
    index (the active orders due by the latest of the next cutoffs).

    A carrier whose cutoff passed today keeps that cutoff while orders of its are late (their
    own cutoff past) and not ready: the floor sees it red with what is left, rather than a
    countdown to tomorrow with no colour. Late is the order's own ``cutoff_at`` (not the
    table's time): orders keep the cutoff they were imported with (the demo's trucks, a
    cutoff changed in the settings since), and one of them past it is late whatever the table
    says. Carriers of the table have a tile always, unless ``disabled`` (then only while
    orders of theirs are due); a code the table does not know has one under its own name
    while orders of its are due (its cutoff the table's None entry, as at import)."""

    def next_of(carrier: str | None) -> datetime:
        return cutoff_for(carrier, now, now, rules.cutoffs, shift_start=rules.shift_start, holidays=rules.holidays)

    next_cutoff = {carrier: next_of(carrier) for carrier in rules.cutoffs}
    latest = max(next_cutoff.values())
    due: dict[str | None, int] = {}  # not ready, due by the carrier's next cutoff
    late: dict[str | None, int] = {}  # not ready, their own cutoff past
    soonest = min(next_cutoff.values())
    rows = session.execute(
        select(Order.carrier, Order.cutoff_at, func.count())
        .where(Order.cutoff_at <= latest, Order.status.in_(NOT_READY))
        .group_by(Order.carrier, Order.cutoff_at)
    )
    for carrier, cutoff_at, n in rows:
        if cutoff_at is None:
            continue
        at = aware(cutoff_at)
        if carrier not in next_cutoff:  # a code the table does not know: under its own name
            next_cutoff[carrier] = next_of(carrier)
        if at <= next_cutoff[carrier]:
            due[carrier] = due.get(carrier, 0) + int(n)
        if at <= now:
            late[carrier] = late.get(carrier, 0) + int(n)
        elif at < soonest:
            soonest = at
    today = now.astimezone(PARIS).date()
    result = []
    for carrier, at in next_cutoff.items():
        if not due.get(carrier) and (carrier in rules.disabled or carrier not in rules.cutoffs):
            continue
        passed = datetime.combine(today, rules.cutoffs.get(carrier) or rules.cutoffs.get(None) or DEFAULT_CUTOFFS[None],
                                  PARIS)
        if late.get(carrier) and passed <= now and is_working_day(today, rules.holidays):
            result.append(CarrierCutoff(carrier, passed, minutes_to_cutoff(passed, now), late[carrier], True))
        else:
            result.append(CarrierCutoff(carrier, at, minutes_to_cutoff(at, now), due.get(carrier, 0)))
    result.sort(key=lambda c: (c.cutoff_at, c.carrier is None, c.carrier or ""))
    return tuple(result), soonest


def aware(value: datetime) -> datetime:
    # UtcDateTime gives aware values; a raw SQL read on SQLite might not.
    return value if value.tzinfo is not None else value.replace(tzinfo=UTC)
