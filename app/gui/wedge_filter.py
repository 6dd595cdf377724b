"""The keyboard-wedge scanner, caught before its keys reach a widget.

``install(app, spec)`` puts a ``WedgeFilter`` on the whole application: every key press
goes through it first, whatever window or modal dialog has focus. The filter turns each
key into a token for ``app.devices.wedge.BurstDetector`` (which holds all the rules) and
does what it decides: swallow the key while a burst may be under way, emit ``scanned``
when a scan is whole, or give held keys back to the widget they were typed into, in
order, when they turn out to be a person typing. So a scan never lands in a text field
and its Enter never presses a dialog's default button; a person's keys reach the field
a gap (30 ms) late at most.

Gaps are measured with each key event's own time (``QKeyEvent.timestamp()``: when the
window system saw the key), not when the key reaches the filter. When the GUI thread is busy
for a moment (a full-window flash, a screen refresh) the scanner's keys wait in the event
queue and reach the filter late, all at once, yet were typed 8 ms apart: they are still
one scan. Only a key with no timestamp (one a program made up, QTest's) is timed as it
comes.

The filter only emits: who takes the scan (the screen, an open dialog, nobody) is the
receiver's business.
"""

from __future__ import annotations

import math
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass

import shiboken6
from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QWidget

from app.devices.wedge import ENTER, ETX, GS, STX, TAB, BurstDetector, Decision, WedgeSpec

Key, Mod = Qt.Key, Qt.KeyboardModifier
NEUTRAL = ""  # a modifier key on its own (the scanner's Shift for a capital): neither burst nor interruption
_MODIFIER_KEYS = {
    Key.Key_Shift, Key.Key_Control, Key.Key_Alt, Key.Key_AltGr, Key.Key_Meta,
    Key.Key_CapsLock, Key.Key_NumLock, Key.Key_Super_L, Key.Key_Super_R,
}  # fmt: skip
_TYPING_MODIFIERS = Mod.ShiftModifier | Mod.GroupSwitchModifier  # what a character may be typed with
_KEY_EVENTS = (QEvent.Type.KeyPress, QEvent.Type.KeyRelease, QEvent.Type.ShortcutOverride)


def key_token(event: QKeyEvent, framing: str) -> str | None:
    """The token a key press is for the detector: a character, ENTER, TAB, GS, STX/ETX (only
    with framing=stx), NEUTRAL for a lone modifier, or None for a key no scanner types."""
    if event.isAutoRepeat():
        return None  # a key held down: a person
    key, text = event.key(), event.text()
    modifiers = event.modifiers() & ~Mod.KeypadModifier
    if key in _MODIFIER_KEYS:
        return NEUTRAL
    # Scanners type control characters as Ctrl+letter: GS (0x1D) as Ctrl+], STX as Ctrl+B,
    # ETX as Ctrl+C. Some platforms give the character as text, some only the key. On a
    # French AZERTY layout the key of the US "]" is "$": Ctrl+$ is the same GS.
    ctrl = modifiers == Mod.ControlModifier
    if text == GS or (ctrl and key in (Key.Key_BracketRight, Key.Key_Dollar)):
        return GS
    if framing == "stx":
        if text == STX or (ctrl and key == Key.Key_B):
            return STX
        if text == ETX or (ctrl and key == Key.Key_C):
            return ETX
    if modifiers & ~_TYPING_MODIFIERS:
        return None  # Ctrl/Alt/Meta: a person's shortcut (copy, Alt+F4), never held
    if key in (Key.Key_Return, Key.Key_Enter):
        return ENTER
    if key == Key.Key_Tab:
        return TAB
    if len(text) == 1 and text.isprintable():
        return text
    return None


@dataclass(frozen=True)
class HeldKey:
    """A swallowed key press, enough to type it again into the widget it was meant for.

    The widget's wrapper is kept (for a gap at most), not a weak reference: a wrapper Qt
    made for a widget Python holds nowhere else would be gone, and the key lost with it.
    """

    target: QWidget
    key: int
    modifiers: Qt.KeyboardModifier
    text: str

    @classmethod
    def of(cls, widget: QWidget, event: QKeyEvent) -> HeldKey:
        return cls(widget, event.key(), event.modifiers(), event.text())

    def widget(self) -> QWidget | None:
        """The widget, unless it was deleted meanwhile (then the key goes nowhere)."""
        return self.target if shiboken6.isValid(self.target) else None


