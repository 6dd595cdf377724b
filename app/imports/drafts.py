"""Orders as read from a file, before they meet the database."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

# Skip reasons, as counted in the report.
SKIP_FULFILLED = "fulfilled"
SKIP_REFUNDED = "refunded"
SKIP_VOIDED = "voided"
SKIP_CANCELLED = "cancelled"


@dataclass(slots=True)
class LineDraft:
    row: int
    sku: str
    name: str
    quantity: int
    requires_shipping: bool = True


@dataclass
class OrderDraft:
    number: str
    row: int  # physical line where the order's first record starts
    created_at: datetime
    values: dict[str, Any]  # Order columns: customer, address, carrier, notes…
    lines: list[LineDraft] = field(default_factory=list)
    skip_reason: str | None = None  # fulfilled / refunded / voided / cancelled: not imported
    holds: list[str] = field(default_factory=list)  # "fraud_risk: …", "awaiting_payment: …"
    payment_pending: bool = False  # True while payment is awaited (and not cash on delivery)
    # (row, message), reported only if the order is imported: re-importing a file must not repeat them.
    warnings: list[tuple[int, str]] = field(default_factory=list)
