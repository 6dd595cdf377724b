"""A packer at the station, end to end: claim the most urgent picked order, verify every unit
by scan, confirm the box, weigh, inserts, the countdown, the close with an SSCC per parcel,
the label in the spool folder; errors that stay on screen, a keyed quantity, a weight out of
tolerance and its recheck, a supervisor's override with a wrong PIN then the right one, a
countdown stopped then printed, a pack resumed after a restart.

The station runs against an embedded central database and a replica holding the same small
packing floor (tests.gui.pack_warehouse); scans enter through the station's own router.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import select

from app.config import StationConfig
from app.config_labels import LabelSettings
from app.config_packing import PackingSettings
from app.store.db import make_engine, session_factory, sqlite_url, transaction
from app.store.models import Event, Order, OrderLine, Parcel, User
from tests.gui.conftest import drain, fill_replica
from tests.gui.pack_warehouse import GIFT, GTIN, add_packing_floor, fill_sscc_pool

STATION = "PACK-01"


@pytest.fixture
def replica_url(tmp_path: Path) -> str:
    url = sqlite_url(tmp_path / "station.db")
    fill_replica(url)
    add_packing_floor(url)
    return url


@pytest.fixture
def central_url(tmp_path: Path) -> str:
    from app.sync.capture import prepare_central

    url = sqlite_url(tmp_path / "central.db")
    fill_replica(url)
    add_packing_floor(url)
    engine = make_engine(url)
    prepare_central(engine)
    engine.dispose()
    return url


@pytest.fixture
def print_delay() -> int:
    return 1


@pytest.fixture
def config(replica_url: str, central_url: str, tmp_path: Path, print_delay: int) -> StationConfig:
    labels = LabelSettings(label_printer=f"file://{tmp_path / 'labels'}",
                           document_printer=f"file://{tmp_path / 'slips'}?language=pdf")
    config = StationConfig(name=STATION, kind="packing", language="fr", central_url=central_url,
                           local_url=replica_url, labels=labels,
                           packing=PackingSettings(print_delay_s=print_delay, quantity_threshold=5))
    fill_sscc_pool(central_url, replica_url, STATION, labels)
    return config


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
def supervisor_pin(replica_url: str) -> str:
    """Sophie Leroy (BDG0003, supervisor) has PIN 4321 in the station's copy."""
    from app.domain.pin import hash_pin

    engine = make_engine(replica_url)
    with transaction(session_factory(engine)) as session:
        for user in session.scalars(select(User).where(User.badge.in_(["BDG0003", "BDG0002"]))):
            user.pin_hash = hash_pin("4321" if user.badge == "BDG0003" else "1111")
    engine.dispose()
    return "4321"


@pytest.fixture
def packer(qtbot, window, services) -> Iterator:
    window.scan_router.route("BDG0002")  # Nadia Benali, packer
    qtbot.waitUntil(lambda: window.session.logged_in and "packer" in window.homes, timeout=8000)
    yield window


# --- helpers -------------------------------------------------------------------------------------------

def scan(qtbot, window, text: str) -> None:
    """A scan through the station's router; waits until its write (if any) is committed."""
    window.scan_router.route(text)
    controller = window.packing.controller
    qtbot.waitUntil(lambda: not controller.busy, timeout=5000)


def ack(qtbot, window) -> None:
    """Acknowledge the banner the way a packer does: a tap on it."""
    window.feedback.acknowledge()


def start(qtbot, window) -> None:
    window.homes["packer"].start_button.click()
    qtbot.waitUntil(lambda: window.packing.controller.session is not None, timeout=8000)
    assert window.current_screen is window.packing.screen


def step(window) -> str:
    return str(window.packing.controller.session.view().step)


def view(window):
    return window.packing.controller.session.view()


def replica_order(config, number: str) -> Order:
    engine = make_engine(config.replica_url)
    with session_factory(engine)() as session:
        order = session.scalars(select(Order).where(Order.number == number)).one()
        session.expunge(order)
    engine.dispose()
    return order


def central_order(config, number: str) -> Order:
    engine = make_engine(config.central_url)
    with session_factory(engine)() as session:
        order = session.scalars(select(Order).where(Order.number == number)).one()
        session.expunge(order)
    engine.dispose()
    return order


