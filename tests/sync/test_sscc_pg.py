"""SSCC serial references handed out by the central database (app.sync.sscc), on the real
PostgreSQL (and the embedded SQLite central): never twice, even when stations ask at the same
moment, and as each station's own restricted role."""

from __future__ import annotations

import multiprocessing as mp
import queue
import threading
import traceback
from pathlib import Path

import psycopg
import pytest
from sqlalchemy import Engine, delete, func, select, text, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from app.domain.sscc import Block, SsccSettings, is_valid_sscc, parse_sscc
from app.store.db import make_engine, sqlite_url
from app.store.migrate import upgrade
from app.store.models import Change, SsccBlock, SsccCounter
from app.sync import roles
from app.sync.capture import prepare_central
from app.store.sscc_pool import remaining, take_next
from app.sync.sscc import SsccExhausted, allocate_block, allocate_one, refill_pool
from tests.sync.test_security_pg import DENIED, central, make_station  # noqa: F401  (fixtures)

SETTINGS = SsccSettings(3, "3760123", block_size=200, low_water=50)
SMALL = SsccSettings(0, "3760123456")  # a 10-digit prefix: serial references 1 to 999 999
PROCESSES = 4
BLOCKS_EACH = 25
TIMEOUT = 60.0


def _blocks(engine: Engine) -> list[tuple[str, int, int]]:
    with Session(engine) as session:
        rows = session.execute(select(SsccBlock.station, SsccBlock.first_serial, SsccBlock.last_serial))
        return sorted((tuple(r) for r in rows), key=lambda r: r[1])


def _next_serial(engine: Engine, settings: SsccSettings = SETTINGS) -> int | None:
    with Session(engine) as session:
        return session.scalar(
            select(SsccCounter.next_serial).where(
                SsccCounter.extension_digit == settings.extension_digit,
                SsccCounter.company_prefix == settings.company_prefix,
            )
        )


def assert_no_overlap_and_no_gap(blocks: list[Block], last: int) -> None:
    spans = sorted((b.first, b.last) for b in blocks)
    expected = 1
    for first, end in spans:
        assert first == expected, f"block {first}-{end} after {expected - 1}: overlap or gap"
        expected = end + 1
    assert expected == last + 1


# --- on both central databases ----------------------------------------------------------------


def test_first_use_creates_the_counter_and_blocks_follow_each_other(any_engine: Engine) -> None:
    assert _next_serial(any_engine) is None
    first = allocate_block(any_engine, "PACK-01", SETTINGS)
    second = allocate_block(any_engine, "PACK-02", SETTINGS, 50)
    assert first == Block(1, 200, 3, "3760123")
    assert second == Block(201, 250, 3, "3760123")
    assert _next_serial(any_engine) == 251
    assert _blocks(any_engine) == [("PACK-01", 1, 200), ("PACK-02", 201, 250)]
    # Another extension digit is another counter, from 1.
    assert allocate_block(any_engine, "PACK-01", SsccSettings(4, "3760123"), 10) == Block(1, 10, 4, "3760123")


def test_allocate_one_gives_valid_ssccs_in_turn(any_engine: Engine) -> None:
    allocate_block(any_engine, "PACK-01", SETTINGS, 5)
    one = allocate_one(any_engine, "CLI", SETTINGS)
    two = allocate_one(any_engine, "CLI", SETTINGS)
    assert is_valid_sscc(one) and is_valid_sscc(two)
    assert one[:17] == "33760123000000006" and parse_sscc(two, "3760123") == (3, 7)
    assert _blocks(any_engine)[-2:] == [("CLI", 6, 6), ("CLI", 7, 7)]


def test_the_end_of_the_range_is_handed_out_then_refused_clearly(any_engine: Engine) -> None:
    assert allocate_block(any_engine, "PACK-01", SMALL, 999_990) == Block(1, 999_990, 0, "3760123456")
    # Fewer left than a block: the station gets what is left.
    assert allocate_block(any_engine, "PACK-02", SMALL, 200) == Block(999_991, 999_999, 0, "3760123456")
    with pytest.raises(SsccExhausted, match=r"no SSCC serial reference left .* prefix 3760123456 \(all 999999"):
        allocate_block(any_engine, "PACK-01", SMALL)
    with pytest.raises(SsccExhausted, match=r"\[labels\] gs1_company_prefix"):
        allocate_one(any_engine, "CLI", SMALL)
    assert _next_serial(any_engine, SMALL) == 1_000_000  # the refusals moved nothing
    assert len(_blocks(any_engine)) == 2


