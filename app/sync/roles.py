"""PostgreSQL roles of the central database: one login role per station, limited to what a station does.

A station connects as its own role ``quai_station_<name>`` (``<name>`` is the station's name,
case kept: ``PICK-01`` logs in as ``quai_station_PICK-01``). Every station role is a member
of the group role ``quai_station``, which holds the privileges; a supervisor console's role
is also a member of ``quai_supervisor``. Group roles are cluster-wide; their privileges and
the row-level security policies are per database, (re)written by ``install_policies``.

What a station may do (GRANTs, then row-level security on top):

- connect, and create temporary tables of its own session (the push stages batches there);
- read the replicated tables (app.sync.capture.CAPTURED), ``events``, ``stations``,
  ``sync_state`` and ``changes`` (filled by SECURITY DEFINER triggers: read only);
- insert events: its own (``station`` = its name), or the central database's bookkeeping
  (``station = 'central'``, kinds ``event.not_applied`` / ``station.reincarnated``) about
  itself (``payload->>'station'`` = its name); never update or delete one;
- insert and update its own row of ``stations`` and its own ``incarnation:<name>`` row of
  ``sync_state`` (app.sync.central);
- update a pick's progress: ``order_lines`` (picked, captured, short) and ``stock.quantity``
  (column grants only; the push's claim guard decides which orders);
- update the status, claim and totes columns of ``orders`` (never the customer's data): only
  orders that are free, its own, or whose lease has run out (PostgreSQL's clock), and only to
  leave them unclaimed or claimed by itself (and not assigned to another station);
- clear ``assigned_to``, and only as the order leaves the stage it was assigned for (its
  pick done, its pack closed: app.store.orders.apply_state lapses the assignment); a
  trigger (``quai_station_assignment_guard``) refuses any other write of it by a station,
  so assigning stays a supervisor's console's power;
- take SSCC serial references (app.sync.sscc): read and move the counters
  (``sscc_counters``: a trigger refuses to move one back) and log the blocks it got
  (``sscc_blocks``), under its own name only.

It owns nothing (the tables belong to the administrator who ran ``quai central init``), so
it cannot drop, alter or truncate them; it cannot write users, products, locations, ….
A ``quai_supervisor`` member may in addition update any order (``assigned_to`` set to any
station, and ``priority``: force-release, reassign, reprioritise, app.sync.supervision) and
insert events under any station name; the person behind it
still proves they are a supervisor with badge + PIN (app.sync.claims).

Row-level security is enabled (not forced) on ``events``, ``stations``, ``sync_state`` and
``orders``: the owner and superusers bypass it, and a ``quai_others`` policy keeps every
role that is not a station working as before (its GRANTs alone limit it).

Names go into SQL only as identifiers quoted by psycopg.sql, after validation; the
password is turned into a SCRAM verifier on the client (libpq's PQencryptPasswordConn),
so neither the server's statement log nor an error message ever holds it in clear.

No Qt; plain blocking calls on a psycopg connection (``with_psycopg`` takes an Engine).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

import psycopg
from psycopg import sql
from sqlalchemy import Engine

from app.sync.capture import CAPTURED

STATION_GROUP = "quai_station"
SUPERVISOR_GROUP = "quai_supervisor"
STATION_PREFIX = "quai_station_"
MAX_IDENTIFIER = 63  # bytes (NAMEDATALEN - 1)
MAX_STATION_NAME = MAX_IDENTIFIER - len(STATION_PREFIX)  # 50
_NAME = re.compile(r"[A-Za-z0-9_.\-]+")

REPLICATED = tuple(CAPTURED)
STATION_READS = (*REPLICATED, "events", "stations", "sync_state")
CHANGES = "changes"  # read too, when it exists (app.sync.capture creates it)
ORDER_STATION_COLUMNS = (
    "status", "resume_status", "hold_reason", "exception_reason", "claimed_by", "claim_id", "lease_until", "updated_at",
    "totes",
    # A pack's close (app.store.packing_close.apply_closed): the carrier the plan chose, who packed it.
    "carrier", "service", "packed_by", "packed_at",
    # Cleared only, as the order leaves its stage (the trigger of _FUNCTIONS guards it).
    "assigned_to",
)
# What a pick changes centrally (app.store.picking's effects, applied by the station's push):
# the lines' progress and the shelf's stock. Column grants only; the push's claim guard
# (app.sync.central) decides which orders a station's events may move.
LINE_STATION_COLUMNS = ("picked", "captured", "short_quantity", "short_reason", "verified")
# A pack's close writes the order's parcels (app.store.packing_close), the handover ships them.
PARCEL_STATION_COLUMNS = ("sscc", "box_type_id", "weight_g", "contents", "kind", "status", "closed_at", "shipped_at")
STOCK_STATION_COLUMNS = ("quantity",)
# A supervisor console (app.sync.supervision) also reassigns and reprioritises orders.
# ``priority`` is the column only a supervisor's console may update: app.sync.supervision
# and app.sync.claims tell a console's role from a station's by it.
SUPERVISOR_ONLY_COLUMN = "priority"
ORDER_SUPERVISOR_COLUMNS = (*ORDER_STATION_COLUMNS, SUPERVISOR_ONLY_COLUMN)
STATION_ROW_COLUMNS = ("kind", "current_user", "last_seen_at", "pushed_seq")
SYNC_STATE_COLUMNS = ("value",)
CENTRAL_KINDS = ("event.not_applied", "station.reincarnated")  # app.sync.central
# SSCC numbering (app.sync.sscc), from schema 0005 on: a station reads the counter under a row
# lock and moves it forward, creates it on first use, and logs its block.
SSCC_COUNTERS = "sscc_counters"
SSCC_BLOCKS = "sscc_blocks"
SSCC_COUNTER_COLUMNS = ("next_serial", "updated_at")
RLS_TABLES = ("events", "stations", "sync_state", "orders", SSCC_BLOCKS)


class RoleError(ValueError):
    """A station name or role that cannot be used; never holds a password."""


def validate_station_name(name: str) -> str:
    """The name itself, if it can be a station's role name; else RoleError saying why."""
    if not name or not _NAME.fullmatch(name):
        raise RoleError(
            f"station name {name!r} may only hold letters, digits, '_', '.' and '-' (e.g. PICK-01)"
        )
    if len(name.encode()) > MAX_STATION_NAME:
        raise RoleError(
            f"station name {name!r} is {len(name.encode())} characters; at most {MAX_STATION_NAME} "
            f"(its PostgreSQL role {STATION_PREFIX}<name> must fit in {MAX_IDENTIFIER} bytes)"
        )
    return name


