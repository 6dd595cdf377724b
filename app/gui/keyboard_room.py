"""Room for the on-screen keyboard. GUI thread only.

Qt Virtual Keyboard (a supervisor station's, ``[station] virtual_keyboard``) docks at the
bottom of the screen and covers about half of a 1280×800 touchscreen: a dialog centred on
the screen would have its text field and its confirm key under the keys. ``KeyboardRoom``
follows the input method: while the keyboard is up it hides what the dialog can spare
(the usual reasons, which typing replaces) and moves the dialog just above the keyboard;
when the keyboard goes, the dialog gets its parts, size and place back.

Without the virtual keyboard (any other input method, a hardware keyboard) the input
method never becomes visible and nothing here does anything.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QObject, QPoint, QRect, QSize, QTimer, Slot
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QLineEdit, QWidget

MARGIN = 12  # pixels kept between the dialog and the top of the keyboard


def put_away_on_enter(edit: QLineEdit) -> None:
    """The keyboard's Enter in ``edit`` means "done typing": the keyboard goes, and what it
    covered shows again. Never a confirmation: the person taps the confirm key, seeing it.

    After the key's own handling: Qt Virtual Keyboard shows itself again on a key it sends."""
    edit.returnPressed.connect(lambda: QTimer.singleShot(0, QGuiApplication.inputMethod().hide))


def keyboard_top(screen_rect: QRect, keyboard_height: float) -> int | None:
    """The screen's y where the docked keyboard begins, or None when it is not covering anything.

    The keyboard docks at the bottom of the screen at its full width (the desktop input panel
    of Qt Virtual Keyboard); only its height is taken from the input method, whose rectangle
    is given in the focused window's coordinates."""
    height = round(keyboard_height)
    if height <= 0:
        return None
    return screen_rect.y() + screen_rect.height() - height


def room_above(window_size: QSize, screen_rect: QRect, top: int, margin: int = MARGIN) -> bool:
    """Whether a window of ``window_size`` fits between the screen's top and the keyboard's."""
    return window_size.height() <= top - screen_rect.y() - 2 * margin


def place_above(window_rect: QRect, screen_rect: QRect, top: int, margin: int = MARGIN) -> QPoint:
    """Where a window goes so that its bottom is just above the keyboard (never above the screen)."""
    y = max(screen_rect.y() + margin, top - margin - window_rect.height())
    return QPoint(window_rect.x(), y)


class KeyboardRoom(QObject):
    """Keeps ``window`` (a top-level dialog) above the on-screen keyboard while it is up.

    ``spare``: widgets hidden while the keyboard is up if the dialog does not fit above it
    otherwise. Owned by the window (it goes with it)."""

    def __init__(self, window: QWidget, spare: Sequence[QWidget] = ()) -> None:
        super().__init__(window)
        self._window = window
        self._spare = tuple(spare)
        self._home: tuple[QPoint, QSize] | None = None  # where the dialog was before the keyboard came
        method = QGuiApplication.inputMethod()
        method.visibleChanged.connect(self.follow)
        method.keyboardRectangleChanged.connect(self.follow)

    @property
    def moved(self) -> bool:
        return self._home is not None

    @Slot()
    def follow(self) -> None:
        if not self._window.isVisible():
            return
        method = QGuiApplication.inputMethod()
        screen = (self._window.screen() or QGuiApplication.primaryScreen()).geometry()
        top = keyboard_top(screen, method.keyboardRectangle().height()) if method.isVisible() else None
        if top is None:
            self._give_back()
        else:
            self._make_room(screen, top)

    def _make_room(self, screen: QRect, top: int) -> None:
        window = self._window
        if self._home is None:
            self._home = (window.pos(), window.size())
        if not room_above(window.frameGeometry().size(), screen, top):
            for widget in self._spare:
                widget.hide()
            window.resize(window.width(), window.minimumSizeHint().height())
        frame = window.frameGeometry()
        target = place_above(frame, screen, top)
        window.move(window.pos() + (target - frame.topLeft()))

    def _give_back(self) -> None:
        if self._home is None:
            return
        position, size = self._home
        self._home = None
        for widget in self._spare:
            widget.show()
        self._window.resize(size)
        self._window.move(position)
