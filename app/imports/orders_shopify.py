"""Shopify orders export -> order drafts.

Shape of the export: one row per line item; the first row of an order carries
every order-level column, the following rows repeat ``Name`` and the
``Lineitem …`` columns only. Addresses and notes are quoted multi-line fields.
"""

from __future__ import annotations

import re

from app.imports import drafts as d
from app.imports import lengths
from app.imports.csvsource import CsvTable, Record
from app.imports.drafts import LineDraft, OrderDraft
from app.imports.fields import BadValue, as_bool, as_int, parse_datetime, text_at
from app.imports.order_values import fit_order_values, line_name
from app.imports.shipping_rules import ShippingRules

REQUIRED = ("Name", "Created at", "Lineitem quantity", "Lineitem sku")
COD = re.compile(r"cash on delivery|\bcod\b|contre[- ]?remboursement", re.IGNORECASE)
GIFT_NOTE = re.compile(r"^\s*message cadeau\s*:\s*(.*)$", re.IGNORECASE | re.MULTILINE)
PRIORITY_TAGS = frozenset({"urgent", "prioritaire"})
COUNTRY_NAMES = {"france": "FR", "belgique": "BE", "belgium": "BE", "suisse": "CH", "switzerland": "CH",
                 "luxembourg": "LU", "monaco": "MC", "allemagne": "DE", "germany": "DE", "espagne": "ES",
                 "spain": "ES", "italie": "IT", "italy": "IT", "pays-bas": "NL", "netherlands": "NL"}


# Order value -> the export's column it comes from, for messages about it.
_LABELS = {"external_id": "Id", "customer_email": "Email", "ship_name": "Shipping Name",
           "ship_company": "Shipping Company", "ship_address1": "Shipping Address1",
           "ship_address2": "Shipping Address2", "ship_zip": "Shipping Zip", "ship_city": "Shipping City",
           "ship_country": "Shipping Country", "shipping_method": "Shipping Method", "carrier": "Shipping Method",
           "service": "Shipping Method", "delivery_mode": "Shipping Method", "relay_point_id": "Note Attributes",
           "relay_point_name": "Note Attributes", "payment_method": "Payment Method",
           "financial_status": "Financial Status", "channel": "Shipping Company", "source": "Name"}


def note_attributes(raw: str) -> dict[str, str]:
    """Shopify writes note attributes one per line as ``key: value``."""
    out: dict[str, str] = {}
    for line in raw.splitlines():
        key, sep, value = line.partition(":")
        if sep and key.strip():
            out.setdefault(key.strip().lower(), value.strip())
    return out


def _unquote(value: str) -> str:
    # Shopify prefixes zips and phones with an apostrophe so spreadsheets keep leading zeros.
    return value[1:] if value.startswith("'") else value


def parse_shopify_orders(table: CsvTable, rules: ShippingRules) -> list[OrderDraft]:
    table.require(REQUIRED)
    c = table.column
    name_c, created_c, qty_c, sku_c = c("Name"), c("Created at"), c("Lineitem quantity"), c("Lineitem sku")
    line_name_c, ship_req_c, line_ful_c = c("Lineitem name"), c("Lineitem requires shipping"), c("Lineitem fulfillment status")
    orders: dict[str, OrderDraft] = {}
    for rec in table.records:
        number = text_at(table, rec, name_c, lengths.ORDER["number"])
        if not number:
            raise table.fail(rec, name_c, "Name (the order number) is empty")
        draft = orders.get(number)
        if draft is None:
            draft = orders[number] = _order_from_first_row(table, rec, number, rules)
        quantity = as_int(table, rec, qty_c, minimum=1)
        if quantity is None:
            raise table.fail(rec, qty_c, f"Lineitem quantity of order {number} is empty")
        if line_ful_c(rec).lower() == "fulfilled":
            continue  # already shipped in an earlier parcel of a partially fulfilled order
        cut: list[str] = []
        draft.lines.append(LineDraft(
            rec.line, text_at(table, rec, sku_c, lengths.LINE["sku"]),
            line_name(number, line_name_c(rec), line_name_c.name, cut), quantity,
            as_bool(table, rec, ship_req_c, default=True),
        ))
        draft.warnings.extend((rec.line, message) for message in cut)
    for draft in orders.values():
        if not draft.lines and draft.skip_reason is None:
            draft.skip_reason = d.SKIP_FULFILLED  # every line already fulfilled
    return list(orders.values())