def station_role(name: str) -> str:
    """The login role of station ``name``: ``quai_station_<name>``."""
    return STATION_PREFIX + validate_station_name(name)


@contextmanager
def with_psycopg(engine: Engine) -> Iterator[psycopg.Connection]:
    """The psycopg connection under one of ``engine``'s pooled connections (PostgreSQL only)."""
    if engine.dialect.name != "postgresql":
        raise RoleError("database roles need a PostgreSQL central database, not the embedded SQLite file")
    raw = engine.raw_connection()
    try:
        yield raw.driver_connection
    finally:
        raw.close()


def _ident(*names: str) -> sql.Composable:
    return sql.SQL(", ").join(sql.Identifier(n) for n in names)


def _exists(conn: psycopg.Connection, table: str) -> bool:
    return conn.execute("SELECT to_regclass(%s) IS NOT NULL", (f"public.{table}",)).fetchone()[0]


def _present(conn: psycopg.Connection, table: str, columns: tuple[str, ...]) -> tuple[str, ...]:
    """The ``columns`` ``table`` has: a central database not yet upgraded lacks the newer ones
    (``quai central add-station`` keeps working on it, and grants them after the upgrade)."""
    rows = conn.execute(
        "SELECT column_name FROM information_schema.columns WHERE table_schema = 'public' AND table_name = %s",
        (table,),
    ).fetchall()
    have = {name for (name,) in rows}
    return tuple(c for c in columns if c in have)


def _create_group(conn: psycopg.Connection, name: str) -> None:
    """CREATE ROLE name NOLOGIN, unless it exists (another database, another admin, a race)."""
    if conn.execute("SELECT 1 FROM pg_roles WHERE rolname = %s", (name,)).fetchone():
        return
    try:
        with conn.transaction():  # a savepoint: losing the race to another session is fine
            conn.execute(sql.SQL("CREATE ROLE {} NOLOGIN").format(sql.Identifier(name)))
    except (psycopg.errors.DuplicateObject, psycopg.errors.UniqueViolation):
        pass


