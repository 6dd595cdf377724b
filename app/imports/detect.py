"""Which format a file is in, from its header (or its first character for JSON)."""

from __future__ import annotations

from app.imports.csvsource import first_filled_line, sniff_delimiter
from app.imports.report import ImportFailed

FORMATS: dict[str, tuple[str, ...]] = {
    "locations": ("quai",),
    "stock": ("quai",),
    "products": ("shopify", "quai"),
    "orders": ("shopify", "quai-csv", "quai-json"),
}

# Columns whose presence identifies a format (compared lower-case).
_SIGNATURES: dict[tuple[str, str], frozenset[str]] = {
    ("locations", "quai"): frozenset({"code", "zone", "pick_sequence"}),
    ("stock", "quai"): frozenset({"sku", "location", "quantity"}),
    ("products", "shopify"): frozenset({"handle", "variant sku"}),
    ("products", "quai"): frozenset({"sku", "name"}),
    ("orders", "shopify"): frozenset({"name", "lineitem sku", "lineitem quantity"}),
    ("orders", "quai-csv"): frozenset({"number", "sku", "quantity"}),
}

_EXPECTED = {
    "locations": "a Quai locations CSV (code,zone,aisle,bay,level,pick_sequence)",
    "stock": "a Quai stock CSV (sku,location,quantity[,lot,expiry])",
    "products": "a Shopify products export (Handle, Title, Variant SKU…) or a Quai products CSV (sku,name,gtin,…)",
    "orders": "a Shopify orders export (Name, Lineitem sku…), a Quai orders CSV (number,…,sku,quantity) "
    "or a Quai orders JSON array",
}


def check_kind(kind: str) -> None:
    if kind not in FORMATS:
        raise ValueError(f"unknown import kind {kind!r}; expected one of {', '.join(FORMATS)}")


def detect_format(file: str, kind: str, text: str) -> str:
    check_kind(kind)
    stripped = text.lstrip()
    if stripped[:1] in ("[", "{"):
        if kind == "orders":
            return "quai-json"
        raise ImportFailed(file, 1, 1, f"this looks like JSON; expected {_EXPECTED[kind]}")
    first_line = first_filled_line(text)
    delimiter = sniff_delimiter(first_line)
    header = {h.strip().strip('"').strip().lower() for h in first_line.split(delimiter)}
    for fmt in FORMATS[kind]:
        signature = _SIGNATURES.get((kind, fmt))
        if signature and signature <= header:
            return fmt
    shown = first_line if len(first_line) <= 80 else first_line[:77] + "..."
    raise ImportFailed(file, 1, 1, f"unrecognised header {shown!r}; expected {_EXPECTED[kind]}")


def check_format(file: str, kind: str, fmt: str) -> str:
    check_kind(kind)
    if fmt not in FORMATS[kind]:
        raise ImportFailed(file, 1, 1, f"format {fmt!r} cannot import {kind}; use one of {', '.join(FORMATS[kind])}")
    return fmt
