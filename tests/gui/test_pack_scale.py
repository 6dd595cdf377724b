"""The packer's scale: a real serial scale (a fake one at the far end of a pty, sending
continuous ``ST,GS`` lines) read by the station; a moving weight is shown greyed and never
taken, the first stable one at the weighing step is, and an unplugged scale leaves the
keypad to the packer."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from app.config import StationConfig
from app.config_labels import LabelSettings
from app.config_packing import PackingSettings
from tests.gui.pack_warehouse import GTIN, fill_sscc_pool
from tests.gui.test_packing_flow import (  # noqa: F401  (fixtures)
    STATION, central_url, events, packer, replica_url, scan, services, start, step, verify_3001, view,
)
from tests.support.fake_scale import FakeScale


@pytest.fixture
def scale(tmp_path: Path) -> Iterator[FakeScale]:
    fake = FakeScale(tmp_path / "ttyUSB-scale", protocol="continuous", grams=0, stable=True, interval_s=0.05)
    yield fake
    fake.unplug()


@pytest.fixture
def scale_query() -> str:
    return ""


@pytest.fixture
def config(replica_url: str, central_url: str, tmp_path: Path, scale: FakeScale, scale_query: str) -> StationConfig:
    labels = LabelSettings(label_printer=f"file://{tmp_path / 'labels'}",
                           document_printer=f"file://{tmp_path / 'slips'}?language=pdf")
    config = StationConfig(name=STATION, kind="packing", language="fr", central_url=central_url,
                           local_url=replica_url, labels=labels,
                           packing=PackingSettings(print_delay_s=30, scale=f"serial://{scale.link}?protocol=continuous{scale_query}"))
    fill_sscc_pool(central_url, replica_url, STATION, labels)
    return config


def test_only_a_stable_reading_at_the_weighing_step_is_taken(qtbot, packer, config, scale) -> None:
    window = packer
    ui = window.packing
    qtbot.waitUntil(lambda: ui.scale_state == "connected", timeout=8000)
    start(qtbot, window)
    screen = ui.screen
    scale.set(740, stable=True)  # a parcel on the scale while verifying: not a weighing
    verify_3001(qtbot, window)
    assert step(window) == "box"
    assert events(config, "pack.weighed") == []
    scale.set(300, stable=False)  # the parcel is being put on
    qtbot.waitUntil(lambda: ui.live == (300, False), timeout=5000)
    scan(qtbot, window, view(window).suggested_box)
    assert step(window) == "weigh"
    assert not screen.weight_button.isVisible()  # a scale that works: no keypad
    qtbot.waitUntil(lambda: ui.live == (300, False), timeout=5000)
    assert screen.side.read_label.property("quaiRole") == "pack-weight-live"
    assert screen.side.read_label.text() == "300 g" and step(window) == "weigh"
    assert events(config, "pack.weighed") == []
    expected = view(window).expected_weight_g
    scale.set(expected, stable=True)
    qtbot.waitUntil(lambda: step(window) == "inserts" and not ui.controller.busy, timeout=5000)
    weighed = events(config, "pack.weighed")
    assert len(weighed) == 1 and weighed[0].payload["grams"] == expected and weighed[0].payload["source"] == "scale"


def test_an_unplugged_scale_leaves_the_keypad(qtbot, packer, config, scale) -> None:
    window = packer
    ui = window.packing
    qtbot.waitUntil(lambda: ui.scale_state == "connected", timeout=8000)
    start(qtbot, window)
    verify_3001(qtbot, window)
    scan(qtbot, window, view(window).suggested_box)
    assert not ui.screen.weight_button.isVisible()
    scale.unplug()
    qtbot.waitUntil(lambda: ui.scale_state not in ("connected", None), timeout=8000)
    qtbot.waitUntil(lambda: ui.screen.weight_button.isVisible(), timeout=3000)
    assert ui.screen.side.scale_state.text()  # what happened and what to do


def test_the_first_parcel_left_on_the_scale_is_not_weighed_as_the_second(qtbot, packer, config, scale) -> None:
    from PySide6.QtCore import Qt

    window = packer
    ui = window.packing
    qtbot.waitUntil(lambda: ui.scale_state == "connected", timeout=8000)
    start(qtbot, window)
    screen = ui.screen
    scan(qtbot, window, GTIN["MUG"])
    scan(qtbot, window, "CARTON-S")
    qtbot.mouseClick(screen.parcel_button, Qt.MouseButton.LeftButton)  # parcel 1 to the scale
    qtbot.waitUntil(lambda: step(window) == "weigh" and not ui.controller.busy, timeout=5000)
    first = view(window).expected_weight_g
    scale.set(first, stable=True)
    qtbot.waitUntil(lambda: view(window).parcel == 2 and not ui.controller.busy, timeout=5000)
    scan(qtbot, window, GTIN["TEA"])
    scan(qtbot, window, GTIN["TEA"])
    scan(qtbot, window, "CARTON-S")
    assert step(window) == "weigh"
    qtbot.wait(300)  # parcel 1 still on the scale, stable, for several readings
    assert step(window) == "weigh" and len(events(config, "pack.weighed")) == 1
    scale.set(0, stable=True)  # parcel 1 taken off
    qtbot.waitUntil(lambda: ui.live == (0, True), timeout=5000)
    second = view(window).expected_weight_g
    scale.set(second, stable=True)  # parcel 2 put on
    qtbot.waitUntil(lambda: step(window) != "weigh" and not ui.controller.busy, timeout=5000)
    assert [e.payload["grams"] for e in events(config, "pack.weighed")] == [first, second]


@pytest.mark.parametrize("scale_query", ["&silent_ms=0"])
def test_a_weight_already_stable_when_the_step_begins_is_taken(qtbot, packer, config, scale) -> None:
    """A scale that reports only changes: the parcel is on it, stable, before the box is scanned."""
    window = packer
    ui = window.packing
    qtbot.waitUntil(lambda: ui.scale_state == "connected", timeout=8000)
    start(qtbot, window)
    verify_3001(qtbot, window)
    expected = 740  # MUG + 2 TEA + CARTON-S
    scale.set(expected, stable=True)
    qtbot.waitUntil(lambda: ui.live == (expected, True), timeout=5000)
    scale.streaming = False  # nothing more from the scale: the weight does not change
    qtbot.wait(200)
    scan(qtbot, window, "CARTON-S")
    qtbot.waitUntil(lambda: step(window) == "inserts" and not ui.controller.busy, timeout=5000)
    assert [e.payload["grams"] for e in events(config, "pack.weighed")] == [expected]
