"""Event kinds a pick records, and small helpers to build their payloads.

Every accepted action of a :class:`app.picking.session.PickSession` returns a list of
``(kind, payload)`` pairs; the store records them (one transaction, committed before
the feedback is shown) and a replay feeds them back through ``PickSession.apply``.
Payloads hold only JSON types (str, int, bool, None, lists, dicts) so they survive
the event log and the push to the central database unchanged.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from app.domain.events import ORDER_STATUS_CHANGED

Event = tuple[str, dict[str, Any]]

PICK_STARTED = "pick.started"
PICK_TOTE_BOUND = "pick.tote_bound"
PICK_LOCATION_CONFIRMED = "pick.location_confirmed"
PICK_UNIT = "pick.unit"
PICK_TOTE_CONFIRMED = "pick.tote_confirmed"
PICK_SHORT = "pick.short"
PICK_ALTERNATIVE_ADDED = "pick.alternative_added"
PICK_ALTERNATIVE_DECLINED = "pick.alternative_declined"
PICK_UNDONE = "pick.undone"
PICK_PAUSED = "pick.paused"
PICK_RESUMED = "pick.resumed"
STOCK_CORRECTED = "stock.corrected"
CYCLE_COUNT_REQUESTED = "cycle_count.requested"

#: Every kind a pick session emits (and ``apply`` accepts).
PICK_KINDS = frozenset({
    PICK_STARTED, PICK_TOTE_BOUND, PICK_LOCATION_CONFIRMED, PICK_UNIT, PICK_TOTE_CONFIRMED, PICK_SHORT,
    PICK_ALTERNATIVE_ADDED, PICK_ALTERNATIVE_DECLINED, PICK_UNDONE, PICK_PAUSED, PICK_RESUMED,
    STOCK_CORRECTED, CYCLE_COUNT_REQUESTED, ORDER_STATUS_CHANGED,
})

#: Kinds ``undo`` can take back. Each carries ``n``, its action number within the pick,
#: which ``pick.undone`` names in ``of`` (the session cannot know the store's event UUIDs).
UNDOABLE = frozenset({PICK_TOTE_BOUND, PICK_LOCATION_CONFIRMED, PICK_UNIT, PICK_TOTE_CONFIRMED})

# Reasons a picker gives for a short pick; ``no_stock`` is recorded by the session
# itself for what the route could not allocate anywhere.
SHORT_REASONS = ("location_empty", "damaged", "not_found")
NO_STOCK = "no_stock"


def iso_or_none(value: date | None) -> str | None:
    return value.isoformat() if value is not None else None


def date_or_none(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


def status_changed(order: str, previous: str, target: str, reason: str | None, **extra: Any) -> Event:
    """An ``order.status_changed`` event shaped like app.domain.status.StatusChange.payload()."""
    return ORDER_STATUS_CHANGED, {"order": order, "from": previous, "to": target, "reason": reason, **extra}
