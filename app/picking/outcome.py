"""What a pick session answers: the step, the configuration, and each action's outcome."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from app.picking.events import Event


class Step(StrEnum):
    BIND_TOTES = "bind_totes"  # batch: one tote per order, in the order shown
    LOCATION = "location"
    PRODUCT = "product"
    TOTE = "tote"  # batch: drop what was scanned into the order's tote, scan the tote
    DONE = "done"


class ShortPolicy(StrEnum):
    EXCEPTION = "exception"
    AWAITING_STOCK = "awaiting_stock"


@dataclass(frozen=True)
class PickConfig:
    quantity_threshold: int = 5
    short_policy: ShortPolicy = ShortPolicy.EXCEPTION


# Outcome codes: English keys the GUI translates. Accepted actions first.
OK_CODES = frozenset({
    "started", "ok_location", "ok_unit", "ok_tote", "ok_bound", "undone", "short_started", "short_reason_given",
    "short_recorded", "short_cancelled", "alternative_added", "alternative_declined", "pick_paused", "pick_resumed",
    "order_picked", "pick_complete",
})
ERROR_CODES = frozenset({
    "wrong_location", "wrong_product", "expired_lot", "lot_needed", "over_pick", "wrong_tote", "tote_in_use",
    "not_a_tote", "scan_location_first", "misread", "unexpected_scan", "paused", "nothing_to_undo",
    "short_in_progress", "invalid_reason", "invalid_quantity", "quantity_entry_unavailable", "scan_tote_first",
    "nothing_to_short", "nothing_to_cancel", "no_alternative_offered", "not_paused",
})
CODES = OK_CODES | ERROR_CODES


@dataclass(frozen=True)
class Outcome:
    ok: bool
    code: str
    args: dict[str, Any] = field(default_factory=dict)
    # To record, in this order, in one transaction, before the feedback is shown.
    events: list[Event] = field(default_factory=list)
    # What the GUI should ask next: quantity_entry_available | short_reason | short_found | alternative.
    needs: str | None = None

    def __post_init__(self) -> None:
        # A typo in a code would reach the screen untranslated: catch it where it is made.
        assert self.code in (OK_CODES if self.ok else ERROR_CODES), self.code


def refused(code: str, **args: Any) -> Outcome:
    """A refusal: nothing changed, nothing to record."""
    return Outcome(False, code, args)
