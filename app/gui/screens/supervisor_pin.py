"""The supervisor's PIN, after their badge: big touch keys, the digits shown as dots. GUI thread only.

A view: it emits ``submitted(pin)`` (OK, or the fourth to eighth digit then OK) and
``cancelled()`` ("Not me"); the window checks the PIN in the replica worker
(app.gui.supervisor_access) and answers with ``show_refusal(text)`` (the PIN is cleared,
the message stays until the next key) or ``lock(seconds)`` (the keys are off and the
screen counts down). No text field: a wedge scanner's keystrokes never land in the PIN.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, Qt, QTimer, Signal
from PySide6.QtWidgets import QFrame, QGridLayout, QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from app.gui.pin_guard import MIN_PIN, pin_after_key
from app.gui.screens.pack_widgets import button, label

translate = QCoreApplication.translate
KEYS = ("7", "8", "9", "4", "5", "6", "1", "2", "3", "⌫", "0", "C")

STYLE = """
QLabel[quaiRole="pin"] { font-size: 64px; font-weight: 900; letter-spacing: 12px; color: #111111;
    background: #ffffff; border: 4px solid #111111; border-radius: 8px; padding: 8px; }
QPushButton[quaiRole="key"] { font-size: 40px; font-weight: 800; min-height: 88px; min-width: 120px; }
QLabel[quaiRole="pin-error"] { font-size: 26px; font-weight: 800; color: #ffffff; background: #a8001a;
    border: 3px solid #111111; border-radius: 8px; padding: 10px 16px; }
"""


class SupervisorPinScreen(QWidget):
    submitted = Signal(str)
    cancelled = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("supervisorPin")
        self.setStyleSheet(STYLE)
        self._pin = ""
        self._name = ""
        self.checking = False
        self._wait = 0
        self._tick = QTimer(self)
        self._tick.setInterval(1000)
        self._tick.timeout.connect(self._count_down)

        outer = QHBoxLayout(self)
        outer.setContentsMargins(48, 32, 48, 32)
        outer.setSpacing(48)
        left = QVBoxLayout()
        left.setSpacing(16)
        self.title = label(self, "instruction", wrap=True)
        left.addWidget(self.title)
        self.hint = label(self, "section", wrap=True)
        left.addWidget(self.hint)
        self.display = label(self, "pin", align=Qt.AlignmentFlag.AlignCenter)
        self.display.setMinimumHeight(110)
        left.addWidget(self.display)
        self.error = label(self, "pin-error", wrap=True)
        self.error.setVisible(False)
        left.addWidget(self.error)
        left.addStretch(1)
        self.cancel_button = button(self)
        self.cancel_button.setMinimumHeight(72)
        self.cancel_button.clicked.connect(self.cancelled)
        left.addWidget(self.cancel_button)
        outer.addLayout(left, 3)

        right = QVBoxLayout()
        right.setSpacing(12)
        keys = QGridLayout()
        keys.setSpacing(12)
        self.keys: dict[str, QPushButton] = {}
        for i, key in enumerate(KEYS):
            widget = button(self, "key")
            widget.setText(key)
            widget.clicked.connect(lambda _checked=False, k=key: self.press(k))
            keys.addWidget(widget, i // 3, i % 3)
            self.keys[key] = widget
        right.addLayout(keys)
        self.ok_button = button(self, "primary")
        self.ok_button.setMinimumHeight(88)
        self.ok_button.clicked.connect(self._submit)
        right.addWidget(self.ok_button)
        frame = QFrame(self)
        frame.setLayout(right)
        outer.addWidget(frame, 2)
        self.retranslate()

    # --- what the window does ------------------------------------------------------------------
    def ask(self, name: str) -> None:
        """A new person: empty PIN, no message."""
        self._name = name
        self._pin = ""
        self.checking = False
        self.error.setVisible(False)
        self._tick.stop()
        self._wait = 0
        self.retranslate()

    def set_checking(self, checking: bool) -> None:
        self.checking = checking
        self._render()

    def show_refusal(self, text: str) -> None:
        self.checking = False
        self._pin = ""
        self.error.setText(text)
        self.error.setVisible(True)
        self._render()

    def lock(self, seconds: int) -> None:
        """Too many wrong PINs: the keys are off for ``seconds``, counted down on screen."""
        self.checking = False
        self._pin = ""
        self._wait = seconds
        self._tick.start()
        self._render_lock()
        self._render()

    @property
    def locked(self) -> bool:
        return self._wait > 0

    @property
    def pin_length(self) -> int:
        return len(self._pin)

    # --- keys ------------------------------------------------------------------------------------
    def press(self, key: str) -> None:
        if self.checking or self.locked:
            return
        self._pin = pin_after_key(self._pin, key)
        self._render()

    def _submit(self) -> None:
        if self.checking or self.locked or len(self._pin) < MIN_PIN:
            return
        pin, self._pin = self._pin, ""
        self.checking = True
        self._render()
        self.submitted.emit(pin)

    def _count_down(self) -> None:
        self._wait = max(0, self._wait - 1)
        if not self._wait:
            self._tick.stop()
            self.error.setVisible(False)
        else:
            self._render_lock()
        self._render()

    def _render_lock(self) -> None:
        self.error.setText(translate(
            "SupervisorPin", "Too many wrong PINs. Wait %1 s, then try again (or ask another supervisor)."
        ).replace("%1", str(self._wait)))
        self.error.setVisible(True)

    def _render(self) -> None:
        self.display.setText("●" * len(self._pin) if self._pin else "—")
        enabled = not self.checking and not self.locked
        for widget in self.keys.values():
            widget.setEnabled(enabled)
        self.ok_button.setEnabled(enabled and len(self._pin) >= MIN_PIN)
        self.ok_button.setText(translate("SupervisorPin", "Checking…") if self.checking
                               else translate("SupervisorPin", "OK"))

    def retranslate(self) -> None:
        self.title.setText(translate("SupervisorPin", "Hello %1").replace("%1", self._name))
        self.hint.setText(translate("SupervisorPin", "Supervisor: type your PIN on the keys, then OK."))
        self.cancel_button.setText(translate("SupervisorPin", "Not me: back to badge scan"))
        if self.locked:
            self._render_lock()
        self._render()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