class WedgeFilter(QObject):
    """An application event filter that takes keyboard-wedge scans out of the key stream.

    ``scanned(text, was_azerty)``: a whole scan as the scanner meant it (prefix, suffix,
    STX/ETX and terminator stripped; GS and AIM identifiers kept; mapped back from AZERTY
    when ``was_azerty``). It is emitted from the event loop just after the terminating key,
    not from inside that key's delivery, so a receiver may open a dialog.
    """

    scanned = Signal(str, bool)
    _found = Signal(str, bool)  # queued on to ``scanned``

    def __init__(self, spec: WedgeSpec, parent: QObject | None = None, clock: Callable[[], float] = time.monotonic):
        super().__init__(parent)
        self.spec = spec
        self._detector = BurstDetector(spec)
        self._clock = clock
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)  # a coarse timer may fire 5 % early
        # Queued: the pause is judged behind the events already waiting (see _arm).
        self._timer.timeout.connect(self._pause_ended, Qt.ConnectionType.QueuedConnection)
        self._found.connect(self.scanned, Qt.ConnectionType.QueuedConnection)
        self._replaying = False
        self._removed = False
        self._last_delivery: tuple[tuple[int, QEvent.Type], frozenset[int]] | None = None
        self._decided: tuple[tuple[int, str, int], bool] | None = None  # at the shortcut check, for the press
        self._releases_to_swallow: Counter[int] = Counter()

    def remove(self) -> None:
        """Take the filter off the application (and delete it); keys still held are typed
        first. Removing it again does nothing."""
        if self._removed:
            return
        self._removed = True
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)
        self._timer.stop()
        self._replay(self._detector.interrupt())
        self.deleteLater()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() not in _KEY_EVENTS or self._replaying or not isinstance(watched, QWidget):
            return False  # a key reaches its QWindow first, then the focused widget: judged there
        if self._is_propagation(watched, event):
            return False
        assert isinstance(event, QKeyEvent)
        if event.type() == QEvent.Type.KeyRelease:
            self._decided = None
            return self._swallow_release(event)
        token = key_token(event, self.spec.framing)
        if token == NEUTRAL:
            return False
        if event.type() == QEvent.Type.ShortcutOverride:
            return self._shortcut_check(watched, event, token)
        return self._press(watched, event, token)

    def _shortcut_check(self, widget: QWidget, event: QKeyEvent, token: str | None) -> bool:
        """Qt asks the focused widget whether it wants a key before trying shortcuts, then
        delivers the press. The key is judged here, so that a shortcut for it (Enter, a
        letter) never fires for a scanner's key and held keys are typed before a person's
        shortcut runs; the press that follows carries out the same decision."""
        take = self._judge(widget, event, token)
        self._decided = (_signature(event), take)
        if take:
            event.accept()  # "the widget wants this key": no shortcut, the press comes to us
        return take

    def _press(self, widget: QWidget, event: QKeyEvent, token: str | None) -> bool:
        decided, self._decided = self._decided, None
        if decided is not None and decided[0] == _signature(event):
            return decided[1]
        return self._judge(widget, event, token)

    def _judge(self, widget: QWidget, event: QKeyEvent, token: str | None) -> bool:
        now = self._clock()
        if token is None:
            decision = Decision(False, self._detector.interrupt())
        else:
            # A timestamp of 0 means none: the key was made up by a program, not typed.
            typed_at = event.timestamp() / 1000 if event.timestamp() else None
            decision = self._detector.feed(token, now, HeldKey.of(widget, event), typed_at)
        self._replay(decision.release)
        if decision.take:
            self._releases_to_swallow[event.key()] += 1
        if decision.scan is not None:
            self._found.emit(decision.scan.text, decision.scan.was_azerty)
        self._arm(now)
        return decision.take

    def _swallow_release(self, event: QKeyEvent) -> bool:
        """The release of a swallowed press is swallowed too (replayed keys are released
        when they are replayed)."""
        key = event.key()
        if event.isAutoRepeat() or not self._releases_to_swallow[key]:
            return False
        self._releases_to_swallow[key] -= 1
        if not self._releases_to_swallow[key]:
            del self._releases_to_swallow[key]
        return True

    def _is_propagation(self, watched: QObject, event: QEvent) -> bool:
        """A key a widget ignores goes on to its parent, and an application filter sees it
        again there: the same event, at an ancestor of where it was last seen."""
        this = (_address(event), event.type())
        again = self._last_delivery is not None and self._last_delivery[0] == this
        if again and _address(watched) in self._last_delivery[1]:
            return True
        self._last_delivery = (this, _ancestors(watched))
        return False

    def _arm(self, now: float) -> None:
        """Wake up when the held keys' pause runs out (they were a person's, then).

        The timer runs on the real clock. After the GUI thread was busy it may fire before
        the keys the scanner typed meanwhile are delivered (an event dispatcher may run due
        timers before the window system's events). So it does not decide at once: its
        timeout is queued behind the events already waiting, and the keys among them are
        judged first, by when they were typed."""
        deadline = self._detector.deadline
        if deadline is None:
            self._timer.stop()
            return
        self._timer.start(max(0, math.ceil((deadline - now) * 1000)) + 1)

    def _pause_ended(self) -> None:
        if self._removed:
            return  # remove() gave the held keys back already
        now = self._clock()
        self._replay(self._detector.expire(now))
        self._arm(now)  # still holding: the timer fired a little early

    def _replay(self, keys: tuple[HeldKey, ...]) -> None:
        """Type held keys again, in order, into the widget each was meant for (if it still
        exists); the filter lets them through."""
        self._replaying = True
        try:
            for held in keys:
                widget = held.widget()
                if widget is None:
                    continue
                for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
                    QApplication.sendEvent(widget, QKeyEvent(kind, held.key, held.modifiers, held.text))
        finally:
            self._replaying = False


def _address(thing: QObject | QEvent) -> int:
    # Addresses, not Python wrappers: a wrapper Qt made for one call may be gone by the next.
    return shiboken6.getCppPointer(thing)[0]


def _ancestors(widget: QWidget) -> frozenset[int]:
    """Where a key ignored by ``widget`` may go on to: its parents, up to its window."""
    found = set()
    while not widget.isWindow() and (widget := widget.parentWidget()) is not None:
        found.add(_address(widget))
    return frozenset(found)


def _signature(event: QKeyEvent) -> tuple[int, str, int]:
    return (event.key(), event.text(), event.modifiers().value)


def install(app: QApplication, spec: WedgeSpec) -> WedgeFilter:
    """Catch wedge scans application-wide; ``scanned`` tells each one."""
    wedge = WedgeFilter(spec, parent=app)
    app.installEventFilter(wedge)
    return wedge
