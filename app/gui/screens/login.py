"""The login screen: scan a badge (or type it), see why a badge is refused.

A view over ``LoginPresenter``: it renders the presenter's state and emits what the
person did; the main window runs the lookup in the replica worker. GUI thread only.

It is on the start-up path: no ``Qt`` namespace here (see app.gui.alignment), and the
error icon is drawn the first time an error shows, not before the first paint.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, Signal, Slot
from PySide6.QtWidgets import QButtonGroup, QWidget

from app.gui import assets
from app.gui.alignment import align, focus_policy
from app.gui.forms.ui_login import Ui_LoginScreen
from app.gui.state import LoginPresenter, LoginState

translate = QCoreApplication.translate

BADGE_SHOWN = 32  # characters of a scanned code shown in an error (a QR code URL can be hundreds)
DETAIL_SHOWN = 200  # characters of a technical detail (the log has all of it)
WORD_SHOWN = 40  # longer runs without a space get break opportunities, so the text wraps


def cut(text: str, length: int) -> str:
    return text if len(text) <= length else text[:length] + "…"


def shown_badge(badge: str) -> str:
    return cut(badge, BADGE_SHOWN)


def wrappable(text: str) -> str:
    """Insert zero-width spaces into very long words: a word-wrapped label can only break at spaces."""
    words = text.split(" ")
    return " ".join(
        "\u200b".join(word[i:i + WORD_SHOWN] for i in range(0, len(word), WORD_SHOWN)) if len(word) > WORD_SHOWN else word
        for word in words
    )


class LoginScreen(QWidget):
    submitted = Signal(str)  # the text scanned or typed, not yet stripped
    acknowledged = Signal()
    language_requested = Signal(str)

    def __init__(self, presenter: LoginPresenter, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.presenter = presenter
        self._error_icon_drawn = False
        self.ui = Ui_LoginScreen()
        self.ui.setupUi(self)
        for label in (self.ui.instructionLabel, self.ui.hintLabel, self.ui.busyLabel):
            align(label, "AlignCenter")
        # A tap must leave the focus in the scan field, where a wedge scanner types: the language
        # buttons never take it, Validate and OK only from the keyboard (Tab).
        focus_policy(self.ui.langFrButton, "NoFocus")
        focus_policy(self.ui.langEnButton, "NoFocus")
        focus_policy(self.ui.validateButton, "TabFocus")
        focus_policy(self.ui.acknowledgeButton, "TabFocus")
        self._languages = QButtonGroup(self)
        self._languages.setExclusive(True)
        self._languages.addButton(self.ui.langFrButton)
        self._languages.addButton(self.ui.langEnButton)
        self.ui.langFrButton.clicked.connect(self._french)
        self.ui.langEnButton.clicked.connect(self._english)
        self.ui.badgeEdit.returnPressed.connect(self._submit)
        self.ui.validateButton.clicked.connect(self._submit)
        self.ui.acknowledgeButton.clicked.connect(self._acknowledge)
        self.ui.badgeEdit.setFocus()  # the default reason, OtherFocusReason
        self.render()

    def set_language(self, language: str) -> None:
        button = self.ui.langFrButton if language == "fr" else self.ui.langEnButton
        button.setChecked(True)

    def focus_scan_field(self) -> None:
        self.ui.badgeEdit.setFocus()  # the default reason, OtherFocusReason

    def render(self) -> None:
        state = self.presenter.state
        # While the station prepares, a lookup waits behind it: say why it takes time.
        if self.presenter.preparing:
            self.ui.busyLabel.setText(translate("LoginScreen", "Preparing the station…"))
        else:
            self.ui.busyLabel.setText(translate("LoginScreen", "Checking the badge…"))
        self.ui.busyLabel.setVisible(self.presenter.preparing or self.presenter.busy)
        self.ui.validateButton.setEnabled(state is not LoginState.LOGGING_IN)
        if self.presenter.is_error and not self._error_icon_drawn:
            self.ui.errorIcon.setPixmap(assets.pixmap("error", 64))
            self._error_icon_drawn = True
        self.ui.errorFrame.setVisible(self.presenter.is_error)
        self.ui.errorLabel.setText(wrappable(self.error_text()))
        self.ui.langFrButton.setAccessibleName(translate("LoginScreen", "French"))
        self.ui.langEnButton.setAccessibleName(translate("LoginScreen", "English"))

    def error_text(self) -> str:
        badge = shown_badge(self.presenter.badge)
        state = self.presenter.state
        if state is LoginState.UNKNOWN_BADGE:
            return translate("LoginScreen", "Unknown badge: %1. Check the badge or ask a supervisor.").replace("%1", badge)
        if state is LoginState.NO_ROLE_HERE:
            return translate(
                "LoginScreen", "Badge %1 has no role at this station. Go to a station for your role or ask a supervisor."
            ).replace("%1", badge)
        if state is LoginState.LOOKUP_FAILED:
            return translate(
                "LoginScreen", "The station cannot read its local database. Ask a supervisor. Detail: %1"
            ).replace("%1", cut(self.presenter.detail, DETAIL_SHOWN))
        return ""

    @Slot()
    def _french(self) -> None:
        self.language_requested.emit("fr")

    @Slot()
    def _english(self) -> None:
        self.language_requested.emit("en")

    @Slot()
    def _submit(self) -> None:
        text = self.ui.badgeEdit.text()
        if text.strip():
            self.ui.badgeEdit.clear()
            self.submitted.emit(text)

    @Slot()
    def _acknowledge(self) -> None:
        self.acknowledged.emit()
        self.focus_scan_field()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.ui.retranslateUi(self)
            self.render()
        super().changeEvent(event)
