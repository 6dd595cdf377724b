"""Push from real station processes: two at once, and a station killed with SIGKILL mid-push.

Children are plain ``python -c`` processes (no fork of pytest's state); every wait is
bounded, and the kill is synchronised on what the central database shows, not on time.
"""

from __future__ import annotations

import os
import select as io_select
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from sqlalchemy import Engine, func
from sqlalchemy import select as sql_select

from app.store.db import session_factory
from app.store.events import outbox_length
from app.store.models import Event
from app.sync.push import push_all
from tests.sync.test_push import assert_landed_exactly_once, make_station

ROOT = Path(__file__).resolve().parents[2]
TIMEOUT = 120  # generous bound for a loaded CI machine; normal runs take a few seconds

CHILD = r"""
import sys
from app.store.db import make_engine, session_factory
from app.sync import push

local_url, central_url, station, batch, mode = sys.argv[1:6]
local = session_factory(make_engine(local_url))
central = session_factory(make_engine(central_url))
if mode == "block-before-mark":
    # Stop right after the central commit, before the station marks its outbox.
    def blocked(session, seqs, when=None):
        print("central-committed", flush=True)
        sys.stdin.readline()
        raise SystemExit("not reached: the test kills this process")
    push.mark_pushed_seqs = blocked
print("started", flush=True)
while push.push_once(local, central, station, batch=int(batch)).sent:
    pass
print("done", flush=True)
"""


def url_of(engine: Engine) -> str:
    return engine.url.render_as_string(hide_password=False)


def spawn(local_url: str, central_url: str, station: str, batch: int, mode: str = "loop") -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-c", CHILD, local_url, central_url, station, str(batch), mode],
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def read_line(proc: subprocess.Popen, timeout: float = TIMEOUT) -> str:
    ready, _, _ = io_select.select([proc.stdout], [], [], timeout)
    if not ready:
        proc.kill()
        pytest.fail(f"child gave no output within {timeout} s")
    return proc.stdout.readline().strip()


def wait_for(condition: Callable[[], bool], proc: subprocess.Popen, timeout: float = TIMEOUT) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if proc.poll() is not None or time.monotonic() > deadline:
            proc.kill()
            out, err = proc.communicate(timeout=TIMEOUT)
            pytest.fail(f"condition not reached (child exit {proc.returncode}): {err[-2000:]}")
        time.sleep(0.005)  # polling interval of a bounded wait on the database, not synchronisation by time


def central_count(engine: Engine, station: str) -> int:
    with engine.connect() as conn:
        return conn.execute(sql_select(func.count()).select_from(Event).where(Event.station == station)).scalar_one()


def local_url(tmp_path: Path, station: str) -> str:
    return f"sqlite:///{tmp_path / f'station-{station}.db'}"


def test_two_stations_and_a_second_pusher_of_one_of_them_push_concurrently(any_engine: Engine, tmp_path: Path) -> None:
    s1 = make_station(tmp_path, "S1", 600)
    s2 = make_station(tmp_path, "S2", 600)
    central = url_of(any_engine)
    # S1 twice: two pushers of one station must serialise on its row, not double-apply.
    procs = [spawn(local_url(tmp_path, "S1"), central, "S1", 25), spawn(local_url(tmp_path, "S2"), central, "S2", 25),
             spawn(local_url(tmp_path, "S1"), central, "S1", 40)]
    for proc in procs:
        out, err = proc.communicate(timeout=TIMEOUT)
        assert proc.returncode == 0, err
        assert out.split() == ["started", "done"]

    assert_landed_exactly_once(any_engine, s1, "S1")
    assert_landed_exactly_once(any_engine, s2, "S2")


def test_station_killed_mid_push_then_a_fresh_push_finishes_exactly_once(any_engine: Engine, tmp_path: Path) -> None:
    local = make_station(tmp_path, "S1", 2000)
    proc = spawn(local_url(tmp_path, "S1"), url_of(any_engine), "S1", 10)
    try:
        assert read_line(proc) == "started"
        wait_for(lambda: central_count(any_engine, "S1") >= 50, proc)
        proc.send_signal(signal.SIGKILL)
    finally:
        proc.kill()
        proc.communicate(timeout=TIMEOUT)
    # Killed mid-push (the outbox still held ~195 batches when it was seen at 50 events); a
    # starved test process could in theory see it finish first, which must not fail the test.
    assert proc.returncode in (-signal.SIGKILL, 0)

    result = push_all(local, session_factory(any_engine), "S1", batch=300)

    assert result.remaining == 0
    assert result.duplicates <= 10  # at most the batch caught between central commit and local mark
    assert_landed_exactly_once(any_engine, local, "S1")


def test_station_killed_between_central_commit_and_local_mark(any_engine: Engine, tmp_path: Path) -> None:
    local = make_station(tmp_path, "S1", 500)
    proc = spawn(local_url(tmp_path, "S1"), url_of(any_engine), "S1", 100, mode="block-before-mark")
    try:
        assert read_line(proc) == "started"
        assert read_line(proc) == "central-committed"
        proc.send_signal(signal.SIGKILL)
    finally:
        proc.kill()
        proc.communicate(timeout=TIMEOUT)
    assert central_count(any_engine, "S1") == 100
    with local() as session:
        assert outbox_length(session) == 500  # the mark never happened

    result = push_all(local, session_factory(any_engine), "S1", batch=100)

    assert (result.sent, result.duplicates, result.remaining) == (500, 100, 0)
    assert_landed_exactly_once(any_engine, local, "S1")
