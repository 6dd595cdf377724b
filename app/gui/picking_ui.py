"""The picker's part of the station window: the home's Start button, the pick screen, scans.

``PickingUi(window, controller)`` builds the pick screen on first use and puts it in the
window's stack; the main window hands it the picker's scans first (``handle_scan``) and
tells it about logins and logouts. It keeps the main window free of picking details: the
pick itself is app.gui.pick_controller (and app.picking under it).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject

if TYPE_CHECKING:
    from app.gui.pick_controller import PickController
    from app.gui.screens.pick import PickScreen
    from app.scanning.classify import Scan

log = logging.getLogger(__name__)


class PickingUi(QObject):
    def __init__(self, window: Any, controller: PickController) -> None:
        super().__init__(window)
        self.window = window
        self.controller = controller
        self._screen: PickScreen | None = None
        self._shown: Any = None  # the session the screen last showed
        controller.changed.connect(self.render)
        controller.ended.connect(self._back_home)

    @property
    def screen(self) -> PickScreen:
        if self._screen is None:
            from app.gui.screens.pick import PickScreen

            screen = PickScreen()
            c = self.controller
            screen.short_requested.connect(lambda: c.act(lambda s: s.start_short()))
            screen.undo_requested.connect(lambda: c.act(lambda s: s.undo()))
            screen.pause_requested.connect(lambda: c.act(lambda s: s.resume() if s.state.paused else s.pause()))
            screen.reason_chosen.connect(lambda reason: c.act(lambda s: s.short_reason(reason)))
            screen.found_entered.connect(lambda n: c.act(lambda s: s.short_found(n)))
            screen.alternative_answered.connect(lambda yes: c.act(lambda s: s.accept_alternative(yes)))
            screen.cancel_requested.connect(self._cancel)
            screen.quantity_requested.connect(screen.ask_quantity)
            screen.quantity_entered.connect(self._quantity)
            screen.next_work_requested.connect(self.next_work)
            screen.logout_requested.connect(lambda: self.window.logout())
            self.window.ui.stack.addWidget(screen)
            self._screen = screen
        return self._screen

    @property
    def showing(self) -> bool:
        return self._screen is not None and self.window.current_screen is self._screen

    def attach_home(self, home: Any) -> None:
        home.start_requested.connect(self.next_work)

    # --- what the main window tells ----------------------------------------------------------
    def logged_in(self, user: Any, then_home: Callable[[], None]) -> None:
        """A picker logged in: resume the pick this station left unfinished, or show the home."""
        self.controller.resume(user, lambda found: None if found else then_home())

    def logging_out(self, policy: str, then: Callable[[], None]) -> None:
        """Before the logout is recorded: keep the pick for the next login, or give it back.
        After the writes under way: the pick is judged as it is on disk."""
        self.controller.when_idle(lambda: self._log_out_now(policy, then))

    def _log_out_now(self, policy: str, then: Callable[[], None]) -> None:
        self._work_ended()  # also when the pick was just taken away (no session, no ``ended`` yet)
        session = self.controller.session
        if session is None:
            then()
            return
        from app.gui import pick_jobs

        numbers = [o for o in session.state.orders if session.state.status.get(o) == "picking"]
        badge = self.controller.user.badge if self.controller.user else ""
        station = self.controller.station
        self.controller.drop()
        if policy == "keep" or not numbers:
            then()
            return

        def released(done: list[str]) -> None:
            def push_then_release(ctx: Any) -> list[bool]:
                ctx.sync(station)  # the orders' way back to ``new`` goes out before their claims
                return [ctx.release_order(station, number, badge, "logout") for number in done]

            self.controller.services.central.submit(
                push_then_release,
                None, lambda error: log.warning("claims of %s not released (their leases run out): %s", done, error),
            )
            then()

        def failed(error: Exception) -> None:
            log.error("pick of %s not released at logout: %s", numbers, error)
            then()

        self.controller.services.replica.submit(
            lambda ctx: pick_jobs.release_pick(ctx.sessions, station, badge, numbers), released, failed)

    def handle_scan(self, scan: Scan) -> bool:
        """True when the scan was for picking (the pick screen, or an order on the picker's home)."""
        from app.scanning.classify import ScanKind
        from app.scanning.commands import Command

        if scan.command is Command.LOGOUT:
            return False  # the main window logs out
        if self.showing and self.controller.session is not None:
            if scan.command is Command.NEXT and str(self.controller.session.view().step) == "done":
                self.next_work()
            else:
                self.controller.scan(scan)
            return True
        home = self.window.homes.get("picker")
        if home is not None and self.window.current_screen is home:
            if scan.kind == ScanKind.ORDER:
                self.controller.take_order(scan.value)
                return True
            if scan.command is Command.NEXT:
                self.next_work()
                return True
        return False

    # --- inside ------------------------------------------------------------------------------------
    def next_work(self) -> None:
        # After the writes under way: the last scan's consequences (the claims given back)
        # come before the next claim.
        self.controller.when_idle(self._next_work_now)

    def _next_work_now(self) -> None:
        if self.controller.session is not None:
            if str(self.controller.session.view().step) != "done":
                return
            self.controller.finish()
        self.controller.next_work()

    def render(self) -> None:
        session = self.controller.session
        if session is None:
            return
        screen = self.screen
        if session is not self._shown:  # another pick (a batch going on without an order taken away)
            self._work_ended()
            self._shown = session
        screen.show_view(session.view(), quantity_entry=session.quantity_entry_available())
        if self.window.current_screen is not screen:
            self.window.ui.stack.setCurrentWidget(screen)

    def _quantity(self, n: int) -> None:
        self.screen.close_keypad()
        self.controller.act(lambda s: s.confirm_quantity(n))

    def _cancel(self) -> None:
        screen = self.screen
        if screen._keypad_for == "quantity":
            screen.close_keypad()
        else:
            self.controller.act(lambda s: s.cancel())

    def _work_ended(self) -> None:
        """The pick shown ended, whatever ended it: the screen back to its normal page."""
        self._shown = None
        if self._screen is not None:
            self._screen.reset()

    def _back_home(self) -> None:
        self._work_ended()
        home = self.window.homes.get("picker")
        if home is not None:
            self.window.ui.stack.setCurrentWidget(home)
            self.window.refresh_home()
