"""The station side of the pull: bring the local replica up to date from the central change log.

Threading: a plain function for a sync worker (never the GUI thread). One call reads the
central database in ONE snapshot (app.sync.change_log: what changed since the cursor, and
why the cursor is what it is) and writes the replica in ONE local transaction, so a pull
that fails halfway leaves the replica and its cursor as they were. A station without a
cursor, or whose cursor belongs to another central database, takes a full snapshot.

Rules the local apply keeps:
- an order with events still in the outbox (the station changed it and the central
  database has not seen that yet) is not overwritten: it is remembered (``repull:`` rows in
  ``sync_state``) and re-read by a later pull, once its events are pushed;
- an order the station held a claim on that now belongs to nobody or someone else, or is
  cancelled, is reported as lost, with why (app.sync.lost_claims).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Engine, Table, delete, select
from sqlalchemy.dialects import sqlite
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from app.store.models import Base, Event, SyncState
from app.sync.capture import CAPTURED
from app.sync.change_log import CHUNK, TABLES, CentralRead, Cursor, key_column, read_central, typed
from app.sync.lost_claims import LostOrder, claimed_orders, lost_orders

log = logging.getLogger(__name__)

CURSOR = "pull_cursor"
REPULL = "repull:"  # sync_state name prefix: "repull:<table>:<key>"


@dataclass(frozen=True)
class PullResult:
    snapshot: bool  # a full snapshot was taken (first pull, or another central database)
    rows: int  # local rows written or deleted
    deferred: int  # order rows left for a later pull: their local events are not pushed yet
    lost: tuple[LostOrder, ...]
    cursor: str


def pull(central: Engine, local: Engine, station: str) -> PullResult:
    """One pull; see the module docstring. Raises the central database's error as is (the
    replica is then unchanged) and app.sync.change_log.CentralNotPrepared for a database without
    a change log."""
    with Session(local) as session:
        cursor = Cursor.parse(_state(session, CURSOR))
        repull = _repull_keys(session)
    read = read_central(central, cursor, repull)
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
        return _apply(local, station, read_central(central, None, {}), {})


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


def _apply(local: Engine, station: str, read: CentralRead, repull: dict[str, set[str]]) -> PullResult:
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


def _apply_in(session: Session, station: str, read: CentralRead, repull: dict[str, set[str]]) -> PullResult:
    lines = Base.metadata.tables["order_lines"]
    # The write lock before the first read: a scan committed between reading which
    # orders have unpushed events and writing would otherwise be overwritten.
    session.connection().exec_driver_sql("BEGIN IMMEDIATE")
    central_orders = {row["id"]: row for row in read.rows["orders"]}
    if read.snapshot:
        before = claimed_orders(session, station, None)
        # The station's own unpushed work survives a snapshot too: those orders and
        # their lines stay as they are, and are re-read once their events are pushed.
        pending = _pending_order_ids(session)
        deferred = len(pending)
        written = 0
        for table in reversed(TABLES):
            if table.name == "orders":
                session.execute(delete(table).where(table.c.id.not_in(sorted(pending))))
            elif table.name == "order_lines":
                session.execute(delete(table).where(table.c.order_id.not_in(sorted(pending))))
            else:
                session.execute(delete(table))
        for table in TABLES:
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
                select(lines.c.id, lines.c.order_id).where(lines.c.id.in_(typed(lines, asked_lines)))
            ).all()
            held_back["order_lines"] |= {str(i) for i, order_id in local_lines if order_id in pending}
        deferred = len(held_back["orders"])
        changed_ids = {int(k) for k in read.asked.get("orders", set()) - held_back["orders"]}
        before = claimed_orders(session, station, changed_ids)
        written = 0
        # Deletes children first, then upserts parents first.
        for table in reversed(TABLES):
            found = {str(r[CAPTURED[table.name]]) for r in read.rows[table.name]}
            gone = read.asked.get(table.name, set()) - found - held_back.get(table.name, set())
            if gone:
                written += session.execute(delete(table).where(key_column(table).in_(typed(table, gone)))).rowcount
        for table in TABLES:
            keep_back = held_back.get(table.name, set())
            rows = [r for r in read.rows[table.name] if str(r[CAPTURED[table.name]]) not in keep_back]
            written += _upsert(session, table, rows)
        _forget_repulls(session, repull, held_back)
        for table_name, keys in held_back.items():
            for key in keys:
                _set_state(session, f"{REPULL}{table_name}:{key}", "")
    lost = lost_orders(session, station, before, central_orders)
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
    for start in range(0, len(done), CHUNK):
        session.execute(delete(table).where(table.c.name.in_(done[start : start + CHUNK])))
