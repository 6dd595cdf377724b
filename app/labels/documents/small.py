"""The floor's small labels: shelf locations, totes, and staff badge cards.

Each Code 128 carries exactly what the scanners expect (``app.scanning.rules``): a location
its code (``A-01-02-1``), a tote its code with the tote prefix (``TOT001``), a badge its
code with the badge prefix (``BDG0001``). The big text above the bars is the same code, so
a person and a scanner read the same thing.
"""

from __future__ import annotations

from app.labels.documents import Column, centred_code128
from app.labels.label_data import BadgeData, LocationData
from app.labels.layout import Box, Element, Label, Text
from app.labels.wrap import text_width_mm
from app.scanning.rules import DEFAULT_RULES, PrefixRules

LOCATION_SIZE = (100.0, 50.0)
TOTE_SIZE = (100.0, 50.0)
CR80 = (85.6, 54.0)  # ISO/IEC 7810 ID-1, a bank card's size: fits badge holders and card printers


def _fit_size(text: str, width: float, largest: float) -> float:
    """The largest text height up to ``largest`` at which ``text`` fits ``width`` on one line."""
    return min(largest, width / max(text_width_mm(text, 1.0), 1e-6) * 0.98)


def _code_label(name: str, size: tuple[float, float], code: str, subtitle: str) -> Label:
    width, height = size
    margin = 3.0
    title = _fit_size(code, width - 2 * margin, 12.0)
    elements: list[Element] = [Text(margin, 2.0, width - 2 * margin, title, code, bold=True, align="center")]
    y = 2.0 + title * 1.15 + 1.0
    sub = 3.0
    bars = height - y - 1.5 - (sub * 1.15 + 0.5 if subtitle else 0.0)
    bar = centred_code128(code, left=1.0, right=width - 1.0, y=round(y, 2), height=round(bars, 2))
    elements.append(bar)
    if subtitle:
        elements.append(Text(margin, y + bars + 0.5, width - 2 * margin, sub, subtitle, align="center"))
    return Label(name, width, height, tuple(elements))


def location_label(code: str | LocationData, *, zone: str = "", aisle: str = "", level: str = "",
                   size: tuple[float, float] = LOCATION_SIZE) -> Label:
    """A shelf label, 100x50 mm by default: the code big, its Code 128, where it is."""
    if isinstance(code, LocationData):
        zone, aisle, level, code = code.zone or zone, code.aisle or aisle, code.level or level, code.code
    where = " · ".join(part for part in (f"Zone {zone}" if zone else "", f"allée {aisle}" if aisle else "",
                                        f"niveau {level}" if level else "") if part)
    return _code_label("location", size, code, where)


def tote_label(code: str, *, rules: PrefixRules = DEFAULT_RULES, size: tuple[float, float] = TOTE_SIZE) -> Label:
    """A tote's label, 100x50 mm: ``TOT001`` (a bare number gets the tote prefix, so "7"
    prints ``TOT007``, what the scanners expect)."""
    if code.isdigit():
        code = f"{rules.tote_prefix}{int(code):03d}"
    if not rules.is_tote(code):
        raise ValueError(f"{code!r} is not a tote code: it must start with {rules.tote_prefix!r}")
    number = code[len(rules.tote_prefix):]
    subtitle = f"Bac {int(number)}" if number.isdigit() else "Bac"
    return _code_label("tote", size, code, subtitle)


def badge_card(name: str | BadgeData, badge: str = "", roles: tuple[str, ...] | list[str] = (), *,
               rules: PrefixRules = DEFAULT_RULES) -> Label:
    """A staff badge card, CR80 (85.6x54 mm): name, roles, the badge's Code 128 and its code."""
    if isinstance(name, BadgeData):
        name, badge, roles = name.name, name.badge, name.roles
    if not rules.is_badge(badge):
        raise ValueError(f"{badge!r} is not a badge code: it must start with {rules.badge_prefix!r}")
    width, height = CR80
    margin = 3.5
    elements: list[Element] = [
        Box(0.0, 0.0, width, 7.0, filled=True),
        Text(margin, 1.6, 30.0, 4.0, "QUAI", bold=True, inverse=True),
        Text(width - margin - 40.0, 2.0, 40.0, 3.0, "Badge personnel", inverse=True, align="right"),
    ]
    column = Column(margin, 9.0, width - 2 * margin, 26.0)
    column.text(name, 5.5, bold=True, max_lines=2)
    column.text(" · ".join(roles), 3.2, max_lines=1)
    elements += column.elements
    bars_top, bars = 27.0, 17.0
    elements.append(centred_code128(badge, left=1.0, right=width - 1.0, y=bars_top, height=bars))
    elements.append(Text(margin, bars_top + bars + 0.6, width - 2 * margin, 3.6, badge, bold=True, align="center"))
    return Label("badge", width, height, tuple(elements))
