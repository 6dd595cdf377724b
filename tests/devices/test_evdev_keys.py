"""Key events of an evdev scanner decoded as a US-layout scanner means them."""

from __future__ import annotations

from app.devices.evdev_keys import (
    GS, KEY_CAPSLOCK, KEY_ENTER, KEY_KPENTER, KEY_LEFTCTRL, KEY_LEFTSHIFT, KEY_RIGHTBRACE, KEY_RIGHTSHIFT,
    PRESS, RELEASE, REPEAT, decode,
)

CODES = {ch: code for code, ch in {2: "1", 3: "2", 4: "3", 5: "4", 6: "5", 7: "6", 8: "7", 9: "8", 10: "9", 11: "0",
                                    12: "-", 30: "a", 48: "b", 32: "d", 34: "g", 20: "t", 24: "o", 16: "q"}.items()}


def tap(code: int) -> list[tuple[int, int]]:
    return [(code, PRESS), (code, RELEASE)]


def typed(text: str, shift: int = KEY_LEFTSHIFT) -> list[tuple[int, int]]:
    events: list[tuple[int, int]] = []
    for ch in text:
        code = CODES[ch.lower()]
        if ch.isupper():
            events += [(shift, PRESS), *tap(code), (shift, RELEASE)]
        else:
            events += tap(code)
    return events


def test_a_badge_and_a_location_with_either_shift_key() -> None:
    events = typed("BDG0001") + tap(KEY_ENTER) + typed("QA-01", shift=KEY_RIGHTSHIFT) + tap(KEY_KPENTER)
    assert decode(events) == ["BDG0001", "QA-01"]  # no AZERTY swap of A and Q: key codes, not layout


def test_ctrl_right_bracket_is_the_gs_separator() -> None:
    events = typed("0106") + [(KEY_LEFTCTRL, PRESS), *tap(KEY_RIGHTBRACE), (KEY_LEFTCTRL, RELEASE)] + typed("10") + tap(KEY_ENTER)
    assert decode(events) == ["0106" + GS + "10"]


def test_caps_lock_repeats_and_unknown_keys() -> None:
    events = tap(KEY_CAPSLOCK) + typed("tot") + [(CODES["1"], PRESS), (CODES["1"], REPEAT), (CODES["1"], RELEASE)]
    events += tap(59) + tap(KEY_CAPSLOCK) + typed("a") + tap(KEY_ENTER) + tap(KEY_ENTER)  # F1 ignored, empty scan dropped
    assert decode(events) == ["TOT1a"]
