"""What every home screen has: a greeting, the role, a logout button, a refresh, and a body.

Subclasses fill the body and render the data the main window loads through the replica
worker (``show_data``). GUI thread only.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from app.gui import assets, texts
from app.gui.data import UserInfo

translate = QCoreApplication.translate


class HomeScreen(QWidget):
    role = ""
    logout_requested = Signal()
    refresh_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(f"{self.role}Home")
        self._user: UserInfo | None = None
        self._error: str | None = None
        self._loaded = False
        outer = QVBoxLayout(self)
        outer.setContentsMargins(40, 24, 40, 24)
        outer.setSpacing(20)

        header = QHBoxLayout()
        header.setSpacing(20)
        self.user_icon = QLabel(self)
        self.user_icon.setPixmap(assets.pixmap("user", 56))
        header.addWidget(self.user_icon)
        titles = QVBoxLayout()
        titles.setSpacing(0)
        self.greeting = QLabel(self)
        self.greeting.setProperty("quaiRole", "instruction")
        self.role_label = QLabel(self)
        self.role_label.setProperty("quaiRole", "subtitle")
        titles.addWidget(self.greeting)
        titles.addWidget(self.role_label)
        header.addLayout(titles, 1)
        self.refresh_button = QPushButton(self)
        self.refresh_button.clicked.connect(self.refresh_requested)
        header.addWidget(self.refresh_button)
        self.logout_button = QPushButton(self)
        self.logout_button.setProperty("quaiRole", "danger")
        self.logout_button.clicked.connect(self.logout_requested)
        header.addWidget(self.logout_button)
        outer.addLayout(header)

        self.message = QLabel(self)  # loading, or why the data could not be read
        self.message.setProperty("quaiRole", "hint")
        self.message.setWordWrap(True)
        outer.addWidget(self.message)

        self.body = QVBoxLayout()
        self.body.setSpacing(16)
        outer.addLayout(self.body, 1)
        self.build_body(self.body)
        self.retranslate()

    # --- for subclasses ---------------------------------------------------------------------
    def build_body(self, layout: QVBoxLayout) -> None:
        raise NotImplementedError

    def render_data(self) -> None:
        raise NotImplementedError

    def retranslate_body(self) -> None:
        raise NotImplementedError

    # --- for the main window ----------------------------------------------------------------
    def set_user(self, user: UserInfo) -> None:
        self._user = user
        self._loaded = False
        self._error = None
        self.retranslate()

    def set_loading(self) -> None:
        self._error = None
        self.logout_button.setEnabled(True)
        self._render_message()

    def show_data(self, data: Any) -> None:
        self._loaded = True
        self._error = None
        self.set_data(data)
        self._render_message()
        self.render_data()

    def set_data(self, data: Any) -> None:
        raise NotImplementedError

    def show_error(self, detail: str) -> None:
        self._error = detail
        self._render_message()

    def set_busy_logging_out(self, busy: bool) -> None:
        self.logout_button.setEnabled(not busy)

    def retranslate(self) -> None:
        name = self._user.name if self._user else ""
        self.greeting.setText(translate("HomeScreen", "Hello %1").replace("%1", name))
        self.role_label.setText(texts.role_name(self.role))
        self.refresh_button.setText(translate("HomeScreen", "Refresh"))
        self.logout_button.setText(translate("HomeScreen", "Log out"))
        self._render_message()
        self.retranslate_body()
        if self._loaded:
            self.render_data()

    def _render_message(self) -> None:
        if self._error is not None:
            self.message.setProperty("quaiRole", "error-text")
            self.message.setText(
                translate("HomeScreen", "Cannot read the orders from the station database: %1. Tap Refresh; if it persists, ask a supervisor.")
                .replace("%1", self._error)
            )
        elif not self._loaded:
            self.message.setProperty("quaiRole", "hint")
            self.message.setText(translate("HomeScreen", "Loading the orders…"))
        else:
            self.message.setText("")
        self.message.setVisible(bool(self.message.text()))
        self.message.style().unpolish(self.message)
        self.message.style().polish(self.message)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


def big_number_label(parent: QWidget) -> QLabel:
    label = QLabel(parent)
    label.setProperty("quaiRole", "big-number")
    label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
    return label
