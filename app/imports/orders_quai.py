"""Quai's own orders formats, for shops that are not on Shopify.

CSV, one row per order line; rows with the same ``number`` form one order and the
order-level columns are read from its first row::

    number,created_at,customer_name,email,address1,address2,zip,city,country,carrier,service,
    delivery,relay_point_id,relay_point_name,priority,gift_message,sku,quantity

(optional columns: ``phone``, ``company``, ``notes``, ``name`` (line label), ``requires_shipping``).

JSON: an array of orders (or one order object) with the same keys and a ``lines``
array of ``{"sku": …, "quantity": …, "name": …, "requires_shipping": …}``.
``created_at`` is ISO 8601 (no offset = UTC; empty = the time of the import).
"""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

from app.imports.csvsource import CsvTable
from app.imports.drafts import LineDraft, OrderDraft
from app.imports import lengths
from app.imports.fields import BadValue, as_text, parse_bool, parse_datetime, parse_int
from app.imports.order_values import fit_order_values, line_name
from app.imports.report import ImportFailed
from app.imports.shipping_rules import CARRIERS, DELIVERIES

ORDER_KEYS = ("created_at", "customer_name", "email", "phone", "company", "address1", "address2", "zip", "city",
              "country", "carrier", "service", "delivery", "relay_point_id", "relay_point_name", "priority",
              "gift_message", "notes")


# Order value -> the key of this format it comes from, for messages and CSV columns.
_LABELS = {"customer_email": "email", "customer_phone": "phone", "ship_name": "customer_name",
           "ship_company": "company", "ship_address1": "address1", "ship_address2": "address2", "ship_zip": "zip",
           "ship_city": "city", "ship_country": "country", "delivery_mode": "delivery", "channel": "company"}


def _Bad(key: str, message: str) -> BadValue:  # noqa: N802 - reads as the exception it makes
    """A bad value; ``key`` names the field, so the CSV reader can point at its column."""
    return BadValue(message, key)


def _check_number(number: str) -> None:
    # An order number is an identifier: cut, it would be another order's (order_values.py).
    try:
        as_text(number, "number", lengths.ORDER["number"])
    except BadValue as exc:
        raise _Bad("number", str(exc)) from None


def _order(number: str, row: int, get: dict[str, Any], now: datetime) -> OrderDraft:
    def text(key: str) -> str:
        value = get.get(key)
        return "" if value is None else str(value).strip()

    created_at = parse_datetime(text("created_at")) if text("created_at") else now
    if created_at is None:
        raise _Bad("created_at", f"created_at {text('created_at')!r} is not an ISO 8601 date-time")
    carrier = text("carrier").lower() or None
    if carrier is not None and carrier not in CARRIERS:
        raise _Bad("carrier", f"unknown carrier {carrier!r}; expected one of {', '.join(sorted(CARRIERS))}")
    delivery = text("delivery").lower() or ("pickup" if carrier == "click_collect" else "home")
    if delivery not in DELIVERIES:
        raise _Bad("delivery", f"unknown delivery {delivery!r}; expected one of {', '.join(sorted(DELIVERIES))}")
    try:
        priority = parse_int(text("priority") or "0", "priority")
    except BadValue as exc:
        raise _Bad("priority", str(exc)) from None
    country = (text("country") or "FR").upper()
    if len(country) != 2:
        raise _Bad("country", f"country must be a 2-letter code like FR, not {country!r}")
    company = text("company")
    values = {
        "source": "quai", "channel": "b2b" if company else "b2c",
        "customer_name": text("customer_name"), "customer_email": text("email") or None,
        "customer_phone": text("phone") or None, "ship_name": text("customer_name"),
        "ship_company": company or None, "ship_address1": text("address1"),
        "ship_address2": text("address2") or None, "ship_zip": text("zip"), "ship_city": text("city"),
        "ship_country": country, "carrier": carrier, "service": text("service") or None,
        "delivery_mode": delivery, "relay_point_id": text("relay_point_id") or None,
        "relay_point_name": text("relay_point_name") or None, "priority": priority,
        "gift_message": text("gift_message") or None, "notes": text("notes") or None,
    }
    warnings: list[str] = []
    fit_order_values(number, values, _LABELS, warnings)  # raises BadValue(key=…) for identifiers
    return OrderDraft(number, row, created_at, values, warnings=[(row, message) for message in warnings])


