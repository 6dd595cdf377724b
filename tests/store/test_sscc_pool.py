"""The station's SSCC pool (app.store.sscc_pool) on its real SQLite file: offline numbering,
restarts and kills without reuse, empty-pool errors, and the pull never touching the pool."""

from __future__ import annotations

import atexit
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
from collections import deque
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, rule
from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from app.domain.sscc import Block, SsccSettings, build_sscc, is_valid_sscc, parse_sscc
from app.store.db import make_engine, session_factory, sqlite_url, transaction
from app.store.migrate import upgrade
from app.store.models import Product, SsccPoolBlock
from app.store.sscc_pool import (
    OpenTransaction,
    SsccPoolEmpty,
    add_block,
    needs_refill,
    remaining,
    reserve_next,
    take_next,
)

REPO = Path(__file__).resolve().parents[2]
SETTINGS = SsccSettings(3, "3760123", block_size=20, low_water=5)
TIMEOUT = 60.0


def _station(path: Path) -> Engine:
    engine = make_engine(sqlite_url(path))
    upgrade(engine)
    return engine


def _serial(sscc: str) -> int:
    return parse_sscc(sscc, SETTINGS.company_prefix)[1]


def _take(engine: Engine, n: int, settings: SsccSettings = SETTINGS) -> list[str]:
    with Session(engine) as session:
        return [take_next(session, settings) for _ in range(n)]


def test_numbers_come_from_the_blocks_in_order(sqlite_engine: Engine) -> None:
    with Session(sqlite_engine) as session:
        assert add_block(session, Block(41, 45, 3, "3760123"))
        assert add_block(session, Block(101, 103, 3, "3760123"))
        assert remaining(session, SETTINGS) == 8
    taken = _take(sqlite_engine, 8)
    assert taken == [build_sscc(SETTINGS, s) for s in (41, 42, 43, 44, 45, 101, 102, 103)]
    assert all(is_valid_sscc(s) and s.startswith("33760123") for s in taken)
    with Session(sqlite_engine) as session:
        assert remaining(session, SETTINGS) == 0
        with pytest.raises(SsccPoolEmpty, match="no SSCC numbers left on this station: reconnect it to the central"):
            take_next(session, SETTINGS)
        # The used-up blocks stay, each saying how far it went.
        rows = session.execute(select(SsccPoolBlock.first_serial, SsccPoolBlock.next_serial)).all()
    assert sorted(rows) == [(41, 46), (101, 104)]


def test_an_empty_pool_says_what_to_do(sqlite_engine: Engine) -> None:
    with Session(sqlite_engine) as session:
        with pytest.raises(SsccPoolEmpty) as empty:
            take_next(session, SETTINGS)
        assert "reconnect it to the central database" in str(empty.value)
        assert empty.value.settings == SETTINGS
        assert not session.in_transaction()  # rolled back: the next caller starts clean


def test_adding_the_same_block_twice_counts_it_once(sqlite_engine: Engine) -> None:
    block = Block(1, 20, 3, "3760123")
    with Session(sqlite_engine) as session:
        assert add_block(session, block) is True
        take_next(session, SETTINGS)
        assert add_block(session, block) is False  # a retried refill: the used number stays used
        assert remaining(session, SETTINGS) == 19
    assert _take(sqlite_engine, 1) == [build_sscc(SETTINGS, 2)]


def test_refill_below_the_low_water_mark(sqlite_engine: Engine) -> None:
    with Session(sqlite_engine) as session:
        assert needs_refill(session, SETTINGS)  # empty
        assert not session.in_transaction()  # the read left nothing open: add_block may commit
        add_block(session, Block(1, 20, 3, "3760123"))
        assert not needs_refill(session, SETTINGS)
    _take(sqlite_engine, 15)
    with Session(sqlite_engine) as session:
        assert remaining(session, SETTINGS) == 5 and not needs_refill(session, SETTINGS)
    _take(sqlite_engine, 1)
    with Session(sqlite_engine) as session:
        assert remaining(session, SETTINGS) == 4 and needs_refill(session, SETTINGS)


def test_blocks_of_other_settings_are_not_used(sqlite_engine: Engine) -> None:
    """A site that changed its extension digit or prefix numbers only from matching blocks."""
    with Session(sqlite_engine) as session:
        add_block(session, Block(1, 10, 3, "3760123"))
        add_block(session, Block(1, 10, 4, "3760123"))
        add_block(session, Block(1, 10, 3, "37601239"))
        assert remaining(session) == 30
        assert remaining(session, SETTINGS) == 10
    other = SsccSettings(4, "3760123")
    assert _take(sqlite_engine, 1, other) == [build_sscc(other, 1)]
    assert _take(sqlite_engine, 1) == [build_sscc(SETTINGS, 1)]
    with Session(sqlite_engine) as session:
        assert remaining(session, SsccSettings(3, "37601239")) == 10


