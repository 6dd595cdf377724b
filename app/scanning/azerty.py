"""Scans garbled by a French AZERTY keyboard layout, mapped back (no Qt).

A keyboard-wedge scanner sends key positions of a US keyboard. On a station whose system
layout is French AZERTY the same keys give other characters: the digit row (unshifted)
becomes ``& é " ' ( - è _ ç à``, A and Q swap, Z and W swap, ``-`` becomes ``)``, ``.``
becomes ``:``, ``/`` becomes ``!`` and so on; ``BDG0001`` arrives as ``BDGààà&``.

``looks_azerty`` recognises such a burst: it holds at least one character that no code
Quai prints contains but AZERTY makes of a US key (the digit row ``& é " ' ( è _ ç à``,
``)`` for ``-``, ``?`` for ``M``, ``§ ° ² ù``) and no digit at all (an AZERTY digit needs
Shift, which a US-layout scanner only presses for ``! @ # …``; the parenthesised GS1 form
has digits). A lone ``-`` is not enough: location codes contain it. A burst that had no
such key (``BDG`` alone) reads the same either way. ``from_azerty`` maps every
character back to the US key it came from. The real fix is the scanner's own keyboard
setting (most have an "AZERTY" or "keyboard country: France" configuration barcode);
this keeps the floor working until then.
"""

from __future__ import annotations

# AZERTY character -> the US-layout character of the same key (unshifted, then shifted).
_BACK = {
    "&": "1", "é": "2", '"': "3", "'": "4", "(": "5", "-": "6", "è": "7", "_": "8", "ç": "9", "à": "0",
    ")": "-", "°": "_",
    "a": "q", "q": "a", "z": "w", "w": "z", "A": "Q", "Q": "A", "Z": "W", "W": "Z",
    "m": ";", "M": ":", ",": "m", "?": "M",
    ";": ",", ".": "<", ":": ".", "/": ">", "!": "/", "§": "?",
    "ù": "'", "%": '"', "*": "\\", "$": "]", "²": "`",
}
_TELLTALE = set('&é"\'(è_çà)?§°²ù')


def looks_azerty(burst: str) -> bool:
    return any(ch in _TELLTALE for ch in burst) and not any(ch.isdigit() for ch in burst)


def from_azerty(burst: str) -> str:
    return "".join(_BACK.get(ch, ch) for ch in burst)


def unscramble(burst: str) -> tuple[str, bool]:
    """The burst as the scanner meant it, and whether it was mapped back from AZERTY."""
    if looks_azerty(burst):
        return from_azerty(burst), True
    return burst, False
