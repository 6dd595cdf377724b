"""Change capture on the central database: triggers that log every changed replicated row.

The stations keep their replica current by pulling the rows named in ``changes`` since
their cursor (app.sync.pull). Triggers, not application code, write that log, so no
writer can forget it: an import, a claim, a supervisor's reassignment, a status applied
from a station's event, even an administrator in psql.

- PostgreSQL: one PL/pgSQL function, statement-level triggers with transition tables (an
  import of 10 000 orders logs them in one INSERT ... SELECT, not 10 000 trigger calls).
  Each row records ``pg_current_xact_id()``, the pull's cursor. The function is
  SECURITY DEFINER: station roles may read ``changes`` but never write it. It names
  ``public.changes`` and puts ``pg_temp`` last on its search path: a station (which may
  create temporary tables, for the push) cannot divert the log into a table of its own. It ends with
  ``pg_notify('quai_changes', '')``, sent at commit (PostgreSQL folds the duplicates of
  one transaction into one), the stations' wake-up (app.sync.listen); and, when an order's
  claim changed hands (reassigned, released, cancelled), ``'lost:<station>'`` to its
  holder, which then checks its claims without waiting for its sync cycle.
- SQLite (the embedded central): row-level triggers; writers are serialised, so ``seq``
  is in commit order and is the cursor alone.

Quiet columns: a heartbeat renews ``orders.lease_until`` (and so ``updated_at``) every
few seconds for every claimed order; that is not news for anybody, so an update that
changes only quiet columns logs nothing.

Only the central database gets the triggers (a station's replica would log its own pull
for nobody): ``prepare_central`` migrates and (re)installs them, and `quai central
init|upgrade` calls it. Re-installing is harmless, and regenerates the SQLite triggers'
column lists after a migration changed a table. TRUNCATE is not captured: never truncate
a replicated table on a live central database.
"""

from __future__ import annotations

import uuid

from sqlalchemy import Connection, Engine, Table, select
from sqlalchemy.dialects import postgresql, sqlite

from app.store.migrate import upgrade
from app.store.models import Base, SyncState

# Replicated table -> the column that names a row in ``changes.row_key``. Parents first.
CAPTURED: dict[str, str] = {
    "products": "id",
    "product_gtins": "gtin",
    "locations": "id",
    "stock": "id",
    "users": "id",
    "stations": "id",  # who is on which station, last seen (app.sync.central): the console reads it
    "box_types": "id",
    "orders": "id",
    "order_lines": "id",
    "parcels": "id",
}
QUIET_COLUMNS: dict[str, tuple[str, ...]] = {
    "orders": ("lease_until", "updated_at"),
    # Every push moves its station's pushed_seq: bookkeeping, not news for the replicas.
    "stations": ("pushed_seq",),
}
NOTIFY_CHANNEL = "quai_changes"
LOST_PREFIX = "lost:"  # payload "lost:<station>": that station's claim changed hands
# Central ``sync_state`` name of the central database's identity: a station whose cursor
# was taken on another central database (or on one rebuilt since) starts from a snapshot.
CENTRAL_ID = "central_id"
_OPS = ("ins", "upd", "del")

_PG_FUNCTION = f"""
CREATE OR REPLACE FUNCTION quai_capture() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $fn$
DECLARE
    key_column text := TG_ARGV[0];
    quiet text[] := coalesce(TG_ARGV[1:], '{{}}'::text[]);
    txid bigint := pg_current_xact_id()::text::bigint;
    logged bigint;
BEGIN
    IF TG_OP = 'INSERT' THEN
        INSERT INTO public.changes (txid, table_name, row_key)
        SELECT txid, TG_TABLE_NAME, to_jsonb(n) ->> key_column FROM new_rows n;
    ELSIF TG_OP = 'DELETE' THEN
        INSERT INTO public.changes (txid, table_name, row_key)
        SELECT txid, TG_TABLE_NAME, to_jsonb(o) ->> key_column FROM old_rows o;
    ELSE
        -- Old and new versions of each row, matched by key (a key that changed shows up
        -- twice: the old key deleted, the new one inserted); quiet columns ignored.
        INSERT INTO public.changes (txid, table_name, row_key)
        SELECT txid, TG_TABLE_NAME, coalesce(nj ->> key_column, oj ->> key_column)
        FROM (SELECT to_jsonb(n) AS nj FROM new_rows n) AS nn
        FULL JOIN (SELECT to_jsonb(o) AS oj FROM old_rows o) AS oo
            ON nj ->> key_column = oj ->> key_column
        WHERE nj IS NULL OR oj IS NULL OR (nj - quiet) IS DISTINCT FROM (oj - quiet);
    END IF;
    GET DIAGNOSTICS logged = ROW_COUNT;
    IF logged > 0 THEN
        PERFORM pg_notify('{NOTIFY_CHANNEL}', '');
    END IF;
    IF TG_TABLE_NAME = 'orders' AND TG_OP = 'UPDATE' THEN
        -- A station whose claim was taken away (reassigned, released, cancelled) gets a
        -- notification of its own, so it checks its claims at once (app.sync.engine).
        PERFORM pg_notify('{NOTIFY_CHANNEL}', '{LOST_PREFIX}' || holder)
        FROM (
            SELECT DISTINCT o.claimed_by AS holder
            FROM old_rows o JOIN new_rows n ON n.id = o.id
            WHERE o.claimed_by IS NOT NULL
              AND (n.claimed_by IS DISTINCT FROM o.claimed_by OR n.claim_id IS DISTINCT FROM o.claim_id
                   OR (n.status = 'cancelled' AND o.status IS DISTINCT FROM 'cancelled'))
        ) AS holders;
    END IF;
    RETURN NULL;
END
$fn$
"""


