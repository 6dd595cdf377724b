"""One pack at the station: the session in the GUI thread, every accepted action on disk first.

``PackController`` owns the ``app.packing.session.PackSession`` of the packer logged in, as
app.gui.pick_controller does for a pick. An action (a scan, a tap, a scale reading) is tried
on the session at once, in the GUI thread; when it carries events they go to the replica
worker, and the feedback (green flash, sound) comes only once they are committed. Should the
write fail, the session goes back to a copy taken before the action and the packer is told.
Actions arriving while a write is under way wait in order behind it. A refusal records
nothing: its error is shown at once and stays (banner, and the screen's red line) until the
next accepted action.

The close is the one action with a second half: ``close()``'s events are recorded by
``close`` (app.store.packing_close), which takes an SSCC from the station's pool for each parcel in the same
transaction; the labels and the slip are then built in the replica worker and queued on the
printers (app.gui.print_service), and the claim is given back after a push, as picking does.

Claims go through the central worker (``picked`` orders, most urgent cutoff first, or one
order scanned by its number, or by a tote the replica finds it in).
"""

from __future__ import annotations

import copy
import logging
from collections import deque
from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal

from app.gui import pack_texts

if TYPE_CHECKING:
    from app.gui.data import UserInfo
    from app.packing.outcome import Outcome
    from app.packing.session import PackSession
    from app.scanning.classify import Scan

log = logging.getLogger(__name__)

PACK_STATUSES = ("picked",)


class PackController(QObject):
    changed = Signal()  # the session's view changed: re-render
    ended = Signal()  # the pack is over (or cancelled) and the packer went back home
    printed = Signal()  # the labels and the slip of the closed order are queued (or failed: see print_error)

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
        self.label_job: str | None = None  # the labels' print job, for REPRINT
        self.slip_job: str | None = None
        self.print_error: str | None = None
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
        """Look for this station's unfinished pack (after a crash, or kept at logout); ``then(found)``."""
        self.user = user
        today = self.today()

        station = self.station

        def read(ctx: Any):
            return unfinished_pack(ctx.sessions, station, today)

        def done(session: PackSession | None) -> None:
            self._reset_close()
            self.session = session
            if session is not None:
                self.changed.emit()
            then(session is not None)

        def failed(error: Exception) -> None:
            log.error("the unfinished pack could not be read: %s", error)
            then(False)

        self.services.replica.submit(read, done, failed)

    def next_work(self) -> None:
        """Claim the most urgent picked order (earliest cutoff first) and start packing it."""
        self._claim(lambda ctx: ctx.claim_work(self.station, 1, self._badge(), PACK_STATUSES))

    def take_order(self, number: str) -> None:
        """Claim the order scanned by its number and start packing it."""
        self._claim(lambda ctx: [ctx.claim_order(self.station, number, self._badge(), PACK_STATUSES)])

    def take_tote(self, value: str, kind: str = "tote") -> None:
        """The order picked into tote ``value`` (or named by a pick list: ``kind``), found in
        the replica, then claimed and started."""
        if self.claiming or self.session is not None:
            return

        def find(ctx: Any) -> str:
            from app.store.packing_inputs import order_for_scan

            with ctx.sessions() as session:
                return order_for_scan(session, value, kind)

        def failed(error: Exception) -> None:
            self.feedback.bad(pack_texts.scan_error_text(error))

        self.services.replica.submit(find, self.take_order, failed)

    def _badge(self) -> str:
        return self.user.badge if self.user else ""

    def _claim(self, job: Callable[[Any], list[str]]) -> None:
        if self.claiming or self.session is not None:
            return
        self.claiming = True

        def claimed(numbers: list[str]) -> None:
            if not numbers:
                self.claiming = False
                self.feedback.attention(pack_texts.no_work_text())
                return
            self._start(numbers[0])

        def failed(error: Exception) -> None:
            self.claiming = False
            self.feedback.bad(pack_texts.claim_failed_text(error))

        self.services.central.submit(job, claimed, failed)

    def _start(self, number: str) -> None:
        today = self.today()
        badge = self._badge()
        settings, config = self.settings, self.pack_config()
        station = self.station

        def begin(ctx: Any):
            return start_pack(ctx.sessions, station, badge, number, settings, config, today)

        def started(result: tuple[PackSession, Outcome]) -> None:
            self.claiming = False
            self._reset_close()
            self.session, _outcome = result
            self.feedback.good()
            self.changed.emit()

        def failed(error: Exception) -> None:
            self.claiming = False
            log.error("pack of %s not started: %s", number, error)
            self.feedback.bad(pack_texts.start_failed_text(error))
            self._release(number, "not started", push_first=False)

        self.services.replica.submit(begin, started, failed)

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

        self.services.replica.submit(lambda ctx: record(ctx.sessions, station, badge, events), written, failed)

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
            from app.store.users import SupervisorRefused, authenticate_supervisor

            with ctx.sessions() as session:
                try:
                    user = authenticate_supervisor(session, badge, pin)
                except SupervisorRefused as refusal:
                    return refusal.code
                return frozenset(user.role_set)

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

        sscc = self._sscc_settings()
        self.services.replica.submit(lambda ctx: close(ctx.sessions, station, badge, events, sscc), written, failed)

    def _sscc_settings(self):
        from app.domain.sscc import SsccSettings

        labels = self.labels
        return SsccSettings.for_block_size(labels.sscc_extension, labels.gs1_company_prefix, labels.sscc_block_size)

    def _print(self, number: str, parcels: list[dict[str, Any]]) -> None:
        from app.gui import pack_print

        printing = self.services.printing
        if printing is None:
            self.print_error = pack_texts.no_printer_text()
            self.feedback.bad(self.print_error)
            self.printed.emit()
            return
        badge, labels = self._badge(), self.labels
        first_name = (self.user.name.split() or [""])[0] if self.user else ""

        def built(documents: pack_print.Documents) -> None:
            pending = {"labels", "documents"}

            def queued(printer: str, job: str) -> None:
                if printer == "labels":
                    self.label_job = job
                else:
                    self.slip_job = job
                pending.discard(printer)
                if not pending:
                    self.printed.emit()

            def error(exc: Exception) -> None:
                self.print_error = pack_texts.print_failed_text(exc)
                self.feedback.bad(self.print_error)
                self.printed.emit()

            printing.print_pages("labels", documents.label_document, documents.labels, order=number, actor=badge,
                                 on_queued=lambda job: queued("labels", job), on_error=error)
            printing.print_pages("documents", "packing_slip", documents.slip, order=number, actor=badge,
                                 on_queued=lambda job: queued("documents", job), on_error=error)

        def failed(error: Exception) -> None:
            log.error("labels of %s not built: %s", number, error)
            self.print_error = pack_texts.print_failed_text(error)
            self.feedback.bad(self.print_error)
            self.printed.emit()

        self.services.replica.submit(
            lambda ctx: pack_print.documents(ctx.sessions, number, parcels, labels, badge, first_name), built, failed)

    def reprint(self) -> None:
        """REPRINT on the done screen: the last labels again, audited (label.reprinted)."""
        printing = self.services.printing
        if printing is None or self.label_job is None:
            self.feedback.attention(pack_texts.nothing_to_reprint_text())
            return
        try:
            self.label_job = printing.reprint("labels", self.label_job, self._badge())
        except Exception as exc:  # the job is gone from the queue (purged), the printer stopped
            self.feedback.bad(pack_texts.print_failed_text(exc))
            return
        self.feedback.good(pack_texts.reprinted_text())

    def _reset_close(self) -> None:
        self.closing = self.close_failed = False
        self.closed_parcels = []
        self.label_job = self.slip_job = self.print_error = None

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

    def _release(self, number: str, reason: str, *, push_first: bool = True) -> None:
        """Give the claim back, after a push (the order's new status goes out first)."""
        badge, station = self._badge(), self.station

        def push_then_release(ctx: Any) -> bool:
            if push_first:
                ctx.sync(station)
            return ctx.release_order(station, number, badge, reason)

        self.services.central.submit(
            push_then_release, None,
            lambda error: log.warning("claim of %s not released (its lease runs out): %s", number, error))

    def finish(self) -> None:
        """Leave the pack (closed or cancelled): back home."""
        self.session = None
        self._waiting.clear()
        self._reset_close()
        self.ended.emit()

    def drop(self) -> None:
        """Forget the pack in hand (logout with the pack kept: resumed at the next login)."""
        self.session = None
        self._waiting.clear()
        self._reset_close()


