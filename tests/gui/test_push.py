"""The station pushes its outbox to the central database in the background (central worker).

Real SQLite files for the replica and the central database; no sleeps: bounded waits on
what the person would see, and on the central events table itself. The schedule (when to
push, the backoff after a failure) is tested apart, without Qt or a clock.
"""

from __future__ import annotations

import re
import sqlite3
from pathlib import Path

import pytest

from app.sync.backoff import Backoff
from app.sync.worker import PushSchedule

from .conftest import scan

pytestmark = pytest.mark.gui

SYNC_TIME = re.compile(r"Dernière synchro : \d\d:\d\d:\d\d")


def central_events(path: Path) -> list[str]:
    if not path.exists():
        return []
    connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=5)
    try:
        return [k for (k,) in connection.execute("SELECT kind FROM events ORDER BY seq")]
    except sqlite3.DatabaseError:
        return []
    finally:
        connection.close()


def outbox_in_replica(replica_url: str) -> int:
    from app.store.db import make_engine, session_factory
    from app.store.events import outbox_length

    engine = make_engine(replica_url)
    try:
        with session_factory(engine)() as session:
            return outbox_length(session)
    finally:
        engine.dispose()


class RecordingBackoff(Backoff):
    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.delays: list[float] = []

    def next_delay(self) -> float:
        delay = super().next_delay()
        self.delays.append(delay)
        return delay


# --- the schedule, without Qt ---------------------------------------------------------------------

def test_schedule_one_push_at_a_time_and_a_request_meanwhile_runs_next():
    from datetime import datetime

    schedule = PushSchedule(interval=5, backoff=Backoff(jitter=0))
    assert schedule.begin()
    assert not schedule.begin()  # a tick (or a login) while one is pending: skipped, remembered
    assert schedule.succeeded(datetime(2026, 1, 1, 14, 32, 5)) == 0  # ...and run right away
    assert schedule.last_success == datetime(2026, 1, 1, 14, 32, 5)
    assert schedule.begin()
    assert schedule.succeeded(datetime(2026, 1, 1, 14, 32, 6)) == 5  # then the regular interval


def test_schedule_backs_off_after_failures_and_resets_on_success():
    from datetime import datetime

    schedule = PushSchedule(interval=5, backoff=Backoff(initial=0.5, factor=2, maximum=30, jitter=0))
    delays = []
    for _ in range(8):
        assert schedule.begin()
        delays.append(schedule.failed())
    assert delays == [0.5, 1, 2, 4, 8, 16, 30, 30]
    assert schedule.failures == 8 and schedule.last_success is None
    assert schedule.begin()
    assert schedule.succeeded(datetime(2026, 1, 1)) == 5
    assert schedule.failures == 0 and schedule.backoff.attempts == 0
    assert schedule.begin()
    assert schedule.failed() == 0.5  # from the start again


def test_schedule_does_not_skip_the_backoff_on_request():
    schedule = PushSchedule(interval=5, backoff=Backoff(initial=2, jitter=0))
    assert schedule.begin()
    assert not schedule.begin()
    assert schedule.failed() == 2  # the central database just failed: no immediate retry


# --- the station ----------------------------------------------------------------------------------

def test_login_event_reaches_the_central_database(qtbot, window, config, central_url):
    from app.gui.screens.home_picker import PickerHome
    from sqlalchemy.engine import make_url

    central = Path(make_url(central_url).database)
    ui = window.ui
    sync = window.status_area.sync_label
    # The fixture's four user.added events go out once the station has started.
    qtbot.waitUntil(lambda: ui.outboxLabel.text() == "File d'envoi : vide", timeout=10_000)
    assert SYNC_TIME.fullmatch(sync.text()), sync.text()
    assert central_events(central) == ["user.added"] * 4

    scan(qtbot, window, "BDG0001")
    qtbot.waitUntil(lambda: isinstance(window.current_screen, PickerHome), timeout=5000)
    qtbot.waitUntil(lambda: "user.logged_in" in central_events(central), timeout=10_000)
    # The push that carried it has answered (the station marks events pushed after the central commit).
    qtbot.waitUntil(lambda: outbox_in_replica(config.replica_url) == 0, timeout=10_000)
    qtbot.waitUntil(lambda: ui.outboxLabel.text() == "File d'envoi : vide", timeout=10_000)
    assert SYNC_TIME.fullmatch(sync.text()), sync.text()
    assert ui.centralLabel.text() == "Base centrale : intégrée (SQLite)"
    assert central_events(central).count("user.logged_in") == 1
    window.switch_language("en")
    assert re.fullmatch(r"Last sync: \d\d:\d\d:\d\d", sync.text())
    window.switch_language("fr")


