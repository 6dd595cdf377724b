"""Claiming the packer's next order, and giving it back (PackController's part).

The most urgent ``picked`` order (earliest cutoff first), one scanned by its number, or the
one the replica finds in a scanned tote or pick list, is claimed through the central worker,
then started in the replica worker (the plan built, the first events committed). A claim is
given back after a push (the order's new status reaches the central database first), as
picking does. GUI thread only.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from app.gui import pack_jobs, pack_texts
from app.gui.claiming import claim_then_start

if TYPE_CHECKING:
    from app.packing.session import PackSession

log = logging.getLogger(__name__)

PACK_STATUSES = ("picked",)


class ClaimsMixin:
    """Needs from the controller: services, feedback, station, settings, session, claiming,
    user, today, ``pack_config()``, ``_reset_close()``, ``changed``."""

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

        def found(number: str | None) -> None:
            if number is None:
                code, key = {"tote": ("unknown_tote", "tote"), "order": ("unknown_order", "order"),
                             "pick_list": ("unknown_pick_list", "pick_list")}.get(kind, ("unknown_scan", "value"))
                self.feedback.bad(pack_texts.scan_error_text(_ScanError(code, **{key: value})))
            else:
                self.take_order(number)

        def failed(error: Exception) -> None:
            self.feedback.bad(pack_texts.scan_error_text(error))

        self.services.replica.submit(lambda ctx: pack_jobs.order_for_scan(ctx.sessions, value, kind), found, failed)

    def _badge(self) -> str:
        return self.user.badge if self.user else ""

    def _claim(self, job: Callable[[Any], list[str]]) -> None:
        claim_then_start(self, job, pack_texts, lambda numbers: self._start(numbers[0]))

    def _start(self, number: str) -> None:
        today = self.today()
        badge = self._badge()
        settings, config = self.settings, self.pack_config()
        station = self.station

        def begin(ctx: Any):
            pack, outcome = pack_jobs.begin(ctx.sessions, station, badge, number, settings, config, today)
            return pack, relay_point(ctx.sessions, number)

        def started(result: tuple[PackSession, str | None]) -> None:
            self.claiming = False
            self._reset_close()
            self.session, self.relay = result
            self.feedback.good()
            self.changed.emit()

        def failed(error: Exception) -> None:
            self.claiming = False
            log.error("pack of %s not started: %s", number, error)
            self.feedback.bad(pack_texts.start_failed_text(error))
            self._release(number, "not started", push_first=False)

        self.services.replica.submit(begin, started, failed)

    def _orders_in_hand(self, session: PackSession) -> list[str]:
        """The order this pack still works on (app.gui.lost_claims): none once it is closing or
        closed (its labels go on printing), or cancelled."""
        if self.closing or str(session.view().step) in ("closed", "cancelled"):
            return []
        return [session.view().order]

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


def relay_point(sessions: Any, number: str) -> str | None:
    """"Name (id)" of the relay point an order goes to, for the screen (replica worker)."""
    from sqlalchemy import select

    from app.store.models import Order

    with sessions() as session:
        row = session.execute(select(Order.delivery_mode, Order.relay_point_name, Order.relay_point_id)
                              .where(Order.number == number)).first()
    if row is None or row[0] != "relay" or not (row[1] or row[2]):
        return None
    return f"{row[1] or ''} ({row[2]})".replace(" ()", "").strip() if row[2] else row[1]


class _ScanError(LookupError):
    def __init__(self, code: str, **args: Any) -> None:
        super().__init__(code)
        self.code, self.args_ = code, args

