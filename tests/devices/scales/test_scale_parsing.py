"""MT-SICS replies and continuous lines read into grams, or into an error that says what to do."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.devices.scales.continuous import parse_continuous_line
from app.devices.scales.messages import ERROR_CODES, TEXTS, ScaleError, text
from app.devices.scales.mtsics import parse_command_reply, parse_weight_reply
from app.devices.scales.units import to_grams
from app.packing.model import Reading


@pytest.mark.parametrize(("line", "grams", "stable"), [
    ("S S      1.234 kg", 1234, True),
    ("S D      1.236 kg", 1236, False),
    ("S S     -0.012 kg", -12, True),
    ("S S    100.00 g", 100, True),
    ("S S   2.5000 lb", 1134, True),  # 1133.98 g
    ("S S    16.000 oz", 454, True),  # 453.59 g
    ("S S      0.0005 kg", 1, True),  # half a gram rounds up
    ("S S      1.234", 1234, True),  # no unit: the URL's (kg)
    ("  S  S   1.234 kg  ", 1234, True),
])
def test_mt_sics_weights(line: str, grams: int, stable: bool) -> None:
    reading = parse_weight_reply(line, "kg")
    assert reading == Reading(grams, stable, "scale", line.strip())


@pytest.mark.parametrize(("line", "code"), [
    ("S I", "busy"), ("S +", "overload"), ("S -", "underload"),
    ("ES", "syntax"), ("ET", "transmission"), ("EL", "logical"),
    ("S S      1.234 ct", "unit"), ("S X      1.234 kg", "garbled"), ("S S   1.2.3 kg", "garbled"),
    ("Z A", "garbled"), ("\x00\xff", "garbled"), ("", "garbled"),
])
def test_mt_sics_errors(line: str, code: str) -> None:
    error = parse_weight_reply(line)
    assert isinstance(error, ScaleError) and error.code == code


def test_a_unit_error_names_the_unit_in_both_languages() -> None:
    error = parse_weight_reply("S S      1.234 ct")
    assert "weighs in ct" in error.message("en") and "pèse en ct" in error.message("fr")


@pytest.mark.parametrize(("line", "command", "outcome"), [
    ("Z A", "Z", "done"), ("Z I", "Z", "busy"), ("Z +", "Z", "overload"), ("Z -", "Z", "underload"),
    ("T S      0.250 kg", "T", "done"), ("T I", "T", "busy"), ("EL", "T", "logical"),
    ("S S      1.234 kg", "Z", None),  # a late weight: not the answer to Z
])
def test_zero_and_tare_answers(line: str, command: str, outcome: str | None) -> None:
    result = parse_command_reply(line, command)
    assert (result.code if isinstance(result, ScaleError) else result) == outcome


@pytest.mark.parametrize(("line", "grams", "stable", "net"), [
    ("ST,GS,   1.234kg", 1234, True, False),
    ("ST,GS,+0001.234 kg", 1234, True, False),
    ("US,GS,   1.230kg", 1230, False, False),
    ("ST,NT,+  0.500 kg", 500, True, True),
    ("st,gs,   1.234KG", 1234, True, False),
    ("ST,GS,-0000.020kg", -20, True, False),
    ("ST,+00123.45  g", 123, True, False),  # A&D: no gross/net field
    ("ST,GS,   2.000lb", 907, True, False),
    ("ST,GS,   1.234", 1234, True, False),  # no unit: the URL's
])
def test_continuous_weights(line: str, grams: int, stable: bool, net: bool) -> None:
    reading = parse_continuous_line(line, "kg")
    assert isinstance(reading, Reading)
    assert (reading.grams, reading.stable, reading.raw, reading.extra.get("net", False)) == (
        grams, stable, line.strip(), net)


@pytest.mark.parametrize(("line", "code"), [
    ("OL,GS,  ------ kg", "overload"), ("OL,GS,+9999.99kg", "overload"), ("OL,GS,-  0.500kg", "underload"),
    ("QT,+00000010 PC", "unit"), ("ST,GS,   1.234st", "unit"), ("XX,GS,1.2kg", "garbled"),
    ("ST,GS,", "garbled"), ("ST,GS,1,234kg", "garbled"), ("garbage", "garbled"),
])
def test_continuous_errors(line: str, code: str) -> None:
    error = parse_continuous_line(line)
    assert isinstance(error, ScaleError) and error.code == code


def test_a_tare_line_is_not_a_weight() -> None:
    assert parse_continuous_line("ST,TR,   0.250kg") is None


def test_every_code_says_what_to_do_in_english_and_french() -> None:
    for code in (*ERROR_CODES, "silent", "unplugged", "missing", "refused", "manual"):
        english, french = TEXTS[code]
        assert english != french and english.endswith(".") and french.endswith(".")
        filled = text(code, {"detail": "/dev/ttyUSB1", "raw": "S X", "unit": "ct"}, "fr")
        assert "{" not in filled and filled


def _is_result(result: object) -> bool:
    if isinstance(result, ScaleError):
        return result.code in ERROR_CODES and bool(result.message("en")) and bool(result.message("fr"))
    return result is None or (isinstance(result, Reading) and isinstance(result.grams, int))


@given(st.binary(max_size=60))
def test_random_bytes_never_crash_the_parsers(data: bytes) -> None:
    line = data.decode("latin-1")
    assert _is_result(parse_weight_reply(line))
    assert _is_result(parse_continuous_line(line))
    assert _is_result(parse_command_reply(line, "Z"))


@given(st.text(alphabet="SDI+-ESTLGNOUQR,.0123456789 kgblozKG\t", max_size=40))
def test_near_miss_lines_never_crash_the_parsers(line: str) -> None:
    assert _is_result(parse_weight_reply(line, "g"))
    assert _is_result(parse_continuous_line(line, "g"))


@given(st.integers(min_value=-999_999, max_value=9_999_999), st.booleans())
def test_a_weight_written_as_the_scales_write_it_reads_back(grams: int, stable: bool) -> None:
    kg = f"{grams / 1000:.3f}"
    assert parse_weight_reply(f"S {'S' if stable else 'D'} {kg:>10} kg") == Reading(
        grams, stable, "scale", f"S {'S' if stable else 'D'} {kg:>10} kg")
    line = f"{'ST' if stable else 'US'},GS,{grams / 1000:+011.3f}kg"
    assert parse_continuous_line(line) == Reading(grams, stable, "scale", line)


def test_to_grams_refuses_what_is_no_number() -> None:
    with pytest.raises(ValueError):
        to_grams("1.2.3", "kg")
    with pytest.raises(ValueError):
        to_grams("NaN", "kg")
