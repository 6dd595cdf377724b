"""The keyboard-wedge filter with real key events sent through the application, at real speeds:
a scanner types a key every 8 ms (the limit is 30 ms), a person one every 80 ms or more."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut, QWindow
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialog, QInputDialog, QLineEdit, QPushButton, QVBoxLayout, QWidget

from app.devices.wedge import GS, parse_hid_url
from app.gui.wedge_filter import WedgeFilter, install

Key, Mod = Qt.Key, Qt.KeyboardModifier
SCANNER, PERSON = 0.008, 0.090  # seconds between keys
ENTER = (Key.Key_Return, Mod.NoModifier, "\r")
CTRL_BRACKET = (Key.Key_BracketRight, Mod.ControlModifier, "")  # how a scanner types GS, text-less here

KeySpec = str | tuple[Key, Mod, str]


@pytest.fixture
def wedge(qapp) -> Iterator[Callable[[str], tuple[WedgeFilter, list[tuple[str, bool]]]]]:
    """Install the filter for a hid:// URL; the scans it emits are collected. Always removed."""
    installed: list[WedgeFilter] = []

    def make(url: str = "hid://") -> tuple[WedgeFilter, list[tuple[str, bool]]]:
        wedge = install(qapp, parse_hid_url(url))
        installed.append(wedge)
        scans: list[tuple[str, bool]] = []
        wedge.scanned.connect(lambda text, was_azerty: scans.append((text, was_azerty)))
        return wedge, scans

    yield make
    for wedge in installed:
        wedge.remove()


@pytest.fixture
def form(qtbot) -> tuple[QWidget, QLineEdit]:
    window = QWidget()
    edit = QLineEdit(window)
    QVBoxLayout(window).addWidget(edit)
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    qtbot.waitActive(window)
    edit.setFocus()
    qtbot.waitUntil(edit.hasFocus)
    return window, edit


def _key(key: KeySpec) -> tuple[Key, Mod, str]:
    code, modifiers, text = (Key(ord(key.upper())), Mod.NoModifier, key) if isinstance(key, str) else key
    if isinstance(key, str) and key.isupper():
        modifiers = Mod.ShiftModifier
    return code, modifiers, text


def send(target: QWidget | QWindow, key: KeySpec) -> None:
    """One key press and release, as QTest delivers it: shortcut check, then the key."""
    code, modifiers, text = _key(key)
    QTest.sendKeyEvent(QTest.KeyAction.Click, target, code, text, modifiers)


def type_keys(target: QWidget, keys: list[KeySpec], gap: float) -> None:
    """Keys ``gap`` seconds apart on a fixed schedule (one late key does not delay the rest).
    A scanner's keys come with no event processing between them, as when the event loop is
    busy; a person's with the event loop running (the filter's timer gives held keys back)."""
    import gc

    # A garbage collection in the middle (tens of ms after a long suite) would be a pause the
    # scanner never made: these keys carry no timestamp, so the filter times their arrival.
    collecting = gc.isenabled()
    gc.disable()
    try:
        start = time.monotonic()
        for i, key in enumerate(keys):
            due = start + i * gap
            while (left := due - time.monotonic()) > 0:
                if gap > 0.03:
                    QApplication.processEvents()
                time.sleep(min(left, 0.002))
            send(target, key)
    finally:
        if collecting:
            gc.enable()


class WindowSystem(QObject):
    """Key events queued for a window as a window system hands them to Qt: each stamped with
    when it was typed (``QKeyEvent.timestamp()``, ms). The window asks the focused widget
    about shortcuts, then passes the key on, as for a real key."""

    _hand_over = Signal()

    def __init__(self, window: QWindow) -> None:
        super().__init__(window)
        self.window = window
        self.waiting: list[tuple[KeySpec, int]] = []
        self._hand_over.connect(self._post_waiting, Qt.ConnectionType.QueuedConnection)

    def queue(self, key: KeySpec, typed_ms: int) -> None:
        if self.waiting:
            self.waiting.append((key, typed_ms))  # behind the keys not handed over yet: in order
        else:
            self._post(key, typed_ms)

    def _post(self, key: KeySpec, typed_ms: int) -> None:
        code, modifiers, text = _key(key)
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            event = QKeyEvent(kind, code, modifiers, text)
            event.setTimestamp(typed_ms)
            QCoreApplication.postEvent(self.window, event)

    def hand_over_after_the_timers(self) -> None:
        """The keys kept ``waiting`` reach the event queue only after the timers that came
        due meanwhile have run (as on X11 under the UNIX event dispatcher, which runs due
        timers before it reads the X events): queued from an event handler, they come in
        the next turn of the event loop, and this turn goes on with the timers."""
        self._hand_over.emit()

    def _post_waiting(self) -> None:
        waiting, self.waiting = self.waiting, []
        for key, typed_ms in waiting:
            self._post(key, typed_ms)


