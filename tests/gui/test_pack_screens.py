"""The pack screen in each of its states, grabbed to PNG (offscreen) for a person to look at:
``QUAI_SHOTS=/some/folder`` keeps them there, else in the test's temporary folder. Each
state also checks what must be readable from a metre away: the panel shown, the sizes."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from app.packing.model import Reading
from tests.gui.pack_warehouse import GTIN
from tests.gui.test_packing_flow import (  # noqa: F401  (fixtures)
    ack, central_url, config, finish_inserts, key_weight, packer, print_delay, replica_url, scan, services, start,
    step, supervisor_pin, verify_3001, view,
)


class _JsonTranslator:
    """French from a helper's JSON list of [context, source, french] (``QUAI_SHOTS_FR``), to look
    at the screens in French before the .ts files are merged."""

    @staticmethod
    def make(path: str):
        import json

        from PySide6.QtCore import QTranslator

        table = {(c, e): f for c, e, f in json.loads(Path(path).read_text(encoding="utf-8"))}

        class Translator(QTranslator):
            def translate(self, context, source, disambiguation=None, n=-1):  # noqa: N802 (Qt's name)
                # Another context: the source text (the .qm files are not loaded alongside).
                return table.get((context, source), source)

            def isEmpty(self) -> bool:  # noqa: N802
                return False

        return Translator()


@pytest.fixture
def french(qapp):
    path = os.environ.get("QUAI_SHOTS_FR")
    if not path:
        yield
        return
    translator = _JsonTranslator.make(path)
    qapp.installTranslator(translator)
    yield
    qapp.removeTranslator(translator)


@pytest.fixture
def shots(tmp_path: Path, french) -> Path:
    folder = Path(os.environ.get("QUAI_SHOTS") or tmp_path / "shots")
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def grab(qtbot, window, folder: Path, name: str) -> Path:
    qtbot.wait(400)  # the flash (250 ms) is over
    assert window.size().height() <= 800, f"{name}: the window grew to {window.size().height()} px"
    path = folder / f"pack_{name}.png"
    assert window.grab().save(str(path))
    return path


def font_px(widget) -> int:
    return widget.fontInfo().pixelSize()


@pytest.mark.parametrize("print_delay", [30])
def test_the_pack_screen_in_each_state(qtbot, packer, shots) -> None:
    window = packer
    qtbot.waitUntil(lambda: window.homes["packer"]._loaded, timeout=5000)
    grab(qtbot, window, shots, "00_home")
    start(qtbot, window)
    screen = window.packing.screen
    ui = window.packing
    scan(qtbot, window, GTIN["MUG"])
    scan(qtbot, window, GTIN["OIL"])  # wrong product: the red line
    ack(qtbot, window)
    assert grab(qtbot, window, shots, "01_verify_error").stat().st_size > 0
    assert font_px(screen.line_rows[0].left) >= 44 and font_px(screen.instruction) >= 30
    scan(qtbot, window, GTIN["TEA"])
    scan(qtbot, window, GTIN["TEA"])
    grab(qtbot, window, shots, "02_box")
    assert font_px(screen.side.box_label) >= 40
    qtbot.mouseClick(screen.box_button, Qt.MouseButton.LeftButton)
    assert screen.pages.currentWidget() is screen.box_list
    grab(qtbot, window, shots, "03_box_list")
    qtbot.mouseClick(screen.box_list.buttons[view(window).suggested_box], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: step(window) == "weigh", timeout=5000)
    ui.live = (612, False)  # the scale is settling
    ui.render()
    grab(qtbot, window, shots, "04_weigh_unstable")
    assert screen.side.read_label.property("quaiRole") == "pack-weight-live"
    qtbot.mouseClick(screen.weight_button, Qt.MouseButton.LeftButton)
    for key in "1,32":
        qtbot.mouseClick(screen.weight_pad.keys[key], Qt.MouseButton.LeftButton)
    grab(qtbot, window, shots, "05_weight_pad")
    assert screen.weight_pad.grams == 1320
    qtbot.mouseClick(screen.weight_pad.keys["OK"], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: step(window) == "recheck", timeout=5000)
    grab(qtbot, window, shots, "06_recheck_banner")
    ack(qtbot, window)
    grab(qtbot, window, shots, "07_recheck")
    qtbot.mouseClick(screen.override_button, Qt.MouseButton.LeftButton)
    window.scan_router.route("BDG0003")
    dialog = window.packing.dialog
    dialog.choose_reason("catalogue_weight_wrong")
    for key in "1234":
        dialog.press(key)
    qtbot.wait(100)
    assert dialog.grab().save(str(shots / "pack_08_override.png"))
    assert dialog.ok_button.isEnabled()
    window.packing.dialog.reject()
    qtbot.waitUntil(lambda: window.packing.dialog is None, timeout=3000)
    verify_3001(qtbot, window)
    ui.reading(Reading(grams=view(window).expected_weight_g, stable=True))  # the scale, stable: applied
    qtbot.waitUntil(lambda: step(window) == "inserts", timeout=5000)
    grab(qtbot, window, shots, "09_inserts")
    finish_inserts(qtbot, window)
    grab(qtbot, window, shots, "10_countdown")
    assert font_px(screen.countdown_page.number) >= 150
    ui._countdown_left = 1
    ui._tick()
    qtbot.waitUntil(lambda: step(window) == "closed" and window.packing.controller.slip_job is not None
                    and window.packing.controller.label_job is not None, timeout=15000)
    ui.render()
    grab(qtbot, window, shots, "11_done")
    assert font_px(screen.done_page.title) >= 56


def test_the_quantity_keypad_and_its_confirmation(qtbot, packer, shots) -> None:
    window = packer
    window.packing.open_scanned("#3002")
    qtbot.waitUntil(lambda: window.packing.controller.session is not None, timeout=8000)
    screen = window.packing.screen
    scan(qtbot, window, GTIN["TEA"])
    qtbot.mouseClick(screen.quantity_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(screen.keypad.keys["5"], Qt.MouseButton.LeftButton)
    grab(qtbot, window, shots, "12_quantity_keypad")
    qtbot.mouseClick(screen.keypad.keys["OK"], Qt.MouseButton.LeftButton)
    assert screen.pages.currentWidget() is screen.question
    grab(qtbot, window, shots, "13_quantity_confirm")
    assert "5" in screen.question.text.text()
    qtbot.mouseClick(screen.question.no_button, Qt.MouseButton.LeftButton)  # count again: the keypad
    assert screen.pages.currentWidget() is screen.keypad
