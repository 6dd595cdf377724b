"""The supervisor's actions on orders, as pure rules: who may, and which orders they fit.

No Qt, no SQL (an import-linter contract in pyproject.toml keeps it so). The central
database side, one transaction per action, is app.sync.supervision.apply_action; the
console calls it through app.gui.queries.CentralContext.supervise.

- ``actions``: the actions (Reassign, SetPriority, Hold, Release, Cancel, ForceRelease),
  the person acting (Actor) and ``authorize`` (NotAuthorized unless an active supervisor).
- ``rules.validate``: per order, why an action does not fit it (codes, see ``texts``).
- ``result``: what an applied action did, order by order.
"""

from __future__ import annotations

from app.supervision.actions import (
    Action,
    Actor,
    Cancel,
    ForceRelease,
    Hold,
    NotAuthorized,
    Reassign,
    Release,
    SetPriority,
    authorize,
)
from app.supervision.result import ActionResult, OrderOutcome
from app.supervision.rules import OrderFacts, Refusal, is_fraud_hold, validate

__all__ = [
    "Action", "ActionResult", "Actor", "Cancel", "ForceRelease", "Hold", "NotAuthorized", "OrderFacts",
    "OrderOutcome", "Reassign", "Refusal", "Release", "SetPriority", "authorize", "is_fraud_hold", "validate",
]
