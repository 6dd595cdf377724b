"""The supervisor's refusals in the person's language.

The domain (app.supervision) answers with codes and keeps their English texts without Qt
(app.supervision.texts). Qt's lupdate only finds texts written literally in a
``translate()`` call, so each one is written here once more, under the same context;
tests/gui/test_refusal_texts.py keeps the two in step and checks the French exists.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from app.supervision.texts import CONTEXT, refusal_text

translate = QCoreApplication.translate


def refusal_texts() -> dict[str, str]:
    """Every refusal and not-authorized code, translated."""
    return {
        "unknown_order": translate("SupervisionRefusal", "This order is not in the central database."),
        "already_shipped": translate("SupervisionRefusal", "This order has shipped already."),
        "already_cancelled": translate("SupervisionRefusal", "This order is cancelled already."),
        "cannot_cancel_shipped": translate("SupervisionRefusal", "A shipped order cannot be cancelled."),
        "reason_required": translate("SupervisionRefusal", "Give a reason."),
        "release_needs_reason": translate("SupervisionRefusal", "This order is held for fraud risk: give a reason to release it."),
        "not_held": translate("SupervisionRefusal", "This order is not on hold."),
        "already_held": translate("SupervisionRefusal", "This order is on hold already."),
        "illegal_transition": translate("SupervisionRefusal", "The order's status does not allow this."),
        "priority_out_of_range": translate("SupervisionRefusal", "Choose a priority from 0 to 99."),
        "same_priority": translate("SupervisionRefusal", "The order has this priority already."),
        "already_assigned": translate("SupervisionRefusal", "The order is assigned to this station already."),
        "no_target": translate("SupervisionRefusal", "Choose a station or a person."),
        "no_claim_to_release": translate("SupervisionRefusal", "No station holds this order: nothing to release."),
        "unknown_station": translate("SupervisionRefusal", "This station is not known to the central database."),
        "unknown_picker": translate("SupervisionRefusal", "No active user has this badge."),
        "wrong_station_kind": translate(
            "SupervisionRefusal",
            "This station does not take orders at this step: choose a picking station for an order to pick, "
            "a packing station for an order to pack."),
        "picker_not_on_a_station": translate("SupervisionRefusal", "This person is not logged in at any station: choose a station."),
        "not_supervisor": translate("SupervisionRefusal", "Only a supervisor can do this. Log in with a supervisor's badge."),
        "inactive": translate("SupervisionRefusal", "This account is deactivated. Ask an administrator."),
        "unknown": translate("SupervisionRefusal", "Badge or PIN not recognised. Try again."),
        "database_role": translate("SupervisionRefusal", "This console may not change orders: add it with quai central add-station --supervisor."),
    }


def refusal(code: str) -> str:
    """Why the domain refused (``code``), in the person's language; an unknown code as its English text."""
    return refusal_texts().get(code) or translate(CONTEXT, refusal_text(code))
