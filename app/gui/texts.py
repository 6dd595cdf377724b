"""Translated names of things the screens show: roles, order statuses, device states.

Each call translates at the moment it is made, so the result follows a language switch.
The dictionaries are rebuilt per call on purpose: lupdate finds each literal, and no
text is frozen in the language that was active at import time.
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QCoreApplication, QLocale

translate = QCoreApplication.translate


def plural(count: int, one: str, many: str) -> str:
    """Pick the singular or plural text (both already translated) and put ``count`` in ``%n``.

    Not Qt's numerus (``translate(..., n)``): pyside6-lupdate 6.11 only sees numerus
    messages whose count is a literal number, and drops the plural forms otherwise.
    French uses the singular for 0 and 1, English for 1 only.
    """
    singular = count <= 1 if QLocale().language() == QLocale.Language.French else count == 1
    return (one if singular else many).replace("%n", str(count))


def role_name(role: str) -> str:
    names = {
        "picker": translate("Roles", "Picking"),
        "packer": translate("Roles", "Packing"),
        "supervisor": translate("Roles", "Supervision"),
    }
    return names.get(role, role)


def role_action(role: str) -> str:
    """The text of a big role button on the chooser."""
    actions = {
        "picker": translate("Roles", "Pick orders"),
        "packer": translate("Roles", "Pack orders"),
        "supervisor": translate("Roles", "Supervise the floor"),
    }
    return actions.get(role, role)


def status_name(status: str) -> str:
    names = {
        "new": translate("OrderStatus", "To pick"),
        "awaiting_stock": translate("OrderStatus", "Awaiting stock"),
        "picking": translate("OrderStatus", "Being picked"),
        "picked": translate("OrderStatus", "Picked"),
        "packing": translate("OrderStatus", "Being packed"),
        "ready_to_ship": translate("OrderStatus", "Ready to ship"),
        "shipped": translate("OrderStatus", "Shipped"),
        "on_hold": translate("OrderStatus", "On hold"),
        "exception": translate("OrderStatus", "Exception"),
        "cancelled": translate("OrderStatus", "Cancelled"),
    }
    return names.get(status, status)


def central_text(state: str) -> str:
    texts = {
        "checking": translate("Status", "Central: checking…"),
        "online": translate("Status", "Central: online"),
        "offline": translate("Status", "Central: offline"),
        "embedded": translate("Status", "Central: embedded (SQLite)"),
        "stale": translate("Status", "Local copy not refreshed: see a supervisor"),
    }
    return texts.get(state, state)


def scanner_text(state: str, label: str = "", working: int = 0) -> str:
    """The status bar's scanner line (app.devices.scanner_states.summarise): the source at
    fault, by the name a person sees on the device or its cable, and what to do."""
    if state == "on_screen":
        return translate("Status", "Scanner: on-screen entry")
    if state == "ready":
        if working <= 1:
            return translate("Status", "Scanner: ready")
        return plural(working, translate("Status", "Scanners: %n ready"), translate("Status", "Scanners: %n ready"))
    if state == "starting":
        return translate("Status", "Scanner: starting…")
    texts = {
        "unplugged": translate("Status", "Scanner %1 unplugged: plug it back in"),
        "missing": translate("Status", "Scanner %1 not found: check its cable"),
        "refused": translate("Status", "Scanner %1 cannot be used: call a supervisor"),
    }
    return texts.get(state, state).replace("%1", label)


def refusal_text(detail: str) -> str:
    """Why a scanner cannot be used (the readers' English detail, app.devices.evdev_source and
    serial_source), in the person's language, with what to do; the detail as is otherwise."""
    import re

    group = re.search(r"permission denied — (\S+) (is not in|was added to) the (\w+) group", detail)
    if group:
        user, how, name = group.groups()
        if how == "was added to":
            text = translate("Scanner", "Permission denied: %1 was added to the %2 group after logging in. Log out and in again.")
        else:
            text = translate(
                "Scanner", "Permission denied: %1 is not in the %2 group. An administrator runs “sudo usermod -aG %2 %1”, then log in again."
            )
        return text.replace("%1", user).replace("%2", name)
    if "another program holds the scanner" in detail:
        return translate("Scanner", "Another program holds this scanner (another Quai station, or quai scanner-test?). Close it.")
    if "is not an input event device" in detail:
        return translate("Scanner", "This path is not an input device: give the scanner's /dev/input/by-id/…-event-kbd link.")
    return detail


def misread_text(reason: str | None, raw: str) -> str:
    """What a person reads when a scan cannot be trusted (app.scanning.classify's reasons)."""
    shown = raw.replace("\x1d", "<GS>").strip()
    shown = shown if len(shown) <= 32 else shown[:32] + "…"
    texts = {
        "empty": translate("Scan", "Empty scan: scan the barcode again."),
        "unreadable": translate("Scan", "The scan holds unreadable characters: scan the barcode again."),
        "unknown_command": translate("Scan", "Unknown command barcode %1: use the command sheet."),
        "check_digit": translate("Scan", "Barcode %1 was misread (wrong check digit): scan it again."),
        "parcel_check_digit": translate("Scan", "Parcel code %1 was misread (wrong check digit): scan it again."),
        "gs1_not_understood": translate("Scan", "GS1 barcode %1 not understood: scan it again."),
        "gs1_no_key": translate("Scan", "This GS1 barcode has no product code: scan the product's barcode."),
    }
    return texts.get(reason or "", translate("Scan", "Barcode %1 not understood: scan it again.")).replace("%1", shown)


