"""What the picker reads: each outcome code of app.picking, in the person's language.

The session answers English codes with arguments (``wrong_location`` with ``expected`` and
``got``); every text here says what happened and what to do. ``{name}`` placeholders take
the outcome's arguments.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication

translate = QCoreApplication.translate

# Accepted actions whose result the screen shows by itself (a panel opens or closes): no beep.
QUIET_CODES = frozenset({"started", "short_started", "short_reason_given", "short_cancelled", "pick_paused",
                         "pick_resumed", "alternative_declined"})


def _texts() -> dict[str, str]:
    return {
        "wrong_location": translate("Pick", "Wrong location: you scanned {got}. Go to {expected}."),
        "wrong_product": translate("Pick", "Wrong product: {got} is not the one to take here. Take {expected}."),
        "expired_lot": translate("Pick", "Lot {lot} expired on {expiry}: do not take it. Take another unit, or declare a short pick."),
        "lot_needed": translate("Pick", "This product is tracked by lot: scan its GS1 barcode with the lot, not the plain EAN."),
        "over_pick": translate("Pick", "This line needs no more: put the extra unit back."),
        "wrong_tote": translate("Pick", "Wrong tote: {got}. Put it in tote {expected}."),
        "tote_in_use": translate("Pick", "Tote {tote} is already used for order {order}: take another empty tote."),
        "not_a_tote": translate("Pick", "Scan a tote here."),
        "scan_location_first": translate("Pick", "Scan the location {expected} first."),
        "scan_tote_first": translate("Pick", "Put it in tote {tote} and scan the tote first."),
        "misread": translate("Pick", "The barcode was misread: scan it again."),
        "unexpected_scan": translate("Pick", "This scan is not expected now: follow the screen."),
        "paused": translate("Pick", "The pick is paused: tap Resume or scan the Pause barcode."),
        "nothing_to_undo": translate("Pick", "Nothing to undo."),
        "short_in_progress": translate("Pick", "Finish the short pick on the screen first."),
        "invalid_reason": translate("Pick", "Choose a reason on the screen."),
        "invalid_quantity": translate("Pick", "That quantity is not possible here."),
        "quantity_entry_unavailable": translate("Pick", "A quantity can be keyed in only on large lines: scan each unit."),
        "nothing_to_short": translate("Pick", "Nothing to declare short here."),
        "nothing_to_cancel": translate("Pick", "Nothing to cancel."),
        "no_alternative_offered": translate("Pick", "No other location was offered."),
        "not_paused": translate("Pick", "The pick is not paused."),
        "order_picked": translate("Pick", "Order {order} picked."),
        "pick_complete": translate("Pick", "Pick complete: take the totes to packing."),
        "short_recorded": translate("Pick", "Short pick recorded."),
        "alternative_added": translate("Pick", "Added to your route: {location}."),
        "undone": translate("Pick", "Last scan undone."),
    }


def closed_text(orders: list[dict[str, str]]) -> str:
    """Orders a scan closed: picked, or incomplete and where they go."""
    parts = []
    for item in orders:
        if item["status"] == "picked":
            text = translate("Pick", "Order {order} picked.")
        elif item["status"] == "awaiting_stock":
            text = translate("Pick", "Order {order} incomplete: it waits for stock.")
        else:
            text = translate("Pick", "Order {order} incomplete: a supervisor takes it over.")
        parts.append(text.replace("{order}", item["order"]))
    return " ".join(parts)


def outcome_text(outcome: Any) -> str:
    orders = (outcome.args or {}).get("orders")
    if outcome.code in ("order_picked", "pick_complete") and orders:
        closed = closed_text(orders)
        if outcome.code == "pick_complete" and any(item["status"] == "picked" for item in orders):
            return closed + " " + translate("Pick", "Pick complete: take the totes to packing.")
        return closed
    if outcome.code == "lot_needed" and (outcome.args or {}).get("found"):
        return translate("Pick", "Units of this product need their lot read: tap Cancel, scan each unit you found, then declare the short pick for the rest.")
    text = _texts().get(outcome.code, outcome.code)
    for key, value in (outcome.args or {}).items():
        text = text.replace("{" + key + "}", str(value))
    return text


def no_work_text() -> str:
    return translate("Pick", "No order is waiting to be picked right now.")


def claim_failed_text(error: Exception) -> str:
    from app.sync.claims import ClaimRefused, OrderAssignedElsewhere, OrderNotFound, OrderTaken, WrongStatus

    if isinstance(error, OrderTaken):
        return translate("Pick", "Order {order} is being picked at station {station}.").replace(
            "{order}", error.order_number).replace("{station}", error.station)
    if isinstance(error, OrderAssignedElsewhere):
        return translate("Pick", "Order {order} is assigned to station {station}.").replace(
            "{order}", error.order_number).replace("{station}", error.station)
    if isinstance(error, OrderNotFound):
        return translate("Pick", "Order {order} is unknown: check the barcode.").replace("{order}", error.order_number)
    if isinstance(error, WrongStatus):
        return translate("Pick", "Order {order} cannot be picked now (status: {status}).").replace(
            "{order}", error.order_number).replace("{status}", error.status)
    if isinstance(error, ClaimRefused):
        return str(error)
    return translate("Pick", "The central database cannot be reached: no order can be reserved. Try again in a moment.")


def start_failed_text(error: Exception) -> str:
    return translate("Pick", "The pick could not start: {detail}. Ask a supervisor.").replace("{detail}", _detail(error))


def not_saved_text(error: Exception) -> str:
    return translate("Pick", "The station could not save that scan ({detail}): scan it again. If it persists, ask a supervisor.").replace(
        "{detail}", _detail(error))


def _detail(error: Exception) -> str:
    text = str(error).splitlines()[0] if str(error) else type(error).__name__
    return text if len(text) <= 120 else text[:120] + "…"
