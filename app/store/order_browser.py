"""Browsing every order by pages: filters, counts and sorted pages, fast at 100,000 orders.

No Qt. Each function takes a SQLAlchemy ``Session`` and runs in a worker thread (the
console's model, app.gui.console.orders_model); it returns plain frozen dataclasses.
Works on the station replica (SQLite) and on the central database (PostgreSQL).

Order: by cutoff (orders without one last), then priority (highest first), then number.
``ix_orders_urgency`` (migration 0007) holds exactly that order, plus status and carrier,
so a page is an index walk that stops after ``limit`` matches, and a filter on
status, carrier or priority is checked inside the index without reading the rows. Deep
pages by ``offset`` cost a walk of the index entries before them (a few milliseconds at
90,000 on SQLite); ``after=`` (keyset) starts right after a known row instead, and is
what the model uses when the page before is in hand.

Text search (``OrderFilter.text``) matches the order number, customer name, city and
e-mail, anywhere in them, ignoring case and French accents: the text is folded (lower
case, accents dropped) and each letter becomes a class of its forms (``e`` matches
e E é É è È ê Ê ë Ë), a GLOB pattern on SQLite and a regular expression on PostgreSQL,
so neither depends on the database's locale nor needs an extension (``unaccent``).
On SQLite, number and e-mail (ASCII in practice) are compared with LIKE on the folded
text (case ignored, accents in the stored value not), and names and cities go through a
cheap LIKE first (``_`` for each accentable letter) so the slower GLOB only sees the
candidates. Limits: ligatures are not split (``oe`` does not find ``œ``), letters other
than French accented ones are matched only by case, and the search reads every row (a
full scan: 30–60 ms at 100,000 orders here); the panel debounces typing.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum

from sqlalchemy import ColumnElement, and_, func, or_, select, true
from sqlalchemy.orm import Session

from app.store.models import Order, OrderLine

NO_CARRIER = ""  # in OrderFilter.carriers: orders with no carrier yet


class Sort(StrEnum):
    URGENCY = "urgency"  # cutoff (none last), priority desc, number
    NUMBER = "number"


@dataclass(frozen=True)
class OrderFilter:
    """Which orders to show. Empty sets mean "any"; the conditions add up (AND).

    ``priorities`` (a set) and ``priority_min``/``priority_max`` (a range) may be combined.
    """

    statuses: frozenset[str] = frozenset()
    carriers: frozenset[str] = frozenset()
    priority_min: int | None = None
    priority_max: int | None = None
    priorities: frozenset[int] = frozenset()
    text: str = ""

    def __post_init__(self) -> None:
        # Accept any iterable from callers, keep hashable frozensets (filters are cache keys).
        for name in ("statuses", "carriers", "priorities"):
            object.__setattr__(self, name, frozenset(getattr(self, name)))
        object.__setattr__(self, "text", self.text.strip())


@dataclass(frozen=True)
class OrderRow:
    id: int
    number: str
    status: str
    carrier: str | None
    service: str | None
    priority: int
    cutoff_at: datetime | None
    customer: str
    city: str
    lines: int
    units: int
    claimed_by: str | None
    assigned_to: str | None
    reason: str | None  # why it is on hold or in exception
    email: str | None = field(default=None, compare=False)


# --- text matching -------------------------------------------------------------------------------

_FORMS: dict[str, str] = {
    "a": "aAàÀâÂäÄáÁãÃåÅ", "c": "cCçÇ", "e": "eEéÉèÈêÊëË", "i": "iIîÎïÏíÍìÌ",
    "n": "nNñÑ", "o": "oOôÔöÖóÓòÒõÕ", "u": "uUùÙûÛüÜúÚ", "y": "yYÿŸýÝ",
}


def fold(text: str) -> str:
    """Lower case, accents dropped: the form a search term is compared in."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _forms(char: str) -> str:
    if char in _FORMS:
        return _FORMS[char]
    if char.isalpha():
        return char + char.upper() if char.upper() != char else char
    return char


def glob_pattern(term: str) -> str:
    """SQLite GLOB pattern matching ``term`` anywhere, whatever the case and accents."""
    parts = []
    for char in fold(term):
        forms = _forms(char)
        if len(forms) > 1:
            parts.append(f"[{forms}]")
        elif char in "*?[]":
            parts.append(f"[{char}]")  # GLOB has no escape character: a class of one
        else:
            parts.append(char)
    return "*" + "".join(parts) + "*"


def regex_pattern(term: str) -> str:
    """PostgreSQL regular expression (``~``) matching ``term`` anywhere, whatever the case and accents."""
    parts = []
    for char in fold(term):
        forms = _forms(char)
        parts.append(f"[{forms}]" if len(forms) > 1 else re.escape(char))
    return "".join(parts)


