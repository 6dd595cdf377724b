"""Typed values out of text fields; a bad value is an ImportFailed at its line and column."""

from __future__ import annotations

from datetime import UTC, date, datetime

from app.imports.csvsource import Column, CsvTable, Record

_TRUE = frozenset({"true", "yes", "y", "1", "oui", "vrai", "x"})
_FALSE = frozenset({"false", "no", "n", "0", "non", "faux", ""})


def as_int(table: CsvTable, record: Record, column: Column, *, minimum: int | None = None,
           default: int | None = None) -> int | None:
    raw = column(record)
    if raw == "":
        return default
    try:
        # Spreadsheets write whole numbers as "250.0"; anything with a real fraction is refused.
        value = float(raw.replace(",", ".")) if "." in raw or "," in raw else int(raw)
    except ValueError:
        raise table.fail(record, column, f"{column.name} must be a whole number, not {raw!r}") from None
    if isinstance(value, float):
        if not value.is_integer():
            raise table.fail(record, column, f"{column.name} must be a whole number, not {raw!r}")
        value = int(value)
    if minimum is not None and value < minimum:
        raise table.fail(record, column, f"{column.name} must be at least {minimum}, not {raw!r}")
    return value


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
