"""Fill a station's local replica from the central database.

This is the first-day version of the pull: a full snapshot of the reference
data and the orders, taken when a station starts. The station's own outbox
(the events table) is never touched. The incremental, cursor-based pull with
LISTEN/NOTIFY wake-ups replaces it in the sync issue; the rule it keeps is the
same: the station reads the central database here, and writes only its own
store and outbox.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import Engine, Table, delete, insert, select

from app.store.models import Base

# Parents before children; deleted in the reverse order.
REPLICATED_TABLES = (
    "products",
    "product_gtins",
    "locations",
    "stock",
    "users",
    "stations",
    "box_types",
    "orders",
    "order_lines",
    "parcels",
)
_BATCH = 5000


@dataclass(frozen=True)
class SnapshotReport:
    rows: dict[str, int]

    @property
    def total(self) -> int:
        return sum(self.rows.values())


def refresh_replica(central: Engine, local: Engine) -> SnapshotReport:
    """Replace the replica's copy of the central data in one local transaction.

    Either the whole snapshot lands or none of it does: a station that loses the
    central database halfway keeps the replica it had.
    """
    tables: list[Table] = [Base.metadata.tables[name] for name in REPLICATED_TABLES]
    snapshot = _read_snapshot(central, tables)
    with local.begin() as target:
        for table in reversed(tables):
            target.execute(delete(table))
        for table in tables:
            rows = snapshot[table.name]
            for start in range(0, len(rows), _BATCH):
                target.execute(insert(table), rows[start : start + _BATCH])
    return SnapshotReport({name: len(rows) for name, rows in snapshot.items()})


def _read_snapshot(central: Engine, tables: list[Table]) -> dict[str, list[dict]]:
    """Every table as of one moment: an import committing meanwhile must not leave
    order lines in the copy whose order is missing (or the other way round)."""
    if central.dialect.name == "sqlite":
        with central.connect() as source:
            # pysqlite opens a transaction only before writes, so each SELECT would see
            # its own moment; an explicit BEGIN pins one WAL snapshot for all of them.
            source.exec_driver_sql("BEGIN")
            return {t.name: [dict(row._mapping) for row in source.execute(select(t))] for t in tables}
    with central.connect().execution_options(isolation_level="REPEATABLE READ") as source, source.begin():
        return {t.name: [dict(row._mapping) for row in source.execute(select(t))] for t in tables}
