"""The supervisor's second factor at login: after the badge, the PIN. GUI thread only.

``SupervisorAccess(window).ask(user, granted)`` shows the PIN screen
(app.gui.screens.supervisor_pin); each PIN is checked in the replica worker against the
users table (app.gui.pin_guard.check_supervisor_pin), never on the GUI thread, and
``granted(user)`` is called only for the right PIN of an active supervisor. Wrong PINs are
counted per badge (app.gui.pin_guard.PinGuard): after five, the badge waits 60 s. "Not me"
and the CANCEL command go back to the badge scan; nothing is recorded until the login.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QObject

from app.gui import texts
from app.gui.pin_guard import GRANTED, INACTIVE, NO_PIN, NOT_SUPERVISOR, PinGuard, check_supervisor_pin

if TYPE_CHECKING:
    from app.gui.data import UserInfo
    from app.gui.screens.supervisor_pin import SupervisorPinScreen
    from app.scanning.classify import Scan

translate = QCoreApplication.translate


class SupervisorAccess(QObject):
    def __init__(self, window: Any, guard: PinGuard | None = None) -> None:
        super().__init__(window)
        self.window = window
        self.guard = guard or PinGuard()
        self.screen: SupervisorPinScreen | None = None
        self.user: UserInfo | None = None
        self._granted: Callable[[UserInfo], None] | None = None

    def ask(self, user: UserInfo, granted: Callable[[UserInfo], None]) -> None:
        if self.screen is None:
            from app.gui.screens.supervisor_pin import SupervisorPinScreen

            self.screen = SupervisorPinScreen()
            self.screen.submitted.connect(self._submitted)
            self.screen.cancelled.connect(self.cancel)
            self.window.ui.stack.addWidget(self.screen)
        self.user, self._granted = user, granted
        self.screen.ask(user.name)
        wait = self.guard.wait_seconds(user.badge)
        if wait:
            self.screen.lock(wait)
        self.window.ui.stack.setCurrentWidget(self.screen)

    @property
    def showing(self) -> bool:
        return self.screen is not None and self.window.current_screen is self.screen

    def cancel(self) -> None:
        self.user, self._granted = None, None
        self.window._back_to_login()

    def handle_scan(self, scan: Scan) -> bool:
        """A scan while the PIN screen shows: CANCEL goes back; anything else is refused (a
        badge is not a PIN, and a second badge must not replace the first half-way)."""
        if not self.showing:
            return False
        from app.scanning.commands import Command

        if scan.command is Command.CANCEL:
            self.cancel()
        else:
            self.window.feedback.attention(translate("SupervisorPin", "Type your PIN on the screen's keys, or tap “Not me”."))
        return True

    def _submitted(self, pin: str) -> None:
        user = self.user
        if user is None or self.screen is None:
            return
        wait = self.guard.wait_seconds(user.badge)
        if wait:
            self.screen.lock(wait)
            return
        badge = user.badge

        def done(code: str) -> None:
            if self.user is not user or not self.showing:
                return  # "Not me" was tapped meanwhile
            self._answered(user, code)

        def failed(error: Exception) -> None:
            if self.user is not user or self.screen is None:
                return
            detail = str(error).splitlines()[0] if str(error) else type(error).__name__
            self.window.feedback.flash_bad()
            self.screen.show_refusal(translate(
                "SupervisorPin", "The PIN could not be checked: the station cannot read its local database. "
                "Try again, or ask for help. Detail: %1").replace("%1", detail[:200]))

        self.window.services.replica.submit(lambda ctx: check_supervisor_pin(ctx.sessions, badge, pin), done, failed)

    def _answered(self, user: UserInfo, code: str) -> None:
        assert self.screen is not None
        if code == GRANTED:
            self.guard.succeeded(user.badge)
            granted, self._granted = self._granted, None
            self.screen.set_checking(False)
            if granted is not None:
                granted(user)
            return
        self.window.feedback.flash_bad()
        if code == NO_PIN:
            text = translate("SupervisorPin", "No PIN is set for this badge. Ask an administrator to give you one.")
        elif code == INACTIVE:
            text = translate("SupervisorPin", "This account is deactivated. Ask an administrator.")
        elif code == NOT_SUPERVISOR:
            text = translate("SupervisorPin", "This badge is not a supervisor's: the console is for supervisors only.")
        else:
            left = self.guard.failed(user.badge)
            if not left:
                self.screen.lock(self.guard.wait_seconds(user.badge))
                return
            text = texts.plural(left, translate("SupervisorPin", "Wrong PIN. %n try left."),
                                translate("SupervisorPin", "Wrong PIN. %n tries left."))
        self.screen.show_refusal(text)
