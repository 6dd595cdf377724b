"""The KPI page's numbers in words: decimals in the person's language, rates, trends. GUI thread only."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLocale

from app.store.kpis import Kpis

translate = QCoreApplication.translate


def _number(value: float, places: int = 1) -> str:
    """In the person's language: "87,5" in French, "87.5" in English."""
    return QLocale().toString(float(value), "f", places)


def percent(rate: float) -> str:
    # A no-break space: a wrapped trend ("▼ hier 100,0 %") must not leave the "%" alone.
    return _number(rate * 100) + "\u00a0%"


def units_per_hour(k: Kpis) -> float | None:
    """The floor's rate: units over the hours each picker picked in (None: no pick)."""
    pickers = k.pickers()
    hours = sum(p.hours for p in pickers)
    return sum(p.units for p in pickers) / hours if hours else None


def trend_text(now: float | None, before: float | None, shown: str) -> str:
    """"▲ yesterday 97.2 %": the day before's figure, and which way today's went from it."""
    if now is None or before is None:
        return ""
    arrow = "▲" if now > before + 1e-9 else "▼" if now < before - 1e-9 else "="
    return f"{arrow}\u00a0" + translate("KpiPanel", "yesterday %1").replace("%1", shown)