# --- the replica worker's jobs (no Qt) ----------------------------------------------------------------

def start_pack(sessions: Any, station: str, badge: str, number: str, settings: Any, config: Any, today: date):
    """(PackSession, Outcome) for a new pack of ``number`` (claimed), its first events committed:
    the order and lines read, the plan built (box, parcels, carrier, inserts), the order to packing."""
    from app.packing.plan import build_plan
    from app.packing.session import PackSession
    from app.store.packing import begin_pack
    from app.store.packing_inputs import pack_inputs

    with sessions() as session:
        order, lines, boxes = pack_inputs(session, number)
    plan = build_plan(order, lines, boxes, settings)
    pack, outcome = PackSession.start(plan, config, packer=badge, today=today)
    begin_pack(sessions, station, badge, number, outcome.events)
    return pack, outcome


def record(sessions: Any, station: str, badge: str, events: list) -> list[str]:
    from app.store.packing import record_pack_events

    return record_pack_events(sessions, station, badge, events)


def close(sessions: Any, station: str, badge: str, events: list, sscc_settings: Any) -> list[dict[str, Any]]:
    """Record the close (each parcel's SSCC taken from the pool in the same transaction);
    ``pack.closed``'s parcels with their SSCCs."""
    from app.packing.events import PACK_CLOSED
    from app.store.packing_close import close_pack

    ssccs = close_pack(sessions, station, badge, events, sscc_settings)
    parcels = next(payload for kind, payload in events if kind == PACK_CLOSED)["parcels"]
    return [{**parcel, "sscc": sscc} for parcel, sscc in zip(parcels, ssccs)]


def unfinished_pack(sessions: Any, station: str, today: date):
    """The pack this station had not finished (a restart, a logout that kept it), replayed; or None."""
    from app.packing.session import PackSession
    from app.store.packing import active_pack

    with sessions() as session:
        events = active_pack(session, station)
    if not events:
        return None
    return PackSession.replay([(event.kind, event.payload) for event in events], today)


class _Refusal:
    def __init__(self, code: str) -> None:
        self.code, self.args = code, {}

