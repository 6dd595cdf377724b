"""The live overview's words: countdowns, idle times, exceptions. Any thread that may translate (GUI)."""

from __future__ import annotations

import math
from typing import Any

from PySide6.QtCore import QCoreApplication

translate = QCoreApplication.translate


NBSP = "\u00a0"  # between a number and its unit, and inside a duration: a tile never wraps "1 h" / "05"


def duration_text(seconds: int) -> str:
    """A duration with its units, read from 1.5 m: "19 h 17", "1 h 05", "17 min", "45 s".

    Never "17:17" for 17 minutes beside "19:17" for 19 hours: every figure has its unit.
    Seconds only in the last minute (a tile has room for about eight characters at 44 px,
    and a minute's precision is what the floor acts on before that)."""
    seconds = max(0, seconds)
    hours, rest = divmod(seconds, 3600)
    if hours:
        return translate("ConsoleOverview", "%1 h %2").replace("%1", str(hours)).replace(
            "%2", f"{rest // 60:02d}").replace(" ", NBSP)
    if rest >= 60:
        return translate("ConsoleOverview", "%1 min").replace("%1", str(rest // 60)).replace(" ", NBSP)
    return translate("ConsoleOverview", "%1 s").replace("%1", str(rest)).replace(" ", NBSP)


def countdown_text(seconds: float) -> str:
    """The time left before a cutoff ("17 min", "1 h 05"), or how long ago it passed
    ("passed by 12 min"). Left is rounded down and passed rounded up (30 s late is "passed
    by 30 s", never "0 s"), so the text turns at the cutoff itself."""
    if seconds >= 0:
        return duration_text(int(math.floor(seconds)))
    return translate("ConsoleOverview", "passed by %1").replace("%1", duration_text(max(1, int(math.ceil(-seconds)))))


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
