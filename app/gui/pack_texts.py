"""What the packer reads: each outcome code of app.packing, in the person's language.

The session answers English codes with arguments (``wrong_product`` with ``got``…); every
text here says what happened and what to do. ``{name}`` placeholders take the outcome's
arguments; a placeholder the outcome does not fill is dropped with its parenthesis, never
shown raw. Weights are written the French way (``1,32 kg``, ``550 g``) whatever the language:
the scale shows them so.
"""

from __future__ import annotations

import re
from typing import Any

from PySide6.QtCore import QCoreApplication

translate = QCoreApplication.translate

# Accepted actions the screen shows by itself (a panel opens, the countdown starts): no text on the flash.
QUIET_CODES = frozenset({"started", "serial_wanted", "print_countdown", "parcel_opened"})


def grams_text(grams: int | float | None) -> str:
    """``1,32 kg`` from 1 000 g up, ``550 g`` below; ``—`` when unknown."""
    if grams is None:
        return "—"
    grams = int(round(grams))
    if abs(grams) >= 1000:
        return f"{grams / 1000:.2f}".replace(".", ",") + " kg"
    return f"{grams} g"


def _texts() -> dict[str, str]:
    return {
        # refusals
        "wrong_product": translate("Pack", "Wrong product: {got} is not in this order. Put it aside."),
        "extra_unit": translate("Pack", "Extra unit: every {sku} of this order is already verified. Take it out of the parcel."),
        "lot_mismatch": translate("Pack", "Wrong lot: {lot} was not picked for this order (picked: {picked}). Check the unit."),
        "lot_needed": translate("Pack", "This product is tracked by lot: scan its GS1 barcode with the lot, not the plain EAN."),
        "serial_needed": translate("Pack", "Scan the serial number of this unit first."),
        "serial_repeated": translate("Pack", "Serial number {serial} is already captured: scan the serial of this unit."),
        "not_a_serial": translate("Pack", "That is not a serial number: scan the serial barcode of the unit."),
        "unknown_box": translate("Pack", "Unknown box {box}: scan a box barcode from the box list, or tap a box on the screen."),
        "box_too_small": translate("Pack", "Box {box} is too small for these items: take a larger box."),
        "box_too_light": translate("Pack", "Box {box} carries at most {max}, these items weigh {weight}: take a stronger box."),
        "weight_unstable": translate("Pack", "The scale is not stable: let the parcel settle."),
        "weight_out_of_tolerance": translate("Pack", "Weight {grams} expected {expected} ±{tolerance}: check the parcel again."),
        "weight_invalid": translate("Pack", "That weight is not possible: weigh the parcel again."),
        "manual_weight_refused": translate("Pack", "This station must weigh on its scale: put the parcel on the scale."),
        "not_verified": translate("Pack", "Not every unit is verified: scan the remaining units, or ask a supervisor."),
        "misread": translate("Pack", "The barcode was misread: scan it again."),
        "unexpected_scan": translate("Pack", "This scan is not expected now: follow the screen."),
        "nothing_to_undo": translate("Pack", "Nothing to undo."),
        "invalid_quantity": translate("Pack", "That quantity is not possible here."),
        "quantity_entry_unavailable": translate("Pack", "A quantity can be keyed in only on large lines: scan each unit."),
        "not_a_supervisor": translate("Pack", "This badge is not a supervisor's: a supervisor must scan their own badge."),
        "reason_needed": translate("Pack", "Give a reason for the override."),
        "empty_parcel": translate("Pack", "This parcel is empty: put units in it first."),
        "wrong_step": translate("Pack", "Not now: follow the step on the screen."),
        "already_closed": translate("Pack", "This order is already closed."),
        "box_needed": translate("Pack", "Confirm the box of this parcel first: scan the box barcode."),
        # accepted
        "started": translate("Pack", "Order {order}: scan every unit."),
        "ok_unit": "",
        "ok_serial": "",
        "ok_box": translate("Pack", "Box {box} confirmed."),
        "parcel_opened": translate("Pack", "Parcel {parcel} opened."),
        "weight_ok": translate("Pack", "Weight OK."),
        "weight_overridden": translate("Pack", "Weight accepted by a supervisor."),
        "verification_overridden": translate("Pack", "Verification completed by a supervisor."),
        "recheck_started": translate("Pack", "Scan the parcel's units again."),
        "inserts_done": "",
        "print_countdown": "",
        "print_cancelled": translate("Pack", "Printing cancelled."),
        "undone": translate("Pack", "Last action undone."),
        "closed": translate("Pack", "Order {order} packed."),
        "pack_cancelled": translate("Pack", "Packing cancelled: take the tote back."),
        "serial_wanted": "",
    }


