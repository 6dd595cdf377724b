"""The [scanners], [scanning] and [picking] sections of a station's configuration."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.config import DEFAULT_SCANNERS, ConfigError, PickingSettings, load_config
from app.scanning.classify import ScanKind, classify
from app.scanning.rules import DEFAULT_RULES


def _load(tmp_path: Path, extra: str):
    path = tmp_path / "station.toml"
    path.write_text(f'[station]\nname = "PICK-01"\n{extra}', encoding="utf-8")
    return load_config(path)


def test_without_a_scanners_section_the_keyboard_wedge_is_on(tmp_path: Path) -> None:
    config = _load(tmp_path, "")
    assert config.scanners == DEFAULT_SCANNERS == ("hid://",)
    assert config.scan_rules is DEFAULT_RULES
    assert "scanners" not in config.extra and "scanning" not in config.extra


def test_several_scanners_and_site_prefixes(tmp_path: Path) -> None:
    config = _load(tmp_path, """
[scanners]
urls = ["hid://", "serial:///dev/ttyACM0?baudrate=115200&terminator=CRLF", "serial://?vid=0c2e&pid=0b61"]
[scanning]
badge_prefix = "EMP"
tote_prefix = "BAC"
location_pattern = '^[A-Z]\\d{3}$'
""")
    assert config.scanners == ("hid://", "serial:///dev/ttyACM0?baudrate=115200&terminator=CRLF", "serial://?vid=0c2e&pid=0b61")
    rules = config.scan_rules
    assert classify("EMP0042", rules).kind == ScanKind.BADGE
    assert classify("BAC17", rules).kind == ScanKind.TOTE
    assert classify("BDG0001", rules).kind == ScanKind.CODE  # the default prefix no longer means a badge here
    assert rules.looks_like_location("a123") and not rules.looks_like_location("A-01-01-1")


def test_no_scanner_at_all_is_allowed(tmp_path: Path) -> None:
    assert _load(tmp_path, "[scanners]\nurls = []\n").scanners == ()


@pytest.mark.parametrize(
    ("extra", "fragment"),
    [
        ('[scanners]\nurls = "hid://"\n', "must be a list of URLs"),
        ('[scanners]\nurls = ["usb://scanner"]\n', "unknown kind of scanner 'usb'"),
        ('[scanners]\nurls = ["serial:///dev/ttyACM0?baudrate=9601"]\n', "baudrate 9601"),
        ('[scanners]\nurls = ["serial:///dev/ttyACM0", "serial:///dev/ttyACM0?baudrate=19200"]\n', "same scanner twice"),
        ('[scanners]\nurls = ["hid://", "hid://?gap_ms=25"]\n', "keyboard wedge (hid://) twice"),
        ('[scanning]\nbadge_prefix = 12\n', "must be text"),
        ('[scanning]\nbadge = "EMP"\n', "badge is not a setting"),
        ('[scanning]\ntote_prefix = "BD"\n', "cannot be told apart"),
        ('[scanning]\nbadge_prefix = "CMD"\n', "command barcodes"),
        ("[scanning]\nlocation_pattern = '^[A-Z'\n", "not a valid pattern"),
    ],
)
def test_a_bad_scanner_setting_says_what_to_fix(tmp_path: Path, extra: str, fragment: str) -> None:
    with pytest.raises(ConfigError) as caught:
        _load(tmp_path, extra)
    assert "station.toml" in str(caught.value) and fragment in str(caught.value)


def test_the_example_station_file_s_scanner_sections_load(tmp_path: Path) -> None:
    example = Path(__file__).resolve().parents[2] / "packaging" / "station.example.toml"
    text = "\n".join(line for line in example.read_text(encoding="utf-8").splitlines() if not line.startswith("password_file"))
    path = tmp_path / "station.toml"
    path.write_text(text, encoding="utf-8")
    config = load_config(path)
    assert config.scanners == ("hid://?gap_ms=30&min_length=4&terminator=ENTER",)
    assert config.scan_rules == DEFAULT_RULES


def test_picking_settings_default_and_configured(tmp_path: Path) -> None:
    assert _load(tmp_path, "").picking == PickingSettings(6, 5, "exception", "release")
    config = _load(tmp_path, '[picking]\nbatch_size = 4\nquantity_threshold = 10\nshort_policy = "awaiting_stock"\non_logout = "keep"\n')
    assert config.picking == PickingSettings(4, 10, "awaiting_stock", "keep")


@pytest.mark.parametrize(("extra", "fragment"), [
    ("[picking]\nbatch_size = 0\n", "batch_size = 0; expected a whole number from 1 to 24"),
    ('[picking]\nbatch_size = "6"\n', "batch_size = '6'"),
    ('[picking]\nshort_policy = "cancel"\n', "short_policy = 'cancel'; expected one of exception, awaiting_stock"),
    ("[picking]\nbatch = 4\n", "batch is not a setting here"),
])
def test_a_bad_picking_setting_says_what_to_fix(tmp_path: Path, extra: str, fragment: str) -> None:
    with pytest.raises(ConfigError, match=None) as caught:
        _load(tmp_path, extra)
    assert fragment in str(caught.value)