def test_last_sync_wording(window):  # the window installs the French translator
    from datetime import datetime

    from app.gui import texts

    assert texts.last_sync_text(None) == "Dernière synchro : jamais"
    assert texts.last_sync_text(datetime(2026, 1, 1, 14, 32, 5)) == "Dernière synchro : 14:32:05"


@pytest.mark.parametrize("broken", ["missing", "not_a_database"])
def test_unreachable_central_keeps_the_outbox_and_retries_with_backoff(qtbot, tmp_path, replica_url, broken):
    from app.config import StationConfig
    from app.gui.main_window import MainWindow
    from app.gui.services import StationServices
    from app.store.db import make_engine, sqlite_url
    from app.sync.capture import prepare_central

    path = tmp_path / "later" / "central.db"
    if broken == "not_a_database":
        path.parent.mkdir()
        path.write_bytes(b"this is not a database\n" * 100)
    config = StationConfig(name="PACK-02", central_url=sqlite_url(path), local_url=replica_url, language="fr")
    backoff = RecordingBackoff(initial=0.2, factor=2, maximum=0.4, jitter=0)
    schedule = PushSchedule(interval=3600, backoff=backoff)
    services = StationServices.create(config)
    services.language.switch("fr")
    try:
        window = MainWindow(config, services, push_schedule=schedule)
        qtbot.addWidget(window)
        window.resize(1280, 800)
        window.show()
        qtbot.waitUntil(lambda: schedule.failures >= 2, timeout=10_000)
        assert backoff.delays[:2] == [0.2, 0.4]  # retried, with growing delays
        qtbot.waitUntil(lambda: window.ui.centralLabel.text() == "Base centrale : hors ligne", timeout=5000)
        assert window.status.last_sync is None
        assert window.status_area.sync_label.text() == "Dernière synchro : jamais"
        assert outbox_in_replica(replica_url) == 4  # nothing lost
        qtbot.waitUntil(lambda: window.ui.outboxLabel.text() == "File d'envoi : 4 événements en attente", timeout=5000)

        # The central database becomes available: the next retry lands everything, once.
        if broken == "not_a_database":
            path.unlink()
        scratch = tmp_path / "scratch.db"
        engine = make_engine(sqlite_url(scratch))
        prepare_central(engine)
        engine.dispose()
        path.parent.mkdir(exist_ok=True)
        scratch.replace(path)  # appears at once, complete
        qtbot.waitUntil(lambda: window.status.last_sync is not None, timeout=10_000)
        assert central_events(path) == ["user.added"] * 4
        assert outbox_in_replica(replica_url) == 0
        qtbot.waitUntil(lambda: window.ui.outboxLabel.text() == "File d'envoi : vide", timeout=5000)
        assert window.ui.centralLabel.text() == "Base centrale : intégrée (SQLite)"
        assert schedule.failures == 0 and backoff.attempts == 0  # reset on success
        assert schedule.last_delay == 3600
        window.close()
    finally:
        services.shutdown()
        services.language.uninstall()


def test_a_login_while_offline_keeps_the_backoff(qtbot, window, services):
    """A write during a scheduled retry does not push at once: the backoff stands."""
    qtbot.waitUntil(lambda: window._push is not None and window.status.last_sync is not None, timeout=10_000)
    schedule = window._push
    schedule.failures = 1  # as after a failed push
    window._push_timer.start(60_000)
    submitted = services.central.pending
    window.push_now()
    assert services.central.pending == submitted and not schedule.pending
    schedule.failures = 0
    window.push_now()  # online again: a write pushes at once
    assert schedule.pending
