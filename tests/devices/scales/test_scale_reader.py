"""The scale reader against a fake scale on a real pseudo-terminal: MT-SICS polling, continuous
lines, split writes, garbage, unplug and replug, a scale that stops answering, zero and tare."""

from __future__ import annotations

import fcntl
import os
import queue
import random
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from types import SimpleNamespace

import pytest

import app.devices.serial_source as serial_source
from app.devices.reader import CONNECTED, MISSING, UNPLUGGED
from app.devices.scales.messages import ScaleError, text
from app.devices.scales.reader import ScaleReader
from app.packing.model import Reading
from tests.support.fake_scale import FakeScale


class Taps:
    """What a reader reports, in queues (its callbacks run in its thread)."""

    def __init__(self) -> None:
        self.readings: queue.Queue[Reading] = queue.Queue()
        self.states: queue.Queue[tuple[str, str | None]] = queue.Queue()
        self.errors: queue.Queue[ScaleError] = queue.Queue()

    def reader(self, url: str, **options) -> ScaleReader:
        options.setdefault("retry_s", 0.05)
        return ScaleReader(url, self.readings.put, lambda s, d: self.states.put((s, d)),
                           on_error=self.errors.put, **options)

    def state(self, timeout: float = 5.0) -> tuple[str, str | None]:
        return self.states.get(timeout=timeout)


def wait_for(q: queue.Queue, wanted: Callable[[object], bool], timeout: float = 5.0) -> object:
    """The first item of ``q`` that is ``wanted`` (earlier ones are passed over)."""
    deadline = time.monotonic() + timeout
    while True:
        item = q.get(timeout=max(0.01, deadline - time.monotonic()))
        if wanted(item):
            return item


@pytest.fixture
def link(tmp_path: Path) -> Path:
    return tmp_path / "usb-Mettler_Toledo_Scale-if00-port0"


@pytest.fixture
def taps() -> Taps:
    return Taps()


@pytest.fixture
def scales() -> Iterator[list[FakeScale]]:
    made: list[FakeScale] = []
    yield made
    for scale in made:
        scale.unplug()


def test_mt_sics_stable_then_dynamic(link: Path, taps: Taps, scales: list[FakeScale]) -> None:
    scale = FakeScale(link, grams=1234)
    scales.append(scale)
    reader = taps.reader(f"serial://{link}?protocol=mt-sics&poll_ms=50").start()
    try:
        assert taps.state() == (CONNECTED, str(link))
        assert taps.readings.get(timeout=5) == Reading(1234, True, "scale", "S S      1.234 kg")
        scale.set(1500, stable=False)  # the packer puts the parcel down: it settles
        moving = wait_for(taps.readings, lambda r: r.grams == 1500)
        assert moving.stable is False and moving.raw == "S D      1.500 kg"
        scale.set(1502, stable=True)
        assert wait_for(taps.readings, lambda r: r.grams == 1502).stable is True
        assert set(scale.commands) == {"SI"}  # polled with SI only: nothing else was asked of the scale
        assert taps.errors.empty()
    finally:
        reader.stop()
    assert not reader._thread.is_alive()


def test_overload_is_the_state_until_the_next_weight(link: Path, taps: Taps, scales: list[FakeScale]) -> None:
    scale = FakeScale(link, grams=500)
    scales.append(scale)
    reader = taps.reader(f"serial://{link}?poll_ms=50").start()
    try:
        assert taps.state()[0] == CONNECTED
        taps.readings.get(timeout=5)
        scale.error = "overload"
        state, detail = taps.state()
        assert (state, detail) == ("overload", "S +")
        assert "overloaded" in text(state, {"detail": detail})
        assert taps.errors.get(timeout=5).code == "overload"
        scale.error = "underload"
        assert taps.state()[0] == "underload"
        scale.set(800)
        assert taps.state() == (CONNECTED, str(link))
        assert wait_for(taps.readings, lambda r: r.grams == 800).stable
    finally:
        reader.stop()


