"""One pack at the station: the session in the GUI thread, every accepted action on disk first.

``PackController`` owns the ``app.packing.session.PackSession`` of the packer logged in, as
app.gui.pick_controller does for a pick. An action (a scan, a tap, a scale reading) is tried
on the session at once, in the GUI thread; when it carries events they go to the replica
worker, and the feedback (green flash, sound) comes only once they are committed. Should the
write fail, the session goes back to a copy taken before the action and the packer is told.
Actions arriving while a write is under way wait in order behind it. A refusal changes
nothing: its error is shown at once and stays (banner, and the screen's red line) until the
next accepted action. A verification mismatch (wrong product, extra unit, lot mismatch,
serial repeated) is also written down, after the feedback, as an audit-only
``pack.mismatch`` event for the supervisor's exceptions queue (pack_jobs.record_mismatch).

The close is the one action with a second half: ``close()``'s events are recorded by
``pack_jobs.close``, which takes an SSCC from the station's pool for each parcel in the same
transaction; the labels and the slip are then built in the replica worker and queued on the
printers (app.gui.print_service), and the claim is given back after a push, as picking does.

Claims go through the central worker (``picked`` orders, most urgent cutoff first, or one
order scanned by its number, or by a tote the replica finds it in).

Threading: every method runs in the GUI thread; database work goes to the replica and
central workers (app.gui.workers) and comes back through their callbacks.
"""

from __future__ import annotations

import copy
import logging
from collections import deque
from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal

from app.gui import pack_jobs, pack_texts
from app.gui.lost_claims import LostWorkMixin
from app.gui.pack_claims import ClaimsMixin, relay_point
from app.gui.pack_print import LabelPrinter, unprinted_close

if TYPE_CHECKING:
    from app.gui.data import UserInfo
    from app.packing.outcome import Outcome
    from app.packing.session import PackSession
    from app.scanning.classify import Scan

log = logging.getLogger(__name__)

# Refusals of a verification scan the supervisor sees in the exceptions queue (pack.mismatch).
MISMATCH_CODES = frozenset({"wrong_product", "extra_unit", "lot_mismatch", "serial_repeated"})