def outcome_text(outcome: Any) -> str:
    args = dict(outcome.args or {})
    code = outcome.code
    if code == "weight_out_of_tolerance":
        return weight_off_text(args)
    if code == "lot_mismatch" and args.get("reason") == "more_than_picked":
        return fill(translate("Pack", "Lot {lot}: more units than were picked for this order. Put the extra unit aside."), args)
    if code == "box_too_light":
        args["weight"], args["max"] = grams_text(args.get("weight_g")), grams_text(args.get("max_weight_g"))
    text = _texts().get(code, code)
    return fill(text, args)


def weight_off_text(args: dict[str, Any]) -> str:
    """"Weight 1,32 kg expected 1,10 kg ±55 g: check the parcel again." from the outcome's args."""
    grams = args.get("grams")
    expected = args.get("expected_g", args.get("expected"))
    tolerance = args.get("tolerance_g", args.get("tolerance"))
    text = _texts()["weight_out_of_tolerance"]
    text = text.replace("{grams}", grams_text(grams)).replace("{expected}", grams_text(expected))
    return text.replace("{tolerance}", grams_text(tolerance) if tolerance is not None else "?")


def fill(text: str, args: dict[str, Any]) -> str:
    for key, value in args.items():
        if isinstance(value, (list, tuple)):
            value = ", ".join(str(v) for v in value)
        text = text.replace("{" + key + "}", str(value))
    # An argument the session did not give: the sentence without it, rather than "{got}".
    text = re.sub(r"\s*\([^()]*\{\w+\}[^()]*\)", "", text)
    return re.sub(r"\{\w+\}\s?", "", text)


# --- the screen's words ------------------------------------------------------------------------------

def carrier_name(carrier: str | None) -> str:
    names = {
        "colissimo": "Colissimo",
        "chronopost": "Chronopost",
        "mondial_relay": "Mondial Relay",
        "click_collect": translate("Pack", "Click & collect"),
    }
    return names.get(carrier or "", carrier or translate("Pack", "Carrier to choose"))


def delivery_text(mode: str) -> str:
    return {
        "home": translate("Pack", "Home delivery"),
        "relay": translate("Pack", "Relay point"),
        "pickup": translate("Pack", "Pickup in store"),
    }.get(mode, mode)


def insert_text(code: str, label: str | None = None) -> str:
    known = {
        "gift_message": translate("Pack", "Gift message card"),
        "gift_wrap": translate("Pack", "Gift wrap"),
        "promo_first_order": translate("Pack", "Welcome insert (first order)"),
    }
    if code in ("gift_message", "gift_wrap"):
        return known[code]
    return label or known.get(code) or code  # the site's own words for its inserts


def reason_text(reason: str) -> str:
    return {
        "barcode_unreadable": translate("Pack", "Barcode unreadable"),
        "product_relabelled": translate("Pack", "Product relabelled"),
        "catalogue_weight_wrong": translate("Pack", "Catalogue weight wrong"),
        "customer_agreed": translate("Pack", "Customer agreed"),
    }.get(reason, reason)


def no_work_text() -> str:
    return translate("Pack", "No order is waiting to be packed right now.")


