"""Touch dialogs of the console's actions: a reason (hold, release, cancel, force-release)
and a priority. GUI thread only.

Both are window-modal and opened with ``open()`` (never a blocking ``exec()``): the scans,
the sync and the lists go on behind them. ``ReasonDialog.chosen(reason)`` when confirmed,
a usual reason tapped or free text typed (on the on-screen keyboard at a supervisor
station, the dialog then moving above the keyboard: app.gui.keyboard_room); ``PriorityDialog.chosen(priority)``. Keys are 64 px high, texts 22 px and more.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import QButtonGroup, QDialog, QGridLayout, QHBoxLayout, QLineEdit, QVBoxLayout, QWidget

from app.gui import texts
from app.gui.keyboard_room import KeyboardRoom, put_away_on_enter
from app.gui.screens.pack_widgets import button, label
from app.supervision.actions import PRIORITY_MAX, PRIORITY_MIN

translate = QCoreApplication.translate

STYLE = """
QDialog#consoleDialog { background: #ffffff; border: 6px solid #0b3d91; }
QDialog#consoleDialog[danger="true"] { border-color: #a8001a; }
QLabel[quaiRole="dialog-title"] { font-size: 32px; font-weight: 800; }
QLabel[quaiRole="dialog-caption"] { font-size: 22px; font-weight: 700; color: #333333; }
QLabel[quaiRole="dialog-error"] { font-size: 22px; font-weight: 800; color: #7a0010; }
QLabel[quaiRole="priority-value"] { font-size: 88px; font-weight: 900; color: #0b3d91; min-width: 180px; }
QPushButton { min-height: 64px; font-size: 24px; font-weight: 700; padding: 4px 20px; }
QPushButton[quaiRole="reason"] { text-align: left; }
QPushButton[quaiRole="reason"]:checked { background: #0b3d91; color: #ffffff; border-color: #0b3d91; }
QPushButton[quaiRole="step"] { font-size: 48px; font-weight: 900; min-width: 120px; min-height: 96px; }
QPushButton[quaiRole="danger-confirm"] { background: #a8001a; color: #ffffff; border-color: #a8001a; }
QPushButton[quaiRole="danger-confirm"]:disabled, QPushButton[quaiRole="primary"]:disabled {
    background: #f0f0f0; color: #555555; border: 3px dashed #777777; }
QLineEdit { min-height: 56px; font-size: 24px; }
"""


def _reasons(kind: str) -> list[tuple[str, str]]:
    """(stored reason, text on the key) for each usual reason of an action, in the person's
    language. A fraud hold's reason starts with "fraud" (app.supervision.rules.is_fraud_hold:
    its release needs a reason). Each text in a literal translate() call: lupdate finds no other."""
    if kind == "hold":
        fraud = translate("ReasonDialog", "Suspected fraud")
        return [("fraud: " + fraud, fraud), (translate("ReasonDialog", "Payment pending"),) * 2,
                (translate("ReasonDialog", "Address to check"),) * 2,
                (translate("ReasonDialog", "Customer asked to wait"),) * 2]
    if kind == "release":
        return [(translate("ReasonDialog", "Customer verified"),) * 2, (translate("ReasonDialog", "Payment received"),) * 2,
                (translate("ReasonDialog", "Address corrected"),) * 2]
    if kind == "cancel":
        return [(translate("ReasonDialog", "Customer cancelled"),) * 2,
                (translate("ReasonDialog", "Out of stock for good"),) * 2,
                (translate("ReasonDialog", "Fraud confirmed"),) * 2, (translate("ReasonDialog", "Duplicate order"),) * 2]
    return [(translate("ReasonDialog", "Station stopped"),) * 2, (translate("ReasonDialog", "Picker gone"),) * 2]


class ReasonDialog(QDialog):
    """Why (and, for a cancel, are you sure). ``kind``: hold | release | cancel | force_release."""

    chosen = Signal(str)

    def __init__(self, kind: str, count: int, parent: QWidget | None = None, *, required: bool = True,
                 detail: str = "") -> None:
        super().__init__(parent)
        self.kind = kind
        self.required = required
        self.setObjectName("consoleDialog")
        self.setProperty("danger", kind == "cancel")
        self.setModal(True)
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.setStyleSheet(STYLE)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(32, 24, 32, 24)
        layout.setSpacing(12)
        self.title = label(self, "dialog-title", wrap=True)
        self.title.setText(self._title(count))
        layout.addWidget(self.title)
        if detail:
            self.detail = label(self, "dialog-caption", wrap=True)
            self.detail.setText(detail)
            layout.addWidget(self.detail)
        caption = label(self, "dialog-caption")
        caption.setText(translate("ReasonDialog", "Reason (tap one, or type it):") if required
                        else translate("ReasonDialog", "Reason (optional):"))
        layout.addWidget(caption)
        self.group = QButtonGroup(self)
        self.group.setExclusive(True)
        self.reason_buttons: dict[str, object] = {}
        # The usual reasons in a box of their own: KeyboardRoom hides it while the on-screen
        # keyboard is up (typing replaces them, and the dialog must fit above the keys).
        self.reasons_box = QWidget(self)
        grid = QGridLayout(self.reasons_box)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setSpacing(10)
        for i, (stored, text) in enumerate(_reasons(kind)):
            key = button(self.reasons_box, "reason")
            key.setCheckable(True)
            key.setText(text)
            key.toggled.connect(self._render)
            self.group.addButton(key)
            grid.addWidget(key, i // 2, i % 2)
            self.reason_buttons[stored] = key
        layout.addWidget(self.reasons_box)
        self.edit = QLineEdit(self)
        self.edit.setPlaceholderText(translate("ReasonDialog", "Other reason (type it)"))
        self.edit.textChanged.connect(self._typed)
        put_away_on_enter(self.edit)
        layout.addWidget(self.edit)
        self.error = label(self, "dialog-error", wrap=True)
        layout.addWidget(self.error)
        row = QHBoxLayout()
        row.setSpacing(16)
        self.back_button = button(self)
        self.back_button.setText(translate("ReasonDialog", "Back"))
        self.back_button.clicked.connect(self.reject)
        self.confirm_button = button(self, "danger-confirm" if kind == "cancel" else "primary")
        self.confirm_button.setText(self._confirm_text(count))
        self.confirm_button.clicked.connect(self._confirm)
        row.addWidget(self.back_button, 1)
        row.addWidget(self.confirm_button, 2)
        layout.addLayout(row)
        self.resize(980, 560)
        self.keyboard_room = KeyboardRoom(self, spare=[self.reasons_box])
        self._render()

    def _title(self, count: int) -> str:
        one, many = {
            "hold": (translate("ReasonDialog", "Put %n order on hold"), translate("ReasonDialog", "Put %n orders on hold")),
            "release": (translate("ReasonDialog", "Release %n order from hold"),
                        translate("ReasonDialog", "Release %n orders from hold")),
            "cancel": (translate("ReasonDialog", "Cancel %n order? This cannot be undone."),
                       translate("ReasonDialog", "Cancel %n orders? This cannot be undone.")),
        }.get(self.kind, (translate("ReasonDialog", "Free %n order held by a station"),
                          translate("ReasonDialog", "Free %n orders held by a station")))
        return texts.plural(count, one, many)

    def _confirm_text(self, count: int) -> str:
        return {
            "hold": translate("ReasonDialog", "Put on hold"),
            "release": translate("ReasonDialog", "Release"),
            "cancel": translate("ReasonDialog", "Cancel the orders"),
        }.get(self.kind, translate("ReasonDialog", "Free the orders"))

    @property
    def reason(self) -> str:
        typed = self.edit.text().strip()
        if typed:
            return typed
        for stored, key in self.reason_buttons.items():
            if key.isChecked():
                return stored
        return ""

    def choose(self, stored_or_text: str) -> None:
        """Tap the usual reason stored as (or shown as) ``stored_or_text``."""
        for stored, key in self.reason_buttons.items():
            if stored_or_text in (stored, key.text()):
                key.setChecked(True)
                return
        raise KeyError(stored_or_text)

    def _typed(self, text: str) -> None:
        if text.strip() and self.group.checkedButton() is not None:
            checked = self.group.checkedButton()
            self.group.setExclusive(False)
            checked.setChecked(False)
            self.group.setExclusive(True)
        self._render()

    def _render(self) -> None:
        ready = bool(self.reason) or not self.required
        self.confirm_button.setEnabled(ready)
        self.error.setText("" if ready else translate("ReasonDialog", "A reason is needed: tap one or type it."))

    def _confirm(self) -> None:
        if not self.confirm_button.isEnabled():
            return
        reason = self.reason
        self.accept()
        self.chosen.emit(reason)


PRESETS = (0, 1, 2, 3, 5, 9)


class PriorityDialog(QDialog):
    """The priority to give the selection: − and + keys, or a usual value. Higher goes first."""

    chosen = Signal(int)

    def __init__(self, count: int, current: int = 1, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("consoleDialog")
        self.setModal(True)
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.setStyleSheet(STYLE)
        self.value = max(PRIORITY_MIN, min(PRIORITY_MAX, current))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(32, 24, 32, 24)
        layout.setSpacing(12)
        title = label(self, "dialog-title", wrap=True)
        title.setText(texts.plural(count, translate("PriorityDialog", "Priority of %n order: higher goes first"),
                                   translate("PriorityDialog", "Priority of %n orders: higher goes first")))
        layout.addWidget(title)
        row = QHBoxLayout()
        self.minus_button = button(self, "step")
        self.minus_button.setText("−")
        self.minus_button.setAccessibleName(translate("PriorityDialog", "Lower"))
        self.minus_button.clicked.connect(lambda: self.set_value(self.value - 1))
        self.value_label = label(self, "priority-value", align=Qt.AlignmentFlag.AlignCenter)
        self.plus_button = button(self, "step")
        self.plus_button.setText("+")
        self.plus_button.setAccessibleName(translate("PriorityDialog", "Higher"))
        self.plus_button.clicked.connect(lambda: self.set_value(self.value + 1))
        row.addStretch(1)
        row.addWidget(self.minus_button)
        row.addWidget(self.value_label)
        row.addWidget(self.plus_button)
        row.addStretch(1)
        layout.addLayout(row)
        presets = QHBoxLayout()
        presets.setSpacing(10)
        self.preset_buttons = {}
        for value in PRESETS:
            key = button(self)
            key.setText(str(value))
            key.clicked.connect(lambda _c=False, v=value: self.set_value(v))
            presets.addWidget(key)
            self.preset_buttons[value] = key
        layout.addLayout(presets)
        bottom = QHBoxLayout()
        back = button(self)
        back.setText(translate("ReasonDialog", "Back"))
        back.clicked.connect(self.reject)
        self.confirm_button = button(self, "primary")
        self.confirm_button.setText(translate("PriorityDialog", "Set the priority"))
        self.confirm_button.clicked.connect(self._confirm)
        bottom.addWidget(back, 1)
        bottom.addWidget(self.confirm_button, 2)
        layout.addLayout(bottom)
        self.resize(820, 440)
        self.set_value(self.value)

    def set_value(self, value: int) -> None:
        self.value = max(PRIORITY_MIN, min(PRIORITY_MAX, value))
        self.value_label.setText(str(self.value))
        self.minus_button.setEnabled(self.value > PRIORITY_MIN)
        self.plus_button.setEnabled(self.value < PRIORITY_MAX)

    def _confirm(self) -> None:
        value = self.value
        self.accept()
        self.chosen.emit(value)
