"""English source texts of the refusal codes, for the console to translate.

No Qt here: the console calls ``QCoreApplication.translate(CONTEXT, REFUSALS[code])``
(the French is in the translation files under this context).
"""

from __future__ import annotations

CONTEXT = "SupervisionRefusal"

REFUSALS: dict[str, str] = {
    "unknown_order": "This order is not in the central database.",
    "already_shipped": "This order has shipped already.",
    "already_cancelled": "This order is cancelled already.",
    "cannot_cancel_shipped": "A shipped order cannot be cancelled.",
    "reason_required": "Give a reason.",
    "release_needs_reason": "This order is held for fraud risk: give a reason to release it.",
    "not_held": "This order is not on hold.",
    "already_held": "This order is on hold already.",
    "illegal_transition": "The order's status does not allow this.",
    "priority_out_of_range": "Choose a priority from 0 to 99.",
    "same_priority": "The order has this priority already.",
    "already_assigned": "The order is assigned to this station already.",
    "no_target": "Choose a station or a person.",
    "wrong_station_kind": "This station does not take orders at this step: choose a picking station for an order "
                          "to pick, a packing station for an order to pack.",
    "no_claim_to_release": "No station holds this order: nothing to release.",
    "unknown_station": "This station is not known to the central database.",
    "unknown_picker": "No active user has this badge.",
    "picker_not_on_a_station": "This person is not logged in at any station: choose a station.",
}

# Why a person may not act at all (app.supervision.actions.NotAuthorized.code).
NOT_AUTHORIZED: dict[str, str] = {
    "not_supervisor": "Only a supervisor can do this. Log in with a supervisor's badge.",
    "inactive": "This account is deactivated. Ask an administrator.",
    "unknown": "Badge or PIN not recognised. Try again.",
    "database_role": "This console may not change orders: add it with quai central add-station --supervisor.",
}


def refusal_text(code: str) -> str:
    """The English text of a refusal or not-authorized code (the code itself if unknown)."""
    return REFUSALS.get(code) or NOT_AUTHORIZED.get(code) or code
