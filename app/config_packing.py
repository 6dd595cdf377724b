"""The station file's ``[packing]`` and ``[carriers]`` sections: how a pack is checked, and
the carrier rules a plan is built with.

Example (every key optional; defaults shown or described)::

    [packing]
    quantity_threshold = 5    # from this many units left on a line, a quantity may be keyed (and confirmed)
    tolerance_g = 30          # a weighed parcel may differ from the expected weight by the larger of
    tolerance_pct = 5.0       # these two
    print_delay_s = 5         # seconds to cancel before the label and slip print
    require_scale = false     # true: no weight keyed by hand
    scale = "serial:///dev/ttyUSB1?protocol=mt-sics"   # app.devices.scales.url; omit or manual://: keyed by hand
    promise_days = 5          # delivery promise (working days) of a method that does not say express
    express_words = ["express", "24h", "24 h", "chrono"]   # what in a method's text promises next day

    [[packing.insert]]        # insert rules (app.packing.inserts); with none, the first-order flyer
    when = "first_order"      # first_order | gift | b2b | country:XX | sku:SKU
    code = "promo_first_order"
    label = "Flyer bienvenue -10 %"

    [carriers]
    holidays = "fr"           # working days for cutoffs: fr (French public holidays off) | none

    [carriers.chronopost]     # colissimo | chronopost | mondial_relay | click_collect: override what you need
    cutoff = "12:00"          # same-day cutoff, Paris time
    enabled = true            # false: never chosen by the rules (an order naming it keeps it)
    days = [1, 1]             # working days, fastest and slowest
    zones = ["france", "europe", "international"]
    services = { home = "chrono13", relay = "chrono_relais" }   # delivery modes offered, and their service
    rates = [[1000, 15.00], [2000, 17.00], [5000, 20.00], [10000, 22.00], [30000, 25.00]]   # [up to grams, euros]

A wrong value is a PackingConfigError naming the file, the section and the key. No Qt.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import time
from pathlib import Path
from typing import Any

from app.packing.carriers import DEFAULT_TABLE, DELIVERY_MODES, EXPRESS_WORDS, ZONES, CarrierRate, with_overrides
from app.packing.cutoffs import CALENDARS, DEFAULT_CUTOFFS, parse_hhmm
from app.packing.inserts import DEFAULT_RULES, InsertRule, check_when
from app.packing.model import PackConfig
from app.packing.plan import PlanRules

_PACKING_KEYS = ("quantity_threshold", "tolerance_g", "tolerance_pct", "print_delay_s", "require_scale", "scale",
                 "promise_days", "express_words", "insert")
_CARRIER_KEYS = ("cutoff", "enabled", "days", "zones", "services", "rates")
_INTS = {"quantity_threshold": (2, 1000), "tolerance_g": (0, 10_000), "print_delay_s": (0, 60), "promise_days": (1, 30)}


class PackingConfigError(ValueError):
    """A wrong [packing] or [carriers] value; the message names the file, the section and the key."""


@dataclass(frozen=True)
class PackingSettings:
    quantity_threshold: int = 5
    tolerance_g: int = 30
    tolerance_pct: float = 5.0
    print_delay_s: int = 5
    require_scale: bool = False
    scale: str | None = None  # the scale's URL (app.devices.scales); None: weights keyed by hand
    promise_days: int = 5
    express_words: tuple[str, ...] = EXPRESS_WORDS
    inserts: tuple[InsertRule, ...] = DEFAULT_RULES
    carriers: tuple[CarrierRate, ...] = DEFAULT_TABLE
    cutoffs: Mapping[str | None, time] = field(default_factory=lambda: dict(DEFAULT_CUTOFFS))
    holidays: str = "fr"

    def pack_config(self) -> PackConfig:
        """What the packing session applies (it goes into ``pack.started``)."""
        return PackConfig(quantity_threshold=self.quantity_threshold, tolerance_g=self.tolerance_g,
                          tolerance_pct=self.tolerance_pct, print_delay_s=self.print_delay_s,
                          require_scale=self.require_scale)

    def plan_rules(self) -> PlanRules:
        """What ``app.packing.plan.build_plan`` builds a plan with."""
        return PlanRules(carriers=self.carriers, cutoffs=dict(self.cutoffs), promise_days=self.promise_days,
                         express_words=self.express_words, inserts=self.inserts)


def parse_packing_settings(data: dict[str, Any], path: Path | str) -> PackingSettings:
    """``[packing]`` and ``[carriers]`` of a station file (see the module docstring)."""
    packing = _section(data, "packing", path)
    carriers = _section(data, "carriers", path)
    _only(packing, _PACKING_KEYS, "packing", path)
    values: dict[str, Any] = {}
    for key, (low, high) in _INTS.items():
        if key in packing:
            value = packing[key]
            if not isinstance(value, int) or isinstance(value, bool) or not low <= value <= high:
                raise PackingConfigError(f"{path}: [packing] {key} = {value!r}; expected a whole number from {low} to {high}")
            values[key] = value
    if "tolerance_pct" in packing:
        pct = packing["tolerance_pct"]
        if not isinstance(pct, (int, float)) or isinstance(pct, bool) or not 0 <= pct <= 50:
            raise PackingConfigError(f"{path}: [packing] tolerance_pct = {pct!r}; expected a number from 0 to 50")
        values["tolerance_pct"] = float(pct)
    if "require_scale" in packing:
        if not isinstance(packing["require_scale"], bool):
            raise PackingConfigError(f"{path}: [packing] require_scale = {packing['require_scale']!r}; expected true or false")
        values["require_scale"] = packing["require_scale"]
    if "scale" in packing:
        values["scale"] = _scale_url(packing["scale"], path)
    if values.get("require_scale") and not values.get("scale"):
        raise PackingConfigError(f"{path}: [packing] require_scale = true needs a scale: set scale = \"serial:///dev/…?protocol=mt-sics\"")
    if "express_words" in packing:
        words = packing["express_words"]
        if not isinstance(words, list) or not all(isinstance(w, str) and w.strip() for w in words):
            raise PackingConfigError(f"{path}: [packing] express_words must be a list of words in quotes, e.g. [\"express\"]")
        values["express_words"] = tuple(w.strip().casefold() for w in words)
    if "insert" in packing:
        values["inserts"] = _insert_rules(packing["insert"], path)
    table, cutoffs, holidays = _carriers(carriers, path)
    return PackingSettings(**values, carriers=table, cutoffs=cutoffs, holidays=holidays)


def _scale_url(url: Any, path: Path | str) -> str | None:
    """The scale's URL, checked by the scale driver's own parser; ``manual://``: None (keyed by hand)."""
    from app.devices.scales.url import ManualSpec, ScaleUrlError, parse_scale_url

    if not isinstance(url, str):
        raise PackingConfigError(f"{path}: [packing] scale must be a URL in quotes, e.g. \"serial:///dev/ttyUSB1?protocol=mt-sics\"")
    try:
        spec = parse_scale_url(url)
    except ScaleUrlError as exc:
        raise PackingConfigError(f"{path}: [packing] scale: {exc}") from None
    return None if isinstance(spec, ManualSpec) else url.strip()