def printer_text(state: str, waiting: int = 0) -> str:
    if state == "not_configured":
        return translate("Status", "Printer: not configured")
    from app.gui.printer_texts import status_text

    return status_text(state, waiting)


def outbox_text(count: int | None) -> str:
    if count is None:
        return translate("Status", "Outbox: …")
    if count == 0:
        return translate("Status", "Outbox: empty")
    return plural(count, translate("Status", "Outbox: %n event to send"), translate("Status", "Outbox: %n events to send"))


def last_sync_text(when: datetime | None) -> str:
    """The local time of the last successful push, to the second."""
    if when is None:
        return translate("Status", "Last sync: never")
    return translate("Status", "Last sync: %1").replace("%1", when.strftime("%H:%M:%S"))


def lost_claim_text(order: str, why: str) -> str:
    """Why the station no longer holds an order (app.sync.claims' and app.sync.pull's words)."""
    if why == "cancelled":
        text = translate("Status", "Order %1 cancelled: put the picked items back")
    elif why.startswith("reassigned to "):
        text = translate("Status", "Order %1 reassigned to %2").replace("%2", why.removeprefix("reassigned to "))
    elif why.startswith("lease expired and taken by "):
        text = translate("Status", "Order %1 taken over by %2").replace("%2", why.removeprefix("lease expired and taken by "))
    elif why == "deleted":
        text = translate("Status", "Order %1 deleted centrally: put the picked items back")
    else:
        text = translate("Status", "Order %1 released: stop working on it")
    return text.replace("%1", order)


def cutoff_text(when: datetime | None, now: datetime | None = None) -> str:
    """``when`` on the warehouse's clock (Paris, as the carriers' cutoffs and the console):
    "today 17:00", or "Wed 28 Nov 17:00" another day. The store keeps UTC (a naive value is UTC)."""
    if when is None:
        return translate("Orders", "no cutoff")
    # Not on the start-up path (the status area imports this module).
    from datetime import UTC

    from PySide6.QtCore import QDate, QDateTime, QTime

    from app.packing.cutoffs import PARIS

    local = (when if when.tzinfo else when.replace(tzinfo=UTC)).astimezone(PARIS)
    today = (now or datetime.now(PARIS)).astimezone(PARIS).date()
    # Built from the Paris wall-clock fields: Qt never converts it to the machine's zone.
    moment = QDateTime(QDate(local.year, local.month, local.day), QTime(local.hour, local.minute))
    locale = QLocale()
    if local.date() == today:
        return translate("Orders", "today %1").replace("%1", locale.toString(moment.time(), "HH:mm"))
    return locale.toString(moment, "ddd d MMM HH:mm")


def lost_work_text(order: str, why: str, status: str, put_back, *, stage: str = "pick", tote: str | None = None) -> str:
    """The banner when a supervisor (or another station) took the order in hand away: what
    happened, then what to do with what is in the person's hands (app.gui.lost_claims).
    ``status``: the order's status in the replica now (a hold reads "released by a
    supervisor" to the heartbeat); ``put_back``: ((sku, units), …) for a cancel."""
    if why == "cancelled" or status == "cancelled":
        head = translate("LostWork", "Order %1 cancelled")
    elif why == "deleted":
        head = translate("LostWork", "Order %1 deleted from the central database")
    elif why.startswith("reassigned to "):
        head = translate("LostWork", "Order %1 reassigned to %2 by a supervisor").replace(
            "%2", why.removeprefix("reassigned to "))
    elif status == "on_hold":
        head = translate("LostWork", "Order %1 put on hold by a supervisor")
    elif why == "released by a supervisor":
        head = translate("LostWork", "Order %1 released by a supervisor")
    elif why.startswith("lease expired and taken by "):
        head = translate("LostWork", "Order %1 taken over by %2").replace(
            "%2", why.removeprefix("lease expired and taken by "))
    else:
        head = translate("LostWork", "Order %1 released")
    if why in ("cancelled", "deleted") or status == "cancelled":
        if put_back:
            units = ", ".join(f"{sku}\u00a0×{count}" for sku, count in put_back)  # "MUG ×2" kept on one line
            what = translate("LostWork", "put back in stock the items already picked: %1.").replace("%1", units)
        else:
            what = translate("LostWork", "nothing was picked, nothing to put back in stock.")
    elif stage == "pack":
        what = translate("LostWork", "put its items back in their tote and set it aside.")
    elif tote:
        what = translate("LostWork", "set its tote %1 aside, nothing to undo.").replace("%1", tote)
    else:
        what = translate("LostWork", "set its tote aside, nothing to undo.")
    return translate("LostWork", "%1: %2").replace("%1", head.replace("%1", order), 1).replace("%2", what, 1)


def batch_goes_on_text() -> str:
    return translate("LostWork", "The other orders of the batch go on.")