@pytest.mark.parametrize(("error", "code"), [("syntax", "syntax"), ("logical", "logical"), ("busy", "busy")])
def test_mt_sics_errors_are_reported(link: Path, taps: Taps, scales: list[FakeScale], error: str, code: str) -> None:
    scale = FakeScale(link, grams=500)
    scales.append(scale)
    scale.error = error
    reader = taps.reader(f"serial://{link}?poll_ms=50").start()
    try:
        assert taps.state()[0] == CONNECTED
        assert taps.state()[0] == code
        assert taps.errors.get(timeout=5).code == code
        assert taps.readings.empty()
    finally:
        reader.stop()


def test_a_reply_in_pieces_is_read_whole_and_noise_between_replies_is_dropped(
        link: Path, taps: Taps, scales: list[FakeScale]) -> None:
    scale = FakeScale(link)
    scales.append(scale)
    scale.answering = False  # the test answers by hand
    reader = taps.reader(f"serial://{link}?poll_ms=50", reply_timeout_s=5).start()
    try:
        assert taps.state()[0] == CONNECTED
        deadline = time.monotonic() + 5
        while "SI" not in scale.commands and time.monotonic() < deadline:
            time.sleep(0.01)
        scale.write(b"\xff\x00noise\r\n")  # a burst of line noise: not an answer
        scale.write(b"S S     ")
        time.sleep(0.03)
        scale.write(b" 2.345 kg\r")
        time.sleep(0.03)
        scale.write(b"\n")
        assert taps.readings.get(timeout=5) == Reading(2345, True, "scale", "S S      2.345 kg")
        assert taps.errors.get(timeout=5).code == "garbled"
        assert b"\xff\x00noise" in list(reader.discarded)
    finally:
        reader.stop()


def test_continuous_split_writes_garbage_and_a_stale_half_line(link: Path, taps: Taps, scales: list[FakeScale]) -> None:
    scale = FakeScale(link, "continuous")
    scales.append(scale)
    scale.streaming = False  # the test writes the lines
    reader = taps.reader(f"serial://{link}?protocol=continuous&partial_ms=200&silent_ms=0").start()
    try:
        assert taps.state()[0] == CONNECTED
        scale.write(b"ST,GS,   1")
        time.sleep(0.02)
        scale.write(b".234kg\r\nUS,GS,+0001.240 kg\r\n")
        assert taps.readings.get(timeout=5) == Reading(1234, True, "scale", "ST,GS,   1.234kg")
        assert taps.readings.get(timeout=5) == Reading(1240, False, "scale", "US,GS,+0001.240 kg")
        scale.write(b"\x00\xffzz\r\n")
        assert taps.errors.get(timeout=5).code == "garbled"
        scale.write(b"ST,GS,   9.9")  # the rest never comes in time...
        time.sleep(0.8)  # a margin over partial_ms: the reader thread may be late on a loaded machine
        scale.write(b"99kg\r\nST,GS,   2.000kg\r\n")  # ...so its tail goes too, never glued
        assert taps.readings.get(timeout=5) == Reading(2000, True, "scale", "ST,GS,   2.000kg")
        assert b"ST,GS,   9.9" in list(reader.discarded) and b"99kg" in list(reader.discarded)
        scale.write(b"OL,GS,  ------ kg\r\n")
        assert taps.state()[0] == "overload"
    finally:
        reader.stop()


def test_a_continuous_scale_streams_by_itself_and_silence_is_shown(link: Path, taps: Taps,
                                                                    scales: list[FakeScale]) -> None:
    scale = FakeScale(link, "continuous", grams=3210, stable=False, interval_s=0.02)
    scales.append(scale)
    reader = taps.reader(f"serial://{link}?protocol=continuous&silent_ms=300").start()
    try:
        assert taps.state()[0] == CONNECTED
        assert wait_for(taps.readings, lambda r: r.grams == 3210).stable is False
        scale.stable = True
        assert wait_for(taps.readings, lambda r: r.stable).grams == 3210
        scale.streaming = False
        state, detail = taps.state()
        assert (state, detail) == ("silent", f"{link}: nothing sent for 0.3 s")
        scale.streaming = True
        assert taps.state()[0] == CONNECTED
    finally:
        reader.stop()


