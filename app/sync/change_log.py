"""Reading the central change log: the pull's cursor and one consistent read of what changed.

The cursor names the central database (app.sync.capture.CENTRAL_ID) and a position in its
change log. Why not simply "changes with seq > cursor"? On PostgreSQL, transactions commit
in a different order than they took their seq numbers: a reader could see seq 12 committed
while seq 11 is still in flight, move its cursor to 12 and never see 11. So on PostgreSQL
the cursor is the pull's whole MVCC snapshot (``pg_current_snapshot()``: xmin, xmax and the
ids of the transactions in flight), and each change row carries its writer's
``pg_current_xact_id()``. A read takes, in a new snapshot, the change rows that were not
visible in the previous one (``NOT pg_visible_in_snapshot(txid, previous)``; the index on
txid bounds the scan to ``txid >= previous xmin``, since everything older was visible then
or aborted for ever). Rows of transactions still in flight are simply not visible yet:
they come with a later pull, whatever their seq. Nothing is skipped, nothing read twice,
and a change is readable as soon as it commits. On SQLite, writers are serialised, so seq
order is commit order and the cursor is the last seq read.

Everything is read in ONE snapshot (PostgreSQL: REPEATABLE READ; SQLite: one read
transaction), rows included: what the station writes is one moment of the central state.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, Engine, Table, func, select, text

from app.store.models import Base, Change
from app.sync.capture import CAPTURED, central_id

CHUNK = 500  # keys per IN (...) query
TABLES: tuple[Table, ...] = tuple(Base.metadata.tables[name] for name in CAPTURED)  # parents first


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


@dataclass
class CentralRead:
    cursor: Cursor
    snapshot: bool
    rows: dict[str, list[dict[str, Any]]]  # table -> central rows (all of them for a snapshot)
    asked: dict[str, set[str]]  # table -> keys asked for (not found centrally: deleted)


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


def read_central(central: Engine, cursor: Cursor | None, repull: dict[str, set[str]]) -> CentralRead:
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
            rows = {t.name: [dict(r._mapping) for r in connection.execute(select(t))] for t in TABLES}
            return CentralRead(new_cursor, True, rows, {})
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
        rows = {t.name: _fetch(connection, t, asked.get(t.name, set())) for t in TABLES}
        return CentralRead(new_cursor, False, rows, asked)


def key_column(table: Table):
    return table.c[CAPTURED[table.name]]


def typed(table: Table, keys: set[str]) -> list[Any]:
    column = key_column(table)
    return [int(k) for k in keys] if column.type.python_type is int else sorted(keys)


def _fetch(connection: Connection, table: Table, keys: set[str]) -> list[dict[str, Any]]:
    if not keys:
        return []
    values = typed(table, keys)
    rows: list[dict[str, Any]] = []
    for start in range(0, len(values), CHUNK):
        chunk = values[start : start + CHUNK]
        rows.extend(dict(r._mapping) for r in connection.execute(select(table).where(key_column(table).in_(chunk))))
    return rows