def _like_escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def loose_like(term: str) -> str:
    """A LIKE pattern that every match of ``glob_pattern(term)`` also matches: ``_`` stands
    for each letter that has accented forms. LIKE is fast (no character classes) and folds
    ASCII case, so it rules most rows out before the exact GLOB runs."""
    return "%" + "".join("_" if c in _FORMS else _like_escape(c) for c in fold(term)) + "%"


# Number and e-mail are ASCII: LIKE (case-insensitive for ASCII) on the folded term is exact there.
ASCII_SEARCHED = (Order.number, Order.customer_email)
ACCENTED_SEARCHED = (Order.customer_name, Order.ship_city)


def _text_condition(term: str, dialect: str) -> ColumnElement[bool]:
    folded = fold(term)
    if not folded:
        return true()
    if dialect == "postgresql":
        pattern = regex_pattern(term)
        return or_(*(column.op("~")(pattern) for column in ASCII_SEARCHED + ACCENTED_SEARCHED))
    plain = "%" + _like_escape(folded) + "%"
    loose, exact = loose_like(term), glob_pattern(term)
    return or_(
        *(column.like(plain, escape="\\") for column in ASCII_SEARCHED),
        *(and_(column.like(loose, escape="\\"), column.op("GLOB")(exact)) for column in ACCENTED_SEARCHED),
    )


# --- filters and sort -----------------------------------------------------------------------------

def conditions(f: OrderFilter, dialect: str, walk: bool = False) -> list[ColumnElement[bool]]:
    """The WHERE terms of ``f``. ``walk``: for a page read along ix_orders_urgency.

    Without statistics (replicas never run ANALYZE) SQLite prefers ix_orders_status for a
    status filter and then sorts every match: 40 ms for 15,000 orders, more for "shipped".
    ``status || ''`` hides that index from a page's plan, so it walks ix_orders_urgency
    (which holds status) and stops after the page. Counts keep the status index (1 ms),
    unless carriers are filtered too (see ``count_orders``).
    """
    where: list[ColumnElement[bool]] = []
    if f.statuses:
        status = Order.status.concat("") if walk and dialect == "sqlite" else Order.status
        where.append(status.in_(sorted(f.statuses)))
    if f.carriers:
        named = sorted(c for c in f.carriers if c != NO_CARRIER)
        either = [Order.carrier.in_(named)] if named else []
        if NO_CARRIER in f.carriers:
            either.append(Order.carrier.is_(None))
        where.append(or_(*either))
    if f.priorities:
        where.append(Order.priority.in_(sorted(f.priorities)))
    if f.priority_min is not None:
        where.append(Order.priority >= f.priority_min)
    if f.priority_max is not None:
        where.append(Order.priority <= f.priority_max)
    if f.text:
        where.append(_text_condition(f.text, dialect))
    return where


def _no_cutoff() -> ColumnElement[bool]:
    return Order.cutoff_at.is_(None)


def _order_by(sort: Sort) -> tuple:
    if sort == Sort.NUMBER:
        return (Order.number,)
    # NULLS LAST spelt out: SQLite puts NULLs first by default, PostgreSQL last. Both walk
    # ix_orders_urgency for it (SQLite: the non-NULL entries, then the NULL ones).
    return (Order.cutoff_at.asc().nulls_last(), Order.priority.desc(), Order.number)


def _after(sort: Sort, row: OrderRow) -> ColumnElement[bool]:
    """Rows strictly after ``row`` in ``sort`` order (keyset paging)."""
    if sort == Sort.NUMBER:
        return Order.number > row.number
    same_cutoff_later = or_(
        Order.priority < row.priority, and_(Order.priority == row.priority, Order.number > row.number)
    )
    if row.cutoff_at is None:
        return and_(_no_cutoff(), same_cutoff_later)
    return or_(
        _no_cutoff(),
        Order.cutoff_at > row.cutoff_at,
        and_(Order.cutoff_at == row.cutoff_at, same_cutoff_later),
    )


# --- queries ---------------------------------------------------------------------------------------

def _dialect(session: Session) -> str:
    return session.get_bind().dialect.name


def count_orders(session: Session, f: OrderFilter) -> int:
    # With a carrier filter too, counting through the status index reads every matching
    # row for its carrier (30 ms for 30,000); ix_orders_urgency holds both (15 ms, all read).
    where = conditions(f, _dialect(session), walk=bool(f.carriers))
    return session.scalar(select(func.count()).select_from(Order).where(*where)) or 0


#: A text filter matching at most this many orders is sorted in memory: SQLite would
#: otherwise walk the whole urgency index and read row after row for a handful of matches.
SORT_MATCHES_BELOW = 20000

