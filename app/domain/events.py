"""Events: every change of state is one, with a UUID, a time, a station and a user.

The event log is at once the audit trail and the outbox a station pushes to the
central database; the central side applies each event once, keyed by its UUID.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any


def utc_now() -> datetime:
    return datetime.now(UTC)


@dataclass(frozen=True)
class EventRecord:
    kind: str
    payload: dict[str, Any]
    station: str
    user: str | None = None
    id: str = field(default_factory=lambda: str(uuid.uuid4()))
    occurred_at: datetime = field(default_factory=utc_now)


# Event kinds used so far; later issues add to this list.
ORDER_IMPORTED = "order.imported"
ORDER_STATUS_CHANGED = "order.status_changed"
ORDER_UPDATED = "order.updated"
IMPORT_COMPLETED = "import.completed"
USER_ADDED = "user.added"
USER_LOGGED_IN = "user.logged_in"
USER_LOGGED_OUT = "user.logged_out"
# Labels (audit only: no effect on an order). A reprint is always its own event, with who asked.
LABEL_PRINTED = "label.printed"
LABEL_REPRINTED = "label.reprinted"
