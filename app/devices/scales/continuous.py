"""Continuous-output scales: the scale sends a line by itself, many times a second (no Qt, no I/O).

    ST,GS,   1.234kg       stable, gross weight
    US,NT,+0001.230 kg     unstable, net weight (sign and spaces as the scale pads them)
    OL,GS,  ------ kg      overload (a negative OL value is an underload)
    ST,+00123.45  g        the A&D layout: no gross/net field

The header is ST (stable), US (unstable) or OL (over/underload); QT (a piece count) and TR (the
tare's own line) are not parcel weights. The unit is kg, g, lb or oz (any case); a line without
one is in the URL's ``unit``.
"""

from __future__ import annotations

import re

from app.devices.scales.messages import GARBLED, OVERLOAD, UNDERLOAD, UNIT, ScaleError
from app.devices.scales.mtsics import weight_of
from app.packing.model import Reading

_LINE = re.compile(
    r"\s*(?P<status>ST|US|OL|QT)\s*,\s*(?:(?P<kind>GS|NT|TR|G|N|T)\s*,\s*)?(?P<weight>.*?)\s*", re.IGNORECASE)


def parse_continuous_line(line: str, default_unit: str = "kg") -> Reading | ScaleError | None:
    """A Reading, why the line is not one, or None for a line that is no parcel weight (a tare line)."""
    match = _LINE.fullmatch(line)
    raw = line.strip()
    if match is None:
        return ScaleError(GARBLED, raw)
    status = match["status"].upper()
    kind = (match["kind"] or "GS").upper()
    if kind in ("TR", "T"):
        return None  # the tare the scale holds, sent beside the weight: not what is on the platter
    if status == "QT":
        return ScaleError(UNIT, raw, {"unit": "pcs"})
    if status == "OL":
        # "-  12.5kg" is below zero; dashes alone ("------") are how scales blank an overload
        return ScaleError(UNDERLOAD if re.match(r"\s*-\s*\d", match["weight"]) else OVERLOAD, raw)
    reading = weight_of(match["weight"], default_unit, stable=status == "ST", raw=raw)
    if isinstance(reading, Reading) and kind in ("NT", "N"):
        return Reading(reading.grams, reading.stable, reading.source, reading.raw, {"net": True})
    return reading