_COLUMNS = (
    Order.id, Order.number, Order.status, Order.carrier, Order.service, Order.priority, Order.cutoff_at,
    Order.customer_name, Order.ship_city, Order.claimed_by, Order.assigned_to, Order.hold_reason,
    Order.exception_reason, Order.customer_email,
)


def page(
    session: Session,
    f: OrderFilter,
    sort: Sort = Sort.URGENCY,
    offset: int = 0,
    limit: int = 200,
    after: OrderRow | None = None,
    total: int | None = None,
) -> list[OrderRow]:
    """Up to ``limit`` orders matching ``f`` in ``sort`` order, from ``offset``.

    With ``after`` (keyset), ``offset`` counts from the row following ``after`` instead of
    the first row; ``after`` must have been read with the same filter and sort. ``total``,
    the filter's count when the caller has it, picks the plan: a text filter with few
    matches is read by one scan and sorted, rather than by walking the index.
    """
    scan = bool(f.text) and total is not None and total <= SORT_MATCHES_BELOW
    rows, _ = _read(session, f, Sort(sort), offset, limit, after, scan=scan, count=False)
    return rows


def first_page(session: Session, f: OrderFilter, sort: Sort = Sort.URGENCY, limit: int = 200) -> tuple[int, list[OrderRow]]:
    """The count and the first page, in one job: what a view needs to show a new filter.

    A text filter reads every row whatever the plan, so its matches are read once, counted
    and sorted in the same statement (one scan instead of two). Other filters count by
    index, then walk ix_orders_urgency for the page.
    """
    if f.text:
        rows, total = _read(session, f, Sort(sort), 0, limit, None, scan=True, count=True)
        return total, rows
    total = count_orders(session, f)
    return total, page(session, f, sort, 0, limit, total=total) if total else []


def _read(
    session: Session, f: OrderFilter, sort: Sort, offset: int, limit: int, after: OrderRow | None, *, scan: bool, count: bool
) -> tuple[list[OrderRow], int]:
    where = conditions(f, _dialect(session), walk=True)
    if after is not None:
        where.append(_after(sort, after))
    columns = list(_COLUMNS)
    if scan:
        # MATERIALIZED (SQLite 3.35, PostgreSQL 12): the matches first, then sort those few.
        matching = select(Order.id, Order.cutoff_at, Order.priority, Order.number).where(*where).cte("matching")
        matching = matching.prefix_with("MATERIALIZED")
        if count:
            columns.append(select(func.count()).select_from(matching).scalar_subquery().label("total"))
        key = (
            (matching.c.number,) if sort == Sort.NUMBER
            else (matching.c.cutoff_at.asc().nulls_last(), matching.c.priority.desc(), matching.c.number)
        )
        statement = select(*columns).join(matching, matching.c.id == Order.id).order_by(*key)
    else:
        statement = select(*columns).where(*where).order_by(*_order_by(sort))
    rows = session.execute(statement.offset(offset).limit(limit)).all()
    total = int(rows[0].total) if count and rows else 0
    totals = _line_totals(session, [r.id for r in rows])
    return [
        OrderRow(
            id=r.id, number=r.number, status=r.status, carrier=r.carrier, service=r.service, priority=r.priority,
            cutoff_at=r.cutoff_at, customer=r.customer_name, city=r.ship_city,
            lines=totals.get(r.id, (0, 0))[0], units=totals.get(r.id, (0, 0))[1],
            claimed_by=r.claimed_by, assigned_to=r.assigned_to,
            reason=r.hold_reason if r.status == "on_hold" else r.exception_reason if r.status == "exception" else None,
            email=r.customer_email,
        )
        for r in rows
    ], total


def _line_totals(session: Session, order_ids: Iterable[int]) -> dict[int, tuple[int, int]]:
    """Lines and units to ship per order, for one page only (by ix_order_lines_order_id)."""
    ids = list(order_ids)
    if not ids:
        return {}
    rows = session.execute(
        select(OrderLine.order_id, func.count(), func.coalesce(func.sum(OrderLine.quantity), 0))
        .where(OrderLine.order_id.in_(ids), OrderLine.requires_shipping.is_(True))
        .group_by(OrderLine.order_id)
    ).all()
    return {order_id: (int(n), int(units)) for order_id, n, units in rows}


def carriers(session: Session) -> list[str]:
    """The carriers orders use, by name (the filter chips); ``NO_CARRIER`` first if some have none."""
    found = session.scalars(select(Order.carrier).distinct()).all()
    named = sorted(c for c in found if c)
    return ([NO_CARRIER] if any(c is None for c in found) else []) + named


__all__ = [
    "NO_CARRIER", "OrderFilter", "OrderRow", "Sort", "carriers", "conditions", "count_orders", "fold",
    "first_page", "glob_pattern", "loose_like", "page", "regex_pattern",
]
