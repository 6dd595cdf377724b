"""Each carrier's same-day cutoff: the time an order must be packed by to leave today.

An order is due at the first cutoff of its carrier after it arrived, on a working day
(Monday to Friday, French public holidays excepted by default), but never before this
morning's shift: what came in overnight or over the weekend is today's work, due at today's
cutoff. Once a cutoff has passed, the order is due at the next working day's. Claims and
home screens sort by ``orders.cutoff_at``, which the importer sets with ``cutoff_for``.

Times are Europe/Paris wall-clock times (the warehouse's), so a cutoff stays at 12:00
across the change to and from summer time. Results are aware datetimes.

Pure functions; no Qt, no I/O. Any thread.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping
from datetime import date, datetime, time, timedelta
from functools import lru_cache
from zoneinfo import ZoneInfo

PARIS = ZoneInfo("Europe/Paris")
SHIFT_START = time(7, 0)

CutoffTable = Mapping[str | None, time]
#: Same-day cutoffs (Paris time) per carrier; None: an order whose carrier is not known yet.
DEFAULT_CUTOFFS: dict[str | None, time] = {
    "chronopost": time(12, 0),
    "mondial_relay": time(13, 0),
    "colissimo": time(15, 0),
    "click_collect": time(17, 0),
    None: time(15, 0),
}


def _easter(year: int) -> date:
    # Anonymous Gregorian algorithm (Meeus/Jones/Butcher).
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    l = (32 + 2 * e + 2 * i - h - k) % 7  # noqa: E741 - the algorithm's name
    m = (a + 11 * h + 22 * l) // 451
    month, day = divmod(h + l - 7 * m + 114, 31)
    return date(year, month, day + 1)


@lru_cache(maxsize=64)
def french_holidays(year: int) -> frozenset[date]:
    """The eleven French public holidays of ``year`` (Alsace-Moselle's two extra days aside)."""
    easter = _easter(year)
    fixed = [(1, 1), (5, 1), (5, 8), (7, 14), (8, 15), (11, 1), (11, 11), (12, 25)]
    moving = [easter + timedelta(days=n) for n in (1, 39, 50)]  # Easter Monday, Ascension, Whit Monday
    return frozenset([date(year, m, d) for m, d in fixed] + moving)


#: Holiday calendars by the name the configuration uses.
CALENDARS: dict[str, Callable[[date], bool]] = {
    "fr": lambda day: day in french_holidays(day.year),
    "none": lambda day: False,
}


def is_working_day(day: date, holidays: str = "fr") -> bool:
    return day.weekday() < 5 and not CALENDARS[holidays](day)


def cutoff_for(carrier: str | None, created_at: datetime, now: datetime, cutoffs: CutoffTable = DEFAULT_CUTOFFS,
               *, shift_start: time = SHIFT_START, holidays: str = "fr") -> datetime:
    """The cutoff an order of ``carrier`` that arrived at ``created_at`` must make (see the module docstring).

    ``cutoffs`` without the carrier falls back to its None entry, then to 15:00.
    """
    local_now = now.astimezone(PARIS)
    shift = datetime.combine(local_now.date(), shift_start, PARIS)
    start = max(created_at.astimezone(PARIS), shift)
    at = cutoffs.get(carrier) or cutoffs.get(None) or DEFAULT_CUTOFFS[None]
    day = start.date()
    while True:
        candidate = datetime.combine(day, at, PARIS)
        if is_working_day(day, holidays) and candidate > start:
            return candidate
        day += timedelta(days=1)


def minutes_to_cutoff(cutoff_at: datetime, now: datetime) -> int:
    """Whole minutes left before ``cutoff_at`` (the supervisor's countdown); negative once late.

    Rounded down: 90 seconds left shows 1, 30 seconds late shows -1.
    """
    return math.floor((cutoff_at - now).total_seconds() / 60)


def parse_hhmm(text: str) -> time:
    """ "12:00" -> time(12, 0); ValueError with the expected form otherwise."""
    try:
        hours, minutes = text.strip().split(":")
        if len(minutes) != 2:
            raise ValueError
        return time(int(hours), int(minutes))
    except ValueError:
        raise ValueError(f"{text!r} is not a time like 12:00") from None
