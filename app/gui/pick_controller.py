"""One pick at the station: the session in the GUI thread, every accepted action on disk first.

``PickController`` owns the ``app.picking.session.PickSession`` of the person logged in and
the pick screen. An action (a scan, a tap) is tried on the session at once, in the GUI
thread (a few microseconds); when it is accepted its events go to the replica worker, and
the feedback (green flash, sound) comes only once they are committed: a scan the station
acknowledged is on disk, and a crash after the beep loses nothing. Should the write fail,
the session goes back to what it was before the action (a copy taken before it) and the
person is told the scan was not kept. Actions arriving while a write is under way wait in
order behind it. A refused action changes nothing and records nothing: its error is shown
at once.

Claims go through the central worker: the next work (the most urgent orders, as many as the
station's batch size) or an order scanned by its number; offline, nothing can be claimed
and the person is told so, while the pick in hand goes on.
"""

from __future__ import annotations

import copy
import logging
from collections import deque
from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal

from app.gui import pick_jobs, pick_texts
from app.gui.claiming import claim_then_start
from app.gui.lost_claims import LostWorkMixin

if TYPE_CHECKING:
    from app.gui.data import UserInfo
    from app.picking.outcome import Outcome
    from app.picking.session import PickSession
    from app.scanning.classify import Scan

log = logging.getLogger(__name__)