def test_take_next_refuses_a_session_with_a_transaction_open(sqlite_engine: Engine) -> None:
    """take_next promises a committed number; inside someone else's transaction it could not."""
    with Session(sqlite_engine) as session:
        add_block(session, Block(1, 20, 3, "3760123"))
        session.execute(select(Product)).all()  # autobegins a transaction
        with pytest.raises(OpenTransaction, match="reserve_next"):
            take_next(session, SETTINGS)
        session.rollback()
        assert take_next(session, SETTINGS) == build_sscc(SETTINGS, 1)


def test_reserve_next_is_used_only_if_the_caller_commits(sqlite_engine: Engine) -> None:
    with Session(sqlite_engine) as session:
        add_block(session, Block(1, 20, 3, "3760123"))
    factory = session_factory(sqlite_engine)
    with pytest.raises(RuntimeError, match="label printer jammed"):
        with transaction(factory) as session:
            session.connection().exec_driver_sql("BEGIN IMMEDIATE")
            assert reserve_next(session, SETTINGS) == build_sscc(SETTINGS, 1)
            raise RuntimeError("label printer jammed")
    with transaction(factory) as session:
        session.connection().exec_driver_sql("BEGIN IMMEDIATE")
        assert reserve_next(session, SETTINGS) == build_sscc(SETTINGS, 1)  # rolled back: not used
    assert _take(sqlite_engine, 1) == [build_sscc(SETTINGS, 2)]


def test_a_restart_never_reuses_a_number(tmp_path: Path) -> None:
    path = tmp_path / "station.db"
    engine = _station(path)
    with Session(engine) as session:
        add_block(session, Block(500, 519, 3, "3760123"))
    before = _take(engine, 7)
    engine.dispose()
    engine = _station(path)  # a new engine on the same file: the station restarted
    after = _take(engine, 13)
    engine.dispose()
    assert set(before).isdisjoint(after)
    assert [_serial(s) for s in before + after] == list(range(500, 520))


_CHILD = """
import sys
from sqlalchemy.orm import Session
from app.domain.sscc import SsccSettings
from app.store.db import make_engine, sqlite_url
from app.store.sscc_pool import take_next
engine = make_engine(sqlite_url(sys.argv[1]))
settings = SsccSettings(3, "3760123", block_size=20, low_water=5)
with Session(engine) as session:
    while True:
        print(take_next(session, settings), flush=True)
"""


def test_a_station_killed_while_numbering_never_reuses_a_number(tmp_path: Path) -> None:
    """kill -9 in the middle of a run of take_next: whatever was handed out stays used."""
    path = tmp_path / "station.db"
    engine = _station(path)
    with Session(engine) as session:
        add_block(session, Block(1, 100_000, 3, "3760123"))
    engine.dispose()
    child = subprocess.Popen(
        [sys.executable, "-c", _CHILD, str(path)],
        stdout=subprocess.PIPE, text=True, env={**os.environ, "PYTHONPATH": str(REPO)},
    )
    handed_out: list[str] = []
    try:
        assert child.stdout is not None
        while len(handed_out) < 50:
            line = child.stdout.readline()
            assert line, f"the numbering process ended early (exit code {child.poll()})"
            handed_out.append(line.strip())
        child.send_signal(signal.SIGKILL)  # while it is still taking numbers
        child.wait(TIMEOUT)
        handed_out += [line.strip() for line in child.stdout.read().splitlines() if len(line.strip()) == 18]
    finally:
        if child.poll() is None:
            child.kill()
            child.wait(TIMEOUT)
    engine = _station(path)
    after = _take(engine, 20)
    engine.dispose()
    assert len(set(handed_out)) == len(handed_out)
    assert set(handed_out).isdisjoint(after)
    assert min(_serial(s) for s in after) > max(_serial(s) for s in handed_out)


def test_writers_on_the_same_file_never_get_the_same_number(tmp_path: Path) -> None:
    """The GUI's worker and a `quai label` command numbering from one pool at the same time."""
    path = tmp_path / "station.db"
    setup = _station(path)
    with Session(setup) as session:
        add_block(session, Block(1, 120, 3, "3760123"))
    setup.dispose()
    engines = [make_engine(sqlite_url(path)) for _ in range(4)]
    start = threading.Barrier(len(engines), timeout=TIMEOUT)
    taken: list[list[str]] = [[] for _ in engines]
    errors: list[BaseException] = []

    def work(i: int) -> None:
        try:
            with Session(engines[i]) as session:
                start.wait()
                while True:
                    try:
                        taken[i].append(take_next(session, SETTINGS))
                    except SsccPoolEmpty:
                        return
        except BaseException as exc:  # reported below, with the thread's failure
            errors.append(exc)

    threads = [threading.Thread(target=work, args=(i,)) for i in range(len(engines))]
    for t in threads:
        t.start()
    for t in threads:
        t.join(TIMEOUT)
    assert not any(t.is_alive() for t in threads), "a numbering thread hung"
    for engine in engines:
        engine.dispose()
    assert not errors, errors
    every = [s for part in taken for s in part]
    assert sorted(_serial(s) for s in every) == list(range(1, 121))  # each exactly once


