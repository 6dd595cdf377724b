"""The live overview's words: countdowns, idle times, exceptions. Any thread that may translate (GUI)."""

from __future__ import annotations

import math
from typing import Any

from PySide6.QtCore import QCoreApplication

translate = QCoreApplication.translate


def countdown_text(seconds: float) -> str:
    """h:mm, or mm:ss within the last hour; a minus sign once the time has passed."""
    sign = "-" if seconds < 0 else ""
    left = abs(int(math.floor(seconds))) if seconds >= 0 else int(math.ceil(-seconds))
    hours, rest = divmod(left, 3600)
    if hours:
        return f"{sign}{hours}:{rest // 60:02d}"
    return f"{sign}{rest // 60:02d}:{rest % 60:02d}"


def to_prepare_text(due: int) -> str:
    """A carrier's orders still due. Not a %n plural: the French merge gave "%n to prepare" a
    single form, so from 2 on Qt fell back to the English source ("12 to prepare"); the words
    do not change with the number in either language, so a plain %1 says it in all cases."""
    return translate("ConsoleOverview", "To prepare: %1").replace("%1", str(due))


def late_text(late: int) -> str:
    """The backlog's late orders; a plain %1 for the same reason as ``to_prepare_text``."""
    return translate("ConsoleOverview", "%1 late").replace("%1", str(late))


def idle_text(minutes: int | None) -> str:
    if minutes is None:
        return translate("ConsoleOverview", "no scan yet")
    if minutes < 1:
        return translate("ConsoleOverview", "active now")
    if minutes < 60:
        return translate("ConsoleOverview", "last scan %n min ago", "", minutes)
    return translate("ConsoleOverview", "last scan %1 h %2 ago").replace("%1", str(minutes // 60)).replace(
        "%2", f"{minutes % 60:02d}")


def short_reason_text(reason: str | None) -> str:
    names = {
        "location_empty": translate("ConsoleOverview", "location empty"),
        "damaged": translate("ConsoleOverview", "damaged"),
        "not_found": translate("ConsoleOverview", "not found"),
    }
    return names.get(reason or "", reason or "")


def mismatch_text(code: str, detail: dict[str, Any]) -> str:
    what = detail.get("sku") or detail.get("raw") or detail.get("serial") or ""
    names = {
        "wrong_product": translate("ConsoleOverview", "wrong product %1"),
        "extra_unit": translate("ConsoleOverview", "one unit too many of %1"),
        "lot_mismatch": translate("ConsoleOverview", "wrong lot of %1"),
        "serial_repeated": translate("ConsoleOverview", "serial %1 scanned twice"),
    }
    if code == "weight_out_of_tolerance":
        return translate("ConsoleOverview", "weight %1 g, expected %2 g").replace(
            "%1", str(detail.get("grams", "?"))).replace("%2", str(detail.get("expected_g", "?")))
    return names.get(code, code + " %1").replace("%1", str(what)).strip()