def type_while_busy(
    window: QWindow, keys: list[KeySpec], gap: float, busy_after: int, busy_ms: int, timers_first: bool = False
) -> None:
    """Keys typed ``gap`` seconds apart on a fixed schedule, each queued as it is typed. The
    GUI thread handles the first ``busy_after`` as they come, then is busy for ``busy_ms``
    (a full-window flash painted with repaint(): no event processed) while the keys typed
    meanwhile wait, then handles the rest as they come. ``timers_first``: the keys typed
    while it was busy reach the queue after the timers that came due meanwhile."""
    system = WindowSystem(window)
    start = time.monotonic()
    due = [start + i * gap for i in range(len(keys))]
    typed_ms = [round(moment * 1000) + 7_000_000 for moment in due]  # the window system's clock: its own origin
    for i in range(busy_after):
        _process_until(due[i])
        system.queue(keys[i], typed_ms[i])
        QApplication.processEvents()
    busy_until = time.monotonic() + busy_ms / 1000
    i = busy_after
    while i < len(keys) and due[i] < busy_until:
        _sleep_until(due[i])
        if timers_first:
            system.waiting.append((keys[i], typed_ms[i]))
        else:
            system.queue(keys[i], typed_ms[i])
        i += 1
    _sleep_until(busy_until)
    if system.waiting:
        system.hand_over_after_the_timers()
    for i in range(i, len(keys)):
        _process_until(due[i])
        system.queue(keys[i], typed_ms[i])
    QApplication.processEvents()


def _sleep_until(moment: float) -> None:
    while (left := moment - time.monotonic()) > 0:
        time.sleep(min(left, 0.001))


def _process_until(moment: float) -> None:
    while moment > time.monotonic():
        QApplication.processEvents()
        time.sleep(0.001)


def settle(qtbot, ms: int = 80) -> None:
    """Long enough past the gap for any held key to be given back and any scan delivered."""
    qtbot.wait(ms)


class KeysSeen(QObject):
    """What a widget itself receives (its own filter runs after the application's), but the
    Shift presses QTest adds around a capital, which the filter leaves alone."""

    def __init__(self, widget: QWidget) -> None:
        super().__init__(widget)
        self.seen: list[tuple[str, str]] = []
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease) and event.key() != Key.Key_Shift:
            self.seen.append(("press" if event.type() == QEvent.Type.KeyPress else "release", event.text()))
        return False


def test_a_scan_into_a_focused_field_is_emitted_whole_and_never_typed(qtbot, wedge, form) -> None:
    _, scans = wedge("hid://")
    _, edit = form
    keys_seen = KeysSeen(edit)
    type_keys(edit, [*"BDG0001", ENTER], SCANNER)
    qtbot.waitUntil(lambda: bool(scans))
    settle(qtbot)
    assert scans == [("BDG0001", False)]
    assert edit.text() == ""
    assert keys_seen.seen == []  # neither a press nor a release of the scan's keys


def test_a_person_typing_reaches_the_field_exactly_and_nothing_is_emitted(qtbot, wedge, form) -> None:
    _, scans = wedge("hid://")
    _, edit = form
    keys_seen = KeysSeen(edit)
    returns: list[str] = []
    edit.returnPressed.connect(lambda: returns.append(edit.text()))
    type_keys(edit, [*"Lot 42b", ENTER], PERSON)
    settle(qtbot)
    assert edit.text() == "Lot 42b"
    assert returns == ["Lot 42b"]  # the person's Enter, after every character
    assert scans == []
    # Each key pressed and released once, in order (a held key's own release is not seen twice).
    assert keys_seen.seen == [(kind, ch) for ch in "Lot 42b\r" for kind in ("press", "release")]


def test_a_key_is_judged_once_however_far_it_propagates(qtbot, wedge, form, monkeypatch) -> None:
    wedge_filter, _ = wedge("hid://")
    window, _ = form
    button = QPushButton("Print", window)  # ignores Enter: it goes on to the window
    window.layout().addWidget(button)
    button.setFocus()
    qtbot.waitUntil(button.hasFocus)
    judged: list[str] = []
    feed = wedge_filter._detector.feed
    monkeypatch.setattr(wedge_filter._detector, "feed", lambda token, *rest: judged.append(token) or feed(token, *rest))
    send(window.windowHandle(), ENTER)  # the window, the button, then the window widget
    assert judged == ["\r"]


