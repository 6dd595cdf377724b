"""Which box a parcel goes in, and how an order too big for any box is split.

The rule Quai proposes (the packer may always choose another box):

1. A box *fits* a set of units when
   - every unit whose dimensions are known fits the box alone: its sorted dimensions are
     each at most the box's sorted inner dimensions (it may be turned any way);
   - the units' total volume is at most ``FILL_FACTOR`` (85 %) of the box's inner volume:
     units are not liquid, and padding takes room;
   - the units' weight plus the box's tare is at most the box's maximum weight.
   A unit with unknown dimensions counts ``UNKNOWN_UNIT_MM`` (a small item) in the total
   volume and never rules a box out on its own; a unit with unknown weight counts 0 g. The
   catalogue being incomplete must never block a parcel: the packer sees the box and
   the scale says the rest.
2. Among the fitting boxes, the smallest inner volume wins, except that an eco box whose
   volume is at most ``ECO_MARGIN`` (15 %) above the smallest fitting volume is preferred
   (the smallest such eco box). A bit more room in a recycled carton beats a snug
   double-wall one. Ties: eco first, then the lighter tare, then the code (a stable
   answer for the same order on every station).
3. When no box fits (``suggest_box`` returns None), ``split_into_parcels`` deals the units
   into several parcels of the largest box every unit fits in, first-fit decreasing by
   volume, then gives each parcel the box ``suggest_box`` proposes for its own contents
   (the last, half-empty parcel often goes in a smaller box).

Pure functions; no Qt, no I/O. Any thread.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from app.packing.model import BoxOption

Dims = tuple[int, int, int]
#: One unit to pack: (dimensions in mm in any order, or None; weight in g, or None).
Unit = tuple[Dims | None, int | None]

FILL_FACTOR = 0.85
ECO_MARGIN = 0.15
#: What a unit of unknown size is assumed to take (mm): a small item, for the volume sum only.
UNKNOWN_UNIT_MM: Dims = (100, 80, 50)


def volume(dims: Dims) -> int:
    return dims[0] * dims[1] * dims[2]


def box_volume(box: BoxOption) -> int:
    return volume(box.inner_mm)


def _unit_volume(unit: Unit) -> int:
    return volume(unit[0] if unit[0] is not None else UNKNOWN_UNIT_MM)


def _unit_weight(unit: Unit) -> int:
    return unit[1] or 0


def unit_fits_alone(unit: Unit, box: BoxOption) -> bool:
    """Dimensions and weight of one unit against the box (unknown dimensions always fit)."""
    dims, _ = unit
    if dims is not None and any(a > b for a, b in zip(sorted(dims), sorted(box.inner_mm), strict=True)):
        return False
    return _unit_weight(unit) + box.tare_g <= box.max_weight_g


def fits(units: Sequence[Unit], box: BoxOption, fill_factor: float = FILL_FACTOR) -> bool:
    """Whether ``units`` go together in ``box`` (the rule in the module docstring)."""
    if not all(unit_fits_alone(unit, box) for unit in units):
        return False
    if sum(_unit_weight(u) for u in units) + box.tare_g > box.max_weight_g:
        return False
    return sum(_unit_volume(u) for u in units) <= fill_factor * box_volume(box)


def _rank(box: BoxOption) -> tuple[int, bool, int, str]:
    return (box_volume(box), not box.eco, box.tare_g, box.code)


def suggest_box(units: Sequence[Unit], boxes: Sequence[BoxOption], *,
                fill_factor: float = FILL_FACTOR, eco_margin: float = ECO_MARGIN) -> BoxOption | None:
    """The box Quai proposes for ``units``, or None when none fits (then split)."""
    fitting = sorted((box for box in boxes if fits(units, box, fill_factor)), key=_rank)
    if not fitting:
        return None
    limit = box_volume(fitting[0]) * (1 + eco_margin)
    eco = [box for box in fitting if box.eco and box_volume(box) <= limit]
    return eco[0] if eco else fitting[0]


@dataclass(frozen=True)
class ParcelSplit:
    """One parcel of a split: its box (None when a unit fits no box: the packer chooses)
    and the indexes of the units (into the list given) that go in it."""

    box: BoxOption | None
    units: tuple[int, ...]


def split_into_parcels(units: Sequence[Unit], boxes: Sequence[BoxOption], *,
                       fill_factor: float = FILL_FACTOR, eco_margin: float = ECO_MARGIN) -> list[ParcelSplit]:
    """Units dealt into parcels (rule 3 of the module docstring); every unit in exactly one.

    A unit that fits no box at all (a rolled carpet) gets a parcel of its own with box
    None. One parcel when everything fits one box.
    """
    if not units:
        return []
    whole = suggest_box(units, boxes, fill_factor=fill_factor, eco_margin=eco_margin)
    if whole is not None:
        return [ParcelSplit(whole, tuple(range(len(units))))]
    alone = [i for i, unit in enumerate(units) if not any(fits([unit], box, fill_factor) for box in boxes)]
    rest = [i for i in range(len(units)) if i not in set(alone)]
    # The largest box every remaining unit fits in alone; heavier-rated first among equals.
    holders = [box for box in boxes if all(fits([units[i]], box, fill_factor) for i in rest)]
    bins: list[list[int]] = []
    if rest and holders:
        big = max(holders, key=lambda box: (box_volume(box), box.max_weight_g, box.code))
        room, load = fill_factor * box_volume(big), big.max_weight_g - big.tare_g
        # Running totals per parcel (what fits() would sum): a 2,000-unit B2B order stays fast.
        totals: list[list[int]] = []
        for i in sorted(rest, key=lambda i: (-_unit_volume(units[i]), -_unit_weight(units[i]), i)):
            v, w = _unit_volume(units[i]), _unit_weight(units[i])
            for members, total in zip(bins, totals, strict=True):
                if total[0] + v <= room and total[1] + w <= load:
                    members.append(i)
                    total[0] += v
                    total[1] += w
                    break
            else:
                bins.append([i])
                totals.append([v, w])
    elif rest:
        # No one box holds every remaining unit: give each unit the parcels that fit it,
        # first-fit into parcels whose proposed box still fits.
        for i in sorted(rest, key=lambda i: (-_unit_volume(units[i]), -_unit_weight(units[i]), i)):
            for members in bins:
                if suggest_box([units[j] for j in members] + [units[i]], boxes, fill_factor=fill_factor) is not None:
                    members.append(i)
                    break
            else:
                bins.append([i])
    parcels = [
        ParcelSplit(suggest_box([units[j] for j in members], boxes, fill_factor=fill_factor, eco_margin=eco_margin),
                    tuple(sorted(members)))
        for members in bins
    ]
    parcels.extend(ParcelSplit(None, (i,)) for i in alone)
    return parcels
