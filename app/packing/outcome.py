"""What a packing session answers: its step, each action's outcome, and the screen's view."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from app.packing.events import Event


class Step(StrEnum):
    VERIFY = "verify"  # scan every unit again (and the box barcode, any time)
    BOX = "box"  # every unit verified, the parcel's box not confirmed yet: scan the box
    WEIGH = "weigh"  # put the parcel on the scale (or key its weight)
    RECHECK = "recheck"  # the weight was off: scan the parcel's units again
    INSERTS = "inserts"  # gift card, gift wrap, promotion insert: confirm them
    LABEL = "label"  # the countdown: the label and the slip print unless cancelled
    CLOSED = "closed"  # closed: ready to ship (or ready for pickup)
    CANCELLED = "cancelled"  # the tote went back


# Outcome codes: English keys the GUI translates. The session may add codes; each must be
# in one of these sets (Outcome checks it), and app.gui's texts must translate it.
OK_CODES = frozenset({
    "started", "ok_unit", "ok_serial", "ok_box", "parcel_opened", "weight_ok", "weight_overridden",
    "verification_overridden", "recheck_started", "inserts_done", "print_countdown", "print_cancelled", "undone",
    "closed", "pack_cancelled",
    "serial_wanted",  # the unit is scanned, its serial number is the next scan (nothing recorded yet)
})
ERROR_CODES = frozenset({
    "wrong_product", "extra_unit", "lot_mismatch", "lot_needed", "serial_needed", "serial_repeated",
    "not_a_serial", "unknown_box", "box_too_small", "box_too_light", "weight_unstable", "weight_out_of_tolerance",
    "weight_invalid", "manual_weight_refused", "not_verified", "misread", "unexpected_scan", "nothing_to_undo",
    "invalid_quantity", "quantity_entry_unavailable", "not_a_supervisor", "reason_needed", "empty_parcel",
    "wrong_step", "already_closed",
    "box_needed",  # a new parcel cannot be opened before the current one has its box
})
CODES = OK_CODES | ERROR_CODES


@dataclass(frozen=True)
class Outcome:
    ok: bool
    code: str
    args: dict[str, Any] = field(default_factory=dict)
    # To record, in this order, in one transaction, before the feedback is shown.
    events: list[Event] = field(default_factory=list)
    # What the GUI should ask next: serial | quantity_entry_available | weight | countdown
    needs: str | None = None

    def __post_init__(self) -> None:
        assert self.code in (OK_CODES if self.ok else ERROR_CODES), self.code


def refused(code: str, **args: Any) -> Outcome:
    """A refusal: nothing changed, nothing to record."""
    return Outcome(False, code, args)


@dataclass(frozen=True)
class LineView:
    line_id: int
    sku: str
    name: str
    image: str | None
    quantity: int  # to verify (picked)
    verified: int
    serials: tuple[str, ...]
    lot: str | None  # the lot(s) picked, "L1, L2", for the packer to compare


@dataclass(frozen=True)
class PackView:
    """What the pack screen shows; read it after each outcome."""

    order: str
    step: Step
    lines: tuple[LineView, ...]
    units_verified: int
    units_total: int
    parcel: int  # the parcel being filled (1-based)
    parcel_count: int  # parcels opened so far (at least the plan's count)
    box: str | None  # confirmed box code of the current parcel, else None
    suggested_box: str | None  # Quai's proposal for the current parcel
    expected_weight_g: int | None  # the current parcel's
    weight_g: int | None  # the current parcel's accepted weight
    carrier: str
    service: str | None
    delivery_mode: str
    inserts: tuple[str, ...]  # Insert codes still to confirm (INSERTS step), else ()
    gift_message: str | None
    serial_wanted: str | None  # sku whose unit waits for its serial number, else None
    last_error: str | None
    can_undo: bool
    overridden: bool  # a supervisor overrode the verification or the weight
    countdown_s: int | None  # LABEL: the configured delay
