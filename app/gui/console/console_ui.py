"""The console in the window: opened from the supervisor's home (or at login on a
supervisor station), its actions run on the central worker, its lists refreshed after each
sync. GUI thread only; every database read and write is a worker job (app.gui.workers).

An action goes to the central database as ONE transaction
(``CentralContext.supervise(station, badge, action)``, app.sync.supervision.apply_action),
which checks the person's role in the domain whatever the screen shows. Its answer, order
by order, is shown on the console; then a sync cycle (``window.push_now``) brings the
changed orders into the replica, and the window's refresh after a pull reads the lists
again (``refresh``).

A failure says which it is: the central database out of reach (``unreachable``: the network,
the server, a timeout; try again) is not a fault in Quai (anything else: logged with its
traceback, and the supervisor is told to call support rather than to check the network).
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QObject

if TYPE_CHECKING:
    from app.gui.screens.console import ConsoleScreen

log = logging.getLogger(__name__)
translate = QCoreApplication.translate


def unreachable(error: BaseException) -> bool:
    """Did ``error`` come from not reaching the central database (rather than from a bug)?"""
    import sqlalchemy.exc as db

    # OperationalError: connection refused or dropped, a timeout, SQLite busy or its file
    # unreadable; a missing embedded file (app.gui.queries) is the central database not there.
    return isinstance(error, (db.OperationalError, db.InterfaceError, db.DisconnectionError, db.TimeoutError,
                              ConnectionError, TimeoutError, FileNotFoundError))


def supervise_job(station: str, badge: str, action):
    """The central worker's job for ``action`` (see the module docstring)."""

    def job(context):
        return context.supervise(station, badge, action)

    return job


class ConsoleUi(QObject):
    def __init__(self, window: Any) -> None:
        super().__init__(window)
        self.window = window
        self.screen: ConsoleScreen | None = None

    def show_screen(self) -> None:
        window = self.window
        session = window.session
        if self.screen is None:
            from app.gui.screens.console import ConsoleScreen
            from app.store.overview import CutoffRules

            self.screen = ConsoleScreen(window.services.replica, window.services.central, window.config.name,
                                        replica_changed=window.replica_changed,
                                        cutoff_rules=CutoffRules.from_settings(window.config.packing))
            self.screen.back_requested.connect(window.back_home)
            self.screen.logout_requested.connect(window.logout)
            self.screen.action_requested.connect(self.run)
            self.screen.people_requested.connect(self.read_people)
            window.ui.stack.addWidget(self.screen)
        user = session.user if session.logged_in else None
        # The screen shows nothing but a refusal to a session that is not a supervisor's.
        self.screen.set_session(user.name if user is not None else "", session.role if session.logged_in else None)
        window.ui.stack.setCurrentWidget(self.screen)
        if self.screen.allowed:
            self.read_people()

    @property
    def showing(self) -> bool:
        return self.screen is not None and self.window.current_screen is self.screen

    def handle_scan(self, scan) -> bool:
        """A scan while the console shows: an order's label finds it in the list (Orders tab);
        a logout is the window's; anything else is not expected here."""
        from app.scanning.classify import ScanKind
        from app.scanning.commands import Command

        if not self.showing or self.screen is None or not self.screen.allowed:
            return False
        if scan.command is Command.LOGOUT:
            return False
        if scan.kind == ScanKind.ORDER:
            self.window.feedback.good()
            self.screen.find_order(scan.value)
        else:
            self.window.feedback.attention(translate("Console", "Scan an order's label to find it, or use the screen."))
        return True

    def refresh(self) -> None:
        if self.showing and self.screen.allowed:
            self.screen.refresh()

    def read_people(self) -> None:
        from app.gui.console.people_panel import people_job

        screen = self.screen
        if screen is None:
            return
        self.window.services.replica.submit(people_job(self.window.config.name), screen.show_people,
                                            lambda error: log.warning("stations not read: %s", error))

    def run(self, action) -> None:
        window = self.window
        screen = self.screen
        user = window.session.user if window.session.logged_in else None
        if screen is None:
            return
        if user is None or window.session.role != "supervisor":
            screen.show_refusal(translate("Console", "Only a supervisor can do this. Log in with a supervisor's badge."),
                                action)
            return

        def done(result) -> None:
            screen.show_result(action, result)
            if result.refused:
                window.feedback.flash_bad()  # the reasons are on screen, order by order
            else:
                window.feedback.good()
            window.push_now()  # the changes come back into the replica with this cycle's pull
            screen.refresh()

        def failed(error: Exception) -> None:
            from app.gui.console.refusal_texts import refusal
            from app.supervision.texts import NOT_AUTHORIZED

            code = getattr(error, "code", None)
            if code in NOT_AUTHORIZED:
                text = refusal(code)
            elif unreachable(error):
                log.warning("console action %s: central database unreachable: %s", action.name, error)
                detail = str(error).splitlines()[0] if str(error) else type(error).__name__
                text = translate("Console", "Nothing was changed: the central database did not answer. "
                                 "Check the network, then try again. Detail: %1").replace("%1", detail[:200])
            else:
                log.error("console action %s failed", action.name, exc_info=error)
                text = translate("Console", "The action failed: an error in Quai, not the network. Check the "
                                 "list before trying again, and call support: the details are in the station's "
                                 "log (%1).").replace("%1", type(error).__name__)
            window.feedback.flash_bad()
            screen.show_refusal(text, action)

        window.services.central.submit(supervise_job(window.config.name, user.badge, action), done, failed)