_FUNCTIONS = f"""
CREATE OR REPLACE FUNCTION public.quai_station_name() RETURNS text
LANGUAGE sql STABLE SET search_path = pg_catalog AS $fn$
    -- The station this session's role belongs to (quai_station_<name>), or NULL.
    SELECT CASE
        WHEN starts_with(current_user::text, '{STATION_PREFIX}')
             AND pg_has_role(current_user, '{STATION_GROUP}', 'MEMBER')
        THEN substr(current_user::text, {len(STATION_PREFIX) + 1})
    END
$fn$;

CREATE OR REPLACE FUNCTION public.quai_order_stage(status text, resume text) RETURNS text
LANGUAGE sql IMMUTABLE SET search_path = pg_catalog AS $fn$
    -- app.supervision.stages.stage_of: held or in exception, the stage it was held from.
    SELECT CASE CASE WHEN status IN ('on_hold', 'exception') THEN coalesce(resume, 'new') ELSE status END
        WHEN 'new' THEN 'pick' WHEN 'awaiting_stock' THEN 'pick' WHEN 'picking' THEN 'pick'
        WHEN 'picked' THEN 'pack' WHEN 'packing' THEN 'pack'
    END
$fn$;

CREATE OR REPLACE FUNCTION public.quai_station_assignment_guard() RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog AS $fn$
BEGIN
    -- A station may clear an assignment only as the order leaves the stage it was made
    -- for (app.store.orders.apply_state); setting one is a supervisor's console's power.
    IF public.quai_station_name() IS NOT NULL
       AND NOT pg_has_role(current_user, '{SUPERVISOR_GROUP}', 'MEMBER')
       AND NOT (NEW.assigned_to IS NULL
                AND public.quai_order_stage(OLD.status, OLD.resume_status)
                    IS DISTINCT FROM public.quai_order_stage(NEW.status, NEW.resume_status))
    THEN
        RAISE EXCEPTION 'station % may not assign orders: only a supervisor''s console may',
            public.quai_station_name() USING ERRCODE = 'insufficient_privilege';
    END IF;
    RETURN NEW;
END
$fn$;

DROP TRIGGER IF EXISTS quai_station_assignment_guard ON public.orders;
CREATE TRIGGER quai_station_assignment_guard BEFORE UPDATE OF assigned_to ON public.orders
    FOR EACH ROW EXECUTE FUNCTION public.quai_station_assignment_guard();
"""


def _policies() -> list[tuple[str, str]]:
    """(table, CREATE POLICY statement) for every policy; ``me`` is the session's station."""
    me = "(SELECT public.quai_station_name())"
    others = f"{me} IS NULL"
    kinds = ", ".join(f"'{k}'" for k in CENTRAL_KINDS)
    policies: list[tuple[str, str]] = []
    for table in RLS_TABLES:
        # Every role that is not a station (the administrator, the importer, a reporting
        # role) keeps what its GRANTs give it.
        policies.append((table, f"CREATE POLICY quai_others ON {table} TO PUBLIC USING ({others}) WITH CHECK ({others})"))
        policies.append((table, f"CREATE POLICY quai_station_read ON {table} FOR SELECT TO {STATION_GROUP} USING (true)"))
    policies += [
        ("events", f"CREATE POLICY quai_station_insert ON events FOR INSERT TO {STATION_GROUP} WITH CHECK ("
                   f"station = {me} OR (station = 'central' AND kind IN ({kinds}) AND payload->>'station' = {me}))"),
        ("events", f"CREATE POLICY quai_supervisor_insert ON events FOR INSERT TO {SUPERVISOR_GROUP} WITH CHECK (true)"),
        ("stations", f"CREATE POLICY quai_station_insert ON stations FOR INSERT TO {STATION_GROUP} "
                     f"WITH CHECK (name = {me})"),
        ("stations", f"CREATE POLICY quai_station_update ON stations FOR UPDATE TO {STATION_GROUP} "
                     f"USING (name = {me}) WITH CHECK (name = {me})"),
        ("sync_state", f"CREATE POLICY quai_station_insert ON sync_state FOR INSERT TO {STATION_GROUP} "
                       f"WITH CHECK (name = 'incarnation:' || {me})"),
        ("sync_state", f"CREATE POLICY quai_station_update ON sync_state FOR UPDATE TO {STATION_GROUP} "
                       f"USING (name = 'incarnation:' || {me}) WITH CHECK (name = 'incarnation:' || {me})"),
        # Free, its own, or a lease run out (PostgreSQL's clock): a station cannot take a live
        # claim from another one; and it leaves the order unclaimed or claimed by itself.
        ("orders", f"CREATE POLICY quai_station_update ON orders FOR UPDATE TO {STATION_GROUP} "
                   f"USING (claimed_by IS NULL OR claimed_by = {me} OR lease_until IS NULL OR lease_until < now()) "
                   f"WITH CHECK (claimed_by IS NULL OR (claimed_by = {me} AND (assigned_to IS NULL OR assigned_to = {me})))"),
        ("orders", f"CREATE POLICY quai_supervisor_update ON orders FOR UPDATE TO {SUPERVISOR_GROUP} "
                   f"USING (true) WITH CHECK (true)"),
        # A station logs the SSCC blocks it takes under its own name (app.sync.sscc).
        (SSCC_BLOCKS, f"CREATE POLICY quai_station_insert ON {SSCC_BLOCKS} FOR INSERT TO {STATION_GROUP} "
                      f"WITH CHECK (station = {me})"),
    ]
    return policies


