"""The two stages of an order on the floor, and which stations work on each.

An order is first *picked* (``new``, ``awaiting_stock``, ``picking``: a picking station claims
it), then *packed* (``picked``, ``packing``: a packing station claims it). A held order or one
in exception belongs to the stage it was held from (its resume status); ``ready_to_ship``,
``shipped`` and ``cancelled`` belong to neither: no station claims them.

Two rules follow, shared by the console's actions (app.sync.supervision), the claims
(app.sync.claims) and every status change written to an order (app.store.orders.apply_state):

- **Back in the queue.** An order taken away from the station that was working on it
  (reassigned, released, held by a supervisor) goes back to the start of its stage, where
  the next station of that kind claims it: ``picking`` -> ``new`` (the units picked stay on
  the lines and the next pick's route starts from what is left, as at a logout),
  ``packing`` -> ``picked`` (the tote is put back; a pack cannot carry on from another
  station's half-packed parcel, so verification starts over, as at a pack cancelled).
- **An assignment lasts one stage.** A supervisor assigns an order to a station for the
  stage it is in; once the order leaves that stage (picked, packed, cancelled) the
  assignment has done its job and lapses, so any station of the next stage may claim it.

No Qt, no SQL.
"""

from __future__ import annotations

from app.domain.status import OrderStatus

S = OrderStatus

PICK = "pick"
PACK = "pack"

_STAGES: dict[OrderStatus, str] = {
    S.NEW: PICK, S.AWAITING_STOCK: PICK, S.PICKING: PICK,
    S.PICKED: PACK, S.PACKING: PACK,
}

# Where an order goes back to when its station is taken away from it mid-stage.
_QUEUE: dict[OrderStatus, OrderStatus] = {S.PICKING: S.NEW, S.PACKING: S.PICKED}

# Station kinds (app.config.STATION_KINDS) and the stages they work on. A supervisor's
# console works on none; a station of kind "any" (the default) on both.
_KIND_STAGES: dict[str, frozenset[str]] = {
    "picking": frozenset({PICK}),
    "packing": frozenset({PACK}),
    "any": frozenset({PICK, PACK}),
}


def stage_of(status: str | OrderStatus, resume_status: str | OrderStatus | None = None) -> str | None:
    """``PICK``, ``PACK`` or None (no station claims it). On hold or in exception: the stage
    of the status it was held from (``new`` when it says none)."""
    status = S(status)
    if status in (S.ON_HOLD, S.EXCEPTION):
        status = S(resume_status) if resume_status else S.NEW
    return _STAGES.get(status)


def back_in_queue(status: str | OrderStatus) -> OrderStatus | None:
    """The status an order in progress goes back to when its station loses it (``picking`` ->
    ``new``, ``packing`` -> ``picked``); None when ``status`` is not work in progress."""
    return _QUEUE.get(S(status))


def kind_fits(kind: str | None, stage: str | None) -> bool:
    """Whether a station of ``kind`` works on orders of ``stage`` (an unknown kind: none)."""
    return stage is not None and stage in _KIND_STAGES.get((kind or "").strip().lower(), frozenset())


def assignment_lapses(before: str | None, after: str | None) -> bool:
    """Whether an order moving from stage ``before`` to stage ``after`` leaves the stage it
    was assigned for (see the module docstring)."""
    return before != after
