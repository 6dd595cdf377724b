"""The station side of the pull: bring the local replica up to date from the central change log.

Threading: a plain function for a sync worker (never the GUI thread). One call reads the
central database in ONE snapshot (PostgreSQL: REPEATABLE READ; SQLite: one read
transaction) and writes the replica in ONE local transaction, so a pull that fails
halfway leaves the replica and its cursor as they were.

The cursor (local ``sync_state`` ``pull_cursor``): the central database's identity
(app.sync.capture.CENTRAL_ID) and a position in its change log. A station without a
cursor, or whose cursor belongs to another central database, takes a full snapshot.

Why not simply "changes with seq > cursor"? On PostgreSQL, transactions commit in a
different order than they took their seq numbers: a reader could see seq 12 committed
while seq 11 is still in flight, move its cursor to 12 and never see 11. So on PostgreSQL
the cursor is the pull's whole MVCC snapshot (``pg_current_snapshot()``: xmin, xmax and the
ids of the transactions in flight), and each change row carries its writer's
``pg_current_xact_id()``. A pull reads, in a new snapshot, the change rows that were not
visible in the previous one (``NOT pg_visible_in_snapshot(txid, previous)``; the index on
txid bounds the scan to ``txid >= previous xmin``, since everything older was visible then
or aborted for ever). Rows of transactions still in flight are simply not visible yet:
they come with a later pull, whatever their seq. Nothing is skipped, nothing read twice,
and a change is readable as soon as it commits. On SQLite, writers are serialised, so seq
order is commit order and the cursor is the last seq read.

Rules the local apply keeps:
- an order with events still in the outbox (the station changed it and the central
  database has not seen that yet) is not overwritten: it is remembered (``repull:`` rows in
  ``sync_state``) and re-read by a later pull, once its events are pushed;
- an order the station held a claim on that now belongs to nobody or someone else, or is
  cancelled, is reported as lost, with why; for a cancelled order, the units the station
  had picked are listed to be put back, and an ``order.put_back_required`` event records it.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, Engine, Table, delete, func, select, text
from sqlalchemy.dialects import sqlite
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from app.domain.status import OrderStatus
from app.store.events import record
from app.store.models import Base, Change, Event, SyncState
from app.sync.capture import CAPTURED, central_id
from app.sync.claims import WHY_CANCELLED, WHY_RELEASED, why_reassigned, why_taken

log = logging.getLogger(__name__)

CURSOR = "pull_cursor"
REPULL = "repull:"  # sync_state name prefix: "repull:<table>:<key>"
ORDER_PUT_BACK_REQUIRED = "order.put_back_required"
WHY_DELETED = "deleted"
_CHUNK = 500
_TABLES: tuple[Table, ...] = tuple(Base.metadata.tables[name] for name in CAPTURED)


class CentralNotPrepared(RuntimeError):
    """The central database has no change log: it was not created by `quai central init`."""


@dataclass(frozen=True)
class Cursor:
    central: str
    kind: str  # "snap" (PostgreSQL: a pg_snapshot as text) or "seq" (SQLite: a change seq)
    position: str

    def __str__(self) -> str:
        return f"{self.central}:{self.kind}:{self.position}"

    @classmethod
    def parse(cls, text: str | None) -> Cursor | None:
        try:
            central, kind, position = (text or "").split(":", 2)  # a pg_snapshot has colons too
        except ValueError:
            return None  # none yet, or unreadable: a snapshot puts it right
        well_formed = {"seq": r"\d+", "snap": r"\d+:\d+:[\d,]*"}
        if not central or kind not in well_formed or not re.fullmatch(well_formed[kind], position):
            return None
        return cls(central, kind, position)


@dataclass(frozen=True)
class LostOrder:
    order_number: str
    claim_id: str | None
    why: str  # app.sync.claims' vocabulary (cancelled, reassigned to …, …) or "deleted"
    put_back: tuple[tuple[str, int], ...] = ()  # (sku, units picked) to put back


@dataclass(frozen=True)
class PullResult:
    snapshot: bool  # a full snapshot was taken (first pull, or another central database)
    rows: int  # local rows written or deleted
    deferred: int  # order rows left for a later pull: their local events are not pushed yet
    lost: tuple[LostOrder, ...]
    cursor: str


@dataclass
class _CentralRead:
    cursor: Cursor
    snapshot: bool
    rows: dict[str, list[dict[str, Any]]]  # table -> central rows (all of them for a snapshot)
    asked: dict[str, set[str]]  # table -> keys asked for (not found centrally: deleted)


def pull(central: Engine, local: Engine, station: str) -> PullResult:
    """One pull; see the module docstring. Raises the central database's error as is (the
    replica is then unchanged) and CentralNotPrepared for a database without a change log."""
    with Session(local) as session:
        cursor = Cursor.parse(_state(session, CURSOR))
        repull = _repull_keys(session)
    read = _read_central(central, cursor, repull)
    if not read.snapshot and not any(read.asked.values()):
        # Nothing new: no local write (and no fsync). Keeping the old cursor is exact: the
        # next pull reads whatever its snapshot sees and this old one did not.
        return PullResult(False, 0, 0, (), str(cursor))
    try:
        return _apply(local, station, read, repull)
    except IntegrityError as exc:
        if read.snapshot:
            raise
        # Rows written one by one can collide on a unique column that the central database
        # changed in one go (two badges swapped, lines renumbered): the pull would fail the
        # same way at every retry. A snapshot replaces the tables whole and cannot collide.
        log.warning("pull of %s could not apply the changes (%s): taking a snapshot", station,
                    str(exc.orig).splitlines()[0] if exc.orig else exc)
        return _apply(local, station, _read_central(central, None, {}), {})


# --- reading the central database ----------------------------------------------------------


@contextmanager
def _snapshot(central: Engine) -> Iterator[Connection]:
    if central.dialect.name == "sqlite":
        with central.connect() as connection:
            # pysqlite begins lazily, before writes only: an explicit BEGIN pins one WAL
            # snapshot for every SELECT that follows.
            connection.exec_driver_sql("BEGIN")
            try:
                yield connection
            finally:
                connection.rollback()
        return
    with central.connect().execution_options(isolation_level="REPEATABLE READ") as connection:
        with connection.begin():
            yield connection


def _read_central(central: Engine, cursor: Cursor | None, repull: dict[str, set[str]]) -> _CentralRead:
    changes = Change.__table__
    with _snapshot(central) as connection:
        identity = central_id(connection)  # the first statement: it fixes the snapshot
        if identity is None:
            raise CentralNotPrepared(
                "the central database has no change log: run `quai central upgrade` on it"
            )
        if connection.dialect.name == "postgresql":
            kind = "snap"
            position = connection.exec_driver_sql("SELECT pg_current_snapshot()::text").scalar_one()
        else:
            kind = "seq"
            position = str(connection.execute(select(func.coalesce(func.max(changes.c.seq), 0))).scalar_one())
        new_cursor = Cursor(identity, kind, position)
        if cursor is None or cursor.central != identity or cursor.kind != kind:
            rows = {t.name: [dict(r._mapping) for r in connection.execute(select(t))] for t in _TABLES}
            return _CentralRead(new_cursor, True, rows, {})
        if kind == "snap":
            previous_xmin = int(cursor.position.split(":", 1)[0])
            window = (changes.c.txid >= previous_xmin) & text(
                "NOT pg_visible_in_snapshot(CAST(CAST(changes.txid AS text) AS xid8), CAST(:previous AS pg_snapshot))"
            ).bindparams(previous=cursor.position)
        else:
            window = (changes.c.seq > int(cursor.position)) & (changes.c.seq <= int(position))
        asked: dict[str, set[str]] = {name: set(keys) for name, keys in repull.items()}
        for table_name, key in connection.execute(select(changes.c.table_name, changes.c.row_key).where(window)):
            asked.setdefault(table_name, set()).add(key)
        rows = {t.name: _fetch(connection, t, asked.get(t.name, set())) for t in _TABLES}
        return _CentralRead(new_cursor, False, rows, asked)


def _key_column(table: Table):
    return table.c[CAPTURED[table.name]]


def _typed(table: Table, keys: set[str]) -> list[Any]:
    column = _key_column(table)
    return [int(k) for k in keys] if column.type.python_type is int else sorted(keys)


def _fetch(connection: Connection, table: Table, keys: set[str]) -> list[dict[str, Any]]:
    if not keys:
        return []
    typed = _typed(table, keys)
    rows: list[dict[str, Any]] = []
    for start in range(0, len(typed), _CHUNK):
        chunk = typed[start : start + _CHUNK]
        rows.extend(dict(r._mapping) for r in connection.execute(select(table).where(_key_column(table).in_(chunk))))
    return rows


# --- writing the replica -------------------------------------------------------------------


def _state(session: Session, name: str) -> str | None:
    table = SyncState.__table__
    return session.execute(select(table.c.value).where(table.c.name == name)).scalar_one_or_none()


def _set_state(session: Session, name: str, value: str) -> None:
    table = SyncState.__table__
    session.execute(
        sqlite.insert(table).values(name=name, value=value)
        .on_conflict_do_update(index_elements=["name"], set_={"value": value})
    )


def _repull_keys(session: Session) -> dict[str, set[str]]:
    table = SyncState.__table__
    keys: dict[str, set[str]] = {}
    for (name,) in session.execute(select(table.c.name).where(table.c.name.startswith(REPULL))):
        _prefix, table_name, key = name.split(":", 2)
        keys.setdefault(table_name, set()).add(key)
    return keys


def _pending_order_ids(session: Session) -> set[int]:
    """Local orders with events still in the outbox."""
    orders = Base.metadata.tables["orders"]
    events = Event.__table__
    query = (
        select(orders.c.id)
        .join(events, events.c.order_number == orders.c.number)
        .where(events.c.pushed_at.is_(None))
        .distinct()
    )
    return set(session.execute(query).scalars())


def _apply(local: Engine, station: str, read: _CentralRead, repull: dict[str, set[str]]) -> PullResult:
    with local.connect() as connection:
        # A pull need not survive a power cut: rows and cursor commit together, and what a
        # crash takes back is simply pulled again. So no fsync at its commit (WAL stays
        # atomic); the station's own writes (scans, the outbox) keep synchronous=FULL.
        connection.exec_driver_sql("PRAGMA synchronous=NORMAL")
        connection.commit()  # ends the Connection's autobegin: the session's commit is the real one
        try:
            with Session(bind=connection) as session:
                return _apply_in(session, station, read, repull)
        finally:
            try:
                connection.rollback()  # nothing left open after a failure (no-op otherwise)
                connection.exec_driver_sql("PRAGMA synchronous=FULL")
                connection.commit()
            except Exception:
                connection.invalidate()  # never hand a connection without FULL to a scan
                raise


def _apply_in(session: Session, station: str, read: _CentralRead, repull: dict[str, set[str]]) -> PullResult:
    orders = Base.metadata.tables["orders"]
    lines = Base.metadata.tables["order_lines"]
    if True:
        # The write lock before the first read: a scan committed between reading which
        # orders have unpushed events and writing would otherwise be overwritten.
        session.connection().exec_driver_sql("BEGIN IMMEDIATE")
        central_orders = {row["id"]: row for row in read.rows["orders"]}
        if read.snapshot:
            before = _claimed_orders(session, station, None)
            # The station's own unpushed work survives a snapshot too: those orders and
            # their lines stay as they are, and are re-read once their events are pushed.
            pending = _pending_order_ids(session)
            deferred = len(pending)
            written = 0
            for table in reversed(_TABLES):
                if table.name == "orders":
                    session.execute(delete(table).where(table.c.id.not_in(sorted(pending))))
                elif table.name == "order_lines":
                    session.execute(delete(table).where(table.c.order_id.not_in(sorted(pending))))
                else:
                    session.execute(delete(table))
            for table in _TABLES:
                rows = read.rows[table.name]
                if table.name == "orders":
                    rows = [r for r in rows if r["id"] not in pending]
                elif table.name == "order_lines":
                    rows = [r for r in rows if r["order_id"] not in pending]
                written += _insert_all(session, table, rows)
            for order_id in sorted(pending):
                _set_state(session, f"{REPULL}orders:{order_id}", "")
            for (line_id,) in session.execute(
                select(Base.metadata.tables["order_lines"].c.id).where(
                    Base.metadata.tables["order_lines"].c.order_id.in_(sorted(pending))
                )
            ):
                _set_state(session, f"{REPULL}order_lines:{line_id}", "")
        else:
            pending = _pending_order_ids(session)
            # Leave alone (for now) the orders the station changed and has not pushed yet,
            # and their lines: the pull would put back the state from before those changes.
            held_back = {
                "orders": {str(i) for i in pending if str(i) in read.asked.get("orders", set())},
                "order_lines": {
                    str(r["id"]) for r in read.rows["order_lines"] if r["order_id"] in pending
                },
            }
            asked_lines = read.asked.get("order_lines", set()) - held_back["order_lines"]
            if asked_lines:  # a deleted line of a held-back order is held back too
                local_lines = session.execute(
                    select(lines.c.id, lines.c.order_id).where(lines.c.id.in_(_typed(lines, asked_lines)))
                ).all()
                held_back["order_lines"] |= {str(i) for i, order_id in local_lines if order_id in pending}
            deferred = len(held_back["orders"])
            changed_ids = {int(k) for k in read.asked.get("orders", set()) - held_back["orders"]}
            before = _claimed_orders(session, station, changed_ids)
            written = 0
            # Deletes children first, then upserts parents first.
            for table in reversed(_TABLES):
                found = {str(r[CAPTURED[table.name]]) for r in read.rows[table.name]}
                gone = read.asked.get(table.name, set()) - found - held_back.get(table.name, set())
                if gone:
                    written += session.execute(delete(table).where(_key_column(table).in_(_typed(table, gone)))).rowcount
            for table in _TABLES:
                keep_back = held_back.get(table.name, set())
                rows = [r for r in read.rows[table.name] if str(r[CAPTURED[table.name]]) not in keep_back]
                written += _upsert(session, table, rows)
            _forget_repulls(session, repull, held_back)
            for table_name, keys in held_back.items():
                for key in keys:
                    _set_state(session, f"{REPULL}{table_name}:{key}", "")
        lost = _lost_orders(session, station, before, central_orders)
        _set_state(session, CURSOR, str(read.cursor))
        session.commit()
    return PullResult(read.snapshot, written, deferred, tuple(lost), str(read.cursor))


def _insert_all(session: Session, table: Table, rows: list[dict[str, Any]]) -> int:
    for start in range(0, len(rows), 5000):
        session.execute(table.insert(), rows[start : start + 5000])
    return len(rows)


def _upsert(session: Session, table: Table, rows: list[dict[str, Any]]) -> int:
    if not rows:
        return 0
    key = CAPTURED[table.name]
    statement = sqlite.insert(table)
    statement = statement.on_conflict_do_update(
        index_elements=[key], set_={c.name: statement.excluded[c.name] for c in table.columns if c.name != key}
    )
    for start in range(0, len(rows), 1000):
        session.execute(statement, rows[start : start + 1000])
    return len(rows)


def _forget_repulls(session: Session, repull: dict[str, set[str]], held_back: dict[str, set[str]]) -> None:
    table = SyncState.__table__
    done = [
        f"{REPULL}{name}:{key}" for name, keys in repull.items() for key in keys if key not in held_back.get(name, set())
    ]
    for start in range(0, len(done), _CHUNK):
        session.execute(delete(table).where(table.c.name.in_(done[start : start + _CHUNK])))


@dataclass(frozen=True)
class _Held:
    id: int
    number: str
    claim_id: str | None
    assigned_to: str | None
    put_back: tuple[tuple[str, int], ...]


def _claimed_orders(session: Session, station: str, ids: set[int] | None) -> dict[int, _Held]:
    """The local orders this station holds a claim on (among ``ids``; all when None), as
    they are before the pull overwrites them, with the units picked on each line."""
    orders = Base.metadata.tables["orders"]
    lines = Base.metadata.tables["order_lines"]
    if ids is not None and not ids:
        return {}
    query = select(orders.c.id, orders.c.number, orders.c.claim_id, orders.c.assigned_to).where(
        orders.c.claimed_by == station
    )
    if ids is not None:
        query = query.where(orders.c.id.in_(sorted(ids)))
    held = {row.id: row for row in session.execute(query)}
    picked: dict[int, list[tuple[str, int]]] = {}
    if held:
        for order_id, sku, units in session.execute(
            select(lines.c.order_id, lines.c.sku, lines.c.picked)
            .where(lines.c.order_id.in_(sorted(held)), lines.c.picked > 0)
            .order_by(lines.c.order_id, lines.c.line_no)
        ):
            picked.setdefault(order_id, []).append((sku, units))
    return {
        i: _Held(i, r.number, r.claim_id, r.assigned_to, tuple(picked.get(i, ()))) for i, r in held.items()
    }


def _lost_orders(
    session: Session, station: str, before: dict[int, _Held], central_orders: dict[int, dict[str, Any]]
) -> list[LostOrder]:
    lost: list[LostOrder] = []
    for order_id, held in sorted(before.items()):
        now = central_orders.get(order_id)
        if now is None:
            why = WHY_DELETED
        elif now["status"] == OrderStatus.CANCELLED:
            why = WHY_CANCELLED
        elif now["claimed_by"] == station and now["claim_id"] == held.claim_id:
            continue  # still ours
        elif now["assigned_to"] not in (None, station) and now["assigned_to"] != held.assigned_to:
            why = why_reassigned(now["assigned_to"])
        elif now["claimed_by"] is None:
            why = WHY_RELEASED
        else:
            why = why_taken(now["claimed_by"])
        lost.append(_report_lost(session, station, held.number, held.claim_id, why, held.put_back))
    return lost


def lost_claim(session: Session, order_number: str, claim_id: str | None, why: str) -> LostOrder:
    """A claim the station learnt it lost some other way (the heartbeat, app.sync.engine): the
    same report as the pull's, its put-back list from the replica's lines. Only reads: the
    engine tells the person first, then writes the log with ``record_lost``."""
    lines = Base.metadata.tables["order_lines"]
    orders = Base.metadata.tables["orders"]
    picked = tuple(
        (sku, units)
        for sku, units in session.execute(
            select(lines.c.sku, lines.c.picked)
            .join(orders, orders.c.id == lines.c.order_id)
            .where(orders.c.number == order_number, lines.c.picked > 0)
            .order_by(lines.c.line_no)
        )
    )
    return LostOrder(order_number, claim_id, why, picked if why in (WHY_CANCELLED, WHY_DELETED) else ())


def _report_lost(
    session: Session, station: str, number: str, claim_id: str | None, why: str, picked: tuple[tuple[str, int], ...]
) -> LostOrder:
    lost = LostOrder(number, claim_id, why, picked if why in (WHY_CANCELLED, WHY_DELETED) else ())
    record_lost(session, station, lost)
    return lost


def record_lost(session: Session, station: str, lost: LostOrder) -> None:
    """Log the put-back list of a lost claim (``order.put_back_required``), once."""
    if lost.put_back and not _put_back_recorded(session, lost.order_number, lost.claim_id):
        record(
            session,
            ORDER_PUT_BACK_REQUIRED,
            {
                "order": lost.order_number,
                "claim_id": lost.claim_id,
                "why": lost.why,
                "lines": [{"sku": sku, "quantity": units} for sku, units in lost.put_back],
            },
            station=station,
            order_number=lost.order_number,
        )



def _put_back_recorded(session: Session, number: str, claim_id: str | None) -> bool:
    """Whether this lost claim's put-back list is in the log already: the heartbeat and the
    pull may both learn of one cancellation, and a restarted station learns it again."""
    events = Event.__table__
    query = select(events.c.seq).where(events.c.kind == ORDER_PUT_BACK_REQUIRED, events.c.order_number == number)
    if claim_id is not None:
        query = query.where(events.c.payload["claim_id"].as_string() == claim_id)
    return session.execute(query.limit(1)).first() is not None