def test_unplugged_is_shown_and_readings_resume_when_it_is_back(link: Path, taps: Taps,
                                                                 scales: list[FakeScale]) -> None:
    scale = FakeScale(link, grams=700)
    scales.append(scale)
    reader = taps.reader(f"serial://{link}?poll_ms=50").start()
    try:
        assert taps.state()[0] == CONNECTED
        assert taps.readings.get(timeout=5).grams == 700
        scale.unplug()
        state, detail = taps.state()
        assert state == UNPLUGGED and str(link) in detail
        time.sleep(0.3)  # retried while away (a dangling link): still unplugged, said once
        assert taps.states.empty() and reader.state == UNPLUGGED
        scale.grams = 710
        scale.replug()
        assert taps.state() == (CONNECTED, str(link))
        assert wait_for(taps.readings, lambda r: r.grams == 710).stable
    finally:
        reader.stop()


def test_a_scale_that_stops_answering_is_silent_then_back(link: Path, taps: Taps, scales: list[FakeScale]) -> None:
    scale = FakeScale(link, grams=100)
    scales.append(scale)
    reader = taps.reader(f"serial://{link}?poll_ms=50", reply_timeout_s=0.2).start()
    try:
        assert taps.state()[0] == CONNECTED
        taps.readings.get(timeout=5)
        scale.answering = False  # switched off, the RS-232 cable pulled at the scale's end
        state, detail = taps.state()
        assert (state, detail) == ("silent", f"{link}: no answer to SI")
        assert text(state, {"detail": detail}, "fr").startswith(f"La balance ne répond pas ({link}: no answer to SI).")
        scale.answering = True
        assert taps.state()[0] == CONNECTED
        assert taps.readings.get(timeout=5).grams == 100
    finally:
        reader.stop()


def test_a_scale_missing_at_start_is_found_when_plugged(link: Path, taps: Taps, scales: list[FakeScale]) -> None:
    reader = taps.reader(f"serial://{link}?poll_ms=50").start()
    try:
        assert taps.state() == (MISSING, f"{link}: not plugged in")
        scales.append(FakeScale(link, grams=42))
        assert taps.state()[0] == CONNECTED
        assert taps.readings.get(timeout=5).grams == 42
    finally:
        reader.stop()


def test_zero_and_tare(link: Path, taps: Taps, scales: list[FakeScale]) -> None:
    scale = FakeScale(link, grams=250)
    scales.append(scale)
    reader = taps.reader(f"serial://{link}?poll_ms=50").start()
    try:
        assert taps.readings.get(timeout=5).grams == 250
        assert reader.zero().result(timeout=5) == "done"
        assert "Z" in scale.commands
        assert wait_for(taps.readings, lambda r: r.grams == 0).stable
        scale.set(300, stable=False)
        assert reader.tare().result(timeout=5) == "busy"  # not steady: the scale refuses, and says so
        scale.set(300)
        assert reader.tare().result(timeout=5) == "done"
        assert scale.commands.count("T") == 2
    finally:
        reader.stop()
    assert reader.zero().result(timeout=1) == "stopped"


def test_a_command_awaited_when_the_scale_is_unplugged_is_answered(link: Path, taps: Taps,
                                                                    scales: list[FakeScale]) -> None:
    scale = FakeScale(link, grams=250)
    scales.append(scale)
    reader = taps.reader(f"serial://{link}?poll_ms=50").start()
    try:
        taps.readings.get(timeout=5)
        scale.answering = False
        pending = reader.zero()
        time.sleep(0.2)
        scale.unplug()
        assert pending.result(timeout=5) == "unplugged"
    finally:
        reader.stop()


def test_a_continuous_scale_takes_no_commands(link: Path, taps: Taps, scales: list[FakeScale]) -> None:
    scales.append(FakeScale(link, "continuous"))
    reader = taps.reader(f"serial://{link}?protocol=continuous")
    assert reader.zero().result(timeout=1) == "unsupported"
    assert reader.tare().result(timeout=1) == "unsupported"


def test_manual_reads_nothing_and_says_so(taps: Taps) -> None:
    reader = taps.reader("manual://").start()
    state, detail = taps.state()
    assert (state, detail) == ("manual", "manual://")
    assert reader._thread is None and taps.readings.empty()
    reader.stop()