def claim_failed_text(error: Exception) -> str:
    from app.sync.claims import ClaimRefused, OrderAssignedElsewhere, OrderNotFound, OrderTaken, WrongStatus

    if isinstance(error, OrderTaken):
        return translate("Pack", "Order {order} is being handled at station {station}.").replace(
            "{order}", error.order_number).replace("{station}", error.station)
    if isinstance(error, OrderAssignedElsewhere):
        return translate("Pack", "Order {order} is assigned to station {station}.").replace(
            "{order}", error.order_number).replace("{station}", error.station)
    if isinstance(error, OrderNotFound):
        return translate("Pack", "Order {order} is unknown: check the barcode.").replace("{order}", error.order_number)
    if isinstance(error, WrongStatus):
        return translate("Pack", "Order {order} cannot be packed now (status: {status}).").replace(
            "{order}", error.order_number).replace("{status}", error.status)
    if isinstance(error, ClaimRefused):
        return str(error)
    if isinstance(error, LookupError):
        return str(error)
    return translate("Pack", "The central database cannot be reached: no order can be reserved. Try again in a moment.")


def scan_error_text(error: Exception) -> str:
    """A tote, pick list or number scanned at the home that names no order to pack
    (app.store.packing_inputs.PackScanError's codes)."""
    code = getattr(error, "code", None)
    args = dict(getattr(error, "args_", {}) or {})
    texts = {
        "unknown_order": translate("Pack", "Order {order} is not known at this station: check the number, or wait for the station to sync."),
        "order_not_picked": translate("Pack", "Order {order} cannot be packed now (status: {status})."),
        "unknown_tote": translate("Pack", "Tote {tote} holds no order waiting to be packed: scan the order number on the pick slip instead."),
        "tote_not_picked": translate("Pack", "Tote {tote} holds order {order}, which cannot be packed now (status: {status})."),
        "tote_several_orders": translate("Pack", "Tote {tote} holds several orders ({orders}): scan the order number instead."),
        "unknown_pick_list": translate("Pack", "Pick list {pick_list} is not known here: scan a tote or the order number instead."),
        "pick_list_done": translate("Pack", "Pick list {pick_list} has no order waiting to be packed: scan the next tote."),
        "unknown_scan": translate("Pack", "{value} is no order, tote or pick list known here: scan the tote or the order number."),
    }
    if code in texts:
        return fill(texts[code], args)
    return start_failed_text(error)


def start_failed_text(error: Exception) -> str:
    return translate("Pack", "Packing could not start: {detail}. Ask a supervisor.").replace("{detail}", detail(error))


def not_saved_text(error: Exception) -> str:
    return translate("Pack", "The station could not save that action ({detail}): do it again. If it persists, ask a supervisor.").replace(
        "{detail}", detail(error))


def close_failed_text(error: Exception) -> str:
    from app.store.sscc_pool import SsccPoolEmpty

    if isinstance(error, SsccPoolEmpty):
        return translate("Pack", "This station has no SSCC numbers left for the labels: check its link to the central database, then tap Print. Nothing was closed.")
    return translate("Pack", "The order could not be closed ({detail}): tap Print to try again. If it persists, ask a supervisor.").replace(
        "{detail}", detail(error))


def print_failed_text(error: Exception) -> str:
    return translate("Pack", "The order is closed but its label did not print ({detail}): reprint it from the done screen, or ask a supervisor.").replace(
        "{detail}", detail(error))


def no_printer_text() -> str:
    return translate("Pack", "No printer is configured at this station: the label was not printed. Ask a supervisor.")


def left_over_text(number: str) -> str:
    return translate("Pack", "Order {order} was closed but its label had not printed when the station stopped: it prints now. Stick it on its parcel.").replace(
        "{order}", number)


def reprinted_text() -> str:
    return translate("Pack", "Label printed again.")


def nothing_to_reprint_text() -> str:
    return translate("Pack", "No label to reprint yet.")


def wrong_pin_text() -> str:
    return translate("Pack", "Badge or PIN not recognised: try again.")


def detail(error: Exception) -> str:
    text = str(error).splitlines()[0] if str(error) else type(error).__name__
    return text if len(text) <= 120 else text[:120] + "…"