def _insert_rules(entries: Any, path: Path | str) -> tuple[InsertRule, ...]:
    if not isinstance(entries, list) or not all(isinstance(e, dict) for e in entries):
        raise PackingConfigError(f"{path}: [[packing.insert]] must be tables with when, code and label")
    rules = []
    for n, entry in enumerate(entries, start=1):
        where = f"{path}: [[packing.insert]] number {n}"
        unknown = sorted(set(entry) - {"when", "code", "label"})
        if unknown:
            raise PackingConfigError(f"{where}: {unknown[0]} is not a setting here (known: when, code, label)")
        for key in ("when", "code", "label"):
            if not isinstance(entry.get(key), str) or not entry[key].strip():
                raise PackingConfigError(f"{where}: {key} is missing (text in quotes)")
        try:
            check_when(entry["when"].strip())
        except ValueError as exc:
            raise PackingConfigError(f"{where}: {exc}") from None
        rules.append(InsertRule(entry["when"].strip(), entry["code"].strip(), entry["label"].strip()))
    return tuple(rules)


def _carriers(table: dict[str, Any], path: Path | str) -> tuple[tuple[CarrierRate, ...], dict[str | None, time], str]:
    known = {rate.carrier for rate in DEFAULT_TABLE}
    unknown = sorted(set(table) - known - {"holidays"})
    if unknown:
        raise PackingConfigError(f"{path}: [carriers] {unknown[0]} is not a carrier Quai knows "
                                 f"(known: {', '.join(sorted(known))}; and holidays)")
    holidays = table.get("holidays", "fr")
    if holidays not in CALENDARS:
        raise PackingConfigError(f"{path}: [carriers] holidays = {holidays!r}; expected one of {', '.join(CALENDARS)}")
    cutoffs: dict[str | None, time] = dict(DEFAULT_CUTOFFS)
    overrides: dict[str, dict[str, Any]] = {}
    for carrier in sorted(known & set(table)):
        section = f"carriers.{carrier}"
        entry = table[carrier]
        if not isinstance(entry, dict):
            raise PackingConfigError(f"{path}: {section} must be a section [{section}]")
        _only(entry, _CARRIER_KEYS, section, path)
        change: dict[str, Any] = {}
        if "cutoff" in entry:
            value = entry["cutoff"]
            try:
                # "12:00" in quotes, or TOML's own local time (cutoff = 12:00:00).
                cutoffs[carrier] = value.replace(second=0, microsecond=0) if isinstance(value, time) else parse_hhmm(
                    value if isinstance(value, str) else repr(value))
            except ValueError as exc:
                raise PackingConfigError(f"{path}: [{section}] cutoff: {exc}") from None
        if "enabled" in entry:
            if not isinstance(entry["enabled"], bool):
                raise PackingConfigError(f"{path}: [{section}] enabled = {entry['enabled']!r}; expected true or false")
            change["enabled"] = entry["enabled"]
        if "days" in entry:
            days = entry["days"]
            if (not isinstance(days, list) or len(days) != 2 or not all(isinstance(d, int) and not isinstance(d, bool) for d in days)
                    or not 0 <= days[0] <= days[1] <= 30):
                raise PackingConfigError(f"{path}: [{section}] days = {days!r}; expected [fastest, slowest] working days, e.g. [2, 3]")
            change["days_min"], change["days_max"] = days
        if "zones" in entry:
            zones = entry["zones"]
            if not isinstance(zones, list) or not zones or not all(z in ZONES for z in zones):
                raise PackingConfigError(f"{path}: [{section}] zones = {zones!r}; expected a list of {', '.join(ZONES)}")
            change["zones"] = frozenset(zones)
        if "services" in entry:
            services = entry["services"]
            if (not isinstance(services, dict) or not services or not set(services) <= set(DELIVERY_MODES)
                    or not all(isinstance(s, str) and s.strip() for s in services.values())):
                raise PackingConfigError(f"{path}: [{section}] services must map delivery modes ({', '.join(DELIVERY_MODES)}) "
                                         "to service codes, e.g. { home = \"domicile\" }")
            change["services"] = {mode: code.strip() for mode, code in services.items()}
        if "rates" in entry:
            change["bands"] = _bands(entry["rates"], section, path)
        if change:
            overrides[carrier] = change
    return with_overrides(DEFAULT_TABLE, overrides), cutoffs, holidays


