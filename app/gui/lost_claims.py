"""Work taken away from the station while it is on it: stop, say what to do, go on.

A supervisor's console action (reassign, hold, cancel, force-release; app.sync.supervision)
or a lease taken by another station makes the station's sync report the claim lost
(app.sync.engine's CycleReport.lost). The main window hands each lost claim to the pick and
pack controllers (``claim_lost``). When it is an order of the pick or pack in hand:

- the work on it stops at once: the controller lets go of its session in the same call, so
  the next scan reaches no session and nothing more is written for that order. What was
  acknowledged before is on disk and stays (the sync pushes it; the central database records
  it without applying it to an order that is now another station's, app.sync.central);
  a write already under way finishes and is acknowledged as usual;
- once the station has read what became of the order (its status in the replica, just pulled:
  a hold and a forced release are both "released by a supervisor" to the heartbeat), an amber
  banner says what happened and what to do, in the person's language (app.gui.texts.
  lost_work_text): set the tote aside, or put the picked units back in stock for a cancel;
- then the person is back on their home screen, or, in a batch pick, on the other orders of
  the batch (the controller's ``_go_on``: a new ``pick.started`` over them, their totes kept).

Several claims lost in one sync cycle make one banner (a newer banner would hide the older).
The status area keeps its own line about the last lost claim, as before (app.gui.main_window).

The controller provides ``session``, ``feedback``, ``services``, ``ended``, ``_orders_in_hand
(session)`` (the orders the session is still working on), ``_tote_of(session, number)`` and
``_go_on(session, gone, then)`` (False when nothing goes on). GUI thread only.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QTimer

from app.gui import texts

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class LostWork:
    number: str
    why: str  # app.sync.claims' words (cancelled, reassigned to …, released by a supervisor, …)
    put_back: tuple[tuple[str, int], ...]  # (sku, units) to put back in stock, for a cancel
    tote: str | None  # the order's tote in a batch pick


def order_statuses(sessions: Any, numbers: Sequence[str]) -> dict[str, str]:
    """Replica worker: the status each order has in the replica now (after the pull that came
    with the lost claim: on_hold for a hold, new or picked after a reassignment)."""
    from sqlalchemy import select

    from app.store.models import Order

    with sessions() as session:
        rows = session.execute(select(Order.number, Order.status).where(Order.number.in_(list(numbers))))
        return {number: str(getattr(status, "value", status)) for number, status in rows}


class LostWorkMixin:
    """``claim_lost`` for PickController and PackController; see the module docstring."""

    stage = "pick"  # or "pack": the banner's instruction differs
    _stopped: Any = None  # the session let go of, while the station settles what to do next
    _lost_now: list[LostWork]

    def claim_lost(self, number: str, why: str, put_back: Sequence[tuple[str, int]] = ()) -> bool:
        """The station no longer holds ``number``. True when it was work in hand: that work
        stopped now (no session for the next scan), the banner and the way on follow."""
        held = self.session if self.session is not None else self._stopped
        if held is None or number not in self._orders_in_hand(held):
            return False
        if not hasattr(self, "_lost_now") or self._stopped is None:
            self._lost_now = []
        if any(item.number == number for item in self._lost_now):
            return True  # told twice in one cycle (heartbeat and pull): once is enough
        self._lost_now.append(LostWork(number, why, tuple((str(s), int(n)) for s, n in put_back),
                                       self._tote_of(held, number)))
        log.warning("%s of %s stopped: %s", self.stage, number, why)
        if self._stopped is None:
            self._stopped, self.session = held, None  # at once: a scan from now on reaches nothing
            # After the other claims of this cycle (the main window tells them in one loop).
            QTimer.singleShot(0, self._settle_lost)
        return True

    def forget_lost(self) -> None:
        """Logout, or the work left otherwise: nothing more to settle."""
        self._stopped = None
        self._lost_now = []

    def _settle_lost(self) -> None:
        held = self._stopped
        if held is None:
            return
        gone = list(self._lost_now)
        numbers = [item.number for item in gone]

        def told(statuses: dict[str, str]) -> None:
            if self._stopped is not held:
                return  # logged out meanwhile: the status area says it
            lines = [texts.lost_work_text(item.number, item.why, statuses.get(item.number, ""), item.put_back,
                                          stage=self.stage, tote=item.tote) for item in gone]

            def went_on(going_on: bool) -> None:
                if self._stopped is not held:
                    return
                if going_on:
                    lines.append(texts.batch_goes_on_text())
                self.feedback.attention("\n".join(lines))
                late = [item for item in self._lost_now if item.number not in numbers]
                self.forget_lost()
                if not going_on:
                    self.ended.emit()
                for item in late:  # lost while the batch was restarted: settled again
                    self.claim_lost(item.number, item.why, item.put_back)

            if not self._go_on(held, numbers, went_on):
                went_on(False)

        def failed(error: Exception) -> None:
            log.warning("status of %s not read: %s", numbers, error)
            told({})

        self.services.replica.submit(lambda ctx: order_statuses(ctx.sessions, numbers), told, failed)

    # --- the controller's part -----------------------------------------------------------------
    def _orders_in_hand(self, session: Any) -> list[str]:
        raise NotImplementedError

    def _tote_of(self, session: Any, number: str) -> str | None:
        return None

    def _go_on(self, session: Any, gone: list[str], then: Callable[[bool], None]) -> bool:
        """Carry on with what the session still holds besides ``gone``; ``then(True)`` once
        started, ``then(False)`` when it could not. False (and no call): nothing goes on."""
        return False
