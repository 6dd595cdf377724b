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
        # A plain %1, as in ``to_prepare_text``: the merged "%n min" had one French form, so
        # from 2 minutes on the console said "last scan 4 min ago" in English.
        return translate("ConsoleOverview", "last scan %1 min ago").replace("%1", str(minutes))
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


# --- the lists' rows: two lines each, what matters first (the second line is the one cut short) --


def station_text(name: str, who: str | None, idle_minutes: int | None) -> str:
    """A station's row: the station and who is on it, then how long since their last scan
    (on its own line, so a long name never pushes it out of sight)."""
    return f"{name} — {who or translate('ConsoleOverview', 'nobody')}\n{idle_text(idle_minutes)}"


def exception_text(item: Any) -> str:
    """An exception's row (app.store.overview.ExceptionItem): the order and what kind of
    exception, then its details (short lines, unknown SKUs, the hold's reason)."""
    if item.kind == "short":
        kind = translate("ConsoleOverview", "Short pick")
        detail = ", ".join(f"{line.sku} ×{line.short}"
                           + (f" ({short_reason_text(line.reason)})" if line.reason else "") for line in item.lines)
    elif item.kind == "unknown_sku":
        kind, detail = translate("ConsoleOverview", "Unknown SKU"), ", ".join(item.skus)
    elif item.kind == "hold":
        kind, detail = translate("ConsoleOverview", "On hold"), item.reason or ""
    else:
        kind, detail = translate("ConsoleOverview", "Exception"), item.reason or ""
    return f"{item.order} · {kind}" + (f"\n{detail}" if detail else "")


def mismatch_row_text(mismatch: Any, when: str) -> str:
    """A packing mismatch's row (app.store.overview.Mismatch; ``when`` its time, Paris):
    the order, the check and its time, then what was wrong and at which station."""
    head = f"{mismatch.order} · " if mismatch.order else ""
    return (head + translate("ConsoleOverview", "Packing check") + f" {when}\n"
            + mismatch_text(mismatch.code, mismatch.detail) + f" · {mismatch.station}")
