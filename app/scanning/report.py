"""One scan as a person testing a scanner wants to see it: raw text, symbology, how it was read.

Used by ``quai scanner-test`` (and the station's scanner test screen). No Qt, no I/O: the
caller passes a ``lookup`` (app.store.lookup) when a database is at hand, to name the SKU of
a product scan and tell a location code from a SKU.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from app.scanning.classify import ScanKind, classify
from app.scanning.rules import DEFAULT_RULES, PrefixRules

# AIM symbology identifiers a scanner may put in front (ISO/IEC 15424), as people name them.
SYMBOLOGIES = {
    "]C1": "GS1-128",
    "]d2": "GS1 DataMatrix",
    "]Q3": "GS1 QR Code",
    "]e0": "GS1 DataBar",
    "]E0": "EAN-13 / UPC-A",
    "]E4": "EAN-8",
    "]C0": "Code 128",
    "]A0": "Code 39",
    "]Q1": "QR Code",
    "]d1": "Data Matrix",
}
FIELDS = ("raw", "symbology", "kind", "sku", "gtin", "lot", "expiry", "serial", "sscc", "count", "error")


def scan_report(raw: str, lookup: Callable[[str], Any] | None = None, rules: PrefixRules = DEFAULT_RULES) -> dict[str, Any]:
    """Every key of FIELDS, None where it does not apply. ``kind`` is the typed scan's kind
    (``misread`` with ``error`` saying what to do when the code cannot be trusted)."""
    report: dict[str, Any] = dict.fromkeys(FIELDS)
    report["raw"] = raw
    report["symbology"] = SYMBOLOGIES.get(raw[:3]) if raw.startswith("]") else None
    scan = classify(raw, rules)
    report["kind"] = str(scan.kind)
    if scan.kind == ScanKind.MISREAD:
        report["error"] = scan.error or "code not understood: scan it again"
        return report
    report["gtin"] = scan.gtin
    report["lot"] = scan.lot
    report["expiry"] = scan.expiry.isoformat() if scan.expiry else None
    report["serial"] = scan.serial
    report["count"] = scan.count
    if scan.kind == ScanKind.PARCEL:
        report["sscc"] = scan.value
    if lookup is not None:
        found = lookup(raw)
        if found.kind == "product":
            report["kind"] = "product"
            report["sku"] = found.record.get("sku")
            report["gtin"] = report["gtin"] or found.record.get("gtin")
        elif found.kind in ("location", "tote", "badge", "order", "parcel", "command"):
            report["kind"] = found.kind
        elif scan.kind in (ScanKind.PRODUCT, ScanKind.CODE):
            report["error"] = found.message or "no product or location with this code"
    return report
