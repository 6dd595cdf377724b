"""What an applied supervisor action did, order by order (plain data, safe across threads)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class OrderOutcome:
    order: str
    code: str | None = None  # None: done; else the refusal code (app.supervision.rules)
    detail: str = ""  # English, for logs
    # The station that lost its claim on the order through this action (reassign, hold,
    # force release), if any: it is told at its next heartbeat or notification.
    lost_by: str | None = None

    @property
    def done(self) -> bool:
        return self.code is None


@dataclass(frozen=True)
class ActionResult:
    action: str  # the action's name: reassign, set_priority, hold, release, cancel, force_release
    outcomes: tuple[OrderOutcome, ...]
    # For a reassignment: the station the orders went to (a picker's badge resolved to the
    # station they are logged in at).
    to_station: str | None = None

    @property
    def done(self) -> tuple[str, ...]:
        return tuple(o.order for o in self.outcomes if o.done)

    @property
    def refused(self) -> dict[str, str]:
        """Order number -> refusal code."""
        return {o.order: o.code for o in self.outcomes if o.code is not None}
