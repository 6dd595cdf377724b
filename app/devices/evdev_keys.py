"""Linux input key codes to characters, whatever the system's keyboard layout (no Qt, no I/O).

An evdev scanner (``evdev:///dev/input/by-id/…``) is read as raw key events: the code of
the key a US keyboard would have pressed, and press/release. ``KeyDecoder`` turns them
into text as a US-layout scanner means it, so a French AZERTY system layout cannot garble
a scan read this way. Shift (either), Caps Lock and Ctrl are followed; Ctrl+] is the GS
separator (0x1D) of GS1 element strings, the way scanners send it as keys. Enter, the
keypad Enter and Tab end a scan.

Codes from linux/input-event-codes.h.
"""

from __future__ import annotations

PRESS, RELEASE, REPEAT = 1, 0, 2
KEY_LEFTSHIFT, KEY_RIGHTSHIFT, KEY_LEFTCTRL, KEY_RIGHTCTRL, KEY_CAPSLOCK = 42, 54, 29, 97, 58
KEY_ENTER, KEY_KPENTER, KEY_TAB, KEY_RIGHTBRACE = 28, 96, 15, 27
END_OF_SCAN = "\n"
GS = "\x1d"

# code: (unshifted, shifted)
_KEYS: dict[int, tuple[str, str]] = {
    2: ("1", "!"), 3: ("2", "@"), 4: ("3", "#"), 5: ("4", "$"), 6: ("5", "%"), 7: ("6", "^"),
    8: ("7", "&"), 9: ("8", "*"), 10: ("9", "("), 11: ("0", ")"), 12: ("-", "_"), 13: ("=", "+"),
    26: ("[", "{"), 27: ("]", "}"), 39: (";", ":"), 40: ("'", '"'), 41: ("`", "~"), 43: ("\\", "|"),
    51: (",", "<"), 52: (".", ">"), 53: ("/", "?"), 57: (" ", " "),
    # keypad: the same with or without Shift
    55: ("*", "*"), 71: ("7", "7"), 72: ("8", "8"), 73: ("9", "9"), 74: ("-", "-"), 75: ("4", "4"),
    76: ("5", "5"), 77: ("6", "6"), 78: ("+", "+"), 79: ("1", "1"), 80: ("2", "2"), 81: ("3", "3"),
    82: ("0", "0"), 83: (".", "."), 98: ("/", "/"),
}
_LETTERS = {
    16: "q", 17: "w", 18: "e", 19: "r", 20: "t", 21: "y", 22: "u", 23: "i", 24: "o", 25: "p",
    30: "a", 31: "s", 32: "d", 33: "f", 34: "g", 35: "h", 36: "j", 37: "k", 38: "l",
    44: "z", 45: "x", 46: "c", 47: "v", 48: "b", 49: "n", 50: "m",
}


class KeyDecoder:
    """Feed it (code, value) key events; it answers the character typed, END_OF_SCAN, or None."""

    def __init__(self) -> None:
        self._shift: set[int] = set()
        self._ctrl: set[int] = set()
        self._caps = False

    def feed(self, code: int, value: int) -> str | None:
        if code in (KEY_LEFTSHIFT, KEY_RIGHTSHIFT):
            (self._shift.add if value != RELEASE else self._shift.discard)(code)
            return None
        if code in (KEY_LEFTCTRL, KEY_RIGHTCTRL):
            (self._ctrl.add if value != RELEASE else self._ctrl.discard)(code)
            return None
        if value != PRESS:  # releases and auto-repeats type nothing
            return None
        if code == KEY_CAPSLOCK:
            self._caps = not self._caps
            return None
        if code in (KEY_ENTER, KEY_KPENTER, KEY_TAB):
            return END_OF_SCAN
        shift = bool(self._shift)
        if self._ctrl:
            return GS if code == KEY_RIGHTBRACE else None  # Ctrl+]: the GS1 separator
        if code in _LETTERS:
            letter = _LETTERS[code]
            return letter.upper() if shift != self._caps else letter
        if code in _KEYS:
            return _KEYS[code][1 if shift else 0]
        return None  # a key a scanner does not type (F-keys, arrows): ignored


def decode(events: list[tuple[int, int]]) -> list[str]:
    """The scans typed by a list of (code, value) events (for tests and the scanner test tool)."""
    decoder = KeyDecoder()
    scans, current = [], []
    for code, value in events:
        char = decoder.feed(code, value)
        if char == END_OF_SCAN:
            if current:
                scans.append("".join(current))
            current = []
        elif char is not None:
            current.append(char)
    return scans
