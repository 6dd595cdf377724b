"""The supervisor's PIN at login: how many wrong tries, and the wait after too many. No Qt.

``PinGuard`` counts wrong PINs per badge at this station: after ``MAX_TRIES`` wrong ones
in a row the badge must wait ``LOCK_SECONDS`` before the next try (a right PIN resets the
count). It lives in the station's memory, on purpose: a guessing attack needs the badge in
hand and the station in front of it, and a restart of the station (to clear it) is itself
seen on the floor. ``check_supervisor_pin`` is the replica worker's job: it reads the users
table (app.store.users.authenticate_supervisor) and answers a code, never the PIN.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable
from dataclasses import dataclass, field

MAX_TRIES = 5
LOCK_SECONDS = 60.0
MIN_PIN = 4
MAX_PIN = 8

def pin_after_key(pin: str, key: str) -> str:
    """The PIN being typed after a keypad key: "⌫" takes the last digit back, "C" clears it,
    a digit is added up to ``MAX_PIN`` (the login's PIN screen and the packing override's)."""
    if key == "⌫":
        return pin[:-1]
    if key == "C":
        return ""
    return pin + key if len(pin) < MAX_PIN else pin


# Codes check_supervisor_pin answers (the PIN screen says each one in words).
GRANTED = "granted"
WRONG = "wrong"  # wrong PIN (or an unknown badge: the screen must not tell which)
NO_PIN = "no_pin"  # a supervisor without a PIN: an administrator must set one
INACTIVE = "inactive"
NOT_SUPERVISOR = "not_supervisor"


@dataclass
class PinGuard:
    """Wrong tries per badge, and until when a badge must wait. GUI thread (plain data)."""

    max_tries: int = MAX_TRIES
    lock_seconds: float = LOCK_SECONDS
    clock: Callable[[], float] = time.monotonic
    _wrong: dict[str, int] = field(default_factory=dict)
    _locked_until: dict[str, float] = field(default_factory=dict)

    def wait_seconds(self, badge: str) -> int:
        """Whole seconds (rounded up) before ``badge`` may try again; 0: now."""
        until = self._locked_until.get(badge)
        if until is None:
            return 0
        left = until - self.clock()
        if left <= 0:
            del self._locked_until[badge]
            self._wrong.pop(badge, None)  # the wait is served: five new tries
            return 0
        return math.ceil(left)

    def tries_left(self, badge: str) -> int:
        return max(0, self.max_tries - self._wrong.get(badge, 0))

    def failed(self, badge: str) -> int:
        """A wrong PIN: the tries left (0: the badge now waits ``lock_seconds``)."""
        count = self._wrong.get(badge, 0) + 1
        self._wrong[badge] = count
        if count >= self.max_tries:
            self._locked_until[badge] = self.clock() + self.lock_seconds
            return 0
        return self.max_tries - count

    def succeeded(self, badge: str) -> None:
        self._wrong.pop(badge, None)
        self._locked_until.pop(badge, None)


def check_supervisor_pin(sessions, badge: str, pin: str) -> str:
    """For the replica worker: whether ``pin`` is the PIN of the active supervisor ``badge``.
    Returns one of the codes above; reads only."""
    from app.store.users import SupervisorRefused, authenticate_supervisor, find_by_badge

    with sessions() as session:
        user = find_by_badge(session, badge)
        if user is not None and not user.pin_hash:
            return NO_PIN
        try:
            authenticate_supervisor(session, badge, pin)
        except SupervisorRefused as refused:
            return {"inactive": INACTIVE, "not_supervisor": NOT_SUPERVISOR}.get(refused.code, WRONG)
    return GRANTED
