"""Stopping the station: workers are never terminated, and SIGTERM still writes the logout."""

from __future__ import annotations

import subprocess
import sys
import threading
import time

import pytest
from PySide6.QtCore import QThread

from app.domain.events import USER_LOGGED_OUT
from app.gui.workers import Worker

from .test_login import events

pytestmark = pytest.mark.gui


def test_stop_waits_for_the_queue_of_a_replica_worker(qapp):
    done: list[str] = []
    worker = Worker("test-replica", lambda: object())
    worker.submit(lambda _ctx: (time.sleep(0.3), done.append("slow")))
    worker.submit(lambda _ctx: done.append("logout"))  # queued behind: still written
    assert worker.stop() is True
    assert done == ["slow", "logout"]


def test_a_stuck_job_is_left_behind_not_terminated(qapp, monkeypatch):
    release = threading.Event()
    started = threading.Event()
    finished = threading.Event()
    delivered: list[object] = []

    def stuck(_ctx):
        started.set()
        release.wait(10)
        finished.set()  # never reached if the thread is terminated

    terminated: list[QThread] = []
    monkeypatch.setattr(QThread, "terminate", lambda self: terminated.append(self))
    worker = Worker("test-central", lambda: object())
    worker.submit(stuck, delivered.append, delivered.append)
    assert started.wait(5)  # the job is running
    began = time.monotonic()
    assert worker.stop(timeout_ms=200) is False  # still busy: left behind
    assert time.monotonic() - began < 2
    assert terminated == []
    release.set()
    assert finished.wait(5)  # the job ran to its end
    thread = worker._thread
    assert thread.wait(5000)  # and the thread ended by itself
    qapp.processEvents()
    assert delivered == []  # nothing delivered after stop()


SIGTERM_STATION = """
import os, signal, sys, time
from PySide6.QtCore import QTimer
from app.config import StationConfig
from app.gui.app import application, run_station

config = StationConfig(name="PICK-01", language="fr", central_url=sys.argv[1], local_url=sys.argv[2])
app = application()

def window():
    return next(w for w in app.topLevelWidgets() if type(w).__name__ == "MainWindow")

def log_in():
    window().submit_badge("BDG0001")
    QTimer.singleShot(20, when_logged_in)

def when_logged_in():
    w = window()
    if not w.session.logged_in:
        QTimer.singleShot(20, when_logged_in)
        return
    w.services.replica.submit(lambda ctx: time.sleep(0.8))  # a job running when systemd stops the station
    QTimer.singleShot(50, lambda: os.kill(os.getpid(), signal.SIGTERM))

QTimer.singleShot(0, log_in)
print("exit", run_station(config), flush=True)
"""


def test_sigterm_closes_the_window_and_writes_the_logout(tmp_path, replica_url, central_url):
    done = subprocess.run(
        [sys.executable, "-c", SIGTERM_STATION, central_url, replica_url], capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 0, done.stderr
    assert "exit 0" in done.stdout
    logouts = events(replica_url, USER_LOGGED_OUT)
    assert [(e.actor, e.payload["reason"]) for e in logouts] == [("BDG0001", "window_closed")]
