"""Presenters: the state behind the screens, in plain Python (tested without a QApplication).

The views (app.gui.screens.*) render these and translate every text themselves, so a
language switch only needs a re-render from the same state.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from datetime import datetime

    from app.gui.data import UserInfo

ROLE_ORDER = ("picker", "packer", "supervisor")

# Which roles a station kind offers. A supervisor may log in anywhere.
STATION_ROLES: dict[str, frozenset[str]] = {
    "picking": frozenset({"picker", "supervisor"}),
    "packing": frozenset({"packer", "supervisor"}),
    "supervisor": frozenset({"supervisor"}),
    "any": frozenset(ROLE_ORDER),
}


def roles_at_station(user_roles: tuple[str, ...], station_kind: str) -> tuple[str, ...]:
    allowed = STATION_ROLES.get(station_kind, STATION_ROLES["any"])
    return tuple(r for r in ROLE_ORDER if r in user_roles and r in allowed)


class LoginState(Enum):
    READY = "ready"
    CHECKING = "checking"
    LOGGING_IN = "logging_in"  # the badge is known; the login event is being written
    UNKNOWN_BADGE = "unknown_badge"
    NO_ROLE_HERE = "no_role_here"
    LOOKUP_FAILED = "lookup_failed"


@dataclass(frozen=True)
class LoginOutcome:
    """What the window does next: show an error, a home screen, or the role chooser."""

    kind: str  # "error" | "home" | "choose"
    user: UserInfo | None = None
    roles: tuple[str, ...] = ()


@dataclass
class LoginPresenter:
    station_kind: str = "any"
    state: LoginState = LoginState.READY
    badge: str = ""
    detail: str = ""  # technical detail of a failed lookup, shown under the message
    pending: str = ""  # a badge scanned while another was being checked: looked up next
    preparing: bool = False  # the start-up job (fill the replica) has not run yet: lookups wait for it

    @property
    def busy(self) -> bool:
        """A lookup or a login is under way: no other scan may start one."""
        return self.state in (LoginState.CHECKING, LoginState.LOGGING_IN)

    @property
    def is_error(self) -> bool:
        return self.state in (LoginState.UNKNOWN_BADGE, LoginState.NO_ROLE_HERE, LoginState.LOOKUP_FAILED)

    def submit(self, text: str) -> str | None:
        """A scan or a typed code. Returns the badge to look up now, or None.

        A new scan replaces a previous error: the person has acted on it. A scan during a
        lookup is kept (the latest one) and looked up when it answers (``take_pending``):
        the person's last scan wins. A scan while the login is written starts nothing.
        """
        badge = text.strip()
        if not badge or self.state is LoginState.LOGGING_IN:
            return None
        if self.state is LoginState.CHECKING:
            self.pending = badge
            return None
        self.state = LoginState.CHECKING
        self.badge = badge
        self.detail = ""
        return badge

    def take_pending(self) -> str | None:
        """When a lookup answers: the badge scanned meanwhile, to look up instead (None: use the answer).

        A second read of the same badge changes nothing.
        """
        badge, self.pending = self.pending, ""
        if self.state is not LoginState.CHECKING or not badge or badge == self.badge:
            return None
        self.badge = badge
        self.detail = ""
        return badge

    def resolve(self, user: UserInfo | None) -> LoginOutcome:
        if user is None:
            self.state = LoginState.UNKNOWN_BADGE
            return LoginOutcome("error")
        roles = roles_at_station(user.roles, self.station_kind)
        if not roles:
            self.state = LoginState.NO_ROLE_HERE
            return LoginOutcome("error", user)
        if len(roles) == 1:
            self.state = LoginState.LOGGING_IN
            return LoginOutcome("home", user, roles)
        self.state = LoginState.READY  # the chooser is on screen; logging_in() when a role is picked
        return LoginOutcome("choose", user, roles)

    def logging_in(self) -> None:
        """A role is chosen: busy until the login event is written (then ``acknowledge``, or ``failed``)."""
        self.state = LoginState.LOGGING_IN

    def failed(self, detail: str) -> None:
        self.state = LoginState.LOOKUP_FAILED
        self.detail = detail

    def acknowledge(self) -> None:
        self.state = LoginState.READY
        self.pending = ""
        self.badge = ""
        self.detail = ""


@dataclass
class StatusModel:
    """What the status area shows."""

    station: str
    central_embedded: bool
    # Who is logged in: read from the station's session, never copied (one source of truth).
    session: StationSession = field(default_factory=lambda: StationSession())
    central: str | None = None  # None until the first ping answers
    # The start-up refresh of the replica failed although the central database may answer
    # (schema too old, refused data): the station works on an old copy and must say so.
    replica_stale: bool = False
    outbox: int | None = None  # None: not known (not counted yet, or the count failed)
    last_sync: datetime | None = None  # local time of the last successful push; None: never
    # Whose logout event could not be written (the audit trail has a hole): shown until the
    # next login or logout is written.
    unrecorded_logout: str | None = None
    # The last claim the station lost (order number, why in app.sync.claims' words): shown
    # until the next login, so the person at the station learns why the order went away.
    lost_claim: tuple[str, str] | None = None
    # The scanners' summary (app.devices.scanner_states): state, the source at fault, how many work.
    scanner: str = "on_screen"
    scanner_label: str = ""
    scanners_working: int = 0
    printer: str = "not_configured"  # app.gui.print_service.PrintService.summary()'s code
    printer_waiting: int = 0

    @property
    def user(self) -> UserInfo | None:
        return self.session.user if self.session.logged_in else None

    @property
    def role(self) -> str | None:
        return self.session.role if self.session.logged_in else None

    def central_state(self) -> str:
        if self.central is None:
            return "checking"
        # Imported here: app.gui.data (the workers' results) is not needed before the first paint.
        from app.gui.data import CENTRAL_EMBEDDED

        if self.central == CENTRAL_EMBEDDED and not self.central_embedded:
            return "offline"
        if self.replica_stale and self.central != "offline":
            return "stale"
        return self.central


@dataclass
class StationSession:
    """Who is logged in at this station, in which role."""

    user: UserInfo | None = None
    role: str | None = None
    offered_roles: tuple[str, ...] = field(default_factory=tuple)

    @property
    def logged_in(self) -> bool:
        return self.user is not None and self.role is not None

    def start(self, user: UserInfo, role: str) -> None:
        self.user, self.role = user, role

    def end(self) -> None:
        self.user, self.role, self.offered_roles = None, None, ()
