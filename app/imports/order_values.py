"""Fitting an order's values to their columns, per field.

Identifiers must fit: cut, an order number, a Shopify id or a relay point id would
name another order or point, a service code would mean nothing to the carrier, so
a value too long stops the import at its cell. Text read by people (names,
addresses, method and payment labels, e-mail, phone) is cut with a warning: one long
address must not refuse a 10,000-row export, and the warning lets someone fix it.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from app.imports import lengths
from app.imports.fields import BadValue, as_text, clip

MUST_FIT = frozenset({"number", "external_id", "relay_point_id", "service", "carrier", "delivery_mode",
                      "ship_country", "channel", "source"})


def fit_order_values(number: str, values: dict[str, Any], labels: Mapping[str, str], warnings: list[str]) -> None:
    """Check ``values`` in place; ``labels`` maps a key to the file's column name for messages.

    Raises BadValue(key=…) for an identifier too long; appends "order N: …" to ``warnings`` for a cut.
    """
    cut: list[str] = []
    for key, value in values.items():
        limit = lengths.ORDER.get(key)
        if limit is None or not isinstance(value, str) or len(value) <= limit:
            continue
        label = labels.get(key, key)
        if key in MUST_FIT:
            try:
                as_text(value, label, limit)
            except BadValue as exc:
                raise BadValue(str(exc), key) from None
        values[key] = clip(value, label, limit, cut)
    for message in dict.fromkeys(cut):  # customer_name and ship_name may come from the same cell
        warnings.append(f"order {number}: {message}")


def line_name(number: str, name: str, label: str, warnings: list[str]) -> str:
    cut: list[str] = []
    name = clip(name, label, lengths.LINE["name"], cut)
    warnings.extend(f"order {number}: {message}" for message in cut)
    return name
