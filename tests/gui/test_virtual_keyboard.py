"""The on-screen keyboard of a supervisor station (Qt Virtual Keyboard): asked for by the
station's settings, kept down for the scanner, and used with taps only on the console.

Qt reads QT_IM_MODULE once, when the application is made, and the keyboard is a window of
its own: each check below runs a station in a process of its own. The offscreen probe sees
what the input context does; the console probe runs on a real X server (Xvfb) where the
keyboard's window is on the screen, its keys are tapped where they are, and the dialog's
place is measured against the keyboard's."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from app.config import ConfigError, StationConfig, load_config
from app.gui.virtual_keyboard import virtual_keyboard_environment
from tests.support.xvfb import xvfb_display

ROOT = Path(__file__).resolve().parents[2]


def run_probe(script: str, *args: str, env: dict[str, str] | None = None) -> tuple[dict, subprocess.CompletedProcess]:
    done = subprocess.run([sys.executable, str(ROOT / "tests/support" / script), *args], cwd=ROOT, capture_output=True,
                          text=True, timeout=180, env={**os.environ, "PYTHONPATH": str(ROOT), **(env or {})})
    lines = [line for line in done.stdout.splitlines() if line.startswith("RESULT ")]
    assert lines, f"no result (exit {done.returncode}):\n{done.stderr[-3000:]}"
    return json.loads(lines[-1][len("RESULT "):]), done


def test_the_on_screen_keyboard_is_on_by_default_only_at_a_supervisor_station(tmp_path):
    environ: dict[str, str] = {}
    assert not virtual_keyboard_environment(StationConfig(kind="picking"), environ) and environ == {}
    assert virtual_keyboard_environment(StationConfig(kind="supervisor"), environ)
    assert environ == {"QT_IM_MODULE": "qtvirtualkeyboard"}
    assert not virtual_keyboard_environment(StationConfig(kind="supervisor", virtual_keyboard=False), {})
    site = {"QT_IM_MODULE": "ibus"}  # a site's own input method is kept
    assert not virtual_keyboard_environment(StationConfig(kind="supervisor"), site) and site["QT_IM_MODULE"] == "ibus"
    path = tmp_path / "station.toml"
    path.write_text('[station]\nname = "PACK-09"\nkind = "packing"\nvirtual_keyboard = true\n', encoding="utf-8")
    assert load_config(path).wants_virtual_keyboard
    path.write_text('[station]\nname = "SUP-01"\nkind = "supervisor"\nvirtual_keyboard = "yes"\n', encoding="utf-8")
    with pytest.raises(ConfigError, match="virtual_keyboard"):
        load_config(path)


def test_qt_virtual_keyboard_comes_up_on_a_tap_into_a_text_field_not_at_the_login_focus():
    """Offscreen: the plugin loads, the login's focused scan field does not call the keyboard
    up, a tap into a text field does (the input context's own log says so)."""
    result, done = run_probe("virtual_keyboard_probe.py")
    assert result == {"wanted": True, "module": "qtvirtualkeyboard", "focus": True}
    log = done.stderr
    focus_part = log[log.index("MARK scan_field"):log.index("MARK tap_text_field")]
    tap_part = log[log.index("MARK tap_text_field"):log.index("MARK end")]
    assert "showInputPanel" not in focus_part
    assert "showInputPanel" in tap_part


@pytest.fixture(scope="module")
def console_with_keyboard(tmp_path_factory) -> tuple[dict, subprocess.CompletedProcess]:
    workdir = tmp_path_factory.mktemp("keyboard-console")
    shots = os.environ.get("QUAI_SHOTS")
    with xvfb_display(1280, 800) as display:
        return run_probe("virtual_keyboard_console.py", str(workdir),
                         env={"DISPLAY": display, "QT_QPA_PLATFORM": "xcb", **({"QUAI_SHOTS": shots} if shots else {})})


def test_the_console_is_used_by_taps_on_the_keyboard_a_scan_never_calls_it_up(console_with_keyboard):
    result, _done = console_with_keyboard
    assert "error" not in result, result.get("error")
    assert (result["wanted"], result["module"]) == (True, "qtvirtualkeyboard")
    # The scanner logs the supervisor in: its burst is taken before the field and before the
    # keyboard's input context, which would bring the keyboard up on typed keys.
    assert result["scan_left_in_field"] == ""
    assert not result["up_at_focus"] and not result["up_at_keys"] and not result["up_at_login"]
    # A tap into the search: the French keyboard (AZERTY), docked below the search field.
    assert result["first_row"] == "azertyuiop"
    assert result["keyboard_height"] > 200 and result["search_above_keyboard"]
    # Typed by its keys (letters, then the digits' layout), no capital forced; its Enter puts it away.
    assert result["search_typed"] == "client 3"
    assert result["search_rows"] == 1


def test_a_reason_dialog_moves_above_the_keyboard_and_comes_back_whole(console_with_keyboard):
    result, _done = console_with_keyboard
    assert "error" not in result, result.get("error")
    assert result["dialog_above_keyboard"] and result["confirm_above_keyboard"]
    assert result["reasons_hidden"]  # the usual reasons make way while typing
    assert result["reason_typed"] == "Colis"  # a sentence: its first letter capital
    assert result["dialog_back"]  # the keyboard put away: the dialog's place, size and reasons back
    assert result["held"] == ["on_hold", "Colis"]  # and the tap on its confirm key held the order centrally


def test_a_station_that_used_the_keyboard_exits_cleanly(console_with_keyboard):
    """Qt Virtual Keyboard does not survive Qt's teardown (exit 134, or a heap corruption);
    the station ends its process once its work is done, without it
    (app.gui.virtual_keyboard.exit_skipping_keyboard_teardown)."""
    result, done = console_with_keyboard
    assert result["keyboard_loaded"]
    assert done.returncode == 0, done.stderr[-2000:]
    assert "QGuiApplication before a QPixmap" not in done.stderr


def test_without_the_keyboard_the_exit_is_qt_s_own(qapp):
    """No keyboard window in this (offscreen) process: the call returns, Python exits as usual."""
    from app.gui.virtual_keyboard import exit_skipping_keyboard_teardown, keyboard_loaded

    assert not keyboard_loaded()
    exit_skipping_keyboard_teardown(3)  # would end the test run if it did not return
