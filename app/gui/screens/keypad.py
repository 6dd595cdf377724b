"""A numeric keypad with big keys, for gloved fingers: a quantity, then OK. GUI thread only.

Used by the pick screen for a quantity keyed in (large lines) and for the units found in a
short pick. No text field takes the focus, so a keyboard-wedge scan still goes to the
station, never into the number.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

translate = QCoreApplication.translate
MAX_DIGITS = 5


class Keypad(QWidget):
    entered = Signal(int)
    cancelled = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("keypad")
        self._digits = ""
        self.maximum: int | None = None
        # Side by side (what is asked and the number, then the keys): it fits under the pick
        # screen's header on a 800-pixel-high station screen.
        layout = QHBoxLayout(self)
        layout.setSpacing(24)
        left = QVBoxLayout()
        self.prompt = QLabel(self)
        self.prompt.setProperty("quaiRole", "section")
        self.prompt.setWordWrap(True)
        left.addWidget(self.prompt)
        self.display = QLabel("0", self)
        self.display.setProperty("quaiRole", "big-number")
        self.display.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        left.addWidget(self.display)
        left.addStretch(1)
        self.cancel_button = QPushButton(self)
        self.cancel_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.cancel_button.clicked.connect(self.cancelled)
        left.addWidget(self.cancel_button)
        layout.addLayout(left, 1)
        grid = QGridLayout()
        grid.setSpacing(10)
        self.keys: dict[str, QPushButton] = {}
        for i, key in enumerate(["7", "8", "9", "4", "5", "6", "1", "2", "3", "⌫", "0", "OK"]):
            button = QPushButton(key, self)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.setProperty("quaiRole", "primary" if key == "OK" else "key")
            button.setMinimumSize(110, 64)
            button.clicked.connect(lambda _checked=False, k=key: self.press(k))
            grid.addWidget(button, i // 3, i % 3)
            self.keys[key] = button
        layout.addLayout(grid)
        self.retranslate()

    def ask(self, prompt: str, maximum: int | None) -> None:
        self.prompt.setText(prompt)
        self.maximum = maximum
        self._digits = ""
        self._render()

    @property
    def value(self) -> int:
        return int(self._digits or "0")

    def press(self, key: str) -> None:
        if key == "OK":
            if self.maximum is None or self.value <= self.maximum:
                self.entered.emit(self.value)
            return
        if key == "⌫":
            self._digits = self._digits[:-1]
        elif len(self._digits) < MAX_DIGITS:
            self._digits = (self._digits + key).lstrip("0")
        self._render()

    def _render(self) -> None:
        self.display.setText(str(self.value))
        too_many = self.maximum is not None and self.value > self.maximum
        self.display.setProperty("quaiRole", "big-number-bad" if too_many else "big-number")
        self.display.style().unpolish(self.display)
        self.display.style().polish(self.display)
        self.keys["OK"].setEnabled(not too_many)

    def retranslate(self) -> None:
        self.cancel_button.setText(translate("Keypad", "Cancel"))
