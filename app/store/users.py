"""Users: badges, roles and PINs."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.domain.events import USER_ADDED
from app.domain.pin import hash_pin, verify_pin
from app.domain.roles import Role, format_roles
from app.scanning.rules import DEFAULT_RULES, PrefixRules
from app.store.events import record
from app.store.models import User


class DuplicateBadge(ValueError):
    pass


class InvalidBadge(ValueError):
    pass


def find_by_badge(session: Session, badge: str) -> User | None:
    return session.scalar(select(User).where(User.badge == PrefixRules.normalise(badge), User.active.is_(True)))


def add_user(
    session: Session,
    *,
    name: str,
    badge: str,
    roles: frozenset[Role],
    pin: str | None = None,
    station: str = "admin",
    actor: str | None = None,
    rules: PrefixRules = DEFAULT_RULES,
) -> User:
    badge = PrefixRules.normalise(badge)
    if not name.strip():
        raise ValueError("a user needs a name")
    if not rules.is_badge(badge):
        # A badge without the prefix would be read as a product, a location or a misread.
        raise InvalidBadge(
            f"badge {badge or '(empty)'} does not start with {rules.badge_prefix}: "
            f"badge codes are {rules.badge_prefix} followed by the person's number, e.g. {rules.badge_prefix}0042"
        )
    if session.scalar(select(User).where(User.badge == badge)) is not None:
        raise DuplicateBadge(f"badge {badge} is already given to another user")
    user = User(name=name.strip(), badge=badge, roles=format_roles(roles), pin_hash=hash_pin(pin) if pin else None)
    session.add(user)
    record(
        session,
        USER_ADDED,
        {"name": user.name, "badge": badge, "roles": user.roles, "has_pin": bool(pin)},
        station=station,
        actor=actor,
    )
    return user


def check_pin(user: User, pin: str) -> bool:
    return verify_pin(pin, user.pin_hash)


class SupervisorRefused(PermissionError):
    """A badge + PIN that does not prove a supervisor; ``code`` says why, for the screen:
    unknown (badge or PIN not recognised), inactive, not_supervisor."""

    def __init__(self, code: str, message: str) -> None:
        self.code = code
        super().__init__(message)


def authenticate_supervisor(session: Session, badge: str, pin: str) -> User:
    """The active supervisor whose badge and PIN these are (a supervisor's override, a
    reassignment); raises SupervisorRefused saying why not. Reads only."""
    from app.domain.roles import Role

    badge = PrefixRules.normalise(badge or "")
    user = session.scalars(select(User).where(User.badge == badge)).one_or_none() if badge else None
    if user is None or not pin or not check_pin(user, pin):
        raise SupervisorRefused("unknown", f"badge {badge or '(none)'} with this PIN is not recognised: a supervisor "
                                "action needs a supervisor's badge and PIN")
    if not user.active:
        raise SupervisorRefused("inactive", f"user {user.name} ({badge}) is deactivated")
    if Role.SUPERVISOR.value not in user.role_set:
        raise SupervisorRefused("not_supervisor", f"user {user.name} ({badge}) is not a supervisor")
    return user