def _bands(rates: Any, section: str, path: Path | str) -> tuple[tuple[int, int], ...]:
    expected = "expected [[up to grams, euros], …] by increasing weight, e.g. [[1000, 6.00], [30000, 10.00]]"
    if not isinstance(rates, list) or not rates:
        raise PackingConfigError(f"{path}: [{section}] rates: {expected}")
    bands: list[tuple[int, int]] = []
    for rate in rates:
        ok = (isinstance(rate, list) and len(rate) == 2 and isinstance(rate[0], int) and not isinstance(rate[0], bool)
              and isinstance(rate[1], (int, float)) and not isinstance(rate[1], bool) and rate[0] > 0 and rate[1] >= 0)
        if not ok or (bands and rate[0] <= bands[-1][0]):
            raise PackingConfigError(f"{path}: [{section}] rates: {rate!r} is wrong; {expected}")
        bands.append((rate[0], round(rate[1] * 100)))
    return tuple(bands)


def _section(data: dict[str, Any], key: str, path: Path | str) -> dict[str, Any]:
    value = data.get(key, {})
    if not isinstance(value, dict):
        raise PackingConfigError(f"{path}: {key} must be a section [{key}], not a single value")
    return value


def _only(table: dict[str, Any], known: tuple[str, ...], section: str, path: Path | str) -> None:
    unknown = sorted(set(table) - set(known))
    if unknown:
        raise PackingConfigError(f"{path}: [{section}] {unknown[0]} is not a setting here (known: {', '.join(known)})")
