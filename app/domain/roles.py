"""Roles on the floor and what each may do."""

from __future__ import annotations

from enum import StrEnum


class Role(StrEnum):
    PICKER = "picker"
    PACKER = "packer"
    SUPERVISOR = "supervisor"


class InvalidRoles(ValueError):
    pass


def parse_roles(text: str) -> frozenset[Role]:
    """``"picker,packer"`` -> {Role.PICKER, Role.PACKER}; unknown names are an error naming them."""
    names = [part.strip().lower() for part in text.split(",") if part.strip()]
    if not names:
        raise InvalidRoles("at least one role is needed: picker, packer or supervisor")
    unknown = [n for n in names if n not in Role._value2member_map_]
    if unknown:
        raise InvalidRoles(f"unknown role(s) {', '.join(unknown)}; roles are picker, packer, supervisor")
    return frozenset(Role(n) for n in names)


def format_roles(roles: frozenset[Role]) -> str:
    order = list(Role)
    return ",".join(r.value for r in sorted(roles, key=order.index))