def test_bad_requests_are_refused_before_touching_the_counter(any_engine: Engine) -> None:
    with pytest.raises(ValueError, match="at least 1 serial reference"):
        allocate_block(any_engine, "PACK-01", SETTINGS, 0)
    with pytest.raises(ValueError, match="station name"):
        allocate_block(any_engine, "", SETTINGS)
    assert _next_serial(any_engine) is None


def test_the_counter_never_moves_back_nor_disappears(any_engine: Engine) -> None:
    """Triggers refuse it, whoever writes: a bug, a tool, an administrator in a hurry."""
    allocate_block(any_engine, "PACK-01", SETTINGS, 100)
    for statement in (
        update(SsccCounter).values(next_serial=50),
        update(SsccCounter).values(company_prefix="3760999"),
        delete(SsccCounter),
    ):
        with pytest.raises(IntegrityError, match="never moves back"):
            with Session(any_engine) as session, session.begin():
                session.execute(statement)
    with Session(any_engine) as session, session.begin():
        session.execute(update(SsccCounter).values(next_serial=1000))  # skipping ahead is allowed
    assert allocate_block(any_engine, "PACK-01", SETTINGS, 1) == Block(1000, 1000, 3, "3760123")


def test_in_the_callers_transaction_a_rollback_hands_nothing_out(any_engine: Engine) -> None:
    with Session(any_engine) as session:
        block = allocate_block(session, "CLI", SETTINGS, 1)
        session.rollback()
    assert block.first == 1 and _next_serial(any_engine) is None and _blocks(any_engine) == []
    with Session(any_engine) as session:
        assert allocate_block(session, "CLI", SETTINGS, 1).first == 1
        session.commit()
    assert allocate_one(any_engine, "CLI", SETTINGS)[:17] == "33760123000000002"


def test_the_central_tables_are_not_captured_nor_pulled(any_engine: Engine, tmp_path: Path) -> None:
    from app.sync.pull import pull

    prepare_central(any_engine)
    with Session(any_engine) as session:
        logged = session.scalar(select(func.count()).select_from(Change))
    allocate_block(any_engine, "PACK-01", SETTINGS)
    with Session(any_engine) as session:
        assert session.scalar(select(func.count()).select_from(Change)) == logged  # no change row
    station = make_engine(sqlite_url(tmp_path / "station.db"))
    upgrade(station)
    assert pull(any_engine, station, "PACK-01").snapshot
    assert _blocks(station) == [] and _next_serial(station) is None
    station.dispose()


def test_stations_refill_their_pools_and_number_offline(any_engine: Engine, tmp_path: Path) -> None:
    settings = SsccSettings(3, "3760123", block_size=20, low_water=5)
    a = make_engine(sqlite_url(tmp_path / "a.db"))
    b = make_engine(sqlite_url(tmp_path / "b.db"))
    for local in (a, b):
        upgrade(local)
    assert refill_pool(any_engine, a, "PACK-A", settings) == Block(1, 20, 3, "3760123")
    assert refill_pool(any_engine, b, "PACK-B", settings) == Block(21, 40, 3, "3760123")
    assert refill_pool(any_engine, a, "PACK-A", settings) is None  # full enough: nothing asked
    # Offline: numbering reads and writes the station's own file only, never the central database.
    any_engine.dispose()
    taken = {}
    for name, local in (("a", a), ("b", b)):
        with Session(local) as session:
            taken[name] = [take_next(session, settings) for _ in range(16)]
            assert remaining(session, settings) == 4
    assert set(taken["a"]).isdisjoint(taken["b"])
    # Back online: below low water, each gets a new block, after everything handed out.
    assert refill_pool(any_engine, a, "PACK-A", settings) == Block(41, 60, 3, "3760123")
    with Session(a) as session:
        assert [parse_sscc(take_next(session, settings), "3760123")[1] for _ in range(5)] == [17, 18, 19, 20, 41]
    a.dispose()
    b.dispose()


