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


def scanner_text(state: str) -> str:
    texts = {"on_screen": translate("Status", "Scanner: on-screen entry")}
    return texts.get(state, state)


def printer_text(state: str) -> str:
    texts = {"not_configured": translate("Status", "Printer: not configured")}
    return texts.get(state, state)


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


def cutoff_text(when: datetime | None) -> str:
    if when is None:
        return translate("Orders", "no cutoff")
    from PySide6.QtCore import QDateTime, QTimeZone  # not on the start-up path (the status area)

    moment = QDateTime.fromSecsSinceEpoch(int(when.timestamp()), QTimeZone.systemTimeZone())
    today = QDateTime.currentDateTime().date()
    locale = QLocale()
    if moment.date() == today:
        return translate("Orders", "today %1").replace("%1", locale.toString(moment.time(), "HH:mm"))
    return locale.toString(moment, "ddd d MMM HH:mm")
