"""What a pack has done so far, as plain mutable data (app.packing.state applies events to it).

Line quantities keyed by ``line_id`` (int) here; payloads carry them keyed by str (JSON).
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields, replace
from typing import Any


def int_keys(items: dict[Any, int]) -> dict[int, int]:
    """{line_id: n} from a payload: JSON turns the keys into strings."""
    return {int(k): int(v) for k, v in items.items() if int(v)}


def str_keys(items: dict[int, int]) -> dict[str, int]:
    """{line_id: n} for a payload: JSON types only, the same before and after the event log."""
    return {str(k): v for k, v in sorted(items.items()) if v}


def add_units(target: dict[int, int], line_id: int, n: int) -> None:
    target[line_id] = target.get(line_id, 0) + n
    if not target[line_id]:
        del target[line_id]


@dataclass
class ParcelProgress:
    seq: int
    box: str | None = None  # confirmed box code
    items: dict[int, int] = field(default_factory=dict)  # verified units in it
    unverified: dict[int, int] = field(default_factory=dict)  # let through by a supervisor's override
    grams: int | None = None  # the accepted weight (in tolerance, unknown expected, or overridden)
    failed: dict[str, Any] | None = None  # the last weighing out of tolerance: {grams, expected_g}

    def clone(self) -> ParcelProgress:
        return replace(self, items=dict(self.items), unverified=dict(self.unverified),
                       failed=dict(self.failed) if self.failed else None)

    def contents(self) -> dict[int, int]:
        out = dict(self.items)
        for line_id, n in self.unverified.items():
            add_units(out, line_id, n)
        return out


@dataclass
class Recheck:
    """A parcel whose weight was off: its units are scanned again."""

    parcel: int
    left: dict[int, int]  # units still to scan again, per line


@dataclass
class Progress:
    verified: dict[int, int] = field(default_factory=dict)  # per line, over all parcels
    parcels: list[ParcelProgress] = field(default_factory=lambda: [ParcelProgress(1)])
    current: int = 1  # the parcel being filled
    sealing: int | None = None  # a parcel closed by open_parcel, waiting for its weight
    recheck: Recheck | None = None
    # One per pack.unit still standing: {n, line_id, quantity, lot, expiry, serial, parcel}
    captures: list[dict[str, Any]] = field(default_factory=list)
    missing_overridden: dict[int, int] = field(default_factory=dict)  # verification override
    weight_overridden: bool = False
    inserts_done: bool = False
    gift_wrapped: bool = False
    print_held: bool = False  # the packer stopped the countdown
    last_line: int | None = None  # the line of the unit in hand (keyed quantities continue it)
    status: str = "picked"
    ended: str | None = None  # closed | cancelled

    def clone(self) -> Progress:
        """A copy for the undo stack, cheap enough to take at every scan of a 1000-unit order:
        the capture dicts are shared, never changed in place (only added to and dropped)."""
        recheck = Recheck(self.recheck.parcel, dict(self.recheck.left)) if self.recheck else None
        return replace(self, verified=dict(self.verified), parcels=[p.clone() for p in self.parcels],
                       recheck=recheck, captures=list(self.captures),
                       missing_overridden=dict(self.missing_overridden))


def plain(progress: Progress) -> dict[str, Any]:
    """Progress as comparable plain data, copied (a snapshot must not change with the pack); every
    field, so a new one cannot be forgotten. ``dataclasses.asdict`` is too slow for a snapshot per scan."""
    out: dict[str, Any] = {}
    for f in fields(progress):
        value = getattr(progress, f.name)
        if f.name == "parcels":
            value = [(p.seq, p.box, dict(p.items), dict(p.unverified), p.grams, dict(p.failed or {}))
                     for p in value]
        elif isinstance(value, Recheck):
            value = (value.parcel, dict(value.left))
        elif isinstance(value, (dict, list)):
            value = type(value)(value)  # capture dicts are never changed in place: a shallow copy is enough
        out[f.name] = value
    return out
