"""The packer's part of the station window: the home's Start button, the pack screen, scans,
the scale, the countdown, the supervisor's override.

``PackingUi(window, controller)`` builds the pack screen on first use and puts it in the
window's stack; the main window hands it the packer's scans first (``handle_scan``) and
tells it about logins and logouts, as app.gui.picking_ui does for the picker. The pack
itself is app.gui.pack_controller (and app.packing under it).

The scale's readings are handled by app.gui.pack_scale (its mixin). The countdown is a
one-second QTimer started when the pack reaches LABEL with its countdown running; at 0 the
pack closes. GUI thread only.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QObject, QTimer

from app.gui import pack_texts
from app.gui.pack_scale import ScaleMixin

if TYPE_CHECKING:
    from app.gui.pack_controller import PackController
    from app.gui.screens.pack import PackScreen
    from app.scanning.classify import Scan

translate = QCoreApplication.translate


class PackingUi(ScaleMixin, QObject):
    def __init__(self, window: Any, controller: PackController) -> None:
        super().__init__(window)
        self.window = window
        self.controller = controller
        self._screen: PackScreen | None = None
        self.dialog = None  # the supervisor's override dialog, while open
        self.scale = None  # app.gui.scale_hub.ScaleHub, when a scale is configured
        self.scale_state: str | None = None
        self.scale_error: str | None = None  # the configured scale could not even start
        self.live: tuple[int, bool] | None = None  # the scale's last reading
        self._weighed_this_step = False
        self._on_scale: tuple[int, int] | None = None  # (parcel, grams) last taken from the scale
        self._countdown_left: int | None = None
        self._timer = QTimer(self)
        self._timer.setInterval(1000)
        self._timer.timeout.connect(self._tick)
        controller.changed.connect(self.render)
        controller.ended.connect(self._back_home)
        controller.printed.connect(self.render)

    # --- building --------------------------------------------------------------------------------
    @property
    def screen(self) -> PackScreen:
        if self._screen is None:
            from app.gui.screens.pack import PackScreen

            screen = PackScreen()
            c = self.controller
            screen.undo_requested.connect(lambda: c.act(lambda s: s.undo()))
            screen.quantity_entered.connect(lambda n: c.act(lambda s: s.confirm_quantity(n)))
            screen.box_chosen.connect(lambda code: c.act(lambda s: s.choose_box(code)))
            screen.next_parcel_requested.connect(lambda: c.act(lambda s: s.open_parcel()))
            screen.weight_entered.connect(self._manual_weight)
            screen.override_requested.connect(self.open_override)
            screen.inserts_done.connect(lambda _codes, wrapped: c.act(lambda s: s.confirm_inserts(wrapped)))
            screen.cancel_print_requested.connect(lambda: c.act(lambda s: s.cancel_print()))
            screen.print_now_requested.connect(self._print_again)
            screen.cancel_pack_confirmed.connect(lambda: c.cancel_pack("cancelled_by_packer"))
            screen.next_order_requested.connect(self.next_work)
            screen.reprint_requested.connect(c.reprint)
            screen.logout_requested.connect(lambda: self.window.logout())
            self.window.ui.stack.addWidget(screen)
            self._screen = screen
        return self._screen

    @property
    def showing(self) -> bool:
        return self._screen is not None and self.window.current_screen is self._screen

    def attach_home(self, home: Any) -> None:
        home.start_requested.connect(self.next_work)
        if hasattr(home, "order_entered"):
            home.order_entered.connect(self.open_scanned)

    # --- what the main window tells ----------------------------------------------------------------
    def logged_in(self, user: Any, then_home: Callable[[], None]) -> None:
        """A packer logged in: resume the pack this station left unfinished, or show the home."""
        self.start_scale()
        self.controller.resume(user, lambda found: None if found else then_home())

    def logging_out(self, policy: str, then: Callable[[], None]) -> None:
        """Before the logout is recorded: keep the pack for the next login (the tote stays at
        the station), or cancel it and give the order back to the packing queue."""
        self.controller.when_idle(lambda: self._log_out_now(policy, then))

    def _log_out_now(self, policy: str, then: Callable[[], None]) -> None:
        c = self.controller
        self._work_ended()  # also when the pack was just taken away (no session, no ``ended`` yet)
        if c.session is None:
            then()
            return
        step = str(c.session.view().step)
        if policy == "keep" or step in ("closed", "cancelled"):
            c.drop()
            then()
            return
        number = c.session.view().order

        def done(outcome: Any) -> None:
            if outcome.ok:
                c._release(number, "logout")
            c.drop()
            then()

        c.act(lambda s: s.cancel_pack("logout"), done)

    def handle_scan(self, scan: Scan) -> bool:
        """True when the scan was for packing (the pack screen, or an order/tote on the packer's home)."""
        from app.scanning.classify import ScanKind
        from app.scanning.commands import Command

        if scan.command is Command.LOGOUT:
            return False
        c = self.controller
        if self.showing and c.session is not None:
            step = str(c.session.view().step)
            screen = self.screen
            if scan.command is Command.REPRINT:
                c.reprint()
            elif scan.command is Command.NEXT and step == "closed":
                self.next_work()
            elif step == "closed":
                self.window.feedback.attention(translate("Pack", "This order is packed: tap Next order or scan Next."))
            elif scan.command is Command.CANCEL and screen.panel is not None:
                screen.close_panel()
            elif scan.command is Command.CANCEL and step != "label":
                screen.ask_cancel()
            else:
                c.scan(scan)
            return True
        home = self.window.homes.get("packer")
        if home is not None and self.window.current_screen is home:
            if scan.command is Command.NEXT:
                self.next_work()
                return True
            if scan.kind == ScanKind.ORDER:
                c.take_order(scan.value)
                return True
            if scan.kind in (ScanKind.TOTE, ScanKind.CODE):
                c.take_tote(scan.value, str(scan.kind))
                return True
        return False

    def open_scanned(self, text: str) -> None:
        """An order number or a tote typed on the home."""
        from app.scanning.classify import ScanKind, classify

        scan = classify(text, self.window.config.scan_rules)
        if scan.kind == ScanKind.ORDER:
            self.controller.take_order(scan.value)
        else:
            self.controller.take_tote(scan.value, str(scan.kind))

    def _manual_weight(self, grams: int) -> None:
        from app.packing.model import Reading

        reading = Reading(grams=grams, stable=True, source="manual")
        self.controller.act(lambda s: s.weigh(reading))

    # --- the supervisor -----------------------------------------------------------------------------
    def open_override(self, what: str) -> None:
        from app.gui.screens.override_dialog import OverrideDialog

        session = self.controller.session
        if session is None or self.dialog is not None:
            return
        view = session.view()
        if what == "weight":
            grams, expected = self._failed(session) or (view.weight_g, view.expected_weight_g)
            detail = translate("PackScreen", "Parcel %1: weighed %2, expected %3.").replace("%1", str(view.parcel)) \
                .replace("%2", pack_texts.grams_text(grams)).replace("%3", pack_texts.grams_text(expected))
        else:
            detail = translate("PackScreen", "%1 of %2 units verified.").replace("%1", str(view.units_verified)) \
                .replace("%2", str(view.units_total))
        dialog = OverrideDialog(what, detail, self.window, badge_prefix=self.window.config.scan_rules.badge_prefix)
        self.dialog = dialog

        def submitted(badge: str, pin: str, reason: str) -> None:
            def answer(error: str | None) -> None:
                if self.dialog is not dialog:
                    return  # closed meanwhile: the pack ended
                if error is None:
                    dialog.accept()
                else:
                    dialog.show_error(error)

            self.controller.override(what, badge, pin, reason, answer)

        dialog.submitted.connect(submitted)
        dialog.finished.connect(self._override_closed)
        dialog.open()

    def _override_closed(self, _result: int) -> None:
        dialog, self.dialog = self.dialog, None
        if dialog is not None:
            dialog.deleteLater()

    # --- countdown ----------------------------------------------------------------------------------
    def _sync_countdown(self) -> None:
        session = self.controller.session
        running = (session is not None and str(session.view().step) == "label" and session.countdown_running()
                   and not self.controller.closing and not self.controller.close_failed)
        if not running:
            self._stop_countdown()
            return
        if self._countdown_left is None:
            self._countdown_left = int(session.view().countdown_s or 0)
            if self._countdown_left <= 0:
                self._countdown_left = 0
                QTimer.singleShot(0, self._tick)
            else:
                self._timer.start()

    def _stop_countdown(self) -> None:
        self._timer.stop()
        self._countdown_left = None

    def _tick(self) -> None:
        if self._countdown_left is None:
            return
        self._countdown_left = max(0, self._countdown_left - 1)
        if self._screen is not None:
            self._screen.show_countdown(self._countdown_left)
        if self._countdown_left == 0:
            self._timer.stop()
            self.controller.close()

    def _print_again(self) -> None:
        c = self.controller
        if c.close_failed:  # the countdown ran out but the close failed: try the close again now
            c.close_failed = False
            c.close()
            return
        from app.scanning.classify import classify

        c.scan(classify("CMD-DONE"))  # after Cancel: the countdown starts again

    # --- inside -------------------------------------------------------------------------------------
    def next_work(self) -> None:
        self.controller.when_idle(self._next_work_now)

    def _next_work_now(self) -> None:
        c = self.controller
        if c.session is not None:
            if str(c.session.view().step) not in ("closed", "cancelled"):
                return
            c.finish()
        c.next_work()

    def render(self) -> None:
        from app.gui.screens.pack import Extras

        c = self.controller
        session = c.session
        if session is None:
            return
        view = session.view()
        step = str(view.step)
        if step != "weigh":
            self._weighed_this_step = False
        elif not self._weighed_this_step and getattr(self.scale, "last_stable", None) is not None:
            QTimer.singleShot(0, self._take_last_stable)
        self._sync_countdown()
        plan = session.state.plan
        last_line = session.state.progress.last_line
        quantity_max = None
        if session.quantity_entry_available() and last_line is not None:
            quantity_max = session._room(last_line)
        line = session.state.lines.get(last_line) if last_line is not None else None
        extras = Extras(
            boxes=tuple(plan.boxes) if plan is not None else (),
            insert_labels={i.code: i.label for i in plan.inserts} if plan is not None else {},
            current_line=last_line if step in ("verify", "recheck") else None,
            quantity_max=quantity_max,
            quantity_name=(line.name or line.sku) if line is not None else "",
            live=self.live,
            scale_text=self._scale_text(),
            manual_weight=not self.scale_working,  # the keypad when there is no scale, or it is down
            countdown=self._countdown_left if session.countdown_running() and not c.close_failed else None,
            closed_parcels=c.closed_parcels,
            printed_text=self._printed_text(),
            error_text=c.last_error_text if view.last_error else "",
            failed=self._failed(session),
            relay=c.relay,
        )
        screen = self.screen
        screen.show_view(view, extras)
        if self.window.current_screen is not screen:
            self.window.ui.stack.setCurrentWidget(screen)

    @staticmethod
    def _failed(session: Any) -> tuple[int, int | None] | None:
        """The parcel's weighing out of tolerance (grams, expected), while it is rechecked."""
        state = session.state
        failed = state.parcel(state.active_seq).failed
        return (int(failed["grams"]), failed.get("expected_g")) if failed else None

    def _printed_text(self) -> str:
        c = self.controller
        if c.print_error:
            return c.print_error
        if c.label_job and c.slip_job:
            return translate("PackScreen", "Label and packing slip sent to the printers. Stick the label on the parcel.")
        if c.closed_parcels:
            return translate("PackScreen", "Printing the label and the packing slip…")
        return ""

    def _work_ended(self) -> None:
        """The pack shown ended, whatever ended it: the override dialog closes without applying
        anything, the countdown stops, the screen drops its keypads and questions."""
        self._stop_countdown()
        dialog = self.dialog
        if dialog is not None:
            dialog.reject()  # finished → _override_closed; an answer still on its way is ignored
        if self._screen is not None:
            self._screen.reset()

    def _back_home(self) -> None:
        self._work_ended()
        home = self.window.homes.get("packer")
        if home is not None:
            self.window.ui.stack.setCurrentWidget(home)
            self.window.refresh_home()
