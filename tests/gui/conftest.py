"""GUI fixtures: a real migrated SQLite replica with users and orders, the services over it,
and the main window, offscreen. The translator is reset to French for every test."""

from __future__ import annotations

import os
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QUAI_SILENT", "1")

from app.config import StationConfig  # noqa: E402
from app.domain.roles import Role  # noqa: E402
from app.store.db import make_engine, session_factory, sqlite_url, transaction  # noqa: E402
from app.store.migrate import upgrade  # noqa: E402
from app.store.models import Order, OrderLine  # noqa: E402
from app.store.users import add_user  # noqa: E402

USERS = {
    "BDG0001": ("Paul Martin", {Role.PICKER}),
    "BDG0002": ("Nadia Benali", {Role.PACKER}),
    "BDG0003": ("Sophie Leroy", {Role.SUPERVISOR}),
    "BDG0004": ("Marc Dubois", {Role.PICKER, Role.PACKER}),
}
PINS = {"BDG0003": "4321"}  # a supervisor logs in with badge and PIN (app.gui.supervisor_access)


def fill_replica(url: str) -> None:
    engine = make_engine(url)
    upgrade(engine)
    sessions = session_factory(engine)
    now = datetime.now(UTC).replace(microsecond=0)
    with transaction(sessions) as session:
        for badge, (name, roles) in USERS.items():
            add_user(session, name=name, badge=badge, roles=frozenset(roles), pin=PINS.get(badge), station="test")
        statuses = ["new"] * 7 + ["picked"] * 3 + ["packing", "shipped", "on_hold"]
        for i, status in enumerate(statuses):
            order = Order(
                number=f"#{1001 + i}",
                customer_name=f"Client {i}",
                ship_name=f"Client {i}",
                status=status,
                cutoff_at=now + timedelta(hours=(i * 5) % 13 + 1),
                priority=i % 2,
            )
            order.lines = [OrderLine(line_no=1, sku=f"SKU-{i}", name="Mug", quantity=1 + i % 3)]
            session.add(order)
    engine.dispose()


@pytest.fixture(autouse=True)
def collect_garbage_in_the_gui_thread():
    """Free each test's widgets here, in the GUI thread.

    A window left in a reference cycle (a test's closure over it) is otherwise freed by
    whichever thread next runs the garbage collector, possibly a worker thread of a later
    test, and a QWidget deleted outside the GUI thread crashes the interpreter.
    """
    yield
    import gc

    gc.collect()


@pytest.fixture
def replica_url(tmp_path: Path) -> str:
    url = sqlite_url(tmp_path / "station.db")
    fill_replica(url)
    return url


@pytest.fixture
def central_url(tmp_path: Path) -> str:
    """The embedded central database holding the same users and orders as the replica (so
    the station's first pull, a snapshot, changes nothing), and no events yet."""
    from sqlalchemy import delete

    from app.store.models import Event
    from app.sync.capture import prepare_central

    url = sqlite_url(tmp_path / "central.db")
    fill_replica(url)
    engine = make_engine(url)
    with engine.begin() as connection:
        connection.execute(delete(Event))
    prepare_central(engine)
    engine.dispose()
    return url


@pytest.fixture
def station_kind() -> str:
    return "any"


@pytest.fixture
def config(replica_url: str, central_url: str, station_kind: str) -> StationConfig:
    return StationConfig(name="PICK-01", kind=station_kind, language="fr", central_url=central_url, local_url=replica_url)


@pytest.fixture
def services(qapp, config: StationConfig) -> Iterator:
    from app.gui import assets
    from app.gui.services import StationServices

    qapp.setStyleSheet(assets.theme())
    services = StationServices.create(config)
    services.language.switch("fr")
    yield services
    services.shutdown()
    services.language.uninstall()


@pytest.fixture
def window(qtbot, config: StationConfig, services) -> Iterator:
    from app.gui.main_window import MainWindow

    window = MainWindow(config, services)
    window.resize(1280, 800)
    window.show()
    qtbot.waitExposed(window)
    yield window
    window.close()


def scan(qtbot, window, badge: str) -> None:
    """Type a badge into the on-screen field and press Enter, as a wedge scanner would."""
    from PySide6.QtCore import Qt

    edit = window.login_screen.ui.badgeEdit
    edit.setFocus()
    qtbot.keyClicks(edit, badge)
    qtbot.keyClick(edit, Qt.Key.Key_Return)


def type_pin(qtbot, window, pin: str = "4321") -> None:
    """On the supervisor's PIN screen (after their badge): tap the digits, then OK."""
    qtbot.waitUntil(lambda: window.access.showing, timeout=5000)
    screen = window.access.screen
    for digit in pin:
        screen.keys[digit].click()
    screen.ok_button.click()


def log_in_supervisor(qtbot, window, badge: str = "BDG0003", pin: str = "4321") -> None:
    """Scan a supervisor's badge and type their PIN; returns once the session is open."""
    scan(qtbot, window, badge)
    type_pin(qtbot, window, pin)
    qtbot.waitUntil(lambda: window.session.logged_in, timeout=8000)


def drain(qtbot, worker, timeout: int = 5000) -> None:
    """Wait until every job submitted to ``worker`` so far has run and its callback has been delivered.

    Submits a no-op job and waits for its callback: jobs run, and callbacks arrive, in order.
    """
    done: list[bool] = []
    worker.submit(lambda _ctx: None, lambda _r: done.append(True), lambda _e: done.append(True))
    qtbot.waitUntil(lambda: bool(done), timeout=timeout)
