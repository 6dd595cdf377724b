"""The console's KPIs as plain frozen data (app.store.kpis computes them; what each counts is
said there). No SQL, no Qt: safe to hand from the central worker to the GUI thread."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, date, datetime


@dataclass(frozen=True)
class PickerHour:
    """``units`` picked by ``badge`` in the hour starting at ``hour`` (index from the day's start)."""

    badge: str
    name: str
    hour: int
    units: int


@dataclass(frozen=True)
class PickerRate:
    badge: str
    name: str
    units: int
    hours: int  # hours of the day with at least one pick

    @property
    def per_hour(self) -> float:
        return self.units / self.hours if self.hours else 0.0


@dataclass(frozen=True)
class Shipping:
    due: int
    due_shipped: int
    shipped: int

    @property
    def due_rate(self) -> float | None:
        return self.due_shipped / self.due if self.due else None


@dataclass(frozen=True)
class PackingErrors:
    mismatches: int
    weight: int
    overrides: int
    packed: int  # orders packed (closed) that day

    @property
    def errors(self) -> int:
        return self.mismatches + self.weight + self.overrides

    @property
    def rate(self) -> float | None:
        return self.errors / self.packed if self.packed else None


@dataclass(frozen=True)
class Fulfilment:
    shipped: int
    complete: int

    @property
    def rate(self) -> float | None:
        return self.complete / self.shipped if self.shipped else None


@dataclass(frozen=True)
class Returns:
    returned: int
    shipped: int | None  # in the window; None (not counted) while no return was ever recorded
    window_days: int
    recorded: bool  # any order.returned event at all: otherwise there is no data

    @property
    def rate(self) -> float | None:
        if not self.recorded or not self.shipped:
            return None
        return self.returned / self.shipped


@dataclass(frozen=True)
class CycleTime:
    orders: int
    mean_h: float | None
    median_h: float | None
    without_import: int


@dataclass(frozen=True)
class Kpis:
    day: date
    tz: str
    hours: tuple[datetime, ...]  # each hour's start, aware, in ``tz``
    picks: tuple[PickerHour, ...]
    shipping: Shipping
    packing: PackingErrors
    fulfilment: Fulfilment
    returns: Returns
    cycle: CycleTime
    computed_at: datetime = field(default_factory=lambda: datetime.now(UTC))

    def pickers(self) -> tuple[PickerRate, ...]:
        """Per picker, most units first: the day's units and the hours they picked in."""
        units: dict[tuple[str, str], int] = {}
        hours: dict[tuple[str, str], int] = {}
        for row in self.picks:
            key = (row.badge, row.name)
            units[key] = units.get(key, 0) + row.units
            hours[key] = hours.get(key, 0) + (row.units > 0)
        rates = [PickerRate(badge, name, units[(badge, name)], hours[(badge, name)]) for badge, name in units]
        return tuple(sorted(rates, key=lambda r: (-r.units, r.name, r.badge)))