def _line(draft: OrderDraft, row: int, sku: Any, quantity: Any, name: Any, requires_shipping: Any) -> LineDraft:
    sku = "" if sku is None else str(sku).strip()
    if not sku:
        raise _Bad("sku", "sku is empty")
    try:
        as_text(sku, "sku", lengths.LINE["sku"])
    except BadValue as exc:
        raise _Bad("sku", str(exc)) from None
    # JSON may give 2, 2.0 or "2"; a bool is an int to Python but never a quantity.
    text = "" if quantity is None or isinstance(quantity, bool) else str(quantity).strip()
    if not text:
        raise _Bad("quantity", f"quantity must be a whole number of at least 1, not {quantity!r}")
    try:
        qty = parse_int(text, "quantity", minimum=1)
    except BadValue as exc:
        raise _Bad("quantity", str(exc)) from None
    ship = True if requires_shipping in (None, "") else (
        requires_shipping if isinstance(requires_shipping, bool) else parse_bool(str(requires_shipping)))
    if ship is None:
        raise _Bad("requires_shipping", f"requires_shipping must be true or false, not {requires_shipping!r}")
    cut: list[str] = []
    label = line_name(draft.number, "" if name is None else str(name).strip(), "name", cut)
    draft.warnings.extend((row, message) for message in cut)
    return LineDraft(row, sku, label, qty, ship)


def parse_quai_orders_csv(table: CsvTable, now: datetime) -> list[OrderDraft]:
    table.require(("number", "sku", "quantity"))
    cols = {k: table.column(k) for k in (*ORDER_KEYS, "number", "sku", "quantity", "name", "requires_shipping")}
    orders: dict[str, OrderDraft] = {}
    for rec in table.records:
        number = cols["number"](rec)
        try:
            if not number:
                raise _Bad("number", "number is empty")
            _check_number(number)
            draft = orders.get(number)
            if draft is None:
                draft = orders[number] = _order(number, rec.line, {k: cols[k](rec) for k in ORDER_KEYS}, now)
            draft.lines.append(_line(draft, rec.line, cols["sku"](rec), cols["quantity"](rec), cols["name"](rec),
                                     cols["requires_shipping"](rec)))
        except BadValue as exc:
            key = exc.key or "number"
            raise table.fail(rec, cols[_LABELS.get(key, key)], str(exc)) from None
    return list(orders.values())


def parse_quai_orders_json(file: str, text: str, now: datetime) -> list[OrderDraft]:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ImportFailed(file, exc.lineno, exc.colno, f"invalid JSON: {exc.msg}") from None
    items = data if isinstance(data, list) else [data]
    starts = _element_starts(text) if isinstance(data, list) else [0]
    orders: dict[str, OrderDraft] = {}
    for item, start in zip(items, starts, strict=True):
        line = text.count("\n", 0, start) + 1
        column = start - (text.rfind("\n", 0, start) + 1) + 1

        def fail(message: str) -> ImportFailed:
            return ImportFailed(file, line, column, message)  # noqa: B023 - used inside the iteration only

        if not isinstance(item, dict):
            raise fail("each order must be a JSON object")
        number = str(item.get("number") or "").strip()
        lines = item.get("lines")
        try:
            if not number:
                raise _Bad("number", "order has no number")
            if number in orders:
                raise _Bad("number", f"order {number} appears twice")
            _check_number(number)
            if not isinstance(lines, list) or not lines:
                raise _Bad("lines", f"order {number} has no lines (a non-empty 'lines' array)")
            draft = orders[number] = _order(number, line, item, now)
            for entry in lines:
                if not isinstance(entry, dict):
                    raise _Bad("lines", f"order {number}: each line must be an object with sku and quantity")
                draft.lines.append(_line(draft, line, entry.get("sku"), entry.get("quantity"), entry.get("name"),
                                         entry.get("requires_shipping")))
        except BadValue as exc:
            key = exc.key or "number"
            raise fail(f"{exc} (key {_LABELS.get(key, key)!r})") from None
    return list(orders.values())


def _element_starts(text: str) -> list[int]:
    """Offsets where each element of the top-level array starts, for error positions."""
    decoder = json.JSONDecoder()
    starts: list[int] = []
    i = text.index("[") + 1
    n = len(text)
    while True:
        while i < n and text[i] in " \t\r\n,":
            i += 1
        if i >= n or text[i] == "]":
            return starts
        starts.append(i)
        _, i = decoder.raw_decode(text, i)