def test_by_usb_ids_the_same_scale_is_found_under_a_new_path(monkeypatch: pytest.MonkeyPatch, tmp_path: Path,
                                                             taps: Taps, scales: list[FakeScale]) -> None:
    listed: list[SimpleNamespace] = []
    monkeypatch.setattr(serial_source.list_ports, "comports", lambda: list(listed))
    first = FakeScale(tmp_path / "ttyUSB0", grams=111)
    scales.append(first)
    listed.append(SimpleNamespace(device=first.path, vid=0x0403, pid=0x6001, serial_number="A10K3B2Q"))
    reader = taps.reader("serial://?vid=0403&pid=6001&serial=A10K3B2Q&poll_ms=50").start()
    try:
        assert taps.state() == (CONNECTED, first.path)
        assert taps.readings.get(timeout=5).grams == 111
        listed.clear()
        first.unplug()
        assert taps.state()[0] == UNPLUGGED
        other = FakeScale(tmp_path / "ttyUSB1", grams=999)  # another make's serial number: not taken
        scales.append(other)
        listed.append(SimpleNamespace(device=other.path, vid=0x0403, pid=0x6001, serial_number="OTHER"))
        time.sleep(0.3)
        assert reader.state == UNPLUGGED
        again = FakeScale(tmp_path / "ttyUSB2", grams=112)
        scales.append(again)
        listed.append(SimpleNamespace(device=again.path, vid=0x0403, pid=0x6001, serial_number="A10K3B2Q"))
        assert taps.state() == (CONNECTED, again.path)
        assert wait_for(taps.readings, lambda r: r.grams != 111).grams == 112
        assert other.commands == []  # the other scale was never asked
    finally:
        reader.stop()


def test_a_unit_quai_cannot_convert_is_the_state_naming_the_unit(link: Path, taps: Taps,
                                                                 scales: list[FakeScale]) -> None:
    scale = FakeScale(link, grams=1234, unit="ct")  # carats: a jeweller's setting left on the scale
    scales.append(scale)
    reader = taps.reader(f"serial://{link}?poll_ms=50").start()
    try:
        assert taps.state()[0] == CONNECTED
        state, detail = taps.state()
        assert (state, detail) == ("unit", "ct (S S      1.234 ct)")
        assert text(state, {"detail": detail}).startswith("The scale weighs in ct (S S      1.234 ct), which")
        assert taps.readings.empty()
    finally:
        reader.stop()


def test_a_scale_another_program_holds_is_refused_until_it_lets_go(link: Path, taps: Taps,
                                                                   scales: list[FakeScale]) -> None:
    scales.append(FakeScale(link, grams=321))
    holder = os.open(link, os.O_RDWR | os.O_NOCTTY)
    fcntl.flock(holder, fcntl.LOCK_EX)  # as another Quai station, or quai scale read, holds it
    reader = taps.reader(f"serial://{link}?poll_ms=50").start()
    try:
        state, detail = taps.state()
        assert state == "refused" and detail == (f"{link}: another program holds the scale (another Quai station "
                                                 "or quai scale read?); close it and Quai takes the scale back")
        os.close(holder)
        assert taps.state() == (CONNECTED, str(link))
        assert taps.readings.get(timeout=5).grams == 321
    finally:
        reader.stop()


def test_a_flood_of_random_bytes_never_stops_the_reader(link: Path, taps: Taps, scales: list[FakeScale]) -> None:
    scale = FakeScale(link, "continuous")
    scales.append(scale)
    scale.streaming = False
    reader = taps.reader(f"serial://{link}?protocol=continuous&partial_ms=50&silent_ms=0").start()
    try:
        assert taps.state()[0] == CONNECTED
        noise = random.Random(7).randbytes(4096)
        for start in range(0, len(noise), 512):
            scale.write(noise[start:start + 512])
        time.sleep(0.2)  # its last, unfinished line goes stale
        scale.write(b"\r\nST,GS,   1.111kg\r\n")  # the stale line's tail ends at the first CR
        reading = taps.readings.get(timeout=5)  # the noise gave no weight: this is the first
        assert reading == Reading(1111, True, "scale", "ST,GS,   1.111kg") and reader._thread.is_alive()
        # Each noise line was reported unreadable, or dropped unfinished (when the reader read it late).
        assert not taps.errors.empty() or reader.discarded
    finally:
        reader.stop()
