"""Typed values out of text fields; a bad value is an ImportFailed at its line and column."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime

from app.imports.csvsource import Column, CsvTable, Record

_TRUE = frozenset({"true", "yes", "y", "1", "oui", "vrai", "x"})
_FALSE = frozenset({"false", "no", "n", "0", "non", "faux", ""})


# PostgreSQL's INTEGER. SQLite would store more (or overflow in the driver), but a file
# must import the same way on both backends, so the limit is checked before writing.
INT_MAX = 2**31 - 1
INT_MIN = -(2**31)
# ASCII digits only: str.isdigit() and int() accept "²" or Arabic-Indic digits. A fraction is
# allowed so "250.0" (spreadsheets) and "453.5924" (Shopify grams) can be read; no "+", no spaces.
_NUMBER = re.compile(r"(-?)([0-9]+)(?:[.,]([0-9]+))?", re.ASCII)


class BadValue(ValueError):
    """A value that cannot be imported; the caller adds its position (CSV column or JSON key).

    ``key`` names the field when the raiser knows it better than the caller.
    """

    def __init__(self, message: str, key: str | None = None) -> None:
        super().__init__(message)
        self.key = key


def parse_int(raw: str, column_name: str, *, minimum: int | None = None, round_fraction: bool = False) -> int:
    """The whole number in ``raw``, within INTEGER's range; "250.0" and "250,00" are 250.

    A fraction is refused unless ``round_fraction`` (then rounded half up). "1,000" and
    "1.000" are refused either way: a thousands separator or three decimals, nobody
    can tell, and reading 1 for a thousand is the worst guess.
    """
    match = _NUMBER.fullmatch(raw)
    if match is None:
        raise BadValue(f"{column_name} must be a whole number, not {raw!r}")
    sign, whole, fraction = match.groups()
    if fraction is not None and len(fraction) == 3 and len(whole) <= 3 and whole[0] != "0":
        raise BadValue(f"{column_name} {raw!r} is ambiguous (a thousands separator, or decimals?); "
                       "write it without a separator")
    if fraction is not None and not round_fraction and fraction.strip("0"):
        raise BadValue(f"{column_name} must be a whole number, not {raw!r}")
    if len(whole.lstrip("0")) > 10:  # before int(): Python refuses to convert 4,300+ digits
        raise BadValue(f"{column_name} must be at most {INT_MAX}, not {raw!r}")
    value = int(whole)
    if round_fraction and fraction is not None and fraction[0] >= "5":
        value += 1
    value = -value if sign else value
    if minimum is not None and value < minimum:
        raise BadValue(f"{column_name} must be at least {minimum}, not {raw!r}")
    if value > INT_MAX or value < INT_MIN:
        raise BadValue(f"{column_name} must be at most {INT_MAX}, not {raw!r}"
                       if value > 0 else f"{column_name} must be at least {INT_MIN}, not {raw!r}")
    return value


def as_int(table: CsvTable, record: Record, column: Column, *, minimum: int | None = None,
           default: int | None = None, round_fraction: bool = False) -> int | None:
    raw = column(record)
    if raw == "":
        return default
    try:
        return parse_int(raw, column.name, minimum=minimum, round_fraction=round_fraction)
    except BadValue as exc:
        raise table.fail(record, column, str(exc)) from None


def as_text(value: str, column_name: str, max_len: int) -> str:
    """``value`` if it fits its database column; BadValue otherwise.

    For identifiers (codes, SKUs, lots, order numbers): a cut one would name another thing.
    """
    if len(value) > max_len:
        raise BadValue(f"{column_name} is {len(value)} characters; at most {max_len} "
                       f"(starts {value[:20]!r})")
    return value


def text_at(table: CsvTable, record: Record, column: Column, max_len: int) -> str:
    """The stripped cell, checked with ``as_text``; an error points at the cell."""
    try:
        return as_text(column(record), column.name, max_len)
    except BadValue as exc:
        raise table.fail(record, column, str(exc)) from None


def clip(value: str, column_name: str, max_len: int, warnings: list[str]) -> str:
    """``value`` cut to ``max_len``, with a warning: for text read by people (names, addresses),
    where refusing a whole file for one long address would be worse than a cut a person can see."""
    if len(value) <= max_len:
        return value
    warnings.append(f"{column_name} is {len(value)} characters; kept the first {max_len}")
    return value[:max_len]


def parse_bool(raw: str) -> bool | None:
    """True/False for the usual spellings (English, French, 1/0), None if unrecognised."""
    low = raw.strip().lower()
    if low in _TRUE:
        return True
    if low in _FALSE:
        return False
    return None


def as_bool(table: CsvTable, record: Record, column: Column, *, default: bool) -> bool:
    raw = column(record)
    if raw == "":
        return default
    value = parse_bool(raw)
    if value is None:
        raise table.fail(record, column, f"{column.name} must be true or false, not {raw!r}")
    return value


def parse_datetime(raw: str) -> datetime | None:
    """Shopify's "2026-11-20 09:14:03 +0100" or ISO 8601; naive times are taken as UTC. None if invalid."""
    raw = raw.strip()
    for fmt in ("%Y-%m-%d %H:%M:%S %z", "%Y-%m-%d %H:%M %z"):
        try:
            return datetime.strptime(raw, fmt).astimezone(UTC)
        except ValueError:
            pass
    try:
        value = datetime.fromisoformat(raw.replace("Z", "+00:00"))
    except ValueError:
        return None
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


def as_date(table: CsvTable, record: Record, column: Column) -> date | None:
    raw = column(record)
    if raw == "":
        return None
    try:
        return date.fromisoformat(raw)
    except ValueError:
        raise table.fail(record, column, f"{column.name} must be a date YYYY-MM-DD, not {raw!r}") from None
