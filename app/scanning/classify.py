"""Classify raw scanner text into a typed scan, without a database.

What can be decided from the text alone is decided here: command barcodes,
badge/tote/order prefixes, GS1 keys with their check digits (through biip) and
GS1 element strings (AIs 01, 10, 17, 21, 00, 37). Anything else is a plain code
(a SKU or a location code) that a lookup resolves against the store.

A code that has the shape of a GTIN or an SSCC but a wrong check digit is a
misread: it is reported, and never handed on as a SKU that might match something.
"""

from __future__ import annotations

import string
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

import biip
from biip.gs1_messages import GS1Message

from app.domain.gtin import GTIN_LENGTHS, has_valid_check_digit
from app.scanning.commands import Command, parse_command
from app.scanning.rules import DEFAULT_RULES, PrefixRules

GS = "\x1d"
AIM_PREFIXES = ("]C1", "]d2", "]Q3", "]e0", "]E0")
_PRINTABLE = set(string.printable) | {GS}


class ScanKind(StrEnum):
    BADGE = "badge"
    LOCATION = "location"
    TOTE = "tote"
    ORDER = "order"
    PARCEL = "parcel"
    COMMAND = "command"
    PRODUCT = "product"
    CODE = "code"  # a SKU or a location code: only the store can tell
    MISREAD = "misread"


@dataclass(frozen=True)
class Scan:
    raw: str
    kind: ScanKind
    value: str = ""
    gtin: str | None = None  # GTIN-14
    lot: str | None = None
    expiry: date | None = None
    serial: str | None = None
    count: int | None = None
    command: Command | None = None
    error: str | None = None  # for MISREAD: what was wrong, in words a person can act on
    # For MISREAD: which of MISREAD_REASONS, so a screen can say it in the person's language.
    reason: str | None = None


# Why a scan is a misread; each comes with ``error``, the English sentence for logs and the CLI.
MISREAD_REASONS = (
    "empty", "unreadable", "unknown_command", "check_digit", "parcel_check_digit", "gs1_not_understood", "gs1_no_key",
)


def misread(raw: str, reason: str, error: str) -> Scan:
    return Scan(raw, ScanKind.MISREAD, error=error, reason=reason)


def _strip(raw: str) -> str:
    # Terminators and stray spaces only: a GS inside the text is data.
    return raw.strip("\r\n\t ")


def classify(raw: str, rules: PrefixRules = DEFAULT_RULES) -> Scan:
    text = _strip(raw)
    if not text:
        return misread(raw, "empty", "empty scan: scan the barcode again")
    if any(ch not in _PRINTABLE for ch in text):
        return misread(raw, "unreadable", "unreadable characters in the scan: scan the barcode again")
    if (command := parse_command(text)) is not None:
        return Scan(raw, ScanKind.COMMAND, value=command.value, command=command)
    if text.upper().startswith("CMD-"):
        return misread(raw, "unknown_command", f"unknown command barcode {text}: use the command sheet")
    if rules.is_badge(text):
        return Scan(raw, ScanKind.BADGE, value=rules.normalise(text))
    if rules.is_tote(text):
        return Scan(raw, ScanKind.TOTE, value=rules.normalise(text))
    if rules.is_order(text):
        return Scan(raw, ScanKind.ORDER, value=text)
    if text.startswith(AIM_PREFIXES) or text.startswith("(") or GS in text:
        return _gs1(raw, text)
    if text.isdigit():
        return _digits(raw, text)
    return Scan(raw, ScanKind.CODE, value=text)


def _digits(raw: str, text: str) -> Scan:
    if len(text) in GTIN_LENGTHS:
        if not has_valid_check_digit(text):
            return misread(raw, "check_digit", f"barcode {text} has a wrong check digit: scan it again")
        return Scan(raw, ScanKind.PRODUCT, value=text.zfill(14), gtin=text.zfill(14))
    if len(text) == 18:
        return _sscc(raw, text)
    if len(text) == 20 and text.startswith("00"):
        return _sscc(raw, text[2:])
    if len(text) > 14 and text[:2] in ("00", "01", "02"):
        return _gs1(raw, text)
    return Scan(raw, ScanKind.CODE, value=text)


def _sscc(raw: str, digits: str) -> Scan:
    if not has_valid_check_digit(digits):
        return misread(raw, "parcel_check_digit", f"parcel code {digits} has a wrong check digit: scan it again")
    return Scan(raw, ScanKind.PARCEL, value=digits)


def _gs1(raw: str, text: str) -> Scan:
    try:
        if text.startswith("("):
            message = GS1Message.parse_hri(text)
        else:
            result = biip.parse(text)  # GS (0x1d) is its default separator
            if result.gs1_message is None:
                error = result.gs1_message_error or result.gtin_error or "not a GS1 barcode"
                return misread(raw, "gs1_not_understood", f"GS1 barcode not understood ({error}): scan it again")
            message = result.gs1_message
    except Exception as exc:  # biip raises ParseError subclasses with a message
        return misread(raw, "gs1_not_understood", f"GS1 barcode not understood ({exc}): scan it again")
    fields = {}
    for element in message.element_strings:
        fields[element.ai.ai] = element
    if "00" in fields:
        sscc = fields["00"]
        if getattr(sscc, "sscc_error", None):
            return misread(raw, "parcel_check_digit", f"parcel code: {sscc.sscc_error}: scan it again")
        return _sscc(raw, sscc.value)
    if "01" in fields or "02" in fields:
        gtin_element = fields.get("01") or fields["02"]
        if gtin_element.gtin_error or not has_valid_check_digit(gtin_element.value):
            reason = gtin_element.gtin_error or "wrong check digit"
            return misread(raw, "check_digit", f"product barcode: {reason}: scan it again")
        # biip refuses an impossible date (month 13) while parsing, so a date here is real.
        expiry = fields["17"].date if "17" in fields else None
        count = int(fields["37"].value) if "37" in fields else None
        return Scan(
            raw,
            ScanKind.PRODUCT,
            value=gtin_element.value,
            gtin=gtin_element.value,
            lot=fields["10"].value if "10" in fields else None,
            expiry=expiry,
            serial=fields["21"].value if "21" in fields else None,
            count=count,
        )
    return misread(raw, "gs1_no_key", "GS1 barcode without a product or parcel key: scan the product barcode")
