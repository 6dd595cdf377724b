"""PostgreSQL only: the pusher's connection is terminated in the middle of apply_batch's transaction."""

from __future__ import annotations

import time
import uuid
from pathlib import Path

import psycopg
import pytest
from sqlalchemy import event, func, select
from sqlalchemy.engine import make_url
from sqlalchemy.exc import OperationalError

from app.store.db import make_engine, session_factory
from app.store.events import outbox_length
from app.store.models import Event, Station
from app.sync.push import push_all, push_once
from tests.sync.test_push import assert_landed_exactly_once, make_station

pytestmark = pytest.mark.postgres


def test_connection_terminated_mid_transaction_changes_nothing_and_a_retry_lands_once(
    pg_engine, pg_url: str, tmp_path: Path
) -> None:
    app_name = f"quai-push-test-{uuid.uuid4().hex[:8]}"
    pusher = make_engine(pg_url, connect_args={"application_name": app_name})
    central = session_factory(pusher)
    admin_url = make_url(pg_url).set(drivername="postgresql").render_as_string(hide_password=False)
    local = make_station(tmp_path, "S1", 500)
    assert push_once(local, central, "S1", batch=100).sent == 100
    armed = {"on": True, "killed": None}

    @event.listens_for(pusher, "before_cursor_execute")
    def terminate_before_inserting_events(conn, cursor, statement, parameters, context, executemany):
        # The station row is locked by now: this is the middle of the transaction.
        if not (armed["on"] and statement.lstrip().upper().startswith("INSERT INTO EVENTS")):
            return
        armed["on"] = False
        with psycopg.connect(admin_url, autocommit=True, connect_timeout=5) as admin:
            pids = [r[0] for r in admin.execute(
                "SELECT pid FROM pg_stat_activity WHERE application_name = %s AND state = 'idle in transaction'",
                (app_name,))]
            assert len(pids) == 1, pids
            admin.execute("SELECT pg_terminate_backend(%s)", (pids[0],))
            deadline = time.monotonic() + 30
            while admin.execute("SELECT 1 FROM pg_stat_activity WHERE pid = %s", (pids[0],)).fetchone():
                assert time.monotonic() < deadline, "the terminated backend did not go away"
                time.sleep(0.01)  # bounded wait for the backend to exit
        armed["killed"] = pids[0]

    try:
        with pytest.raises(OperationalError):
            push_once(local, central, "S1", batch=100)
        assert armed["killed"] is not None

        with pg_engine.connect() as conn:
            assert conn.execute(select(func.count()).select_from(Event)).scalar_one() == 100  # all or nothing
            assert conn.execute(select(Station.pushed_seq).where(Station.name == "S1")).scalar_one() == 100
        with local() as session:
            assert outbox_length(session) == 400

        result = push_all(local, central, "S1", batch=100)  # the pool replaces the dead connection

        assert (result.sent, result.duplicates, result.remaining) == (400, 0, 0)
        assert_landed_exactly_once(pg_engine, local, "S1")
    finally:
        pusher.dispose()
