"""A supervisor lets a pack go on: their badge, their PIN, a reason. GUI thread only.

Opened window-modal over the station (``open()``, never a blocking ``exec()``): the scan
router hands it the scans first (``take_scan``), so the supervisor scans their badge; the
badge can also be typed. The PIN is keyed on big touch keys, shown as dots; the same keys type
the badge's number when its barcode will not scan (the site's badge prefix is put in front). The reason is
one of the usual ones (a tap) or free text. ``submitted(badge, pin, reason)`` asks the
station to check the PIN (in the replica worker) and the role (in the pack's domain); the
dialog stays open until it is told ``accept()``, or ``show_error(text)`` and the PIN is
cleared for another try.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup, QDialog, QGridLayout, QHBoxLayout, QLineEdit, QPushButton, QVBoxLayout, QWidget,
)

from app.gui import pack_texts
from app.gui.pin_guard import pin_after_key
from app.gui.screens.pack_widgets import PACK_STYLE, button, label, set_role
from app.packing.events import OVERRIDE_REASONS

translate = QCoreApplication.translate


class OverrideDialog(QDialog):
    submitted = Signal(str, str, str)  # badge, PIN, reason

    def __init__(self, what: str, detail: str = "", parent: QWidget | None = None, *, badge_prefix: str = "BDG") -> None:
        super().__init__(parent)
        self.what = what
        self.badge_prefix = badge_prefix
        self.target = "badge"  # what the keys type until a badge is scanned
        self.setObjectName("overrideDialog")
        self.setModal(True)
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.setStyleSheet(PACK_STYLE + """
            QDialog#overrideDialog { background: #ffffff; border: 6px solid #0b3d91; }
            QLabel[quaiRole="pin"] { font-size: 48px; font-weight: 900; letter-spacing: 8px; }
        """)
        self._pin = ""
        self.checking = False
        outer = QVBoxLayout(self)
        outer.setContentsMargins(24, 16, 24, 16)
        outer.setSpacing(10)
        self.title = label(self, "pack-instruction", wrap=True)
        outer.addWidget(self.title)
        self.detail = label(self, "hint", wrap=True)
        self.detail.setText(detail)
        self.detail.setVisible(bool(detail))
        outer.addWidget(self.detail)

        body = QHBoxLayout()
        body.setSpacing(24)
        left = QVBoxLayout()
        left.setSpacing(8)
        self.badge_caption = label(self, "pack-caption")
        left.addWidget(self.badge_caption)
        self.badge_edit = QLineEdit(self)
        self.badge_edit.textChanged.connect(self._render)
        left.addWidget(self.badge_edit)
        self.reason_caption = label(self, "pack-caption")
        left.addWidget(self.reason_caption)
        self.reasons = QButtonGroup(self)
        self.reasons.setExclusive(True)
        self.reason_buttons: dict[str, QPushButton] = {}
        grid = QGridLayout()
        grid.setSpacing(8)
        for i, reason in enumerate(OVERRIDE_REASONS):
            widget = button(self, "pack-reason")
            widget.setCheckable(True)
            widget.toggled.connect(self._render)
            self.reasons.addButton(widget)
            grid.addWidget(widget, i, 0)
            self.reason_buttons[reason] = widget
        left.addLayout(grid)
        self.reason_edit = QLineEdit(self)
        self.reason_edit.textChanged.connect(self._reason_typed)
        left.addWidget(self.reason_edit)
        left.addStretch(1)
        body.addLayout(left, 3)

        right = QVBoxLayout()
        # The keys type the PIN, or the badge's number (a badge that will not scan, gloves on).
        targets = QHBoxLayout()
        self.pin_target = button(self, "lang")
        self.badge_target = button(self, "lang")
        for widget, target in ((self.pin_target, "pin"), (self.badge_target, "badge")):
            widget.setCheckable(True)
            widget.setMinimumHeight(56)
            widget.clicked.connect(lambda _checked=False, t=target: self.set_target(t))
            targets.addWidget(widget)
        right.addLayout(targets)
        self.pin_display = label(self, "pin", align=Qt.AlignmentFlag.AlignCenter)
        right.addWidget(self.pin_display)
        keys = QGridLayout()
        keys.setSpacing(8)
        self.keys: dict[str, QPushButton] = {}
        for i, key in enumerate(["7", "8", "9", "4", "5", "6", "1", "2", "3", "⌫", "0", "C"]):
            widget = button(self, "key")
            widget.setText(key)
            widget.setMinimumSize(96, 64)
            widget.clicked.connect(lambda _checked=False, k=key: self.press(k))
            keys.addWidget(widget, i // 3, i % 3)
            self.keys[key] = widget
        right.addLayout(keys)
        body.addLayout(right, 2)
        outer.addLayout(body)

        self.error = label(self, "error-text", wrap=True)
        self.error.setVisible(False)
        outer.addWidget(self.error)
        row = QHBoxLayout()
        self.cancel_button = button(self)
        self.cancel_button.setMinimumHeight(72)
        self.cancel_button.clicked.connect(self.reject)
        self.ok_button = button(self, "primary")
        self.ok_button.setMinimumHeight(72)
        self.ok_button.clicked.connect(self._submit)
        row.addWidget(self.cancel_button, 1)
        row.addWidget(self.ok_button, 2)
        outer.addLayout(row)
        self.retranslate()
        self.resize(1100, 680)

    # --- input --------------------------------------------------------------------------------------
    def take_scan(self, scan) -> bool:
        """A badge scanned while the dialog is open fills the badge field."""
        from app.scanning.classify import ScanKind

        if scan.kind == ScanKind.BADGE:
            self.badge_edit.setText(scan.value)
            self.set_target("pin")  # the PIN comes next
            return True
        return False

    def set_target(self, target: str) -> None:
        """What the keys type: ``pin`` or ``badge``."""
        self.target = target
        self._render()

    def press(self, key: str) -> None:
        if self.target == "badge":
            text = self.badge_edit.text()
            self.badge_edit.setText("" if key == "C" else text[:-1] if key == "⌫" else text + key)
            return
        self._pin = pin_after_key(self._pin, key)
        self._render()

    @property
    def badge(self) -> str:
        """The badge scanned or typed; digits alone are the number printed under the badge's
        barcode, the site's prefix in front."""
        text = self.badge_edit.text().strip().upper()
        return self.badge_prefix + text if text.isdigit() else text

    def set_badge(self, badge: str) -> None:
        self.badge_edit.setText(badge)
        self.set_target("pin")

    def choose_reason(self, reason: str) -> None:
        self.reason_buttons[reason].setChecked(True)

    @property
    def reason(self) -> str:
        typed = self.reason_edit.text().strip()
        if typed:
            return typed
        for reason, widget in self.reason_buttons.items():
            if widget.isChecked():
                return reason
        return ""

    def _reason_typed(self, text: str) -> None:
        if text.strip():  # free text replaces the usual reasons
            checked = self.reasons.checkedButton()
            if checked is not None:
                self.reasons.setExclusive(False)
                checked.setChecked(False)
                self.reasons.setExclusive(True)
        self._render()

    def _submit(self) -> None:
        if not self.ok_button.isEnabled():
            return
        self.checking = True
        self.error.setVisible(False)
        self._render()
        self.submitted.emit(self.badge, self._pin, self.reason)

    # --- the station's answer ---------------------------------------------------------------------------
    def show_error(self, text: str) -> None:
        self.checking = False
        self._pin = ""
        self.error.setText(text)
        self.error.setVisible(True)
        self._render()

    def _render(self) -> None:
        self.pin_display.setText("●" * len(self._pin) if self._pin else "—")
        self.pin_target.setChecked(self.target == "pin")
        self.badge_target.setChecked(self.target == "badge")
        self.ok_button.setEnabled(not self.checking and bool(self.badge_edit.text().strip()) and len(self._pin) >= 4
                                  and bool(self.reason))
        for reason, widget in self.reason_buttons.items():
            widget.setText(("☑  " if widget.isChecked() else "☐  ") + pack_texts.reason_text(reason))
        set_role(self.pin_display, "pin")

    def retranslate(self) -> None:
        self.title.setText(translate("OverrideDialog", "Supervisor: let the weight through") if self.what == "weight"
                           else translate("OverrideDialog", "Supervisor: close without every unit verified"))
        self.badge_caption.setText(translate("OverrideDialog", "Supervisor badge (scan it)"))
        self.reason_caption.setText(translate("OverrideDialog", "Reason"))
        self.reason_edit.setPlaceholderText(translate("OverrideDialog", "Other reason (type it)"))
        self.pin_target.setText(translate("OverrideDialog", "PIN"))
        self.badge_target.setText(translate("OverrideDialog", "Badge number"))
        self.cancel_button.setText(translate("OverrideDialog", "Cancel"))
        self.ok_button.setText(translate("OverrideDialog", "Confirm override"))
        self._render()