def test_an_unreachable_central_leaves_the_pool_as_it_was(sqlite_engine: Engine) -> None:
    unreachable = make_engine("postgresql://postgres@127.0.0.1:1/quai", connect_args={"connect_timeout": 2})
    from sqlalchemy.exc import OperationalError

    with pytest.raises(OperationalError):
        refill_pool(unreachable, sqlite_engine, "PACK-A", SETTINGS)
    with Session(sqlite_engine) as session:
        assert remaining(session) == 0
    unreachable.dispose()


def _race(url: str, station: str, barrier, results) -> None:
    """Runs in a spawned process: allocate BLOCKS_EACH blocks as soon as everyone is ready."""
    try:
        from sqlalchemy.exc import OperationalError

        from app.domain.sscc import SsccSettings
        from app.store.db import make_engine
        from app.sync.sscc import allocate_block

        settings = SsccSettings(3, "3760123")
        engine = make_engine(url)
        with engine.connect():
            pass  # connected before the barrier, so that all really start together
        barrier.wait(timeout=TIMEOUT)
        got = []
        for i in range(BLOCKS_EACH):
            for attempt in range(3):
                try:
                    # Varying sizes, so that a lost update could not hide behind equal blocks.
                    block = allocate_block(engine, station, settings, 1 + (i * 7 + len(got)) % 13)
                    break
                except OperationalError as exc:
                    # SQLite's lock is not fair: a station can wait out busy_timeout (5 s) on a
                    # slow machine and get "database is locked", which a real worker retries.
                    if "database is locked" not in str(exc) or attempt == 2:
                        raise
            got.append((block.first, block.last))
        engine.dispose()
        results.put((station, got, None))
    except BaseException:
        results.put((station, [], traceback.format_exc()))


def test_stations_asking_at_the_same_moment_never_share_a_number(any_engine: Engine) -> None:
    url = any_engine.url.render_as_string(hide_password=False)
    ctx = mp.get_context("spawn")
    barrier = ctx.Barrier(PROCESSES)
    results = ctx.Queue()
    procs = [
        ctx.Process(target=_race, args=(url, f"P{n}", barrier, results), daemon=True) for n in range(PROCESSES)
    ]
    for p in procs:
        p.start()
    try:
        reports = []
        for _ in procs:
            try:
                reports.append(results.get(timeout=TIMEOUT))
            except queue.Empty:
                pytest.fail(f"a station process gave no result within {TIMEOUT} s")
        for p in procs:
            p.join(timeout=TIMEOUT)
            assert p.exitcode == 0, f"{p.name} exit code {p.exitcode}"
    finally:
        for p in procs:
            if p.is_alive():
                p.kill()
                p.join(timeout=10)
    errors = [f"{station}:\n{error}" for station, _, error in reports if error]
    assert not errors, "\n".join(errors)

    handed = [(station, first, last) for station, got, _ in reports for first, last in got]
    assert len(handed) == PROCESSES * BLOCKS_EACH
    total = sum(last - first + 1 for _, first, last in handed)
    assert_no_overlap_and_no_gap([Block(f, la, 3, "3760123") for _, f, la in handed], total)
    assert _next_serial(any_engine) == total + 1
    assert _blocks(any_engine) == sorted(handed, key=lambda r: r[1])  # the log says who got what


# --- PostgreSQL: as each station's own role ---------------------------------------------------


@pytest.mark.postgres
def test_a_station_role_takes_blocks_and_single_numbers(make_station, central) -> None:  # noqa: F811
    a = make_station("A")
    block = allocate_block(a.engine, a.name, SETTINGS)
    sscc = allocate_one(a.factory, a.name, SETTINGS)  # a sessionmaker works too
    assert block == Block(1, 200, 3, "3760123")
    assert parse_sscc(sscc, "3760123") == (3, 201)
    assert _blocks(central) == [(a.name, 1, 200), (a.name, 201, 201)]