def _sequences(conn: psycopg.Connection, columns: list[tuple[str, str]]) -> list[str]:
    found = []
    for table, column in columns:
        row = conn.execute("SELECT pg_get_serial_sequence(%s, %s)", (f"public.{table}", column)).fetchone()
        if row and row[0]:
            found.append(row[0])
    return found


@dataclass(frozen=True)
class Installed:
    changes: bool  # whether ``changes`` existed (and so is readable by the stations)


def install_policies(conn: psycopg.Connection) -> Installed:
    """Create the group roles if needed and (re)write their privileges and the RLS policies.

    Idempotent: every run revokes the groups' table privileges and drops Quai's policies
    first, then grants and creates them again, in one transaction. Run it again after a
    schema upgrade (``quai central add-station`` does), e.g. once ``changes`` exists.
    Commits (the connection must not be in autocommit mode).
    """
    for group in (STATION_GROUP, SUPERVISOR_GROUP):
        _create_group(conn, group)
    groups = _ident(STATION_GROUP, SUPERVISOR_GROUP)
    database = conn.execute("SELECT current_database()").fetchone()[0]
    with conn.transaction():
        # TEMPORARY: the push stages a batch in a temporary table of its session (app.sync.central).
        conn.execute(sql.SQL("GRANT CONNECT, TEMPORARY ON DATABASE {} TO {}").format(sql.Identifier(database), groups))
        conn.execute(sql.SQL("GRANT USAGE ON SCHEMA public TO {}").format(groups))
        conn.execute(sql.SQL("REVOKE ALL ON ALL TABLES IN SCHEMA public FROM {}").format(groups))
        conn.execute(sql.SQL("REVOKE ALL ON ALL SEQUENCES IN SCHEMA public FROM {}").format(groups))
        has_changes = _exists(conn, CHANGES)
        reads = [t for t in STATION_READS if _exists(conn, t)]
        if has_changes:
            reads.append(CHANGES)
        if _exists(conn, "alembic_version"):
            reads.append("alembic_version")  # so a station can tell the schema's version
        conn.execute(sql.SQL("GRANT SELECT ON {} TO {}").format(_ident(*reads), groups))
        for group, order_columns in ((STATION_GROUP, ORDER_STATION_COLUMNS), (SUPERVISOR_GROUP, ORDER_SUPERVISOR_COLUMNS)):
            role = sql.Identifier(group)
            conn.execute(sql.SQL("GRANT INSERT ON events, stations, sync_state TO {}").format(role))
            conn.execute(sql.SQL("GRANT UPDATE ({}) ON orders TO {}").format(
                _ident(*_present(conn, "orders", order_columns)), role))
            conn.execute(sql.SQL("GRANT UPDATE ({}) ON order_lines TO {}").format(
                _ident(*_present(conn, "order_lines", LINE_STATION_COLUMNS)), role))
            conn.execute(sql.SQL("GRANT UPDATE ({}) ON stock TO {}").format(_ident(*STOCK_STATION_COLUMNS), role))
            conn.execute(sql.SQL("GRANT INSERT, DELETE ON parcels TO {}").format(role))
            conn.execute(sql.SQL("GRANT UPDATE ({}) ON parcels TO {}").format(
                _ident(*_present(conn, "parcels", PARCEL_STATION_COLUMNS)), role))
            conn.execute(sql.SQL("GRANT UPDATE ({}) ON stations TO {}").format(_ident(*STATION_ROW_COLUMNS), role))
            conn.execute(sql.SQL("GRANT UPDATE ({}) ON sync_state TO {}").format(_ident(*SYNC_STATE_COLUMNS), role))
        has_sscc = _exists(conn, SSCC_COUNTERS) and _exists(conn, SSCC_BLOCKS)
        if has_sscc:
            station = sql.Identifier(STATION_GROUP)
            conn.execute(sql.SQL("GRANT SELECT, INSERT ON {}, {} TO {}").format(
                sql.Identifier(SSCC_COUNTERS), sql.Identifier(SSCC_BLOCKS), station))
            conn.execute(sql.SQL("GRANT UPDATE ({}) ON {} TO {}").format(
                _ident(*SSCC_COUNTER_COLUMNS), sql.Identifier(SSCC_COUNTERS), station))
        serials = [("events", "seq"), ("stations", "id"), ("parcels", "id")] + ([(SSCC_BLOCKS, "id")] if has_sscc else [])
        sequences = _sequences(conn, serials)
        if sequences:
            conn.execute(
                sql.SQL("GRANT USAGE ON SEQUENCE {} TO {}").format(
                    sql.SQL(", ").join(sql.SQL(s) for s in _quoted_sequences(conn, sequences)), groups
                )
            )
        conn.execute(_FUNCTIONS)
        rls_tables = [t for t in RLS_TABLES if t != SSCC_BLOCKS or has_sscc]  # a schema before 0005
        for table in rls_tables:
            for (name,) in conn.execute(
                "SELECT policyname FROM pg_policies WHERE schemaname = 'public' AND tablename = %s "
                "AND starts_with(policyname, 'quai_')",
                (table,),
            ).fetchall():
                conn.execute(sql.SQL("DROP POLICY {} ON {}").format(sql.Identifier(name), sql.Identifier(table)))
            conn.execute(sql.SQL("ALTER TABLE {} ENABLE ROW LEVEL SECURITY").format(sql.Identifier(table)))
        for table, statement in _policies():
            if table in rls_tables:
                conn.execute(statement)
    conn.commit()
    return Installed(changes=has_changes)