def test_keys_given_back_go_before_a_key_no_scanner_types(qtbot, wedge, form) -> None:
    _, scans = wedge("hid://")
    _, edit = form
    edit.setText("ab")
    type_keys(edit, ["x", (Key.Key_Backspace, Mod.NoModifier, "")], 0.005)  # x held, then Backspace
    settle(qtbot)
    assert edit.text() == "ab"  # x typed, then erased: in that order
    assert scans == []


def test_a_held_key_goes_to_the_field_it_was_typed_into(qtbot, wedge, form) -> None:
    wedge("hid://")
    window, first = form
    second = QLineEdit(window)
    window.layout().addWidget(second)
    send(first, "x")
    second.setFocus()  # focus moves before the key is given back
    settle(qtbot)
    assert (first.text(), second.text()) == ("x", "")


def test_typing_reaches_a_field_qt_made_itself(qtbot, wedge, form) -> None:
    """A field Python holds no reference to (inside a Qt dialog) gets its held keys back too."""
    _, scans = wedge("hid://")
    window, _ = form
    dialog = QInputDialog(window)
    dialog.open()
    qtbot.waitActive(dialog)
    qtbot.waitUntil(lambda: isinstance(QApplication.focusWidget(), QLineEdit))
    type_keys(dialog.windowHandle(), [*"12"], PERSON)
    settle(qtbot)
    assert dialog.textValue() == "12" and scans == []


def test_a_scan_while_a_modal_dialog_is_open_neither_types_nor_answers_it(qtbot, wedge, form) -> None:
    _, scans = wedge("hid://")
    window, _ = form
    dialog, edit = _modal_dialog(qtbot, window)
    returns: list[str] = []
    edit.returnPressed.connect(lambda: returns.append(edit.text()))
    # Through the dialog's window, as the platform delivers keys: the window, the field, its parents.
    type_keys(dialog.windowHandle(), [*"]C1#1001", ENTER], SCANNER)
    qtbot.waitUntil(lambda: bool(scans))
    settle(qtbot)
    assert scans == [("]C1#1001", False)]
    assert dialog.isVisible() and dialog.result() == QDialog.DialogCode.Rejected  # not accepted
    assert edit.text() == "" and returns == []


def test_a_person_s_enter_still_answers_the_dialog(qtbot, wedge, form) -> None:
    _, scans = wedge("hid://")
    window, _ = form
    dialog, edit = _modal_dialog(qtbot, window)
    type_keys(dialog.windowHandle(), [*"12", ENTER], PERSON)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert edit.text() == "12" and scans == []


def _modal_dialog(qtbot, parent: QWidget) -> tuple[QDialog, QLineEdit]:
    dialog = QDialog(parent)
    edit = QLineEdit(dialog)
    ok = QPushButton("OK", dialog)
    ok.setDefault(True)
    ok.clicked.connect(dialog.accept)
    layout = QVBoxLayout(dialog)
    layout.addWidget(edit)
    layout.addWidget(ok)
    dialog.open()
    qtbot.waitActive(dialog)
    edit.setFocus()
    qtbot.waitUntil(edit.hasFocus)
    return dialog, edit


def test_gs_and_the_aim_identifier_survive(qtbot, wedge, form) -> None:
    _, scans = wedge("hid://")
    _, edit = form
    gs_as_text = (Key.Key_BracketRight, Mod.ControlModifier, GS)
    keys: list[KeySpec] = [*"]C1010", CTRL_BRACKET, *"10LOT7", gs_as_text, *"17", ENTER]
    type_keys(edit, keys, SCANNER)
    qtbot.waitUntil(lambda: bool(scans))
    settle(qtbot)
    assert scans == [(f"]C1010{GS}10LOT7{GS}17", False)]
    assert edit.text() == ""


def test_an_azerty_burst_is_emitted_mapped_back(qtbot, wedge, form) -> None:
    _, scans = wedge("hid://")
    _, edit = form
    type_keys(edit, [*"BDGààà&", ENTER], SCANNER)
    qtbot.waitUntil(lambda: bool(scans))
    assert scans == [("BDG0001", True)]
    assert edit.text() == ""


def test_an_azerty_gs1_burst_keeps_its_gs_typed_as_ctrl_dollar(qtbot, wedge, form) -> None:
    _, scans = wedge("hid://")
    _, edit = form
    ctrl_dollar = (Key.Key_Dollar, Mod.ControlModifier, "")  # the US "]" key on AZERTY, with Ctrl
    type_keys(edit, [*"$C&à&à", ctrl_dollar, *"&àLOTè", ENTER], SCANNER)
    qtbot.waitUntil(lambda: bool(scans))
    assert scans == [(f"]C1010{GS}10LOT7", True)]
    assert edit.text() == ""