class PackController(ClaimsMixin, LostWorkMixin, QObject):
    changed = Signal()  # the session's view changed: re-render
    ended = Signal()  # the pack is over (or cancelled) and the packer went back home
    printed = Signal()  # the labels and the slip of the closed order are queued (or failed: see print_error)
    stage = "pack"  # app.gui.lost_claims: what the packer is told to do with a tote taken away

    def __init__(self, services: Any, feedback: Any, station: str, settings: Any, labels: Any,
                 parent: QObject | None = None, today: Callable[[], date] = date.today) -> None:
        """``settings``: app.config_packing.PackingSettings (or None: the defaults);
        ``labels``: app.config_labels.LabelSettings (sender, pickup store, slip paper)."""
        super().__init__(parent)
        self.services = services
        self.feedback = feedback
        self.station = station
        self.settings = settings
        self.labels = labels
        self.today = today
        self.session: PackSession | None = None
        self.user: UserInfo | None = None
        self._writing = False
        self._waiting: deque[Callable[[], None]] = deque()
        self.claiming = False
        self.closing = False  # close() recorded or under way: no second close
        self.closed_parcels: list[dict[str, Any]] = []  # pack.closed's parcels, with their SSCCs
        self.relay: str | None = None  # the relay point's name and id, for a relay delivery
        self.printer = LabelPrinter(services, feedback, labels, self.printed.emit)
        self.last_error_text = ""  # the last refusal's text: the screen's red strip shows it
        self.close_failed = False  # the close could not be recorded: the countdown waits for the packer

    # --- settings ------------------------------------------------------------------------------
    def pack_config(self):
        from app.packing.model import PackConfig

        settings = self.settings
        if settings is not None and hasattr(settings, "pack_config"):
            return settings.pack_config()
        return PackConfig()

    @property
    def on_logout(self) -> str:
        return getattr(self.settings, "on_logout", "keep")

    # --- starting ----------------------------------------------------------------------------
    @property
    def active(self) -> bool:
        return self.session is not None

    def resume(self, user: UserInfo, then: Callable[[bool], None]) -> None:
        """Look for this station's unfinished pack (after a crash, or kept at logout); ``then(found)``.

        Also: a pack closed here whose labels never reached a print queue (the station stopped
        between the close and the print) gets them now, said out loud."""
        self.user = user
        today = self.today()
        station = self.station

        def read(ctx: Any):
            events = pack_jobs.unfinished_pack(ctx.sessions, station)
            if not events:
                return None, unprinted_close(ctx.sessions, station), None  # labels lost by a stop?
            from app.packing.session import PackSession

            pack = PackSession.replay([(event.kind, event.payload) for event in events], today)
            return pack, None, relay_point(ctx.sessions, pack.view().order)

        def done(result: tuple) -> None:
            session, unprinted, relay = result
            self._reset_close()
            self.relay = relay
            self.session = session
            if session is not None:
                self.changed.emit()
            elif unprinted is not None:
                self._print_left_over(*unprinted)
            then(session is not None)

        def failed(error: Exception) -> None:
            log.error("the unfinished pack could not be read: %s", error)
            then(False)

        self.services.replica.submit(read, done, failed)

    def _print_left_over(self, number: str, parcels: list[dict[str, Any]]) -> None:
        printing = self.services.printing
        if printing is None or any(job.order == number for job in printing.jobs("labels")):
            return  # queued before the stop: the queue sends it by itself
        self.feedback.attention(pack_texts.left_over_text(number))
        self._print(number, parcels)

    # --- acting on the pack -------------------------------------------------------------------
    def scan(self, scan: Scan) -> None:
        self.act(lambda session: session.handle(scan))

    def act(self, action: Callable[[PackSession], Outcome], then: Callable[[Outcome], None] | None = None) -> None:
        """Try ``action`` on the session; commit what it recorded, then give the feedback.
        ``then(outcome)`` after the feedback (refused or accepted; not when the write failed)."""
        if self._writing:
            self._waiting.append(lambda: self.act(action, then))
            return
        session = self.session
        if session is None:
            return
        before = copy.deepcopy(session)
        outcome = action(session)
        if not outcome.events:
            (self._accepted if outcome.ok else self._refused)(outcome)
            if then is not None:
                then(outcome)
            return
        self._writing = True
        events = list(outcome.events)
        badge = self._badge()
        station = self.station

        def written(_ids: Any) -> None:
            self._writing = False
            (self._accepted if outcome.ok else self._refused)(outcome)
            if then is not None:
                then(outcome)
            self._next()

        def failed(error: Exception) -> None:
            self._writing = False
            log.error("pack action not recorded (%s): %s", outcome.code, error)
            if self.session is session:
                self.session = before
                self.feedback.bad(pack_texts.not_saved_text(error))
                self.changed.emit()
            self._next()

        self.services.replica.submit(lambda ctx: pack_jobs.record(ctx.sessions, station, badge, events), written, failed)

    def _next(self) -> None:
        if self._waiting and not self._writing:
            self._waiting.popleft()()

    @property
    def busy(self) -> bool:
        return self._writing or bool(self._waiting)

    def when_idle(self, action: Callable[[], None]) -> None:
        if self.busy:
            self._waiting.append(action)
        else:
            action()

    def _refused(self, outcome: Outcome) -> None:
        self.last_error_text = pack_texts.outcome_text(outcome)
        self.feedback.bad(self.last_error_text)
        self.changed.emit()
        if outcome.code in MISMATCH_CODES:
            self._record_mismatch(outcome)

    def _record_mismatch(self, outcome: Outcome) -> None:
        """The refusal is on screen already; its audit record follows in the replica worker
        (behind the pack's own writes), and a failure to write it only goes to the log."""
        session = self.session
        if session is None:
            return
        order, code, args = session.view().order, outcome.code, dict(outcome.args)
        station, badge = self.station, self._badge()

        def failed(error: Exception) -> None:
            log.warning("pack mismatch on %s (%s) not recorded: %s", order, code, error)

        self.services.replica.submit(
            lambda ctx: pack_jobs.record_mismatch(ctx.sessions, station, badge, order, code, args), None, failed)

    def _accepted(self, outcome: Outcome) -> None:
        code = outcome.code
        self.close_failed = False
        if code == "recheck_started":
            # The weighing was off: recorded (the audit counts it), and the packer must act: red.
            args = dict(outcome.args)
            if args.get("expected_g") is None and self.session is not None:
                args["expected_g"] = self.session.view().expected_weight_g
            self.last_error_text = pack_texts.weight_off_text(args)
            self.feedback.bad(self.last_error_text)
        else:
            self.last_error_text = ""
            if code == "pack_cancelled":
                self.feedback.attention(pack_texts.outcome_text(outcome))
            elif code == "serial_wanted":
                self.feedback.good()  # the unit is seen; the screen asks for its serial
            elif code in pack_texts.QUIET_CODES:
                pass
            elif code in ("weight_ok", "weight_overridden", "verification_overridden"):
                self.feedback.good(pack_texts.outcome_text(outcome))
            else:
                self.feedback.good()
        self.changed.emit()

    # --- supervisor override ------------------------------------------------------------------
    def override(self, what: str, badge: str, pin: str, reason: str, answer: Callable[[str | None], None]) -> None:
        """Check the supervisor's badge and PIN in the replica worker, then ask the session
        (which checks the role, and records the audited ``pack.override``); ``answer(None)``
        when accepted, else the error text to show."""

        def check(ctx: Any) -> frozenset[str] | str:
            from app.store.users import SupervisorRefused

            try:
                return frozenset(pack_jobs.supervisor(ctx.sessions, badge, pin)[2])
            except SupervisorRefused as refusal:
                return refusal.code

        def checked(result: frozenset[str] | str) -> None:
            if isinstance(result, str):
                self.feedback.flash_bad()
                answer(pack_texts.outcome_text(_Refusal("not_a_supervisor")) if result == "not_supervisor"
                       else pack_texts.wrong_pin_text())
                return

            def done(outcome: Outcome) -> None:
                answer(None if outcome.ok else pack_texts.outcome_text(outcome))

            self.act(lambda s: s.override(what, supervisor=badge, roles=result, reason=reason), done)

        def failed(error: Exception) -> None:
            answer(pack_texts.not_saved_text(error))

        self.services.replica.submit(check, checked, failed)

    # --- closing and printing -----------------------------------------------------------------
    def close(self) -> None:
        """The countdown ran out: close the pack (SSCCs taken in the same transaction), print."""
        self.when_idle(self._close_now)

    def _close_now(self) -> None:
        session = self.session
        if session is None or self.closing:
            return

        before = copy.deepcopy(session)
        outcome = session.close()
        if not outcome.ok:
            self._refused(outcome)
            return
        self.closing = True
        self._writing = True
        events = list(outcome.events)
        badge, station, number = self._badge(), self.station, session.view().order

        def written(parcels: list[dict[str, Any]]) -> None:
            self._writing = False
            self.closed_parcels = list(parcels)
            self.feedback.good(pack_texts.outcome_text(outcome))
            self.changed.emit()
            self._print(number, parcels)
            self._release(number, "done")
            self._next()

        def failed(error: Exception) -> None:
            self._writing = False
            self.closing = False
            log.error("pack of %s not closed: %s", number, error)
            if self.session is session:
                self.session = before
                # No new countdown by itself (it would fail again): the packer prints once it is fixed.
                self.close_failed = True
                self.last_error_text = pack_texts.close_failed_text(error)
                self.feedback.bad(self.last_error_text)
                self.changed.emit()
            self._next()

        labels = self.labels
        self.services.replica.submit(lambda ctx: pack_jobs.close(ctx.sessions, station, badge, events, labels),
                                     written, failed)

    def _print(self, number: str, parcels: list[dict[str, Any]]) -> None:
        first_name = (self.user.name.split() or [""])[0] if self.user else ""
        self.printer.print_closed(number, parcels, self._badge(), first_name)

    def reprint(self) -> None:
        """REPRINT on the done screen: the last labels again, audited (label.reprinted)."""
        self.printer.reprint(self._badge())

    @property
    def label_job(self) -> str | None:
        return self.printer.label_job

    @property
    def slip_job(self) -> str | None:
        return self.printer.slip_job

    @property
    def print_error(self) -> str | None:
        return self.printer.error

    def _reset_close(self) -> None:
        self.closing = self.close_failed = False
        self.closed_parcels = []
        self.printer.reset()

    # --- cancelling ---------------------------------------------------------------------------
    def cancel_pack(self, reason: str = "cancelled") -> None:
        """The tote goes back: recorded, the claim given back, home."""
        session = self.session
        if session is None:
            return
        number = session.view().order

        def done(outcome: Outcome) -> None:
            if outcome.ok:
                self._release(number, "cancelled")
                self.finish()

        self.act(lambda s: s.cancel_pack(reason), done)

    def finish(self) -> None:
        """Leave the pack (closed or cancelled): back home."""
        self.forget_lost()
        self.session = None
        self._waiting.clear()
        self._reset_close()
        self.ended.emit()

    def drop(self) -> None:
        """Forget the pack in hand (logout with the pack kept: resumed at the next login)."""
        self.forget_lost()
        self.session = None
        self._waiting.clear()
        self._reset_close()


class _Refusal:
    def __init__(self, code: str) -> None:
        self.code, self.args = code, {}
