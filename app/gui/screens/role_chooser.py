"""The role chooser: a person with several roles picks one with a big button. GUI thread only."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, Qt, Signal
from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout, QWidget

from app.gui import texts
from app.gui.data import UserInfo

translate = QCoreApplication.translate


class RoleChooser(QWidget):
    chosen = Signal(str)
    cancelled = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._user: UserInfo | None = None
        self._roles: tuple[str, ...] = ()
        self._buttons: dict[str, QPushButton] = {}
        layout = QVBoxLayout(self)
        layout.setContentsMargins(160, 48, 160, 48)
        layout.setSpacing(24)
        self.title = QLabel(self)
        self.title.setProperty("quaiRole", "instruction")
        self.title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.title.setWordWrap(True)
        layout.addWidget(self.title)
        self._button_box = QVBoxLayout()
        self._button_box.setSpacing(20)
        layout.addLayout(self._button_box)
        layout.addStretch(1)
        self.cancel_button = QPushButton(self)
        self.cancel_button.clicked.connect(self.cancelled)
        layout.addWidget(self.cancel_button, alignment=Qt.AlignmentFlag.AlignHCenter)
        self.retranslate()

    def show_choice(self, user: UserInfo, roles: tuple[str, ...]) -> None:
        self._user, self._roles = user, roles
        for button in self._buttons.values():
            button.deleteLater()
        self._buttons = {}
        for role in roles:
            button = QPushButton(self)
            button.setProperty("quaiRole", "choice")
            button.setObjectName(f"role_{role}")
            button.clicked.connect(lambda _checked=False, r=role: self.chosen.emit(r))
            self._button_box.addWidget(button)
            self._buttons[role] = button
        self.retranslate()

    @property
    def user(self) -> UserInfo | None:
        return self._user

    def button_for(self, role: str) -> QPushButton:
        return self._buttons[role]

    def retranslate(self) -> None:
        name = self._user.name if self._user else ""
        self.title.setText(translate("RoleChooser", "Hello %1, what are you working on?").replace("%1", name))
        for role, button in self._buttons.items():
            button.setText(texts.role_action(role))
        self.cancel_button.setText(translate("RoleChooser", "Not me: back to badge scan"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