def test_stx_etx_framing_as_ctrl_keys_and_a_person_s_copy_untouched(qtbot, wedge, form) -> None:
    _, scans = wedge("hid://?framing=stx")
    _, edit = form
    stx, etx = (Key.Key_B, Mod.ControlModifier, "\x02"), (Key.Key_C, Mod.ControlModifier, "\x03")
    type_keys(edit, [stx, *"TOT0042", etx, ENTER], SCANNER)
    qtbot.waitUntil(lambda: bool(scans))
    settle(qtbot)
    assert scans == [("TOT0042", False)] and edit.text() == ""
    type_keys(edit, list("ab"), 0.0)  # no STX: not even held, typed at once
    assert edit.text() == "ab"


def test_no_shortcut_fires_for_a_scan_s_enter(qtbot, wedge, form) -> None:
    _, scans = wedge("hid://")
    window, edit = form
    fired: list[bool] = []
    QShortcut(QKeySequence(Key.Key_Return), window).activated.connect(lambda: fired.append(True))
    type_keys(edit, [*"BDG0002", ENTER], SCANNER)
    qtbot.waitUntil(lambda: bool(scans))
    settle(qtbot)
    assert fired == [] and scans == [("BDG0002", False)]
    send(edit, ENTER)  # a person's Enter: the shortcut is theirs
    assert fired == [True]


def test_removed_the_filter_lets_a_burst_through(qtbot, wedge, form) -> None:
    wedge_filter, scans = wedge("hid://")
    _, edit = form
    wedge_filter.remove()
    type_keys(edit, [*"BDG0001"], SCANNER)
    settle(qtbot)
    assert edit.text() == "BDG0001" and scans == []


SCAN = [*"4006381333931", ENTER]


@pytest.mark.parametrize("busy_ms", [45, 120])
@pytest.mark.parametrize("timers_first", [False, True], ids=["keys-first", "timers-first"])
def test_a_scan_typed_while_the_gui_thread_is_busy_is_still_one_scan(qtbot, wedge, form, busy_ms, timers_first) -> None:
    """The scanner types 8 ms apart; after 6 keys the GUI thread is busy and the rest reach
    the filter late, all at once. Their timestamps say they are one burst."""
    _, scans = wedge("hid://")
    window, edit = form
    keys_seen = KeysSeen(edit)
    type_while_busy(window.windowHandle(), SCAN, SCANNER, 6, busy_ms, timers_first)
    qtbot.waitUntil(lambda: bool(scans))
    settle(qtbot)
    assert scans == [("4006381333931", False)]
    assert edit.text() == "" and keys_seen.seen == []


def test_a_person_s_keys_typed_while_the_gui_thread_is_busy_are_typed(qtbot, wedge, form) -> None:
    """A person types 90 ms apart while the GUI thread is busy: the keys reach the filter
    all at once, as fast as a scanner's, but were typed slowly."""
    _, scans = wedge("hid://")
    window, edit = form
    returns: list[str] = []
    edit.returnPressed.connect(lambda: returns.append(edit.text()))
    type_while_busy(window.windowHandle(), [*"1234", ENTER], PERSON, 0, 400)
    settle(qtbot)
    assert edit.text() == "1234" and returns == ["1234"]
    assert scans == []


def test_timestamped_keys_as_they_come_a_scan_and_a_person(qtbot, wedge, form) -> None:
    _, scans = wedge("hid://")
    window, edit = form
    type_while_busy(window.windowHandle(), [*"Lot 42b", ENTER], PERSON, 0, 0)
    settle(qtbot)
    assert edit.text() == "Lot 42b" and scans == []
    type_while_busy(window.windowHandle(), SCAN, SCANNER, 0, 0)
    qtbot.waitUntil(lambda: bool(scans))
    settle(qtbot)
    assert scans == [("4006381333931", False)] and edit.text() == "Lot 42b"


def test_a_timestamped_scan_s_enter_fires_no_shortcut_and_a_person_s_does(qtbot, wedge, form) -> None:
    """Keys queued for the window go through Qt's shortcut check, as a real key does."""
    _, scans = wedge("hid://")
    window, _ = form
    fired: list[bool] = []
    QShortcut(QKeySequence(Key.Key_Return), window).activated.connect(lambda: fired.append(True))
    type_while_busy(window.windowHandle(), SCAN, SCANNER, 6, 45, timers_first=True)
    qtbot.waitUntil(lambda: bool(scans))
    settle(qtbot)
    assert fired == []
    type_while_busy(window.windowHandle(), [ENTER], PERSON, 0, 0)
    settle(qtbot)
    assert fired == [True]
