"""A keyboard-wedge (USB HID) scanner told apart from a person typing (no Qt).

A wedge scanner types its scans as key presses into whatever has focus. What gives it away
is speed: it types a key every few milliseconds, a person one every 80 ms or more. A
station names its wedge scanner with a URL:

    hid://                                            (defaults: 30 ms, 4 characters, Enter)
    hid://?gap_ms=30&min_length=4&terminator=ENTER,TAB
    hid://?suffix=%23%23                              (the scanner ends each scan with "##")
    hid://?prefix=%24%24                              (the scanner starts each scan with "$$")
    hid://?framing=stx                                (STX before, ETX after each scan)

``BurstDetector`` is fed each key as it arrives (a character, or one of the ENTER, TAB,
STX, ETX tokens below) with the time it arrived and, when the window system tells it, the
time it was typed, and decides: hold the key, a whole scan is complete, or give held keys
back as typing. It is driven by the GUI's event filter (app/gui/wedge_filter.py) but knows
nothing of Qt, so every rule is tested with a clock passed in.

A burst is keys no more than ``gap_ms`` apart, at least ``min_length`` characters long
(prefix, suffix and framing not counted), ended by a terminator. Anything that turns out
not to be one (too slow, too short, never terminated, interrupted by a key a scanner
does not type) is given back, in order, to be typed as the person meant it. The GS
separator (0x1D) and AIM symbology identifiers (``]C1``) are ordinary characters here and
stay in the scan; a burst garbled by a French AZERTY layout is mapped back.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any
from urllib.parse import parse_qs, urlsplit

from app.devices.scanner_url import ScannerUrlError
from app.scanning.azerty import unscramble

# The keys a scanner types besides characters, as the tokens the detector is fed.
ENTER, TAB, STX, ETX, GS = "\r", "\t", "\x02", "\x03", "\x1d"
TERMINATOR_KEYS = {"ENTER": ENTER, "TAB": TAB}
FRAMINGS = ("none", "stx")
GAP_MS = (5, 60)  # a person types a key every 80 ms or more: a gap limit above 60 would catch them
MIN_LENGTH = (2, 64)  # 1 would take a person's single key followed quickly by Enter
AFFIX_MAX = 8


@dataclass(frozen=True)
class WedgeSpec:
    gap_ms: int = 30  # the longest pause between two keys of one scan
    min_length: int = 4  # the shortest scan, prefix/suffix/framing not counted
    terminators: frozenset[str] = frozenset({ENTER})  # ENTER and/or TAB tokens that end a scan
    suffix: str = ""  # characters that end a scan, besides the terminator keys
    prefix: str = ""  # characters every scan starts with (stripped)
    framing: str = "none"  # "stx": every scan is STX … ETX (both stripped), ETX ends it

    @property
    def gap(self) -> float:
        return self.gap_ms / 1000


def parse_hid_url(url: str) -> WedgeSpec:
    parts = urlsplit(url)
    if parts.scheme != "hid":
        raise ScannerUrlError(f"{url}: not a keyboard-wedge scanner URL (hid://?gap_ms=30&min_length=4)")
    if parts.netloc or parts.path not in ("", "/"):
        raise ScannerUrlError(
            f"{url}: hid:// names no device (a wedge scanner types into the focused window); "
            "give only options, e.g. hid://?gap_ms=30"
        )
    query = {key: values[-1] for key, values in parse_qs(parts.query, keep_blank_values=True).items()}
    known = {"gap_ms", "min_length", "terminator", "suffix", "prefix", "framing"}
    unknown = sorted(set(query) - known)
    if unknown:
        raise ScannerUrlError(f"{url}: unknown option {unknown[0]!r} (known: {', '.join(sorted(known))})")
    gap_ms = _number(url, query, "gap_ms", 30, GAP_MS, "a person types a key every 80 ms or more")
    min_length = _number(url, query, "min_length", 4, MIN_LENGTH, "the characters of the shortest code")
    framing = query.get("framing", "none").lower()
    if framing not in FRAMINGS:
        raise ScannerUrlError(f"{url}: framing {framing!r} unknown; use none or stx (STX before, ETX after)")
    prefix = _affix(url, query, "prefix")
    suffix = _affix(url, query, "suffix")
    if framing == "stx":
        given = [key for key in ("terminator", "suffix", "prefix") if key in query]
        if given:
            raise ScannerUrlError(f"{url}: with framing=stx a scan ends at ETX; drop {given[0]}")
        return WedgeSpec(gap_ms, min_length, frozenset(), "", "", framing)
    return WedgeSpec(gap_ms, min_length, _terminators(url, query), suffix, prefix, framing)


def _number(url: str, query: dict[str, str], key: str, default: int, bounds: tuple[int, int], why: str) -> int:
    low, high = bounds
    try:
        value = int(query.get(key, str(default)))
    except ValueError:
        raise ScannerUrlError(f"{url}: {key} must be a whole number, e.g. {key}={default}") from None
    if not low <= value <= high:
        raise ScannerUrlError(f"{url}: {key} must be between {low} and {high} ({why})")
    return value


def _terminators(url: str, query: dict[str, str]) -> frozenset[str]:
    names = [name.strip().upper() for name in query.get("terminator", "ENTER").split(",")]
    for name in names:
        if name not in TERMINATOR_KEYS:
            raise ScannerUrlError(f"{url}: terminator {name!r} unknown; use ENTER, TAB or ENTER,TAB")
    return frozenset(TERMINATOR_KEYS[name] for name in names)


def _affix(url: str, query: dict[str, str], key: str) -> str:
    value = query.get(key, "")
    if key in query and not value:
        raise ScannerUrlError(f"{url}: {key} is empty; give its characters URL-encoded, e.g. {key}=%23%23 for ##")
    if len(value) > AFFIX_MAX or not value.isprintable() or value != value.strip():
        raise ScannerUrlError(
            f"{url}: {key} must be 1 to {AFFIX_MAX} printable characters, no spaces around "
            "(for STX/ETX use framing=stx)"
        )
    return value


_When = tuple[float, float | None]  # when a key came (monotonic), when it was typed (window system), seconds


@dataclass(frozen=True)
class Scan:
    text: str  # as the scanner meant it: framing stripped, mapped back from AZERTY if it had to be
    was_azerty: bool


@dataclass(frozen=True)
class Decision:
    """What to do with the key just fed.

    ``release``: keys held so far that turned out to be typing, oldest first; they go to the
    application before the current key. ``take``: the current key is swallowed (held, or the
    end of ``scan``); otherwise it goes on as typed.
    """

    take: bool
    release: tuple[Any, ...] = ()
    scan: Scan | None = None


@dataclass
class BurstDetector:
    """Keys in, decisions out.

    A key comes with two times, in seconds. ``now``: when it reached us, on a monotonic
    clock (the one the GUI's timer runs on). ``typed_at``: when the keyboard sent it, on the
    window system's clock (not comparable with ``now``), or None when unknown. The pause
    between two keys is measured with ``typed_at`` when both have it: keys that waited in
    the event queue while the GUI thread was busy reach us late and all at once, but were
    typed as fast as ever. Otherwise (a synthesised key) it is measured with ``now``.

    Each held key carries an ``item`` (the GUI passes what it needs to replay the key;
    tests pass nothing and get the characters back).
    """

    spec: WedgeSpec = field(default_factory=WedgeSpec)
    _chars: list[str] = field(default_factory=list)
    _items: list[Any] = field(default_factory=list)
    _last: _When = (0.0, None)  # when the last held key came, and was typed
    _scan_ended: _When | None = None  # when the last scan ended (a straggling terminator belongs to it)

    def feed(self, token: str, now: float, item: Any = None, typed_at: float | None = None) -> Decision:
        item = token if item is None else item
        when = (now, typed_at)
        released = ()
        if self._chars and _pause(self._last, when) > self.spec.gap + 1e-9:
            released = self._give_back()  # a pause too long: what was held was typing
        if not self._chars:
            if token in (ENTER, TAB) and self._straggles(when):
                # A scanner that sends a suffix (or ETX) and Enter: the Enter is part of the scan.
                self._scan_ended = None
                return Decision(True, released)
            if not self._can_start(token):
                return Decision(False, released)
            self._hold(token, when, item)
            return Decision(True, released)
        if token in self._ending_keys():
            return self._end(when, released)
        if token in (ENTER, TAB, STX) or self._diverges_from_prefix(token):
            # A key that cannot continue this burst: what was held is given back, and the
            # key starts a burst of its own if it can (an STX always opens a new frame).
            released += self._give_back()
            return self._after_give_back(token, when, item, released)
        after_prefix = self._chars[len(self.spec.prefix) :] + [token]  # a suffix never overlaps the prefix
        if self.spec.suffix and "".join(after_prefix).endswith(self.spec.suffix):
            return self._end_at_suffix(when, released)
        self._hold(token, when, item)
        return Decision(True, released)

    def interrupt(self) -> tuple[Any, ...]:
        """A key no scanner types (an arrow, Backspace, Ctrl+C…): give back what was held,
        to be typed before it."""
        self._scan_ended = None
        return self._give_back()

    def expire(self, now: float) -> tuple[Any, ...]:
        """Give back held keys once no key has come for longer than the gap since the last
        one came (``now`` on the monotonic clock: nothing else says time went by)."""
        if self._chars and now - self._last[0] > self.spec.gap + 1e-9:  # "at most gap_ms", float-safe
            return self._give_back()
        return ()

    @property
    def deadline(self) -> float | None:
        """When held keys become typing if no other key comes (None: nothing is held), on
        the monotonic clock."""
        return self._last[0] + self.spec.gap if self._chars else None

    @property
    def holding(self) -> bool:
        return bool(self._chars)

    def _can_start(self, token: str) -> bool:
        if self.spec.framing == "stx":
            return token == STX
        if self.spec.prefix:
            return token == self.spec.prefix[0]
        return token not in (ENTER, TAB)

    def _ending_keys(self) -> frozenset[str] | set[str]:
        return {ETX} if self.spec.framing == "stx" else self.spec.terminators

    def _diverges_from_prefix(self, token: str) -> bool:
        prefix, typed = self.spec.prefix, len(self._chars)
        return typed < len(prefix) and token != prefix[typed]

    def _hold(self, token: str, when: _When, item: Any) -> None:
        self._chars.append(token)
        self._items.append(item)
        self._last = when

    def _give_back(self) -> tuple[Any, ...]:
        items = tuple(self._items)
        self._chars.clear()
        self._items.clear()
        return items

    def _after_give_back(self, token: str, when: _When, item: Any, released: tuple[Any, ...]) -> Decision:
        if self._can_start(token):
            self._hold(token, when, item)
            return Decision(True, released)
        return Decision(False, released)

    def _content(self, chars: list[str]) -> str:
        """The scan without its framing: the STX or the prefix, if it was whole."""
        text = "".join(chars)
        if self.spec.framing == "stx":
            return text[1:]
        if self.spec.prefix:
            return text[len(self.spec.prefix) :] if text.startswith(self.spec.prefix) else ""
        return text

    def _end(self, when: _When, released: tuple[Any, ...]) -> Decision:
        """A terminator key (Enter, Tab or ETX): a scan if long enough, else typing then the key."""
        return self._ending(self._content(self._chars), when, released)

    def _end_at_suffix(self, when: _When, released: tuple[Any, ...]) -> Decision:
        """The key just fed completes the suffix (its other characters are held)."""
        before_suffix = self._chars[: len(self._chars) + 1 - len(self.spec.suffix)]
        return self._ending(self._content(before_suffix), when, released)

    def _ending(self, content: str, when: _When, released: tuple[Any, ...]) -> Decision:
        if len(content) < self.spec.min_length:
            return Decision(False, released + self._give_back())
        self._scan_ended = when
        self._give_back()  # the scan's keys are swallowed for good
        text, was_azerty = unscramble(content)
        return Decision(True, released, Scan(text, was_azerty))

    def _straggles(self, when: _When) -> bool:
        return self._scan_ended is not None and _pause(self._scan_ended, when) <= self.spec.gap + 1e-9


def _pause(before: _When, after: _When) -> float:
    """The pause between two keys: as typed when both typing times are known and in order
    (a window system's clock wraps: X11's every 49 days), else as they came."""
    (came, typed), (now, typed_at) = before, after
    if typed is not None and typed_at is not None and typed_at >= typed:
        return typed_at - typed
    return now - came