def replica_lines(config, number: str) -> dict[str, OrderLine]:
    engine = make_engine(config.replica_url)
    with session_factory(engine)() as session:
        lines = list(session.scalars(select(OrderLine).join(Order).where(Order.number == number)))
        for line in lines:
            session.expunge(line)
    engine.dispose()
    return {line.sku: line for line in lines}


def replica_parcels(config, number: str) -> list[Parcel]:
    engine = make_engine(config.replica_url)
    with session_factory(engine)() as session:
        parcels = list(session.scalars(select(Parcel).join(Order).where(Order.number == number).order_by(Parcel.seq)))
        for parcel in parcels:
            session.expunge(parcel)
    engine.dispose()
    return parcels


def events(config, kind: str) -> list[Event]:
    engine = make_engine(config.replica_url)
    with session_factory(engine)() as session:
        found = list(session.scalars(select(Event).where(Event.kind == kind).order_by(Event.seq)))
        for event in found:
            session.expunge(event)
    engine.dispose()
    return found


def key_weight(qtbot, window, text: str, unit: str = "kg") -> None:
    """Tap Key in weight, the unit, the digits, OK."""
    screen = window.packing.screen
    qtbot.mouseClick(screen.weight_button, Qt.MouseButton.LeftButton)
    assert screen.pages.currentWidget() is screen.weight_pad
    pad = screen.weight_pad
    qtbot.mouseClick(pad.kg_button if unit == "kg" else pad.g_button, Qt.MouseButton.LeftButton)
    for key in text:
        qtbot.mouseClick(pad.keys[key], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(pad.keys["OK"], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not window.packing.controller.busy, timeout=5000)


def verify_3001(qtbot, window) -> None:
    for text in (GTIN["MUG"], GTIN["TEA"], GTIN["TEA"]):
        scan(qtbot, window, text)


def finish_inserts(qtbot, window) -> None:
    screen = window.packing.screen
    assert screen.pages.currentWidget() is screen.inserts_page
    for widget in screen.inserts_page.checks.values():
        qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(screen.inserts_page.done_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not window.packing.controller.busy, timeout=5000)


def wait_printed(qtbot, window) -> None:
    """Wait until the label and the slip are queued (before the test ends and the workers stop)."""
    c = window.packing.controller
    qtbot.waitUntil(lambda: (c.label_job is not None and c.slip_job is not None) or c.print_error is not None,
                    timeout=15000)
    assert c.print_error is None, c.print_error


def spooled(folder: Path, suffix: str) -> list[Path]:
    return sorted(p for p in folder.iterdir() if p.suffix == suffix) if folder.exists() else []


# --- the flows -----------------------------------------------------------------------------------------

def test_a_single_parcel_from_the_home_to_a_label_in_the_spool_folder(qtbot, packer, config, services, tmp_path) -> None:
    window = packer
    start(qtbot, window)
    screen = window.packing.screen
    v = view(window)
    assert v.order == "#3001"  # the earliest cutoff first
    assert replica_order(config, "#3001").status == "packing"
    assert "#3001" in screen.order_label.text() and "Colissimo" in screen.carrier_label.text()
    assert screen.side.gift_label.text() == f"« {GIFT} »" and screen.side.gift_frame.isVisibleTo(screen)
    assert screen.line_rows[1].left.text() == "2"  # TEA: two to verify

    scan(qtbot, window, GTIN["MUG"])
    assert replica_lines(config, "#3001")["MUG"].verified == 1  # on disk when the beep came
    assert services.sounds.played[-1] == "ok"
    scan(qtbot, window, GTIN["TEA"])
    scan(qtbot, window, GTIN["TEA"])
    assert step(window) == "box" and screen.side.box_label.text().startswith(view(window).suggested_box)
    scan(qtbot, window, view(window).suggested_box)  # the box's barcode
    assert step(window) == "weigh" and screen.weight_button.isVisible()
    expected = view(window).expected_weight_g
    key_weight(qtbot, window, str(expected), unit="g")
    assert step(window) == "inserts" and "gift_message" in view(window).inserts
    finish_inserts(qtbot, window)
    # The countdown (1 s here) runs out by itself: closed, SSCC taken, label and slip printed.
    qtbot.waitUntil(lambda: step(window) == "closed", timeout=8000)
    qtbot.waitUntil(lambda: window.packing.controller.label_job is not None
                    and window.packing.controller.slip_job is not None, timeout=15000)
    assert screen.pages.currentWidget() is screen.done_page
    assert screen.done_page.title.text() in ("Prêt à expédier", "Ready to ship")
    order = replica_order(config, "#3001")
    assert order.status == "ready_to_ship" and order.packed_by == "BDG0002"
    parcels = replica_parcels(config, "#3001")
    assert len(parcels) == 1 and parcels[0].status == "closed" and parcels[0].weight_g == expected
    sscc = parcels[0].sscc
    assert sscc and len(sscc) == 18 and sscc in screen.done_page.parcels.text()
    wait_printed(qtbot, window)
    qtbot.waitUntil(lambda: bool(spooled(tmp_path / "labels", ".zpl")), timeout=15000)
    label = spooled(tmp_path / "labels", ".zpl")[0].read_bytes()
    assert label.startswith(b"^XA") and sscc.encode() in label
    qtbot.waitUntil(lambda: bool(spooled(tmp_path / "slips", ".pdf")), timeout=15000)
    slip = services.printing.preview(window.packing.controller.slip_job)
    words = " ".join(getattr(e, "text", "") for page in slip for e in page.elements)
    assert "Préparé pour vous par Nadia" in words and GIFT in words
    printed = events(config, "label.printed")
    assert {e.payload["printer"] for e in printed} >= {"labels", "documents"}

    # REPRINT on the done screen: a second copy, audited.
    scan(qtbot, window, "CMD-REPRINT")
    drain(qtbot, services.replica)
    qtbot.waitUntil(lambda: len(events(config, "label.reprinted")) == 1, timeout=5000)
    assert events(config, "label.reprinted")[0].actor == "BDG0002"
    qtbot.waitUntil(lambda: len(spooled(tmp_path / "labels", ".zpl")) == 2, timeout=15000)

    # The claim goes back after the push: the central copy is ready to ship, and free.
    qtbot.waitUntil(lambda: central_order(config, "#3001").claimed_by is None, timeout=10000)
    assert central_order(config, "#3001").status == "ready_to_ship"
    scan(qtbot, window, "CMD-NEXT")  # the next order
    qtbot.waitUntil(lambda: window.packing.controller.session is not None and view(window).order == "#3002",
                    timeout=8000)


def test_wrong_product_and_extra_unit_stay_on_screen_until_the_next_accepted_scan(qtbot, packer, config) -> None:
    window = packer
    start(qtbot, window)
    screen = window.packing.screen
    scan(qtbot, window, GTIN["OIL"])  # not in this order
    assert window.feedback.banner_showing and view(window).last_error == "wrong_product"
    assert screen.error_frame.isVisibleTo(screen) and GTIN["OIL"] in screen.error_label.text()
    ack(qtbot, window)
    assert screen.error_frame.isVisibleTo(screen)  # the banner is gone, the red line stays
    scan(qtbot, window, GTIN["MUG"])
    assert not screen.error_frame.isVisibleTo(screen)  # an accepted scan clears it
    scan(qtbot, window, GTIN["MUG"])  # one MUG only
    assert view(window).last_error == "extra_unit" and screen.error_frame.isVisibleTo(screen)
    assert replica_lines(config, "#3001")["MUG"].verified == 1
    ack(qtbot, window)
    # Undo by command barcode, then by the button.
    scan(qtbot, window, "CMD-UNDO")
    assert replica_lines(config, "#3001")["MUG"].verified == 0
    scan(qtbot, window, GTIN["TEA"])
    qtbot.mouseClick(screen.undo_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not window.packing.controller.busy and view(window).units_verified == 0, timeout=5000)
    assert replica_lines(config, "#3001")["TEA"].verified == 0


def test_a_large_line_keyed_in_with_confirmation(qtbot, packer, config) -> None:
    window = packer
    scan(qtbot, window, "TOT999")  # a tote that holds nothing to pack: said, nothing claimed
    qtbot.waitUntil(lambda: window.feedback.banner_showing, timeout=5000)
    assert "TOT999" in window.feedback.banner_text and window.packing.controller.session is None
    window.feedback.acknowledge()
    window.packing.open_scanned("TOT102")  # the tote typed at the home: #3002, TEA x 6
    qtbot.waitUntil(lambda: window.packing.controller.session is not None, timeout=8000)
    screen = window.packing.screen
    assert view(window).order == "#3002"
    scan(qtbot, window, GTIN["TEA"])
    assert screen.quantity_button.isVisible()  # 5 left: at the threshold
    qtbot.mouseClick(screen.quantity_button, Qt.MouseButton.LeftButton)
    assert screen.pages.currentWidget() is screen.keypad
    qtbot.mouseClick(screen.keypad.keys["5"], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(screen.keypad.keys["OK"], Qt.MouseButton.LeftButton)
    assert screen.pages.currentWidget() is screen.question  # confirm 5 x Thé vert
    assert replica_lines(config, "#3002")["TEA"].verified == 1  # nothing before the confirmation
    qtbot.mouseClick(screen.question.yes_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not window.packing.controller.busy, timeout=5000)
    assert replica_lines(config, "#3002")["TEA"].verified == 6
    assert step(window) == "box"


def test_a_weight_out_of_tolerance_is_rechecked_then_weighed_again(qtbot, packer, config) -> None:
    window = packer
    start(qtbot, window)
    screen = window.packing.screen
    verify_3001(qtbot, window)
    scan(qtbot, window, view(window).suggested_box)
    expected = view(window).expected_weight_g
    key_weight(qtbot, window, "2,5")  # 2,5 kg: far off
    assert step(window) == "recheck"
    assert window.feedback.banner_showing and "2,50 kg" in window.feedback.banner_text
    assert "2,50 kg" in screen.error_label.text() and screen.error_frame.isVisibleTo(screen)
    weighed = events(config, "pack.weighed")
    assert weighed[-1].payload["within"] is False and weighed[-1].payload["grams"] == 2500
    ack(qtbot, window)
    assert replica_lines(config, "#3001")["TEA"].verified == 0  # the parcel's units to scan again
    verify_3001(qtbot, window)
    assert step(window) == "weigh"
    key_weight(qtbot, window, str(expected), unit="g")
    assert step(window) == "inserts"
    assert events(config, "pack.weighed")[-1].payload["within"] is True


def test_a_supervisor_override_refuses_a_wrong_pin_then_takes_the_right_one(qtbot, packer, config, supervisor_pin) -> None:
    from app.gui.screens.override_dialog import OverrideDialog

    window = packer
    start(qtbot, window)
    screen = window.packing.screen
    scan(qtbot, window, GTIN["MUG"])
    scan(qtbot, window, GTIN["TEA"])  # one TEA is missing (its barcode will not read)
    assert screen.override_button.isVisible()
    qtbot.mouseClick(screen.override_button, Qt.MouseButton.LeftButton)
    dialog = window.packing.dialog
    assert isinstance(dialog, OverrideDialog) and dialog.isVisible()
    window.scan_router.route("BDG0003")  # the supervisor scans their badge: the dialog takes it
    assert dialog.badge_edit.text() == "BDG0003"
    dialog.choose_reason("barcode_unreadable")
    for key in "9999":
        qtbot.mouseClick(dialog.keys[key], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.error.isVisibleTo(dialog), timeout=5000)
    assert dialog.isVisible() and events(config, "pack.override") == []
    for key in supervisor_pin:
        qtbot.mouseClick(dialog.keys[key], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.packing.dialog is None, timeout=5000)
    override = events(config, "pack.override")
    assert len(override) == 1
    assert override[0].payload["supervisor"] == "BDG0003" and override[0].payload["reason"] == "barcode_unreadable"
    assert override[0].payload["what"] == "verification"
    assert view(window).overridden and step(window) == "box"


def test_a_badge_number_keyed_on_the_dialog(qtbot, packer, config, supervisor_pin) -> None:
    """The supervisor's badge will not scan: its number on the keys, then the PIN."""
    window = packer
    start(qtbot, window)
    scan(qtbot, window, GTIN["MUG"])
    qtbot.mouseClick(window.packing.screen.override_button, Qt.MouseButton.LeftButton)
    dialog = window.packing.dialog
    assert dialog.badge_target.isChecked()  # the keys type the badge until one is scanned
    for key in "0003":
        qtbot.mouseClick(dialog.keys[key], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(dialog.pin_target, Qt.MouseButton.LeftButton)
    for key in supervisor_pin:
        qtbot.mouseClick(dialog.keys[key], Qt.MouseButton.LeftButton)
    dialog.reason_edit.setText("Étiquette arrachée")  # free text
    assert dialog.badge == "BDG0003" and dialog.reason == "Étiquette arrachée"
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.packing.dialog is None, timeout=5000)
    override = events(config, "pack.override")
    assert len(override) == 1 and override[0].payload["supervisor"] == "BDG0003"
    assert override[0].payload["reason"] == "Étiquette arrachée"


def test_a_packer_badge_with_its_pin_is_not_a_supervisor(qtbot, packer, config, supervisor_pin) -> None:
    window = packer
    start(qtbot, window)
    scan(qtbot, window, GTIN["MUG"])
    qtbot.mouseClick(window.packing.screen.override_button, Qt.MouseButton.LeftButton)
    dialog = window.packing.dialog
    dialog.set_badge("BDG0002")
    dialog.choose_reason("customer_agreed")
    for key in "1111":
        dialog.press(key)
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.error.isVisibleTo(dialog), timeout=5000)
    assert events(config, "pack.override") == []
    dialog.reject()


@pytest.mark.parametrize("print_delay", [30])
def test_the_countdown_cancelled_then_printed(qtbot, packer, config, tmp_path) -> None:
    window = packer
    start(qtbot, window)
    screen = window.packing.screen
    verify_3001(qtbot, window)
    scan(qtbot, window, view(window).suggested_box)
    key_weight(qtbot, window, str(view(window).expected_weight_g), unit="g")
    finish_inserts(qtbot, window)
    assert step(window) == "label" and screen.pages.currentWidget() is screen.countdown_page
    assert screen.countdown_page.number.text() == "30" and screen.countdown_page.cancel_button.isVisible()
    scan(qtbot, window, "CMD-CANCEL")  # stop it
    assert events(config, "pack.print_cancelled") and not window.packing.controller.session.countdown_running()
    assert screen.countdown_page.print_button.isVisible() and not screen.countdown_page.cancel_button.isVisible()
    assert replica_parcels(config, "#3001") == []  # nothing closed, nothing printed
    # Printing again starts the countdown afresh; the test runs it out at once.
    qtbot.mouseClick(screen.countdown_page.print_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.packing.controller.session.countdown_running(), timeout=5000)
    window.packing._countdown_left = 1
    window.packing._tick()
    qtbot.waitUntil(lambda: step(window) == "closed", timeout=8000)
    wait_printed(qtbot, window)
    qtbot.waitUntil(lambda: bool(spooled(tmp_path / "labels", ".zpl")), timeout=15000)
    assert replica_parcels(config, "#3001")[0].sscc.encode() in spooled(tmp_path / "labels", ".zpl")[0].read_bytes()


def test_cancelling_the_pack_sends_the_tote_back(qtbot, packer, config) -> None:
    window = packer
    start(qtbot, window)
    screen = window.packing.screen
    scan(qtbot, window, GTIN["MUG"])
    qtbot.mouseClick(screen.cancel_button, Qt.MouseButton.LeftButton)
    assert screen.pages.currentWidget() is screen.question
    qtbot.mouseClick(screen.question.yes_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.packing.controller.session is None, timeout=5000)
    assert window.current_screen is window.homes["packer"]
    order = replica_order(config, "#3001")
    assert order.status == "picked" and replica_lines(config, "#3001")["MUG"].verified == 0
    assert events(config, "pack.cancelled")[-1].payload["order"] == "#3001"


@pytest.mark.parametrize("print_delay", [30])
def test_an_unfinished_pack_comes_back_at_the_next_login_at_the_same_step(qtbot, packer, config, services) -> None:
    from app.gui.main_window import MainWindow

    window = packer
    start(qtbot, window)
    verify_3001(qtbot, window)
    scan(qtbot, window, view(window).suggested_box)
    assert step(window) == "weigh"
    window.close()  # the station stops (a window closed keeps the pack, as a crash does)
    drain(qtbot, services.replica)

    again = MainWindow(config, services)
    again.resize(1280, 800)
    again.show()
    qtbot.waitExposed(again)
    try:
        again.scan_router.route("BDG0002")
        qtbot.waitUntil(lambda: again.session.logged_in and again._packing is not None
                        and again.packing.controller.session is not None, timeout=8000)
        resumed = again.packing.controller.session.view()
        assert resumed.order == "#3001" and str(resumed.step) == "weigh" and resumed.units_verified == 3
        qtbot.waitUntil(lambda: again.current_screen is again.packing.screen, timeout=5000)
    finally:
        again.close()


def test_click_and_collect_with_a_serial_number_opened_by_its_number(qtbot, packer, config, tmp_path) -> None:
    window = packer
    scan(qtbot, window, "#3003")  # the order's number scanned at the home
    qtbot.waitUntil(lambda: window.packing.controller.session is not None, timeout=8000)
    screen = window.packing.screen
    assert view(window).order == "#3003" and view(window).delivery_mode == "pickup"
    scan(qtbot, window, GTIN["CAM"])  # serial-tracked: its serial number is asked for
    assert view(window).serial_wanted == "CAM" and "Caméra sport 4K" in screen.instruction.text()
    assert replica_lines(config, "#3003")["CAM"].verified == 0  # nothing recorded before the serial
    scan(qtbot, window, "SN-4K-000123")
    assert view(window).serial_wanted is None
    line = replica_lines(config, "#3003")["CAM"]
    assert line.verified == 1 and any(c.get("serial") == "SN-4K-000123" for c in line.captured)
    assert "SN-4K-000123" in screen.line_rows[0].detail.text()
    scan(qtbot, window, view(window).suggested_box)
    key_weight(qtbot, window, str(view(window).expected_weight_g), unit="g")
    if step(window) == "inserts":
        finish_inserts(qtbot, window)
    qtbot.waitUntil(lambda: step(window) == "closed" and bool(window.packing.controller.closed_parcels), timeout=8000)
    assert screen.done_page.title.text() in ("Prêt pour le retrait en magasin", "Ready for pickup in store")
    wait_printed(qtbot, window)
    qtbot.waitUntil(lambda: bool(spooled(tmp_path / "labels", ".zpl")), timeout=15000)
    label = spooled(tmp_path / "labels", ".zpl")[0].read_bytes()
    assert replica_parcels(config, "#3003")[0].sscc.encode() in label
    assert "Quai Boutique".encode() in label  # the pickup store on the label


def test_two_parcels_each_with_its_own_sscc(qtbot, packer, config, tmp_path) -> None:
    window = packer
    start(qtbot, window)
    screen = window.packing.screen
    scan(qtbot, window, GTIN["MUG"])
    qtbot.mouseClick(screen.parcel_button, Qt.MouseButton.LeftButton)  # "Next parcel": refused, no box yet
    qtbot.waitUntil(lambda: not window.packing.controller.busy, timeout=5000)
    assert view(window).last_error == "box_needed"
    window.feedback.acknowledge()
    scan(qtbot, window, "CARTON-S")
    qtbot.mouseClick(screen.parcel_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not window.packing.controller.busy, timeout=5000)
    assert step(window) == "weigh" and view(window).parcel == 1
    key_weight(qtbot, window, str(view(window).expected_weight_g), unit="g")
    assert view(window).parcel == 2 and view(window).parcel_count == 2
    scan(qtbot, window, GTIN["TEA"])
    scan(qtbot, window, GTIN["TEA"])
    scan(qtbot, window, "CARTON-S")
    key_weight(qtbot, window, str(view(window).expected_weight_g), unit="g")
    finish_inserts(qtbot, window)
    qtbot.waitUntil(lambda: step(window) == "closed" and bool(window.packing.controller.closed_parcels), timeout=8000)
    parcels = replica_parcels(config, "#3001")
    assert [p.seq for p in parcels] == [1, 2] and len({p.sscc for p in parcels}) == 2
    wait_printed(qtbot, window)
    qtbot.waitUntil(lambda: bool(spooled(tmp_path / "labels", ".zpl")), timeout=15000)
    label = spooled(tmp_path / "labels", ".zpl")[0].read_bytes()
    assert all(p.sscc.encode() in label for p in parcels) and label.count(b"^XA") == 2


def test_a_b2b_order_in_two_cartons_gets_logistic_labels_and_a_pallet_label(qtbot, packer, config, tmp_path) -> None:
    window = packer
    window.packing.open_scanned("#3005")
    qtbot.waitUntil(lambda: window.packing.controller.session is not None, timeout=8000)
    session = window.packing.controller.session
    plan = session.state.plan
    assert plan.pallet and len(plan.parcels) == 2
    line_id = plan.lines[0].line_id
    screen = window.packing.screen
    for parcel in plan.parcels:
        units = parcel.items[line_id]
        scan(qtbot, window, GTIN["OIL"])
        if units > 1 and not screen.quantity_button.isVisible():  # under the threshold: one scan each
            for _ in range(units - 1):
                scan(qtbot, window, GTIN["OIL"])
        elif units > 1:
            qtbot.mouseClick(screen.quantity_button, Qt.MouseButton.LeftButton)
            for key in str(units - 1):
                qtbot.mouseClick(screen.keypad.keys[key], Qt.MouseButton.LeftButton)
            qtbot.mouseClick(screen.keypad.keys["OK"], Qt.MouseButton.LeftButton)
            qtbot.mouseClick(screen.question.yes_button, Qt.MouseButton.LeftButton)
            qtbot.waitUntil(lambda: not window.packing.controller.busy, timeout=5000)
        scan(qtbot, window, view(window).suggested_box)
        if step(window) == "verify":
            qtbot.mouseClick(screen.parcel_button, Qt.MouseButton.LeftButton)  # "Next parcel"
            qtbot.waitUntil(lambda: not window.packing.controller.busy, timeout=5000)
        assert step(window) == "weigh", view(window)
        key_weight(qtbot, window, str(view(window).expected_weight_g), unit="g")
    if step(window) == "inserts":
        finish_inserts(qtbot, window)
    qtbot.waitUntil(lambda: step(window) == "closed" and bool(window.packing.controller.closed_parcels), timeout=8000)
    parcels = replica_parcels(config, "#3005")
    assert [p.kind for p in parcels] == ["carton", "carton", "pallet"]
    wait_printed(qtbot, window)
    qtbot.waitUntil(lambda: bool(spooled(tmp_path / "labels", ".zpl")), timeout=15000)
    labels = spooled(tmp_path / "labels", ".zpl")[0].read_bytes()
    assert labels.count(b"^XA") == 5  # per carton a shipping and a logistic label; the pallet's logistic label
    assert all(p.sscc.encode() in labels for p in parcels)


def test_logging_out_mid_pack_keeps_it_for_the_next_login(qtbot, packer, config) -> None:
    window = packer
    start(qtbot, window)
    scan(qtbot, window, GTIN["MUG"])
    scan(qtbot, window, "CMD-LOGOUT")
    qtbot.waitUntil(lambda: not window.session.logged_in, timeout=5000)
    assert replica_order(config, "#3001").status == "packing"  # the tote stays at the station
    assert replica_lines(config, "#3001")["MUG"].verified == 1
    window.scan_router.route("BDG0002")
    qtbot.waitUntil(lambda: window.packing.controller.session is not None
                    and window.current_screen is window.packing.screen, timeout=8000)
    assert view(window).order == "#3001" and view(window).units_verified == 1
    scan(qtbot, window, GTIN["TEA"])  # and on from there
    assert replica_lines(config, "#3001")["TEA"].verified == 1


def test_labels_of_a_pack_closed_just_before_a_stop_print_at_the_next_login(qtbot, packer, config, services,
                                                                          tmp_path, monkeypatch) -> None:
    from app.gui.main_window import MainWindow
    from app.gui.pack_controller import PackController

    window = packer
    monkeypatch.setattr(PackController, "_print", lambda self, number, parcels: None)  # the stop comes first
    start(qtbot, window)
    verify_3001(qtbot, window)
    scan(qtbot, window, view(window).suggested_box)
    key_weight(qtbot, window, str(view(window).expected_weight_g), unit="g")
    finish_inserts(qtbot, window)
    qtbot.waitUntil(lambda: step(window) == "closed" and bool(window.packing.controller.closed_parcels), timeout=8000)
    window.close()
    drain(qtbot, services.replica)
    assert spooled(tmp_path / "labels", ".zpl") == [] and events(config, "label.printed") == []
    monkeypatch.undo()

    again = MainWindow(config, services)
    again.resize(1280, 800)
    again.show()
    qtbot.waitExposed(again)
    try:
        again.scan_router.route("BDG0002")
        qtbot.waitUntil(lambda: again._packing is not None and again.packing.controller.slip_job is not None, timeout=15000)
        assert again.feedback.banner_kind == "attention" and "#3001" in again.feedback.banner_text
        qtbot.waitUntil(lambda: bool(spooled(tmp_path / "labels", ".zpl")), timeout=15000)
        sscc = replica_parcels(config, "#3001")[0].sscc
        assert sscc.encode() in spooled(tmp_path / "labels", ".zpl")[0].read_bytes()
        drain(qtbot, services.replica)
        from app.gui.pack_print import unprinted_close

        engine = make_engine(config.replica_url)
        assert unprinted_close(session_factory(engine), STATION) is None  # printed now: never again by itself
        engine.dispose()
    finally:
        again.close()


def test_a_supervisor_lets_a_weight_out_of_tolerance_through(qtbot, packer, config, supervisor_pin) -> None:
    window = packer
    start(qtbot, window)
    screen = window.packing.screen
    verify_3001(qtbot, window)
    scan(qtbot, window, view(window).suggested_box)
    key_weight(qtbot, window, "920", unit="g")  # the catalogue's weight is wrong, the parcel is right
    assert step(window) == "recheck"
    window.feedback.acknowledge()
    assert screen.override_button.isVisible() and screen.override_what() == "weight"
    qtbot.mouseClick(screen.override_button, Qt.MouseButton.LeftButton)
    dialog = window.packing.dialog
    assert dialog.what == "weight" and "920 g" in dialog.detail.text()
    window.scan_router.route("BDG0003")
    dialog.choose_reason("catalogue_weight_wrong")
    for key in supervisor_pin:
        dialog.press(key)
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.packing.dialog is None and not window.packing.controller.busy, timeout=5000)
    override = events(config, "pack.override")[-1].payload
    assert (override["what"], override["grams"], override["supervisor"]) == ("weight", 920, "BDG0003")
    assert step(window) == "inserts" and view(window).overridden


def test_a_relay_delivery_names_its_relay_point(qtbot, packer, config, tmp_path) -> None:
    window = packer
    window.packing.open_scanned("TOT104")
    qtbot.waitUntil(lambda: window.packing.controller.session is not None, timeout=8000)
    header = window.packing.screen.carrier_label.text()
    assert "Mondial Relay" in header and "Tabac du Centre (012345)" in header
    scan(qtbot, window, GTIN["OIL"])
    scan(qtbot, window, view(window).suggested_box)
    key_weight(qtbot, window, str(view(window).expected_weight_g), unit="g")
    if step(window) == "inserts":
        finish_inserts(qtbot, window)
    qtbot.waitUntil(lambda: step(window) == "closed" and bool(window.packing.controller.closed_parcels), timeout=8000)
    wait_printed(qtbot, window)
    qtbot.waitUntil(lambda: bool(spooled(tmp_path / "labels", ".zpl")), timeout=15000)
    assert b"012345" in spooled(tmp_path / "labels", ".zpl")[0].read_bytes()  # the relay on the label
