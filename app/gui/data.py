"""Plain data the replica and central workers hand to the GUI thread (frozen, so sharing is safe).

Kept apart from app.gui.queries so the screens can import these types without importing
SQLAlchemy before the window is shown.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

CENTRAL_ONLINE = "online"
CENTRAL_OFFLINE = "offline"
CENTRAL_EMBEDDED = "embedded"


@dataclass(frozen=True)
class UserInfo:
    name: str
    badge: str
    roles: tuple[str, ...]  # in Role order: picker, packer, supervisor


@dataclass(frozen=True)
class OrderSummary:
    number: str
    customer: str
    cutoff_at: datetime | None
    lines: int
    units: int
    priority: int


@dataclass(frozen=True)
class Queue:
    """Orders in one status: how many, and the first few by cutoff, then priority."""

    count: int
    next: tuple[OrderSummary, ...]


@dataclass(frozen=True)
class Overview:
    counts: dict[str, int]  # every OrderStatus value, zeros included
