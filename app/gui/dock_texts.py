"""What the dock says: carriers' names, each handover answer and refusal, in the person's
language. Refusals come from app.store.handover.HandoverError (``code`` and ``details``);
every sentence says what happened and what to do with the parcel in hand. GUI thread only.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from PySide6.QtCore import QCoreApplication

from app.packing.manifest import LOCAL

translate = QCoreApplication.translate

CARRIERS = ("colissimo", "chronopost", "mondial_relay", "click_collect")
# The carrier's brand colour, on its band at the top of the dock (white text on each).
CARRIER_COLOURS = {"colissimo": "#8f6000", "chronopost": "#0b3b8c", "mondial_relay": "#96154a",
                   "click_collect": "#1b6b32"}


def carrier_name(code: str | None) -> str:
    names = {
        "colissimo": "Colissimo",
        "chronopost": "Chronopost",
        "mondial_relay": "Mondial Relay",
        "click_collect": translate("Dock", "Click & collect (shop)"),
    }
    if not code:
        return translate("Dock", "no carrier")
    return names.get(code, code.replace("_", " ").title())


def _fill(text: str, values: dict[str, Any]) -> str:
    for key, value in values.items():
        text = text.replace("{" + key + "}", str(value))
    return text


def time_text(when: datetime | None) -> str:
    return when.astimezone(LOCAL).strftime("%H:%M") if when is not None else "?"


def parcel_words(kind: str, number_text: str, order: str) -> str:
    """"parcel 2/3 of #1042", or "the pallet of #1042"."""
    if kind == "pallet":
        return _fill(translate("Dock", "the pallet of {order}"), {"order": order})
    return _fill(translate("Dock", "parcel {n} of {order}"), {"n": number_text, "order": order})


def shipped_text(result: Any) -> str:
    """The green line: "Parcel 2/3 of #1042 handed over", and what it means for the order."""
    parcel = result.parcel
    if parcel.kind == "pallet":
        text = _fill(translate("Dock", "Pallet of {order} handed over, with its {count} cartons"),
                     {"order": parcel.order, "count": len(result.with_pallet)})
    else:
        text = _fill(translate("Dock", "Parcel {n} of {order} handed over"), {"n": parcel.number_text, "order": parcel.order})
    if result.order_shipped:
        text += " — " + translate("Dock", "order shipped")
    elif result.left:
        text += " — " + _fill(translate("Dock", "{left} more to come"), {"left": result.left})
    return text


def already_text(result: Any) -> str:
    parcel = result.parcel
    what = parcel_words(parcel.kind, parcel.number_text, parcel.order)
    text = _fill(translate("Dock", "Already handed over at {time}: {what}. Nothing to do."),
                 {"time": time_text(parcel.shipped_at), "what": what})
    if result.order_shipped:  # the order had stayed behind its parcels: shipped now
        text += " — " + translate("Dock", "order shipped")
    return text


def error_text(code: str, details: dict[str, str]) -> str:
    texts = {
        "not_a_parcel": translate("Dock", "This is not a parcel label: scan the SSCC barcode, (00) under the bars."),
        "unknown_parcel": translate(
            "Dock", "Unknown parcel {sscc}: it was not packed here, or the station is not in sync. Put it aside and tell "
            "your supervisor."),
        "order_on_hold": translate(
            "Dock", "Order {order} is on hold ({reason}): this parcel must not leave. Put it aside."),
        "order_exception": translate(
            "Dock", "Order {order} is in exception ({reason}): this parcel must not leave. Put it aside."),
        "order_cancelled": translate("Dock", "Order {order} was cancelled: this parcel must not leave. Put it aside."),
        "order_not_ready": translate(
            "Dock", "Order {order} is not ready to ship: take this parcel back to the packing bench."),
        "parcel_open": translate(
            "Dock", "Parcel {seq} of {order} is not closed: take it back to the packing bench."),
        "wrong_carrier": translate(
            "Dock", "Wrong carrier: this parcel of {order} goes with {carrier}, not {dock}. Keep it for its own carrier."),
    }
    values = dict(details)
    if "carrier" in values:
        values["carrier"] = carrier_name(values["carrier"] or None)
    if "dock" in values:
        values["dock"] = carrier_name(values["dock"])
    if not values.get("reason"):
        values["reason"] = translate("Dock", "no reason given")
    text = texts.get(code)
    if text is None:
        return translate("Dock", "This parcel cannot be handed over: put it aside and tell your supervisor.")
    return _fill(text, values)


def failure_text(error: Exception) -> str:
    """Any other failure of a dock job (the station's copy unreadable…)."""
    detail = str(error).splitlines()[0] if str(error) else type(error).__name__
    return _fill(translate("Dock", "The station could not record this scan ({error}). Scan the parcel again."),
                 {"error": detail})


def list_line(parcel: Any) -> str:
    """One parcel in the dock's lists: order, n/N, who, the end of its SSCC (to tell two parcels
    of one order apart on the dock)."""
    number = translate("Dock", "pallet") if parcel.kind == "pallet" else parcel.number_text
    return f"{parcel.order}  {number}  {parcel.recipient}  ·  …{parcel.sscc[-6:]}"


def held_line(parcel: Any) -> str:
    status = {"on_hold": translate("Dock", "on hold"), "exception": translate("Dock", "in exception"),
              "cancelled": translate("Dock", "cancelled")}.get(parcel.order_status, parcel.order_status)
    reason = f" ({parcel.hold_reason})" if parcel.hold_reason else ""
    return _fill(translate("Dock", "PUT ASIDE: {line} — order {status}{reason}"),
                 {"line": list_line(parcel), "status": status, "reason": reason})
