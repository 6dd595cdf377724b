"""The supervisor's actions on a selection of orders, and who may take them.

Every action goes through ``authorize`` in the domain, whatever the screen shows: the
console hides nothing a picker could then reach by another way, because the central side
(app.sync.supervision) calls ``authorize`` with the person's user row as read in the
action's own transaction. A picker or a packer may take none of these actions; a
deactivated supervisor neither.

The actions are frozen dataclasses: ``orders`` is a tuple of order numbers (duplicates
dropped, order kept), reasons are stripped. What an action requires of each order is in
app.supervision.rules.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from app.domain.roles import Role

# Priorities a supervisor may set (higher goes first). Imports write 0 or 1 (Shopify's
# priority tags) or what a Quai CSV says; the console offers this range.
PRIORITY_MIN = 0
PRIORITY_MAX = 99


def _numbers(orders: Iterable[str] | str) -> tuple[str, ...]:
    if isinstance(orders, str):  # Hold("CMD-1", …) would otherwise be six orders C, M, D, …
        orders = (orders,)
    return tuple(dict.fromkeys(str(number).strip() for number in orders if str(number).strip()))


def _text(value: str | None) -> str:
    return (value or "").strip()


@dataclass(frozen=True)
class Actor:
    """The person acting: their badge, roles and whether their account is active, as the
    central database holds them at the moment of the action."""

    badge: str
    roles: frozenset[Role] = frozenset()
    active: bool = True


class NotAuthorized(PermissionError):
    """The person may not take this action; ``code`` says why, for the screen:

    - ``not_supervisor``: the badge has no supervisor role (a picker, a packer);
    - ``inactive``: the user was deactivated;
    - ``unknown``: no user with this badge, or a wrong PIN (the same code: the screen
      must not tell which);
    - ``database_role``: the console's PostgreSQL role may not do supervisor actions.

    The message (English, for logs) never holds a PIN.
    """

    def __init__(self, code: str, message: str) -> None:
        self.code = code
        super().__init__(message)


@dataclass(frozen=True)
class _OrdersAction:
    orders: tuple[str, ...]

    #: The action's name in results and logs.
    name = "action"

    def __post_init__(self) -> None:
        object.__setattr__(self, "orders", _numbers(self.orders))


@dataclass(frozen=True)
class Reassign(_OrdersAction):
    """Give the orders to a station, or to a picker by badge (the station they are logged in
    at, found centrally). The current holder loses its claim; progress stays on the order."""

    to: str = ""
    reason: str = ""
    name = "reassign"

    def __post_init__(self) -> None:
        super().__post_init__()
        object.__setattr__(self, "to", _text(self.to))
        object.__setattr__(self, "reason", _text(self.reason))


@dataclass(frozen=True)
class SetPriority(_OrdersAction):
    priority: int = 0
    name = "set_priority"


@dataclass(frozen=True)
class Hold(_OrdersAction):
    """Put the orders on hold (a reason is required). A station working on one loses its
    claim ("released by a supervisor"); the status machine remembers where it was."""

    reason: str = ""
    name = "hold"

    def __post_init__(self) -> None:
        super().__post_init__()
        object.__setattr__(self, "reason", _text(self.reason))


@dataclass(frozen=True)
class Release(_OrdersAction):
    """Take the orders off hold, back where they were. A fraud hold needs a reason."""

    reason: str = ""
    name = "release"

    def __post_init__(self) -> None:
        super().__post_init__()
        object.__setattr__(self, "reason", _text(self.reason))


@dataclass(frozen=True)
class Cancel(_OrdersAction):
    """Cancel the orders (a reason is required). A station working on one is told to put
    the picked units back (app.sync.lost_claims)."""

    reason: str = ""
    name = "cancel"

    def __post_init__(self) -> None:
        super().__post_init__()
        object.__setattr__(self, "reason", _text(self.reason))


@dataclass(frozen=True)
class ForceRelease(_OrdersAction):
    """Free the orders' claims, whoever holds them (a stale claim of a dead station)."""

    reason: str = field(default="")
    name = "force_release"

    def __post_init__(self) -> None:
        super().__post_init__()
        object.__setattr__(self, "reason", _text(self.reason))


Action = Reassign | SetPriority | Hold | Release | Cancel | ForceRelease
ACTIONS: tuple[type, ...] = (Reassign, SetPriority, Hold, Release, Cancel, ForceRelease)


def authorize(actor: Actor, action: Action) -> None:
    """Return if ``actor`` may take ``action``; raise NotAuthorized saying why not.

    Only an active supervisor may take any of the supervisor's actions. Pickers and
    packers may take none, whatever else they are (a picker who is also a packer is not
    a supervisor).
    """
    if not isinstance(action, ACTIONS):
        raise TypeError(f"not a supervisor action: {action!r}")
    if not actor.active:
        raise NotAuthorized("inactive", f"user {actor.badge} is deactivated: a supervisor action needs an active account")
    if Role.SUPERVISOR not in actor.roles:
        raise NotAuthorized(
            "not_supervisor", f"user {actor.badge} is not a supervisor: {action.name} needs the supervisor role"
        )
