"""Small pieces of the pack screen: the style sheet, labels and buttons, product pictures, and
the weight keypad. GUI thread only.

Sizes for a packer a metre away with gloves on: the line's "still to verify" count 56 px,
the box 48 px, the weight 48 px, buttons at least 64 px tall. The style sheet is the pack
screen's own (set on it, so it wins over the theme where they meet), in the theme's colours.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from app.gui import assets

translate = QCoreApplication.translate
IMAGE_SIZE = 72

PACK_STYLE = """
QLabel[quaiRole="pack-order"] { font-size: 30px; font-weight: 800; }
QLabel[quaiRole="pack-carrier"] { font-size: 26px; font-weight: 700; color: #0b3d91; }
QLabel[quaiRole="pack-instruction"] { font-size: 34px; font-weight: 800; }
QLabel[quaiRole="pack-instruction-now"] { font-size: 34px; font-weight: 800; color: #111111; background: #ffb000;
    border: 3px solid #111111; border-radius: 8px; padding: 4px 12px; }
QFrame[quaiRole="pack-error"] { background: #a8001a; border: 4px solid #111111; border-radius: 8px; }
QFrame[quaiRole="pack-error"] QLabel { background: transparent; color: #ffffff; font-size: 26px; font-weight: 800; }
QFrame[quaiRole="pack-line"] { background: #ffffff; border: 3px solid #111111; border-radius: 8px; }
QFrame[quaiRole="pack-line-now"] { background: #fff3c4; border: 4px solid #0b3d91; border-radius: 8px; }
QFrame[quaiRole="pack-line-done"] { background: #e6f4ea; border: 2px solid #12803c; border-radius: 8px; }
QFrame[quaiRole^="pack-line"] QLabel { background: transparent; }
QLabel[quaiRole="pack-line-name"] { font-size: 26px; font-weight: 800; }
QLabel[quaiRole="pack-line-detail"] { font-size: 19px; color: #333333; }
QLabel[quaiRole="pack-line-left"] { font-size: 56px; font-weight: 900; color: #0b3d91; }
QLabel[quaiRole="pack-line-left-done"] { font-size: 44px; font-weight: 900; color: #12803c; }
QLabel[quaiRole="pack-line-count"] { font-size: 20px; font-weight: 700; color: #333333; }
QFrame[quaiRole="pack-panel"] { background: #f2f2f2; border: 3px solid #111111; border-radius: 8px; }
QFrame[quaiRole="pack-panel-now"] { background: #fff3c4; border: 4px solid #0b3d91; border-radius: 8px; }
QFrame[quaiRole^="pack-panel"] QLabel { background: transparent; }
QLabel[quaiRole="pack-caption"] { font-size: 19px; font-weight: 700; color: #333333; }
QLabel[quaiRole="pack-big"] { font-size: 44px; font-weight: 900; color: #111111; }
QLabel[quaiRole="pack-weight"] { font-size: 44px; font-weight: 900; color: #0b3d91; }
QLabel[quaiRole="pack-weight-bad"] { font-size: 44px; font-weight: 900; color: #a8001a; }
QLabel[quaiRole="pack-weight-live"] { font-size: 44px; font-weight: 900; color: #9a9a9a; }
QLabel[quaiRole="pack-gift"] { font-size: 24px; font-style: italic; }
QLabel[quaiRole="pack-gift-card"] { font-size: 30px; font-style: italic; font-weight: 700; background: #fff8c4;
    border: 2px dashed #111111; padding: 8px 16px; }
QLabel[quaiRole="pack-countdown"] { font-size: 150px; font-weight: 900; color: #0b3d91; }
QLabel[quaiRole="pack-done"] { font-size: 64px; font-weight: 900; color: #12803c; }
QLabel[quaiRole="pack-done-pickup"] { font-size: 64px; font-weight: 900; color: #0b3d91; }
QPushButton[quaiRole="pack-cancel"] { min-height: 110px; font-size: 48px; font-weight: 900; background: #a8001a;
    color: #ffffff; border: 5px solid #111111; border-radius: 12px; }
QPushButton[quaiRole="pack-box"] { min-height: 72px; font-size: 24px; text-align: left; padding-left: 16px; }
QPushButton[quaiRole="pack-box-suggested"] { min-height: 72px; font-size: 24px; text-align: left; padding-left: 16px;
    background: #0b3d91; color: #ffffff; border-color: #0b3d91; }
QPushButton[quaiRole="pack-check"] { min-height: 72px; font-size: 26px; text-align: left; padding-left: 16px;
    background: #ffffff; }
QPushButton[quaiRole="pack-check"]:checked { background: #12803c; color: #ffffff; border-color: #12803c; }
QPushButton[quaiRole="pack-reason"] { min-height: 64px; font-size: 20px; text-align: left; padding-left: 12px;
    background: #ffffff; }
QPushButton[quaiRole="pack-reason"]:checked { background: #12803c; color: #ffffff; border-color: #12803c; }
QPushButton[quaiRole="pack-tool"] { min-height: 64px; padding: 4px 12px; font-size: 20px; }
QPushButton[quaiRole="pack-tool-danger"] { min-height: 64px; padding: 4px 12px; font-size: 20px; background: #ffffff;
    color: #7a0010; border-color: #7a0010; }
QPushButton[quaiRole="pack-secondary"] { min-height: 110px; font-size: 24px; padding: 4px 12px; }
QPushButton[quaiRole="choice"]:disabled { background: #f0f0f0; color: #555555; border: 3px dashed #777777; }
QLabel[quaiRole="pack-box-name"] { font-size: 24px; font-weight: 700; }
"""


def label(parent: QWidget, role: str, *, wrap: bool = False, align=None) -> QLabel:
    widget = QLabel(parent)
    widget.setProperty("quaiRole", role)
    widget.setWordWrap(wrap)
    if align is not None:
        widget.setAlignment(align)
    return widget


def button(parent: QWidget, role: str = "") -> QPushButton:
    widget = QPushButton(parent)
    widget.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # a tap never takes the focus from the station
    if role:
        widget.setProperty("quaiRole", role)
    return widget


def set_role(widget: QWidget, role: str) -> None:
    if widget.property("quaiRole") != role:
        widget.setProperty("quaiRole", role)
        widget.style().unpolish(widget)
        widget.style().polish(widget)


def product_pixmap(image: str | None, size: int = IMAGE_SIZE) -> QPixmap:
    """A local picture file when the product has one; the product icon otherwise (a URL is
    not fetched from the floor: the station may be offline)."""
    pixmap = QPixmap(image) if image and Path(image).is_file() else QPixmap()
    if pixmap.isNull():
        return assets.pixmap("product", size - 16) if (assets.ICONS / "product.svg").exists() else QPixmap()
    return pixmap.scaled(size, size, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation)


class WeightPad(QWidget):
    """A keypad for a weight keyed in: digits, a decimal comma, grams or kilograms; OK gives grams."""

    entered = Signal(int)
    cancelled = Signal()
    MAX_CHARS = 7

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._text = ""
        self.unit = "kg"
        layout = QHBoxLayout(self)
        layout.setSpacing(24)
        left = QVBoxLayout()
        self.prompt = label(self, "section", wrap=True)
        left.addWidget(self.prompt)
        self.display = label(self, "big-number", align=Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        left.addWidget(self.display)
        units = QHBoxLayout()
        self.kg_button = button(self, "lang")
        self.g_button = button(self, "lang")
        for widget, unit in ((self.kg_button, "kg"), (self.g_button, "g")):
            widget.setCheckable(True)
            widget.setMinimumHeight(64)
            widget.clicked.connect(lambda _checked=False, u=unit: self.set_unit(u))
            units.addWidget(widget)
        left.addLayout(units)
        left.addStretch(1)
        row = QHBoxLayout()
        self.cancel_button = button(self)
        self.cancel_button.setMinimumHeight(64)
        self.cancel_button.clicked.connect(self.cancelled)
        ok = button(self, "primary")
        ok.setText("OK")
        ok.setMinimumHeight(64)
        ok.clicked.connect(lambda: self.press("OK"))
        row.addWidget(self.cancel_button, 1)
        row.addWidget(ok, 1)
        left.addLayout(row)
        layout.addLayout(left, 1)
        grid = QGridLayout()
        grid.setSpacing(10)
        self.keys: dict[str, QPushButton] = {"OK": ok}
        for i, key in enumerate(["7", "8", "9", "4", "5", "6", "1", "2", "3", ",", "0", "⌫"]):
            widget = button(self, "key")
            widget.setText(key)
            widget.setMinimumSize(110, 64)
            widget.clicked.connect(lambda _checked=False, k=key: self.press(k))
            grid.addWidget(widget, i // 3, i % 3)
            self.keys[key] = widget
        layout.addLayout(grid)
        self.retranslate()
        self._render()

    def ask(self, prompt: str) -> None:
        self.prompt.setText(prompt)
        self._text = ""
        self._render()

    def set_unit(self, unit: str) -> None:
        self.unit = unit
        if unit == "g":
            self._text = self._text.replace(",", "")
        self._render()

    @property
    def grams(self) -> int:
        text = (self._text or "0").replace(",", ".")
        if text.endswith("."):
            text += "0"
        value = float(text)
        return int(round(value * 1000)) if self.unit == "kg" else int(round(value))

    def press(self, key: str) -> None:
        if key == "OK":
            if self.grams > 0:
                self.entered.emit(self.grams)
            return
        if key == "⌫":
            self._text = self._text[:-1]
        elif key == ",":
            if self.unit == "kg" and "," not in self._text:
                self._text = (self._text or "0") + ","
        elif len(self._text) < self.MAX_CHARS:
            if "," in self._text and len(self._text.split(",")[1]) >= 3:
                return  # grams are the finest a parcel is weighed to
            self._text = (self._text + key).lstrip("0") if "," not in self._text else self._text + key
            if self._text.startswith(","):
                self._text = "0" + self._text
        self._render()

    def _render(self) -> None:
        self.display.setText(f"{self._text or '0'} {self.unit}")
        self.kg_button.setChecked(self.unit == "kg")
        self.g_button.setChecked(self.unit == "g")
        self.keys[","].setEnabled(self.unit == "kg")
        self.keys["OK"].setEnabled(self.grams > 0)

    def retranslate(self) -> None:
        self.cancel_button.setText(translate("PackScreen", "Cancel"))
        self.kg_button.setText("kg")
        self.g_button.setText("g")
