"""`quai scanner-test` on a real pseudo-terminal, in a process of its own."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from app.scanning.report import FIELDS
from tests.devices.test_evdev_source import FakeDevice, typed


def _pty(link: Path) -> int:
    master, slave = os.openpty()
    link.symlink_to(os.ttyname(slave))
    os.close(slave)
    return master


def _run(args: list[str], master: int, writes: list[bytes]) -> subprocess.CompletedProcess:
    proc = subprocess.Popen([sys.executable, "-m", "app.cli", "scanner-test", *args],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        connected = proc.stderr.readline()  # "scanner: connected (…)": the port is open
        assert "connected" in connected, connected
        for data in writes:
            os.write(master, data)
        out, err = proc.communicate(timeout=20)
    finally:
        if proc.poll() is None:
            proc.kill()
        os.close(master)
    return subprocess.CompletedProcess(proc.args, proc.returncode, out, connected + err)


def test_json_lines_name_every_field(tmp_path: Path) -> None:
    link = tmp_path / "scanner"
    master = _pty(link)
    result = _run(["--scanner", f"serial://{link}", "--format", "json", "--count", "3"], master,
                  [b"BDG0001\r", b"4006381333932\r", b"]C10104006381333931\x1d10LOT7\x1d17270131\r"])
    assert result.returncode == 0, result.stderr
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert [set(line) for line in lines] == [set(FIELDS)] * 3
    badge, misread, product = lines
    assert (badge["kind"], badge["error"]) == ("badge", None)
    assert misread["kind"] == "misread" and "check digit" in misread["error"] and "scan it again" in misread["error"]
    assert (product["symbology"], product["kind"], product["gtin"], product["lot"], product["expiry"]) == (
        "GS1-128", "product", "04006381333931", "LOT7", "2027-01-31")


def test_an_evdev_scanner_reads_as_a_serial_one(tmp_path: Path) -> None:
    # A FIFO of real input_event records stands in for /dev/input/eventN; grab=0 since a FIFO refuses the grab.
    path = tmp_path / "usb-Honeywell_Scanner-event-kbd"
    device = FakeDevice(path)
    result = _run(["--scanner", f"evdev://{path}?grab=0", "--format", "json", "--count", "2"], device.fd,
                  [typed("BDG0001"), typed("01040063813339", enter=False), typed("31\x1d10LOT7")])
    path.unlink()
    assert result.returncode == 0, result.stderr
    badge, product = [json.loads(line) for line in result.stdout.splitlines()]
    assert (badge["raw"], badge["kind"], badge["error"]) == ("BDG0001", "badge", None)
    assert (product["raw"], product["kind"], product["gtin"], product["lot"]) == (
        "0104006381333931\x1d10LOT7", "product", "04006381333931", "LOT7")


def scanner_test(url: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "app.cli", "scanner-test", "--scanner", url],
                          capture_output=True, text=True, timeout=30)


def test_a_hid_scanner_is_said_to_be_read_only_in_the_station_window() -> None:
    result = scanner_test("hid://")
    assert result.returncode == 2
    assert "keyboard wedge" in result.stderr and "station window" in result.stderr and "evdev:///dev/input/by-id/" in result.stderr


def test_an_unsupported_or_bad_scanner_url_says_what_works() -> None:
    result = scanner_test("usb:///dev/hidraw0")
    assert result.returncode == 2 and "not supported" in result.stderr
    assert "serial://" in result.stderr and "evdev://" in result.stderr
    result = scanner_test("evdev://dev/input/event3")
    assert result.returncode == 2 and "evdev://dev/input/event3: the device path follows three slashes" in result.stderr


def test_text_lines_with_the_sku_from_a_database(tmp_path: Path) -> None:
    from app.store.db import make_engine, session_factory, sqlite_url, transaction
    from app.store.migrate import upgrade
    from app.store.models import Product, ProductGtin

    url = sqlite_url(tmp_path / "central.db")
    engine = make_engine(url)
    upgrade(engine)
    with transaction(session_factory(engine)) as session:
        session.add(Product(sku="MUG-01", name="Mug", gtins=[ProductGtin(gtin="04006381333931")]))
    engine.dispose()
    link = tmp_path / "scanner"
    master = _pty(link)
    result = _run(["--scanner", f"serial://{link}", "--db", url, "--count", "2"], master,
                  [b"4006381333931\r", b"NOPE-42\r"])
    assert result.returncode == 0, result.stderr
    product, unknown = result.stdout.splitlines()
    assert product == "'4006381333931': product sku=MUG-01, gtin=04006381333931"
    assert unknown.startswith("'NOPE-42': code — ")