def _quoted_sequences(conn: psycopg.Connection, sequences: list[str]) -> list[str]:
    # pg_get_serial_sequence returns an already quoted, schema-qualified name; regclass
    # round-trips it so only a real sequence's name reaches the statement.
    return [conn.execute("SELECT %s::regclass::text", (s,)).fetchone()[0] for s in sequences]


def _encrypted(conn: psycopg.Connection, role: str, password: str) -> str:
    """The password as the verifier PostgreSQL stores (SCRAM-SHA-256 by default), computed here."""
    return conn.pgconn.encrypt_password(password.encode(), role.encode()).decode()


def add_station(
    conn: psycopg.Connection, name: str, password: str | None = None, *, supervisor: bool = False
) -> str:
    """Create (or update) station ``name``'s login role, in this database's policies; return its name.

    With ``password`` the role's password is set (else an existing one is kept: without
    any, the role logs in only where pg_hba.conf trusts it or by certificate). With
    ``supervisor`` it also joins ``quai_supervisor``; without, it leaves it. The role is
    refused if it exists with powers a station must not have (superuser, …).
    """
    role = station_role(name)
    install_policies(conn)
    with conn.transaction():
        row = conn.execute(
            "SELECT rolsuper OR rolcreaterole OR rolcreatedb OR rolbypassrls OR rolreplication "
            "FROM pg_roles WHERE rolname = %s",
            (role,),
        ).fetchone()
        ident = sql.Identifier(role)
        if row is None:
            conn.execute(sql.SQL("CREATE ROLE {} LOGIN INHERIT").format(ident))
        elif row[0]:
            raise RoleError(
                f"role {role} already exists with administrator powers (superuser, createrole, createdb, "
                "bypassrls or replication): a station's role must not have them; drop or alter it first"
            )
        else:
            conn.execute(sql.SQL("ALTER ROLE {} LOGIN INHERIT").format(ident))
        conn.execute(sql.SQL("GRANT {} TO {}").format(sql.Identifier(STATION_GROUP), ident))
        if supervisor:
            conn.execute(sql.SQL("GRANT {} TO {}").format(sql.Identifier(SUPERVISOR_GROUP), ident))
        else:
            conn.execute(sql.SQL("REVOKE {} FROM {}").format(sql.Identifier(SUPERVISOR_GROUP), ident))
        if password is not None:
            if not password:
                raise RoleError(f"the password for {role} is empty")
            verifier = _encrypted(conn, role, password)
            conn.execute(sql.SQL("ALTER ROLE {} PASSWORD {}").format(ident, sql.Literal(verifier)))
    conn.commit()
    return role


def is_supervisor(conn: psycopg.Connection, role: str) -> bool:
    row = conn.execute("SELECT pg_has_role(%s, %s, 'MEMBER')", (role, SUPERVISOR_GROUP)).fetchone()
    return bool(row[0])
