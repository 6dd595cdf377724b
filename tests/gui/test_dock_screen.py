"""The shipping dock in the station window (pytest-qt, offscreen, real SQLite replica and central
database): the supervisor opens it from the home, chooses the carrier, scans parcels (handed
over, already gone, on hold, another carrier's), the lists follow, and closing the day writes
the manifest PDF and CSV, prints the PDF on the documents printer and records the day; the
handover reaches the central database.

Texts are checked by what does not depend on the language (order numbers, n/N, SSCCs, the
kind of answer): the French comes with the translation files."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import delete, select

from app.config import StationConfig
from app.config_labels import LabelSettings
from app.domain.sscc import SsccSettings, build_sscc
from app.packing.events import MANIFEST_CLOSED, PARCEL_SHIPPED
from app.store.db import make_engine, session_factory, sqlite_url, transaction
from app.store.models import Event, Order, Parcel
from tests.gui.conftest import drain, fill_replica, scan, type_pin

SHOTS = Path("/tmp/w/shots")
SETTINGS = SsccSettings(3, "3760123")


def sscc(n: int) -> str:
    return build_sscc(SETTINGS, n)


def seed(url: str) -> None:
    """Orders packed and waiting at the dock (as app.store.packing_close leaves them)."""
    engine = make_engine(url)
    closed = datetime.now(UTC) - timedelta(hours=1)
    with transaction(session_factory(engine)) as session:
        for number, carrier, count, first, status, reason in (
            ("#2001", "colissimo", 2, 1, "ready_to_ship", None),
            ("#2002", "colissimo", 1, 10, "ready_to_ship", None),
            ("#2003", "colissimo", 1, 20, "on_hold", "fraude suspectée"),
            ("#2004", "chronopost", 1, 30, "ready_to_ship", None),
        ):
            order = Order(number=number, carrier=carrier, status=status, hold_reason=reason, customer_name="Éloïse Œuvray",
                          ship_name="Éloïse Œuvray", ship_zip="69007", ship_city="Lyon")
            for seq in range(1, count + 1):
                order.parcels.append(Parcel(seq=seq, sscc=sscc(first + seq - 1), weight_g=1200 + seq, status="closed",
                                            closed_at=closed))
            session.add(order)
    engine.dispose()


@pytest.fixture
def replica_url(tmp_path: Path) -> str:
    url = sqlite_url(tmp_path / "station.db")
    fill_replica(url)
    seed(url)
    return url


@pytest.fixture
def central_url(tmp_path: Path) -> str:
    from app.sync.capture import prepare_central

    url = sqlite_url(tmp_path / "central.db")
    fill_replica(url)
    seed(url)
    engine = make_engine(url)
    with engine.begin() as connection:
        connection.execute(delete(Event))
    prepare_central(engine)
    engine.dispose()
    return url


@pytest.fixture
def config(replica_url: str, central_url: str, tmp_path: Path) -> StationConfig:
    labels = LabelSettings(label_printer=f"file://{tmp_path / 'labels'}",
                           document_printer=f"file://{tmp_path / 'documents'}?language=pdf")
    return StationConfig(name="DOCK-01", kind="any", language="fr", central_url=central_url, local_url=replica_url,
                         labels=labels)


class Sounds:
    def __init__(self) -> None:
        self.played: list[str] = []

    def play(self, name: str) -> None:
        self.played.append(name)


@pytest.fixture
def services(qapp, config: StationConfig, tmp_path: Path) -> Iterator:
    from app.gui import assets
    from app.gui.print_service import PrintService
    from app.gui.services import StationServices

    qapp.setStyleSheet(assets.theme())
    services = StationServices.create(config, sounds=Sounds())
    services.printing = PrintService(config.name, config.labels, services.replica, tmp_path / "queues")
    services.language.switch("fr")
    yield services
    services.shutdown()
    services.language.uninstall()


@pytest.fixture
def dock(qtbot, window):
    scan(qtbot, window, "BDG0003")  # Sophie Leroy, supervisor
    type_pin(qtbot, window)
    qtbot.waitUntil(lambda: window.session.logged_in, timeout=8000)
    home = window.homes["supervisor"]
    assert home.dock_button.text()
    qtbot.mouseClick(home.dock_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.current_screen is window.dock.screen, timeout=5000)
    return window


def rows(url: str, model, *where) -> list:
    engine = make_engine(url)
    with session_factory(engine)() as session:
        found = list(session.scalars(select(model).where(*where)))
        for row in found:
            session.expunge(row)
    engine.dispose()
    return found


def grab(qtbot, window, name: str) -> None:
    """The window as the person sees it once the flash is over (looked at by eye)."""
    qtbot.waitUntil(lambda: not window.feedback.flash_showing, timeout=3000)
    SHOTS.mkdir(parents=True, exist_ok=True)
    assert window.grab().save(str(SHOTS / name))


def scan_parcel(qtbot, window, text: str) -> None:
    screen = window.dock.screen
    before = screen.result.text()
    window.scan_router.route(text, "test")
    qtbot.waitUntil(lambda: screen.result.text() != before, timeout=5000)


def test_parcels_handed_over_at_the_dock_then_the_day_closed(qtbot, dock, config, services) -> None:
    window = dock
    screen = window.dock.screen
    assert screen.page == "choose"
    button = screen.carrier_buttons["colissimo"]
    qtbot.waitUntil(lambda: "3" in button.text().splitlines()[1], timeout=5000)  # 3 parcels expected
    grab(qtbot, window, "dock_choose.png")
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert screen.page == "scan"
    qtbot.waitUntil(lambda: screen.expected_list.count() == 4, timeout=5000)  # 3 expected + 1 to put aside
    assert "#2003" in screen.expected_list.item(0).text()  # the held one first

    scan_parcel(qtbot, window, f"(00){sscc(1)}")
    assert screen.result_kind == "good" and "1/2" in screen.result.text() and "#2001" in screen.result.text()
    assert services.sounds.played[-1] == "ok" and not window.feedback.banner_showing
    assert screen.shipped_list.count() == 1 and screen.expected_list.count() == 3
    assert rows(config.replica_url, Parcel, Parcel.sscc == sscc(1))[0].status == "shipped"

    scan_parcel(qtbot, window, sscc(1))  # scanned twice: it had left, nothing lost
    assert screen.result_kind == "already" and "#2001" in screen.result.text()
    assert not window.feedback.banner_showing and services.sounds.played[-1] == "attention"
    assert len(rows(config.replica_url, Event, Event.kind == PARCEL_SHIPPED)) == 1

    scan_parcel(qtbot, window, sscc(20))  # on hold: must not leave
    assert screen.result_kind == "bad" and "#2003" in screen.result.text() and "fraude suspectée" in screen.result.text()
    assert window.feedback.banner_showing and window.feedback.banner_text.startswith(screen.result.text())
    grab(qtbot, window, "dock_on_hold.png")
    window.feedback.acknowledge()
    assert screen.result_kind == "bad"  # the red line stays until the next parcel leaves

    scan_parcel(qtbot, window, sscc(30))  # Chronopost's
    assert screen.result_kind == "bad" and "#2004" in screen.result.text() and "Chronopost" in screen.result.text()
    window.feedback.acknowledge()
    window.scan_router.route("4006381333931", "test")  # a product, not a parcel
    assert screen.result_kind == "bad" and window.feedback.banner_showing
    window.feedback.acknowledge()

    scan_parcel(qtbot, window, sscc(2))
    assert screen.result_kind == "good" and "2/2" in screen.result.text()
    qtbot.waitUntil(lambda: screen.shipped_list.count() == 2, timeout=5000)
    assert rows(config.replica_url, Order, Order.number == "#2001")[0].status == "shipped"
    grab(qtbot, window, "dock_scans.png")

    # The day's close: the missing parcel (#2002) listed first, then a confirmation.
    qtbot.mouseClick(screen.close_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: screen.page == "confirm", timeout=5000)
    texts = [screen.missing_list.item(i).text() for i in range(screen.missing_list.count())]
    assert any("#2003" in t for t in texts) and any("#2002" in t for t in texts)
    grab(qtbot, window, "dock_close.png")
    window.scan_router.route(sscc(10), "test")  # a scan now does not close or ship anything
    assert window.feedback.banner_kind == "attention" and screen.page == "confirm"
    window.feedback.acknowledge()
    qtbot.mouseClick(screen.confirm_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(screen.confirm_button, Qt.MouseButton.LeftButton)  # a double tap closes once
    qtbot.waitUntil(lambda: screen.page == "scan" and screen.result_kind == "info", timeout=10000)

    from app.gui.dock_ui import manifest_folder

    folder = manifest_folder("DOCK-01")
    day = datetime.now(UTC).astimezone().date().isoformat()
    assert str(folder) in screen.result.text()
    pdf = sorted(folder.glob("bordereau-colissimo-*.pdf"))
    csv = sorted(folder.glob("bordereau-colissimo-*.csv"))
    assert len(pdf) == 1 and len(csv) == 1 and pdf[0].read_bytes().startswith(b"%PDF")
    table = csv[0].read_bytes().decode("utf-8-sig")
    assert sscc(1) in table and sscc(2) in table and sscc(10) not in table
    assert day[:4] in pdf[0].name
    [closed] = rows(config.replica_url, Event, Event.kind == MANIFEST_CLOSED)
    assert closed.actor == "BDG0003" and closed.payload["parcels"] == [sscc(1), sscc(2)]
    assert closed.payload["missing"] == [sscc(10)]
    printed = Path(config.labels.document_printer.split("//", 1)[1].split("?")[0])
    qtbot.waitUntil(lambda: any(printed.glob("*.pdf")), timeout=15000)
    grab(qtbot, window, "dock_closed.png")

    # The handover reached the central database with the next sync.
    qtbot.waitUntil(lambda: rows(config.central_url, Order, Order.number == "#2001")[0].status == "shipped",
                    timeout=20000)
    assert rows(config.central_url, Parcel, Parcel.sscc == sscc(2))[0].status == "shipped"
    drain(qtbot, services.replica)


def test_change_carrier_and_back_home(qtbot, dock) -> None:
    window = dock
    screen = window.dock.screen
    qtbot.mouseClick(screen.carrier_buttons["click_collect"], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: screen.state is not None, timeout=5000)
    assert screen.state.expected == () and screen.page == "scan"
    qtbot.mouseClick(screen.change_button, Qt.MouseButton.LeftButton)
    assert screen.page == "choose" and window.dock.carrier is None
    window.scan_router.route(sscc(1), "test")  # no carrier chosen: nothing leaves
    assert window.feedback.banner_kind == "attention"
    window.feedback.acknowledge()
    qtbot.mouseClick(screen.back_button, Qt.MouseButton.LeftButton)
    assert window.current_screen is window.homes["supervisor"]
    assert rows(window.config.replica_url, Event, Event.kind == PARCEL_SHIPPED) == []


def test_a_packer_reaches_the_dock_from_the_home_and_ships_there(qtbot, window, config) -> None:
    scan(qtbot, window, "BDG0002")  # Nadia Benali, packer
    qtbot.waitUntil(lambda: window.session.logged_in, timeout=8000)
    home = window.homes["packer"]
    grab(qtbot, window, "packer_home_dock_button.png")
    qtbot.mouseClick(home.dock_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.current_screen is window.dock.screen, timeout=5000)
    grab(qtbot, window, "dock_packer_choose.png")
    screen = window.dock.screen
    qtbot.mouseClick(screen.carrier_buttons["chronopost"], Qt.MouseButton.LeftButton)
    scan_parcel(qtbot, window, sscc(30))  # the dock takes the scan, not the packing flow
    assert screen.result_kind == "good" and "#2004" in screen.result.text()
    [shipped] = rows(config.replica_url, Event, Event.kind == PARCEL_SHIPPED)
    assert shipped.actor == "BDG0002" and shipped.payload["dock"] == "chronopost"
    qtbot.mouseClick(screen.back_button, Qt.MouseButton.LeftButton)
    assert window.current_screen is home