def _pg_triggers(table: str, key: str) -> list[str]:
    args = ", ".join(f"'{a}'" for a in (key, *QUIET_COLUMNS.get(table, ())))
    head = "CREATE OR REPLACE TRIGGER quai_capture_{op} AFTER {event} ON {table} REFERENCING {refs} FOR EACH STATEMENT"
    tail = f" EXECUTE FUNCTION quai_capture({args})"
    return [
        head.format(op="ins", event="INSERT", table=table, refs="NEW TABLE AS new_rows") + tail,
        head.format(op="upd", event="UPDATE", table=table, refs="OLD TABLE AS old_rows NEW TABLE AS new_rows") + tail,
        head.format(op="del", event="DELETE", table=table, refs="OLD TABLE AS old_rows") + tail,
    ]


def _sqlite_triggers(table: Table, key: str) -> list[str]:
    quiet = set(QUIET_COLUMNS.get(table.name, ()))
    changed = " OR ".join(f'NEW."{c.name}" IS NOT OLD."{c.name}"' for c in table.columns if c.name not in quiet)
    log = "INSERT INTO changes (table_name, row_key) VALUES ('{t}', CAST({row}.\"{k}\" AS TEXT));"
    name = f"quai_capture_{table.name}"
    return [
        f"CREATE TRIGGER {name}_ins AFTER INSERT ON {table.name} BEGIN "
        + log.format(t=table.name, row="NEW", k=key) + " END",
        f"CREATE TRIGGER {name}_upd AFTER UPDATE ON {table.name} WHEN {changed} BEGIN "
        + log.format(t=table.name, row="NEW", k=key)
        + f" INSERT INTO changes (table_name, row_key) SELECT '{table.name}', CAST(OLD.\"{key}\" AS TEXT)"
        + f' WHERE OLD."{key}" IS NOT NEW."{key}"; END',
        f"CREATE TRIGGER {name}_del AFTER DELETE ON {table.name} BEGIN "
        + log.format(t=table.name, row="OLD", k=key) + " END",
    ]


def install(engine: Engine) -> None:
    """(Re)install the capture triggers on ``engine``'s database, in one transaction."""
    with engine.begin() as connection:
        install_on(connection)


def install_on(connection: Connection) -> None:
    table = SyncState.__table__
    insert = postgresql.insert if connection.dialect.name == "postgresql" else sqlite.insert
    connection.execute(
        insert(table).values(name=CENTRAL_ID, value=str(uuid.uuid4())).on_conflict_do_nothing(index_elements=["name"])
    )
    if connection.dialect.name == "postgresql":
        connection.exec_driver_sql(_PG_FUNCTION)
        for table, key in CAPTURED.items():
            for statement in _pg_triggers(table, key):
                connection.exec_driver_sql(statement)
        return
    for table, key in CAPTURED.items():
        for op in _OPS:
            connection.exec_driver_sql(f"DROP TRIGGER IF EXISTS quai_capture_{table}_{op}")
        for statement in _sqlite_triggers(Base.metadata.tables[table], key):
            connection.exec_driver_sql(statement)


def installed(engine: Engine) -> bool:
    """Whether every capture trigger is there (a central database prepared by Quai)."""
    with engine.connect() as connection:
        if connection.dialect.name == "postgresql":
            rows = connection.exec_driver_sql(
                "SELECT c.relname, t.tgname FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid "
                "WHERE starts_with(t.tgname, 'quai_capture_') AND NOT t.tgisinternal"
            ).all()
            found = {f"{table}:{name}" for table, name in rows}
            wanted = {f"{t}:quai_capture_{op}" for t in CAPTURED for op in _OPS}
        else:
            rows = connection.exec_driver_sql(
                "SELECT name FROM sqlite_master WHERE type = 'trigger' AND substr(name, 1, 13) = 'quai_capture_'"
            ).all()
            found = {name for (name,) in rows}
            wanted = {f"quai_capture_{t}_{op}" for t in CAPTURED for op in _OPS}
    return wanted <= found


def prepare_central(engine: Engine) -> None:
    """Migrate a central database to the latest schema and (re)install its change capture."""
    upgrade(engine)
    install(engine)


def central_id(connection: Connection) -> str | None:
    """The central database's identity (None: not prepared by ``prepare_central``)."""
    table = SyncState.__table__
    return connection.execute(select(table.c.value).where(table.c.name == CENTRAL_ID)).scalar_one_or_none()
