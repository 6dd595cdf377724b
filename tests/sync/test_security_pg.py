"""PostgreSQL only: each station connects as its own role and can do its job, nothing more.

Roles are cluster-wide: every test makes stations with a unique name and drops their
roles afterwards (``DROP OWNED BY``, ``DROP ROLE``). The group roles quai_station and
quai_supervisor stay: their privileges live and die with each test's database.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import logging
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path

import psycopg
import pytest
from sqlalchemy import Engine, select
from sqlalchemy.engine import make_url
from sqlalchemy.exc import OperationalError, ProgrammingError
from sqlalchemy.orm import Session, sessionmaker

from app.config import ConfigError, load_config
from app.domain.events import ORDER_STATUS_CHANGED, utc_now
from app.domain.roles import Role
from app.store.db import make_engine, session_factory, transaction
from app.store.events import record
from app.store.models import Event, Order, Product, Station, SyncState, User
from app.store.users import add_user
from app.sync import claims, roles
from app.sync.capture import prepare_central
from app.sync.central import EVENT_NOT_APPLIED, STATION_REINCARNATED
from app.sync.push import push_all
from tests.sync.test_push import assert_landed_exactly_once
from tests.sync.test_push import make_station as make_local_store

pytestmark = pytest.mark.postgres

SUP, PIN = "BDG0042", "7315"
DENIED = psycopg.errors.InsufficientPrivilege  # SQLSTATE 42501: GRANTs and RLS checks alike


@dataclass
class StationRole:
    name: str  # the station's name
    role: str  # its PostgreSQL login role
    url: str  # postgresql://<role>@host/db
    engine: Engine

    @property
    def factory(self) -> sessionmaker[Session]:
        return session_factory(self.engine)

    def psycopg(self) -> psycopg.Connection:
        return psycopg.connect(self.url.replace("postgresql+psycopg://", "postgresql://"), autocommit=True)


@pytest.fixture
def central(pg_engine: Engine) -> Engine:
    """A prepared central database (schema + change capture) with a supervisor and orders."""
    prepare_central(pg_engine)
    factory = session_factory(pg_engine)
    with transaction(factory) as session:
        add_user(session, name="Sam Sup", badge=SUP, roles=frozenset({Role.SUPERVISOR}), pin=PIN)
        session.add(Product(sku="SKU-1", name="Mug"))
        for number in ("O-1", "O-2", "O-3", "O-4"):
            session.add(Order(number=number, status="new"))
    return pg_engine


@pytest.fixture
def make_station(central: Engine, pg_url: str) -> Iterator[Callable[..., StationRole]]:
    made: list[StationRole] = []

    def make(prefix: str = "S", *, supervisor: bool = False, password: str | None = None) -> StationRole:
        name = f"{prefix}-{uuid.uuid4().hex[:8]}"
        with roles.with_psycopg(central) as conn:
            role = roles.add_station(conn, name, password, supervisor=supervisor)
        url = make_url(pg_url).set(username=role, password=None).render_as_string(hide_password=False)
        station = StationRole(name, role, url, make_engine(url))
        made.append(station)
        return station

    yield make
    for station in made:
        station.engine.dispose()
    admin_url = make_url(pg_url).set(drivername="postgresql").render_as_string(hide_password=False)
    with psycopg.connect(admin_url, autocommit=True) as admin:
        for station in made:
            admin.execute(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = %s", (station.role,)
            )
            role = psycopg.sql.Identifier(station.role)
            admin.execute(psycopg.sql.SQL("DROP OWNED BY {}").format(role))
            admin.execute(psycopg.sql.SQL("DROP ROLE {}").format(role))


def order_row(engine: Engine, number: str) -> Order:
    with Session(engine) as session:
        return session.scalars(select(Order).where(Order.number == number)).one()


def denied(conn: psycopg.Connection, statement: str, params: tuple = ()) -> str:
    """Run ``statement``, which must be refused with SQLSTATE 42501; return the message."""
    with pytest.raises(DENIED) as refused:
        conn.execute(statement, params)
    return str(refused.value)


# --- what a station may do -------------------------------------------------------------


def test_station_pushes_claims_heartbeats_and_releases_as_its_own_role(make_station, central, tmp_path) -> None:
    a = make_station("A")
    local = make_station_store(tmp_path, a.name, 30)
    result = push_all(local, a.factory, a.name, batch=7)
    assert (result.sent, result.duplicates) == (30, 0)
    assert_landed_exactly_once(central, local, a.name)
    assert push_all(local, a.factory, a.name).sent == 0  # nothing left: marked pushed

    # Claims, as the station's role, with the real clock (the RLS policy compares leases with now()).
    got = claims.claim_next(a.factory, a.name, count=2)
    assert [c.order_number for c in got] == ["O-1", "O-2"]
    beat = claims.heartbeat(a.factory, a.name, [c.claim_id for c in got])
    assert beat.renewed == [c.claim_id for c in got] and beat.lost == []
    assert claims.release(a.factory, a.name, got[1].claim_id) is True
    assert order_row(central, "O-2").claimed_by is None

    # A status change pushed for its claimed order is applied (column UPDATE on orders).
    with transaction(local) as session:
        record(session, ORDER_STATUS_CHANGED, {"order": "O-1", "to": "picking"}, station=a.name)
    assert push_all(local, a.factory, a.name).sent == 1
    assert order_row(central, "O-1").status == "picking"

    # The central bookkeeping the station's push writes about itself is allowed too.
    b = make_station("B")
    [held_by_b] = claims.claim_next(b.factory, b.name)
    with transaction(local) as session:
        record(session, ORDER_STATUS_CHANGED, {"order": held_by_b.order_number, "to": "picking"}, station=a.name)
    assert push_all(local, a.factory, a.name).sent == 1
    reborn = make_station_store(tmp_path / "again", a.name, 2)  # recreated local database
    assert push_all(reborn, a.factory, a.name).sent == 2
    with Session(central) as session:
        kinds = {e.kind: e for e in session.scalars(select(Event).where(Event.station == "central"))}
    assert kinds[EVENT_NOT_APPLIED].payload["station"] == a.name
    assert kinds[STATION_REINCARNATED].payload["station"] == a.name
    assert order_row(central, held_by_b.order_number).status == "new"  # B's order was not moved by A

    # The change log is readable (pull), never writable.
    with a.psycopg() as conn:
        assert conn.execute("SELECT count(*) FROM changes").fetchone()[0] > 0
        denied(conn, "INSERT INTO changes (txid, table_name, row_key) VALUES (1, 'orders', '1')")


def test_a_pick_pushed_as_the_station_s_role_moves_lines_stock_and_totes(make_station, central, tmp_path) -> None:
    """The effects of a pick (app.store.picking) need column grants on order_lines, stock and
    orders.totes: without them the push of the first scan is refused and the outbox sticks."""
    from app.store.models import Location, OrderLine, Stock

    with transaction(session_factory(central)) as session:
        order = session.scalars(select(Order).where(Order.number == "O-3")).one()
        product = session.scalars(select(Product).where(Product.sku == "SKU-1")).one()
        location = Location(code="A-01-01-1", zone="A", aisle="01", bay="01", level="1", pick_sequence=1)
        session.add(location)
        session.flush()
        session.add(Stock(product_id=product.id, location_id=location.id, quantity=5, lot=""))
        line = OrderLine(order_id=order.id, line_no=1, sku="SKU-1", name="Mug", quantity=2)
        session.add(line)
        session.flush()
        line_id = line.id
    a = make_station("P")
    claims.claim_order(a.factory, a.name, "O-3")
    local = make_station_store(tmp_path, a.name, 0)
    with transaction(local) as session:
        record(session, ORDER_STATUS_CHANGED, {"order": "O-3", "to": "picking"}, station=a.name)
        for n in (1, 2):
            record(session, "pick.unit", {"order": "O-3", "line_id": line_id, "sku": "SKU-1", "location": "A-01-01-1",
                                          "quantity": 1, "lot": None, "expiry": None, "serial": None, "n": n},
                   station=a.name, order_number="O-3")
        record(session, ORDER_STATUS_CHANGED, {"order": "O-3", "from": "picking", "to": "picked", "totes": ["TOT001"]},
               station=a.name)
    assert push_all(local, a.factory, a.name).sent == 4
    with Session(central) as session:
        line = session.get(OrderLine, line_id)
        assert line.picked == 2 and len(line.captured) == 2
        assert session.scalars(select(Stock.quantity)).one() == 3
        order = session.scalars(select(Order).where(Order.number == "O-3")).one()
        assert (order.status, order.totes) == ("picked", ["TOT001"])
        assert not session.scalars(select(Event).where(Event.kind == EVENT_NOT_APPLIED)).all()
    with a.psycopg() as conn:  # the grants stop at the columns a pick moves
        denied(conn, "UPDATE order_lines SET quantity = 99")
        denied(conn, "UPDATE stock SET lot = 'X'")


def make_station_store(directory: Path, name: str, n_events: int) -> sessionmaker[Session]:
    directory.mkdir(parents=True, exist_ok=True)
    return make_local_store(directory, name, n_events)


# --- what it may not ---------------------------------------------------------------------


def test_station_cannot_drop_rewrite_impersonate_or_change_users(make_station, central) -> None:
    a, b = make_station("A"), make_station("B")
    [b_claim] = claims.claim_next(b.factory, b.name)
    with transaction(session_factory(central)) as session:
        session.add(Station(name=b.name, kind="any", pushed_seq=17))
    with a.psycopg() as conn:
        assert conn.execute("SELECT quai_station_name()").fetchone()[0] == a.name
        for statement in (
            "DROP TABLE events",
            "DROP TABLE orders CASCADE",
            "TRUNCATE events",
            "ALTER TABLE events DISABLE ROW LEVEL SECURITY",
            "UPDATE events SET kind = 'rewritten'",
            "DELETE FROM events",
            "UPDATE users SET roles = 'picker,supervisor'",
            "INSERT INTO users (name, badge, roles, active, created_at) VALUES ('x', 'BDG666', 'supervisor', true, now())",
            "DELETE FROM users",
            "UPDATE products SET name = 'x'",
            "UPDATE orders SET assigned_to = NULL",  # a supervisor's column
            "UPDATE orders SET customer_name = 'x'",
            "DELETE FROM orders",
            "CREATE TABLE mine (x int)",
            "CREATE ROLE quai_station_evil LOGIN",
        ):
            denied(conn, statement)
        events_before = conn.execute("SELECT count(*) FROM events").fetchone()[0]
        # Events: only its own, or the central bookkeeping about itself.
        insert = (
            "INSERT INTO events (id, occurred_at, station, kind, payload) VALUES (%s, now(), %s, %s, %s::json)"
        )
        assert "row-level security" in denied(conn, insert, (str(uuid.uuid4()), b.name, "scan.accepted", "{}"))
        denied(conn, insert, (str(uuid.uuid4()), "central", EVENT_NOT_APPLIED, f'{{"station": "{b.name}"}}'))
        denied(conn, insert, (str(uuid.uuid4()), "central", "order.cancelled", f'{{"station": "{a.name}"}}'))
        conn.execute(insert, (str(uuid.uuid4()), a.name, "scan.accepted", "{}"))  # its own: fine
        assert conn.execute("SELECT count(*) FROM events").fetchone()[0] == events_before + 1
        # Another station's rows of stations / sync_state: not visible to UPDATE, not insertable.
        assert conn.execute("UPDATE stations SET pushed_seq = 0 WHERE name = %s", (b.name,)).rowcount == 0
        denied(conn, "INSERT INTO stations (name, kind, pushed_seq) VALUES (%s, 'any', 0)", (f"{b.name}-x",))
        denied(conn, "INSERT INTO sync_state (name, value) VALUES (%s, 'x')", (f"incarnation:{b.name}",))
        assert conn.execute("UPDATE sync_state SET value = 'x' WHERE name = 'central_id'").rowcount == 0
        # Orders: not claimed for someone else, and a live claim of another station is out of reach.
        denied(conn, "UPDATE orders SET claimed_by = %s WHERE number = 'O-4'", (b.name,))
        assert conn.execute(
            "UPDATE orders SET claimed_by = %s, lease_until = now() + interval '1 hour' WHERE number = %s",
            (a.name, b_claim.order_number),
        ).rowcount == 0
    with Session(central) as session:
        assert session.scalars(select(Station.pushed_seq).where(Station.name == b.name)).one() == 17
        assert session.scalars(select(SyncState.value).where(SyncState.name == "central_id")).one() != "x"
        assert session.scalars(select(User.roles).where(User.badge == SUP)).one() == "supervisor"
    assert order_row(central, b_claim.order_number).claimed_by == b.name
    assert order_row(central, "O-4").claimed_by is None


def test_station_cannot_claim_or_push_as_another_station(make_station, central, tmp_path) -> None:
    a, b = make_station("A"), make_station("B")
    with pytest.raises(ProgrammingError) as refused:
        claims.claim_next(a.factory, b.name)
    assert isinstance(refused.value.orig, DENIED)
    local = make_station_store(tmp_path, b.name, 3)
    with pytest.raises(ProgrammingError) as refused:
        push_all(local, a.factory, b.name)  # A's credentials, B's name
    assert isinstance(refused.value.orig, DENIED)
    with Session(central) as session:
        assert session.scalars(select(Event).where(Event.station == b.name)).all() == []
        assert session.scalars(select(Order).where(Order.claimed_by.is_not(None))).all() == []


def test_station_cannot_force_release_or_reassign_even_with_a_supervisor_pin(make_station, central) -> None:
    a, b = make_station("A"), make_station("B")
    [claim] = claims.claim_next(b.factory, b.name)
    with pytest.raises(claims.NotAuthorized, match=f"database role {a.role} may not do supervisor actions"):
        claims.force_release(a.factory, claim.order_number, supervisor=SUP, pin=PIN, reason="x", station=a.name)
    with pytest.raises(claims.NotAuthorized, match="may not do supervisor actions"):
        claims.reassign(a.factory, claim.order_number, to_station=a.name, supervisor=SUP, pin=PIN, reason="x",
                        station=a.name)
    held = order_row(central, claim.order_number)
    assert (held.claimed_by, held.assigned_to) == (b.name, None)
    with a.psycopg() as conn:  # and the database itself refuses, whatever the code says
        denied(conn, "UPDATE orders SET assigned_to = %s", (a.name,))
        assert conn.execute("UPDATE orders SET claimed_by = NULL WHERE number = %s", (claim.order_number,)).rowcount == 0
    assert order_row(central, claim.order_number).claimed_by == b.name


# --- supervisor console ------------------------------------------------------------------


def test_supervisor_console_force_releases_and_reassigns_with_badge_and_pin(make_station, central) -> None:
    sup, b = make_station("SUP", supervisor=True), make_station("B")
    [claim] = claims.claim_next(b.factory, b.name)
    number = claim.order_number
    with pytest.raises(claims.NotAuthorized, match="not recognised"):
        claims.force_release(sup.factory, number, supervisor=SUP, pin="0000", reason="x", station=sup.name)
    assert order_row(central, number).claimed_by == b.name
    assert claims.force_release(sup.factory, number, supervisor=SUP, pin=PIN, reason="B broken", station=sup.name)
    [claim] = claims.claim_next(b.factory, b.name)
    assert claims.reassign(
        sup.factory, claim.order_number, to_station="C-1", supervisor=SUP, pin=PIN, reason="load", station=sup.name
    ) == b.name
    held = order_row(central, claim.order_number)
    assert (held.claimed_by, held.assigned_to) == (None, "C-1")
    with Session(central) as session:
        kinds = [e.kind for e in session.scalars(select(Event).where(Event.actor == SUP).order_by(Event.seq))]
    assert kinds == [claims.ORDER_FORCE_RELEASED, claims.ORDER_REASSIGNED]
    # Still a station for everything else.
    with sup.psycopg() as conn:
        denied(conn, "UPDATE users SET active = false")
        denied(conn, "DELETE FROM events")
        denied(conn, "DROP TABLE orders CASCADE")
    # Back to a plain station: the supervisor powers go.
    with roles.with_psycopg(central) as conn:
        roles.add_station(conn, sup.name)
        assert roles.is_supervisor(conn, sup.role) is False
    sup.engine.dispose()
    with pytest.raises(claims.NotAuthorized, match="may not do supervisor actions"):
        claims.force_release(sup.factory, "O-4", supervisor=SUP, pin=PIN, reason="x")


# --- roles and policies themselves -------------------------------------------------------


def test_other_roles_are_not_hidden_by_row_level_security(make_station, central, pg_url) -> None:
    """A role that is not a station (a reporting role here) sees what its GRANTs give it."""
    make_station("A")
    report = f"quai_report_{uuid.uuid4().hex[:8]}"
    admin_url = make_url(pg_url).set(drivername="postgresql").render_as_string(hide_password=False)
    ident = psycopg.sql.Identifier(report)
    with psycopg.connect(admin_url, autocommit=True) as admin:
        admin.execute(psycopg.sql.SQL("CREATE ROLE {} LOGIN").format(ident))
        admin.execute(psycopg.sql.SQL("GRANT SELECT ON events, orders TO {}").format(ident))
        total = admin.execute("SELECT count(*) FROM events").fetchone()[0]
        try:
            with psycopg.connect(make_url(admin_url).set(username=report).render_as_string(hide_password=False)) as conn:
                assert total > 0
                assert conn.execute("SELECT count(*) FROM events").fetchone()[0] == total
                assert conn.execute("SELECT count(*) FROM orders").fetchone()[0] == 4
        finally:
            admin.execute(psycopg.sql.SQL("DROP OWNED BY {}").format(ident))
            admin.execute(psycopg.sql.SQL("DROP ROLE {}").format(ident))


def test_install_policies_is_idempotent_and_grants_changes_once_it_exists(make_station, pg_url) -> None:
    """Before change capture exists the grants still install; a re-run then covers ``changes``."""
    bare = make_engine(pg_url)
    try:
        with roles.with_psycopg(bare) as conn:
            conn.execute("ALTER TABLE changes RENAME TO changes_later")  # as before the capture migration
            conn.commit()
            assert roles.install_policies(conn).changes is False
            assert roles.install_policies(conn).changes is False  # twice: same result, no error
        a = make_station("A")
        with a.psycopg() as conn:
            assert conn.execute("SELECT count(*) FROM orders").fetchone()[0] == 4
        with roles.with_psycopg(bare) as conn:
            conn.execute("ALTER TABLE changes_later RENAME TO changes")  # the upgrade came
            conn.commit()
            assert roles.install_policies(conn).changes is True
            policies = conn.execute(
                "SELECT count(*) FROM pg_policies WHERE starts_with(policyname, 'quai_')"
            ).fetchone()[0]
            assert policies == len(roles._policies())
        with a.psycopg() as conn:
            assert conn.execute("SELECT count(*) FROM changes").fetchone()[0] >= 0
            assert conn.execute("SELECT has_table_privilege('changes', 'SELECT')").fetchone()[0] is True
            assert conn.execute("SELECT has_table_privilege('changes', 'INSERT')").fetchone()[0] is False
    finally:
        bare.dispose()


@pytest.mark.parametrize(
    "name", ["", "with space", "semi;colon", 'quote"d', "x" * 51, "é" * 26, "drop/table", "a'b"]
)
def test_station_names_are_validated(name: str) -> None:
    with pytest.raises(roles.RoleError):
        roles.station_role(name)


def test_longest_station_name_fits_a_postgresql_identifier(make_station, central) -> None:
    assert roles.station_role("P" * 50) == "quai_station_" + "P" * 50
    assert len(roles.station_role("P" * 50)) == 63


def test_password_is_stored_as_a_scram_verifier_of_that_password(make_station, central, pg_url) -> None:
    password = f"pw-{uuid.uuid4().hex}"
    a = make_station("A", password=password)
    admin_url = make_url(pg_url).set(drivername="postgresql").render_as_string(hide_password=False)
    with psycopg.connect(admin_url) as admin:
        stored = admin.execute("SELECT rolpassword FROM pg_authid WHERE rolname = %s", (a.role,)).fetchone()[0]
    assert password not in stored
    scheme, rest = stored.split("$", 1)
    iterations_salt, keys = rest.split("$")
    iterations, salt = iterations_salt.split(":")
    stored_key, server_key = keys.split(":")
    assert scheme == "SCRAM-SHA-256"
    salted = hashlib.pbkdf2_hmac("sha256", password.encode(), base64.b64decode(salt), int(iterations))
    client_key = hmac.new(salted, b"Client Key", "sha256").digest()
    assert base64.b64encode(hashlib.sha256(client_key).digest()).decode() == stored_key
    assert base64.b64encode(hmac.new(salted, b"Server Key", "sha256").digest()).decode() == server_key


def test_existing_role_with_admin_powers_is_refused(central, pg_url) -> None:
    name = f"X-{uuid.uuid4().hex[:8]}"
    role = roles.station_role(name)
    admin_url = make_url(pg_url).set(drivername="postgresql").render_as_string(hide_password=False)
    with psycopg.connect(admin_url, autocommit=True) as admin:
        admin.execute(psycopg.sql.SQL("CREATE ROLE {} LOGIN CREATEROLE").format(psycopg.sql.Identifier(role)))
        try:
            with roles.with_psycopg(central) as conn, pytest.raises(roles.RoleError, match="administrator powers"):
                roles.add_station(conn, name, "secret-pw")
            assert admin.execute(
                "SELECT pg_has_role(%s, 'quai_station', 'MEMBER')", (role,)
            ).fetchone()[0] is False
        finally:
            admin.execute(psycopg.sql.SQL("DROP ROLE {}").format(psycopg.sql.Identifier(role)))


# --- credentials and URL options ---------------------------------------------------------


def test_libpq_options_in_the_url_pass_through(make_station, central) -> None:
    a = make_station("A")
    engine = make_engine(a.url + "?application_name=quai-test&sslmode=disable")
    try:
        with engine.connect() as conn:
            assert conn.exec_driver_sql("SELECT current_setting('application_name')").scalar_one() == "quai-test"
            assert conn.exec_driver_sql("SELECT current_user").scalar_one() == a.role
            ssl = conn.exec_driver_sql("SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()").scalar_one()
            assert ssl is False
    finally:
        engine.dispose()


def test_station_config_password_reaches_the_connection_but_no_message(
    make_station, central, tmp_path, monkeypatch, caplog
) -> None:
    a = make_station("A")
    secret = f"Sekr3t-{uuid.uuid4().hex}"
    monkeypatch.setenv("QUAI_TEST_CENTRAL_PW", secret)
    config = tmp_path / "station.toml"
    base = a.url.replace("postgresql+psycopg://", "postgresql://")
    config.write_text(
        f'[station]\nname = "{a.name}"\n[central]\nurl = "{base}?application_name=quai-cfg"\n'
        'password_env = "QUAI_TEST_CENTRAL_PW"\n'
    )
    caplog.set_level(logging.DEBUG)
    loaded = load_config(config)
    assert secret not in repr(loaded)
    assert make_url(loaded.central_url).password == secret  # it does reach the URL
    engine = make_engine(loaded.central_url)
    try:
        with engine.connect() as conn:
            assert conn.exec_driver_sql("SELECT current_setting('application_name')").scalar_one() == "quai-cfg"
    finally:
        engine.dispose()
    # The same password on a wrong URL: the error names the server, not the password.
    wrong = make_url(loaded.central_url).set(port=1).render_as_string(hide_password=False)
    engine = make_engine(wrong)
    try:
        with pytest.raises(OperationalError) as failed, engine.connect():
            pass
    finally:
        engine.dispose()
    assert "port 1" in str(failed.value)
    assert secret not in str(failed.value) and secret not in repr(failed.value)
    assert secret not in caplog.text
    # A password file others may read is refused, and the message holds no password.
    leaky = tmp_path / "pw"
    leaky.write_text(secret)
    leaky.chmod(0o644)
    config.write_text(f'[station]\nname = "{a.name}"\n[central]\nurl = "{base}"\npassword_file = "{leaky}"\n')
    with pytest.raises(ConfigError, match="mode 644") as refused:
        load_config(config)
    assert secret not in str(refused.value)


def test_claim_times_use_the_station_clock_but_rls_uses_the_database_clock(make_station, central) -> None:
    """A lease the station thinks expired, but PostgreSQL does not, cannot be taken by RLS."""
    a, b = make_station("A"), make_station("B")
    [claim] = claims.claim_next(b.factory, b.name)
    # A's clock runs two hours ahead: by it, B's lease ran out; by the database's, it did not.
    ahead = utc_now() + timedelta(hours=2)
    stolen = claims.claim_next(a.factory, a.name, count=4, now=ahead)
    assert claim.order_number not in [c.order_number for c in stolen]
    assert order_row(central, claim.order_number).claimed_by == b.name


def test_station_may_stage_in_temporary_tables_even_if_public_may_not(make_station, central, pg_url) -> None:
    """The push stages its batch in a session temporary table; a hardened database that
    revoked TEMPORARY from PUBLIC still lets the stations do it (their group has it)."""
    admin_url = make_url(pg_url).set(drivername="postgresql").render_as_string(hide_password=False)
    database = make_url(pg_url).database
    with psycopg.connect(admin_url, autocommit=True) as admin:
        admin.execute(psycopg.sql.SQL("REVOKE TEMPORARY ON DATABASE {} FROM PUBLIC").format(
            psycopg.sql.Identifier(database)))
    a = make_station("A")
    with a.psycopg() as conn:
        conn.execute("CREATE TEMPORARY TABLE stage (x int)")
        conn.execute("INSERT INTO stage VALUES (1)")
        assert conn.execute("SELECT count(*) FROM stage").fetchone()[0] == 1


def test_station_cannot_divert_the_change_log_into_a_temporary_table(make_station, central) -> None:
    """The capture trigger runs as its owner but with the station's session: a temporary
    ``changes`` of the station's own must not catch the central change log's rows."""
    a = make_station("A")
    with a.psycopg() as conn:
        conn.execute("CREATE TEMP TABLE changes (seq bigserial, txid bigint, table_name text, row_key text)")
        before = conn.execute("SELECT count(*) FROM public.changes").fetchone()[0]
        [claim] = claims.claim_next(a.factory, a.name)  # another connection: the log must see it anyway
        conn.execute("UPDATE orders SET status = 'picking' WHERE number = %s", (claim.order_number,))  # this one
        assert conn.execute("SELECT count(*) FROM pg_temp.changes").fetchone()[0] == 0
        assert conn.execute("SELECT count(*) FROM public.changes").fetchone()[0] == before + 2


def test_a_pack_pushed_as_the_station_s_role_writes_lines_parcels_and_the_order(make_station, central, tmp_path) -> None:
    """A pack's effects (app.store.packing, packing_close) need grants on order_lines.verified,
    parcels and the order's carrier/packer columns: without them the push of the first pack
    event is refused and the station's outbox sticks behind it."""
    from app.domain.sscc import Block
    from app.store.migrate import upgrade
    from app.store.models import BoxType, OrderLine, Parcel, ProductGtin
    from app.store.sscc_pool import add_block
    from app.sync.pull import pull
    from tests.sync.test_pack_push import SETTINGS, a_pack

    with transaction(session_factory(central)) as session:
        session.add_all([
            Product(sku="MUG", name="Mug", weight_g=350, gtins=[ProductGtin(gtin="03760000000017")]),
            Product(sku="PHONE", name="Phone", weight_g=200, serial_tracked=True,
                    gtins=[ProductGtin(gtin="03760000000031")]),
            BoxType(code="BOX-S", name="Small", inner_length_mm=250, inner_width_mm=200, inner_height_mm=150,
                    max_weight_g=5000, tare_g=100, eco=True),
            Order(number="#1001", status="picked", totes=["TOT1001"], lines=[
                OrderLine(line_no=1, sku="MUG", name="Mug", quantity=2, picked=2),
                OrderLine(line_no=2, sku="PHONE", name="Phone", quantity=1, picked=1)]),
        ])
    k = make_station("K")
    claims.claim_order(k.factory, k.name, "#1001", statuses=("picked",))
    local_engine = make_engine(f"sqlite:///{tmp_path / 'pack-station.db'}")
    upgrade(local_engine)
    with Session(local_engine) as session:
        add_block(session, Block(201, 220, SETTINGS.extension_digit, SETTINGS.company_prefix))
    pull(k.engine, local_engine, k.name)  # the replica, read as the station's role
    ssccs = a_pack(session_factory(local_engine), station=k.name)
    result = push_all(session_factory(local_engine), k.factory, k.name)
    assert result.not_applied == ()
    with Session(central) as session:
        assert not session.scalars(select(Event).where(Event.kind == EVENT_NOT_APPLIED)).all()
        order = session.scalars(select(Order).where(Order.number == "#1001")).one()
        assert (order.status, order.carrier, order.packed_by) == ("ready_to_ship", "colissimo", "BDG0002")
        assert [line.verified for line in order.lines] == [2, 1]
        assert [(p.seq, p.sscc, p.status) for p in order.parcels] == [(1, ssccs[0], "closed"), (2, ssccs[1], "closed")]
        assert session.scalars(select(Parcel.sscc)).all().count(ssccs[0]) == 1
    local_engine.dispose()
    with k.psycopg() as conn:  # the grants stop at the columns a pack moves
        denied(conn, "UPDATE order_lines SET quantity = 99")
        denied(conn, "UPDATE orders SET priority = 9")