class PickController(LostWorkMixin, QObject):
    changed = Signal()  # the session's view changed: re-render
    ended = Signal()  # the pick is over and the person went back home (or no work)

    def __init__(self, services: Any, feedback: Any, station: str, settings: Any, parent: QObject | None = None,
                 today: Callable[[], date] = date.today) -> None:
        super().__init__(parent)
        self.services = services
        self.feedback = feedback
        self.station = station
        self.settings = settings
        self.today = today
        self.session: PickSession | None = None
        self.user: UserInfo | None = None
        self._writing = False
        self._waiting: deque[Callable[[], None]] = deque()
        self.claiming = False

    # --- starting ----------------------------------------------------------------------------
    @property
    def active(self) -> bool:
        return self.session is not None

    def resume(self, user: UserInfo, then: Callable[[bool], None]) -> None:
        """Look for this station's unfinished pick (after a crash, or kept at logout); ``then(found)``."""
        self.user = user
        today = self.today()

        def done(session: PickSession | None) -> None:
            self.session = session
            if session is not None:
                self.changed.emit()
            then(session is not None)

        def failed(error: Exception) -> None:
            log.error("the unfinished pick could not be read: %s", error)
            then(False)

        self.services.replica.submit(lambda ctx: pick_jobs.unfinished_pick(ctx.sessions, self.station, today), done, failed)

    def next_work(self) -> None:
        """Claim the most urgent orders (the batch size) and start picking them."""
        count = self.settings.batch_size
        self._claim(lambda ctx: ctx.claim_work(self.station, count, self._badge()))

    def take_order(self, number: str) -> None:
        """Claim the order scanned by its number and start picking it."""
        self._claim(lambda ctx: [ctx.claim_order(self.station, number, self._badge())])

    def _badge(self) -> str:
        return self.user.badge if self.user else ""

    def _claim(self, job: Callable[[Any], list[str]]) -> None:
        claim_then_start(self, job, pick_texts, self._start)

    def _start(self, numbers: list[str], totes: dict[str, str] | None = None,
               then: Callable[[bool], None] | None = None) -> None:
        """Start picking ``numbers``. ``totes``: a batch that goes on without an order taken
        away (app.gui.lost_claims): the totes already bound stay bound, ``then(started)``."""
        today = self.today()
        badge = self._badge()
        going_on = totes is not None

        def started(result: tuple[PickSession, Outcome]) -> None:
            self.claiming = False
            self.session, outcome = result
            if outcome.code in ("pick_complete", "order_picked"):
                # Orders with nothing left to pick closed at once (their stock is short): say
                # so, and give back the claims of those that are over.
                self._accepted(outcome, numbers)
            else:
                if not going_on:
                    self.feedback.good()
                self.changed.emit()
            if then is not None:
                then(True)  # last: its banner (why the batch changed) is the one to read

        def failed(error: Exception) -> None:
            self.claiming = False
            log.error("pick of %s not started: %s", numbers, error)
            if going_on:  # picking already, still claimed: the next login resumes them
                if then is not None:
                    then(False)
                return
            self.feedback.bad(pick_texts.start_failed_text(error))
            self._release(numbers, "not started", push_first=False)  # never keep what cannot be picked

        self.services.replica.submit(
            lambda ctx: pick_jobs.start_pick(ctx.sessions, self.station, badge, numbers, self.settings, today,
                                             totes=totes),
            started, failed,
        )

    # --- acting on the pick ----------------------------------------------------------------------
    def scan(self, scan: Scan) -> None:
        self.act(lambda session: session.handle(scan))

    def act(self, action: Callable[[PickSession], Outcome]) -> None:
        """Try ``action`` on the session; commit what it recorded, then give the feedback."""
        if self._writing:
            self._waiting.append(lambda: self.act(action))
            return
        session = self.session
        if session is None:
            return
        before = copy.deepcopy(session)  # to go back to, should the write fail
        numbers = list(session.state.orders)  # now: the callbacks may run after the pick is left
        outcome = action(session)
        if not outcome.ok:
            self._refused(outcome)
            return
        if not outcome.events:
            self._accepted(outcome, numbers)
            return
        self._writing = True
        events = list(outcome.events)
        badge = self._badge()

        def written(_ids: list[str]) -> None:
            self._writing = False
            self._accepted(outcome, numbers)
            self._next()

        def failed(error: Exception) -> None:
            self._writing = False
            log.error("pick action not recorded (%s): %s", outcome.code, error)
            if self.session is session:  # still this pick (not left meanwhile): back to before the action
                self.session = before
                self.feedback.bad(pick_texts.not_saved_text(error))
                self.changed.emit()
            self._next()

        self.services.replica.submit(lambda ctx: pick_jobs.record(ctx.sessions, self.station, badge, events), written, failed)

    def _next(self) -> None:
        if self._waiting and not self._writing:
            self._waiting.popleft()()

    @property
    def busy(self) -> bool:
        """A write is under way or actions wait behind it."""
        return self._writing or bool(self._waiting)

    def when_idle(self, action: Callable[[], None]) -> None:
        """Run ``action`` once every action before it is written (leaving the pick, logging out:
        they must see the pick as it is on disk, and its last events' consequences)."""
        if self.busy:
            self._waiting.append(action)
        else:
            action()

    def _refused(self, outcome: Outcome) -> None:
        self.feedback.bad(pick_texts.outcome_text(outcome))
        self.changed.emit()

    def _accepted(self, outcome: Outcome, numbers: list[str]) -> None:
        code = outcome.code
        closed = [item["order"] for item in outcome.args.get("orders", [])]
        if code in ("pick_complete", "order_picked"):
            short = any(item["status"] != "picked" for item in outcome.args.get("orders", []))
            (self.feedback.attention if short else self.feedback.good)(pick_texts.outcome_text(outcome))
            # Packing (or a supervisor, for a short order) claims them anew.
            self._release(closed, "done")
        elif code in pick_texts.QUIET_CODES:
            pass  # a panel opened or closed: the screen itself shows it
        elif code == "short_recorded":
            self.feedback.good(pick_texts.outcome_text(outcome))
        else:
            self.feedback.good()
        self.changed.emit()

    def _release(self, numbers: list[str], reason: str, *, push_first: bool = True) -> None:
        """Give the claims of ``numbers`` back.

        Their last events go out first, in the same central job: released while the central
        copy still said ``new``, an order would be free to be claimed again, by this very
        station's next work. Offline, nothing is released and the leases run out; the push
        then carries the new status and no one can claim them as new."""
        if not numbers:
            return
        badge = self._badge()
        station = self.station

        def push_then_release(ctx: Any) -> list[bool]:
            if push_first:
                ctx.sync(station)
            return [ctx.release_order(station, number, badge, reason) for number in numbers]

        self.services.central.submit(
            push_then_release,
            None, lambda error: log.warning("claims of %s not released (their leases run out): %s", numbers, error),
        )

    # --- an order taken away (app.gui.lost_claims) ----------------------------------------------
    def _orders_in_hand(self, session: PickSession) -> list[str]:
        return [order for order in session.state.orders if session.state.status.get(order) == "picking"]

    def _tote_of(self, session: PickSession, number: str) -> str | None:
        return session.state.totes.get(number) if session.state.batch else None

    def _go_on(self, session: PickSession, gone: list[str], then: Callable[[bool], None]) -> bool:
        """A batch goes on with its other orders: a new pick over them (what is left on their
        lines, their totes kept), recorded as a new ``pick.started``, the one a restart replays."""
        rest = [order for order in self._orders_in_hand(session) if order not in gone]
        if not rest:
            return False
        self.claiming = True  # no other work claimed meanwhile
        self._start(rest, {order: tote for order, tote in session.state.totes.items() if order in rest}, then)
        return True

    def finish(self) -> None:
        """Leave a completed pick: back to the home screen."""
        self.forget_lost()
        self.session = None
        self._waiting.clear()
        self.ended.emit()

    def drop(self) -> None:
        """Forget the pick in hand (logout with the pick kept: it is resumed at the next login)."""
        self.forget_lost()
        self.session = None
        self._waiting.clear()