def test_the_pull_never_touches_the_pool(tmp_path: Path) -> None:
    """The pool is station-only: a snapshot pull (which rewrites the replicated tables
    whole) and an incremental one leave it exactly as it was."""
    from app.sync.capture import prepare_central
    from app.sync.pull import pull

    central = make_engine(sqlite_url(tmp_path / "central.db"))
    prepare_central(central)
    with transaction(session_factory(central)) as session:
        session.add(Product(sku="SKU-A", name="Mug"))
    station = _station(tmp_path / "station.db")
    with Session(station) as session:
        add_block(session, Block(1, 20, 3, "3760123"))
    _take(station, 3)

    def pool() -> list[tuple]:
        with Session(station) as session:
            return [tuple(r) for r in session.execute(select(SsccPoolBlock.__table__)).all()]

    kept = pool()
    assert pull(central, station, "PACK-01").snapshot
    assert pool() == kept
    with transaction(session_factory(central)) as session:
        session.add(Product(sku="SKU-B", name="Plate"))
    result = pull(central, station, "PACK-01")
    assert not result.snapshot and result.rows == 1
    assert pool() == kept
    assert _take(station, 1) == [build_sscc(SETTINGS, 4)]
    station.dispose()
    central.dispose()


# --- the pool against a model: any interleaving of refills, takes and restarts ------------------

_CONFIGS = (SETTINGS, SsccSettings(4, "3760123", block_size=20, low_water=5))
_TEMPLATE: list[Path] = []  # a migrated, empty station database, made once: copied per example


def _fresh_station(directory: Path) -> Engine:
    if not _TEMPLATE:
        directory_of_template = tempfile.mkdtemp(prefix="sscc-template-")
        atexit.register(shutil.rmtree, directory_of_template, True)
        template = Path(directory_of_template) / "station.db"
        _station(template).dispose()
        _TEMPLATE.append(template)
    shutil.copy(_TEMPLATE[0], directory / "station.db")
    return make_engine(sqlite_url(directory / "station.db"))


class PoolMachine(RuleBasedStateMachine):
    """The real pool on a real file, next to a plain model: a queue of serials per settings.

    The "central database" is a counter here (app.sync.sscc is tested on its own); what is
    checked is the station side: numbers in block order, none twice, none lost except by a
    settings change, across restarts of the engine.
    """

    def __init__(self) -> None:
        super().__init__()
        self.dir = Path(tempfile.mkdtemp(prefix="sscc-pool-"))
        self.engine = _fresh_station(self.dir)
        self.counter = {c: 1 for c in _CONFIGS}
        self.model: dict[SsccSettings, deque[int]] = {c: deque() for c in _CONFIGS}
        self.seen: set[str] = set()

    @rule(config=st.sampled_from(_CONFIGS), size=st.integers(1, 7), gap=st.integers(0, 3))
    def refill(self, config: SsccSettings, size: int, gap: int) -> None:
        first = self.counter[config] + gap  # a gap: blocks another station got, or lost ones
        block = Block(first, first + size - 1, config.extension_digit, config.company_prefix)
        self.counter[config] = block.last + 1
        with Session(self.engine) as session:
            assert add_block(session, block)
            assert not add_block(session, block)  # a retried refill adds nothing
        self.model[config].extend(range(block.first, block.last + 1))

    @rule(config=st.sampled_from(_CONFIGS), n=st.integers(1, 5))
    def take(self, config: SsccSettings, n: int) -> None:
        with Session(self.engine) as session:
            for _ in range(n):
                if not self.model[config]:
                    with pytest.raises(SsccPoolEmpty):
                        take_next(session, config)
                    return
                sscc = take_next(session, config)
                assert sscc == build_sscc(config, self.model[config].popleft())
                assert sscc not in self.seen
                self.seen.add(sscc)

    @rule()
    def restart(self) -> None:
        self.engine.dispose()
        self.engine = make_engine(sqlite_url(self.dir / "station.db"))

    @invariant()
    def remaining_matches(self) -> None:
        with Session(self.engine) as session:
            for config in _CONFIGS:
                assert remaining(session, config) == len(self.model[config])
                assert needs_refill(session, config) == (len(self.model[config]) < config.low_water)

    def teardown(self) -> None:
        self.engine.dispose()
        shutil.rmtree(self.dir, ignore_errors=True)


TestPoolAgainstAModel = PoolMachine.TestCase
TestPoolAgainstAModel.settings = settings(
    max_examples=40, stateful_step_count=25, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