def _order_from_first_row(table: CsvTable, rec: Record, number: str, rules: ShippingRules) -> OrderDraft:
    c = table.column
    created_c = c("Created at")
    created_at = parse_datetime(created_c(rec))
    if created_at is None:
        raise table.fail(rec, created_c, f"Created at {created_c(rec)!r} is not a date like 2026-11-20 09:14:03 +0100")
    financial = c("Financial Status")(rec).lower()
    fulfillment = c("Fulfillment Status")(rec).lower()
    payment = c("Payment Method")(rec)
    tags = {t.strip().lower() for t in c("Tags")(rec).split(",") if t.strip()}
    attrs = note_attributes(c("Note Attributes").raw(rec))
    notes = c("Notes")(rec)
    company = c("Shipping Company")(rec)
    method = c("Shipping Method")(rec)

    skip = None
    if c("Cancelled at")(rec):
        skip = d.SKIP_CANCELLED
    elif financial in ("refunded", "voided"):
        skip = d.SKIP_REFUNDED if financial == "refunded" else d.SKIP_VOIDED
    elif fulfillment == "fulfilled":
        skip = d.SKIP_FULFILLED

    choice = rules.map(method) if method else None
    warnings = []
    if choice is not None and not choice.matched:
        warnings.append(f"order {number}: shipping method {method!r} matches no rule; "
                        "no carrier set, home delivery assumed")
    if choice is not None and choice.delivery == "relay" and not attrs.get("relay_point_id"):
        warnings.append(f"order {number}: relay delivery ({method}) without a relay_point_id note attribute")

    gift = attrs.get("gift_message")
    if not gift:
        found = GIFT_NOTE.search(notes)
        gift = found.group(1).strip() if found else None
    country = c("Shipping Country")(rec).upper()
    if len(country) != 2:
        mapped = COUNTRY_NAMES.get(country.lower(), "FR" if not country else "")
        if not mapped:
            warnings.append(f"order {number}: shipping country {country!r} is not a 2-letter code")
        country = mapped

    values = {
        "source": "shopify",
        "external_id": c("Id")(rec) or None,
        "channel": "b2b" if company or "b2b" in tags else "b2c",
        "customer_name": c("Billing Name")(rec) or c("Shipping Name")(rec),
        "customer_email": c("Email")(rec) or None,
        "customer_phone": _unquote(c("Shipping Phone")(rec) or c("Phone")(rec)) or None,
        "ship_name": c("Shipping Name")(rec),
        "ship_company": company or None,
        "ship_address1": c("Shipping Address1")(rec),
        "ship_address2": c("Shipping Address2")(rec) or None,
        "ship_zip": _unquote(c("Shipping Zip")(rec)),
        "ship_city": c("Shipping City")(rec),
        "ship_province": c("Shipping Province Name")(rec) or c("Shipping Province")(rec) or None,
        "ship_country": country,
        "shipping_method": method or None,
        "carrier": choice.carrier if choice else None,
        "service": choice.service if choice else None,
        "delivery_mode": choice.delivery if choice else "home",
        "relay_point_id": attrs.get("relay_point_id") or None,
        "relay_point_name": attrs.get("relay_point_name") or None,
        "payment_method": payment or None,
        "financial_status": financial or None,
        "priority": 1 if tags & PRIORITY_TAGS else 0,
        "gift_message": gift or None,
        "notes": notes or None,
    }
    labels = dict(_LABELS, customer_name="Billing Name" if c("Billing Name")(rec) else "Shipping Name",
                  customer_phone="Shipping Phone" if c("Shipping Phone")(rec) else "Phone",
                  ship_province="Shipping Province Name" if c("Shipping Province Name")(rec) else "Shipping Province")
    try:
        fit_order_values(number, values, labels, warnings)
    except BadValue as exc:
        raise table.fail(rec, c(labels[exc.key or ""]), str(exc)) from None
    draft = OrderDraft(number, rec.line, created_at, values, skip_reason=skip,
                       warnings=[(rec.line, message) for message in warnings])
    if c("Risk Level")(rec).lower() == "high":
        draft.holds.append("fraud_risk: Risk Level High")
    if financial == "pending" and not COD.search(payment):
        draft.payment_pending = True
        draft.holds.append("awaiting_payment: Financial Status pending")
    return draft