@pytest.mark.postgres
def test_station_roles_racing_never_share_a_number(make_station, central) -> None:  # noqa: F811
    stations = [make_station(p) for p in ("A", "B", "C")]
    start = threading.Barrier(len(stations), timeout=TIMEOUT)
    got: dict[str, list[Block]] = {s.name: [] for s in stations}
    errors: list[str] = []

    def work(station) -> None:
        try:
            with station.engine.connect():
                pass
            start.wait()
            for i in range(20):
                got[station.name].append(allocate_block(station.engine, station.name, SETTINGS, 1 + i % 5))
        except BaseException:
            errors.append(traceback.format_exc())

    threads = [threading.Thread(target=work, args=(s,)) for s in stations]
    for t in threads:
        t.start()
    for t in threads:
        t.join(TIMEOUT)
    assert not any(t.is_alive() for t in threads), "an allocating thread hung"
    assert not errors, "\n".join(errors)
    every = [b for blocks in got.values() for b in blocks]
    total = sum(b.size for b in every)
    assert_no_overlap_and_no_gap(every, total)
    logged = _blocks(central)
    assert sorted((s, f, la) for s, f, la in logged) == sorted(
        (name, b.first, b.last) for name, blocks in got.items() for b in blocks
    )


@pytest.mark.postgres
def test_a_station_role_cannot_rewind_forge_or_delete(make_station, central) -> None:  # noqa: F811
    a, b = make_station("A"), make_station("B")
    allocate_block(a.engine, a.name, SETTINGS, 10)
    with a.psycopg() as conn:
        # Logging a block under another station's name: row-level security.
        denied = f"INSERT INTO sscc_blocks (station, extension_digit, company_prefix, first_serial, last_serial, " \
                 f"issued_at) VALUES ('{b.name}', 3, '3760123', 500, 600, now())"
        with pytest.raises(DENIED, match="row-level security"):
            conn.execute(denied)
        # Moving the counter back: the trigger.
        with pytest.raises(psycopg.errors.CheckViolation, match="never moves back"):
            conn.execute("UPDATE sscc_counters SET next_serial = 1")
        # Columns and statements it was never granted.
        with pytest.raises(DENIED):
            conn.execute("UPDATE sscc_counters SET company_prefix = '3760999'")
        with pytest.raises(DENIED):
            conn.execute("DELETE FROM sscc_counters")
        with pytest.raises(DENIED):
            conn.execute("DELETE FROM sscc_blocks")
        with pytest.raises(DENIED):
            conn.execute("UPDATE sscc_blocks SET last_serial = 5")
    # As itself, through the library, it goes on from where the counter was.
    assert allocate_block(b.engine, b.name, SETTINGS, 5) == Block(11, 15, 3, "3760123")
    with pytest.raises(Exception) as refused:
        allocate_block(a.engine, b.name, SETTINGS, 5)  # a's role claiming to be b
    assert isinstance(refused.value.orig, DENIED)
    assert _next_serial(central) == 16


@pytest.mark.postgres
def test_policies_install_on_a_schema_before_sscc_then_after(pg_engine: Engine) -> None:
    """`quai central add-station` on a central database not yet upgraded keeps working, and
    grants the SSCC tables once it is."""
    from app.store.migrate import downgrade

    downgrade(pg_engine, "0004")
    with roles.with_psycopg(pg_engine) as conn:
        roles.install_policies(conn)
    upgrade(pg_engine)
    with roles.with_psycopg(pg_engine) as conn:
        roles.install_policies(conn)
        granted = conn.execute(
            "SELECT has_table_privilege('quai_station', 'sscc_counters', 'SELECT, INSERT'), "
            "has_column_privilege('quai_station', 'sscc_counters', 'next_serial', 'UPDATE'), "
            "has_column_privilege('quai_station', 'sscc_counters', 'company_prefix', 'UPDATE'), "
            "has_table_privilege('quai_station', 'sscc_blocks', 'INSERT'), "
            "has_table_privilege('quai_station', 'sscc_blocks', 'DELETE')"
        ).fetchone()
        conn.rollback()
    assert granted == (True, True, False, True, False)
    with pg_engine.connect() as connection:
        assert connection.execute(text("SELECT relrowsecurity FROM pg_class WHERE relname = 'sscc_blocks'")).scalar()
