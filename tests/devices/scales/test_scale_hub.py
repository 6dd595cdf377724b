"""ScaleHub with pytest-qt: readings and states reach the GUI thread, last_stable, restarts."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale

from app.gui.scale_hub import ScaleHub, is_fault, message, status_text
from app.packing.model import Reading
from tests.support.fake_scale import FakeScale


@pytest.fixture
def hub(qtbot) -> Iterator[ScaleHub]:
    hub = ScaleHub(retry_s=0.05)
    yield hub
    hub.stop()


@pytest.fixture
def scale(tmp_path: Path) -> Iterator[FakeScale]:
    fake = FakeScale(tmp_path / "scale", grams=1234)
    yield fake
    fake.unplug()


def test_readings_arrive_in_the_gui_thread_marked_stable_or_not(qtbot, hub: ScaleHub, scale: FakeScale) -> None:
    threads: list[threading.Thread] = []
    hub.reading.connect(lambda _reading: threads.append(threading.current_thread()))
    with qtbot.waitSignal(hub.reading, timeout=5000) as got:
        hub.start(f"serial://{scale.link}?poll_ms=50")
    assert got.args == [Reading(1234, True, "scale", "S S      1.234 kg")]
    assert hub.state == "connected" and hub.last_stable == got.args[0]
    scale.set(1300, stable=False)
    with qtbot.waitSignal(hub.reading, timeout=5000, check_params_cb=lambda r: r.grams == 1300) as moving:
        pass
    assert moving.args[0].stable is False
    assert hub.last_stable is None  # moving: the stable weight before no longer holds
    scale.set(1301)
    qtbot.waitUntil(lambda: hub.last_stable is not None and hub.last_stable.grams == 1301, timeout=5000)
    assert threads and all(t is threading.main_thread() for t in threads)


def test_unplug_and_overload_are_states_and_clear_last_stable(qtbot, hub: ScaleHub, scale: FakeScale) -> None:
    with qtbot.waitSignal(hub.reading, timeout=5000):
        hub.start(f"serial://{scale.link}?poll_ms=50")
    assert hub.last_stable is not None
    with qtbot.waitSignal(hub.state_changed, timeout=5000) as overload:
        scale.error = "overload"
    assert overload.args == ["overload", "S +"] and hub.last_stable is None and is_fault("overload")
    with qtbot.waitSignal(hub.state_changed, timeout=5000, check_params_cb=lambda s, _d: s == "unplugged"):
        scale.unplug()
    assert hub.last_stable is None and hub.state == "unplugged" and is_fault(hub.state)
    scale.set(1500)
    with qtbot.waitSignal(hub.reading, timeout=5000, check_params_cb=lambda r: r.grams == 1500):
        scale.replug()
    assert hub.state == "connected" and hub.last_stable.grams == 1500 and not is_fault(hub.state)


def test_a_restart_drops_what_the_old_scale_still_had_queued(qtbot, hub: ScaleHub, scale: FakeScale,
                                                              tmp_path: Path) -> None:
    other = FakeScale(tmp_path / "other", grams=777)
    try:
        with qtbot.waitSignal(hub.reading, timeout=5000):
            hub.start(f"serial://{scale.link}?poll_ms=50")
        seen: list[int] = []
        hub.reading.connect(lambda r: seen.append(r.grams))
        hub.start(f"serial://{other.link}?poll_ms=50")
        qtbot.waitUntil(lambda: len(seen) >= 3, timeout=5000)
        assert set(seen) == {777}
    finally:
        hub.stop()
        other.unplug()


def test_manual_means_no_scale(qtbot, hub: ScaleHub) -> None:
    assert hub.manual  # nothing started yet
    with qtbot.waitSignal(hub.state_changed, timeout=1000, raising=False) as said:
        hub.start("manual://")
    assert hub.state == "manual" and hub.manual and not is_fault(hub.state)
    assert said.signal_triggered and said.args == ["manual", "manual://"]
    assert hub.zero() is not None and hub.zero().result(1) == "unsupported"


def test_what_the_screen_says() -> None:
    assert status_text("unplugged") == "Scale unplugged: plug it back in"
    assert status_text("transmission") == "Scale: settings to check"
    assert status_text(None) == "Scale: starting…"
    before = QLocale()
    try:
        QLocale.setDefault(QLocale(QLocale.Language.French))
        assert message("overload", "S +").startswith("La balance est en surcharge")
        assert message("unit", "ct (S S 1.0 ct)").startswith("La balance pèse en ct (S S 1.0 ct)")
        QLocale.setDefault(QLocale(QLocale.Language.English))
        assert message("unplugged", "/dev/ttyUSB1: gone") == (
            "The scale is unplugged (/dev/ttyUSB1: gone). Plug it back in; Quai takes it back by itself.")
    finally:
        QLocale.setDefault(before)
