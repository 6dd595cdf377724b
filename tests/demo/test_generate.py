"""The demo generator: the figures the issue asks for, checked on the files themselves."""

from __future__ import annotations

import csv
import re
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from app.demo.generate import SAMPLE_NOW, generate, write_files
from app.demo.layout import SHORT_STOCK
from app.demo.orders import CHRONOPOST, CLICK_COLLECT, MONDIAL_RELAY, UNKNOWN_SKU
from app.domain.gtin import normalise_gtin
from app.scanning.rules import DEFAULT_RULES

NOW = datetime(2026, 11, 24, 14, 0, tzinfo=UTC)


@pytest.fixture(scope="module")
def files(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    return write_files(generate(NOW), tmp_path_factory.mktemp("demo"))


def rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def test_same_now_gives_identical_files(tmp_path: Path, files: dict[str, Path]) -> None:
    again = write_files(generate(NOW), tmp_path)
    for kind, path in files.items():
        assert again[kind].read_bytes() == path.read_bytes(), kind


def test_committed_sample_data_is_up_to_date(tmp_path: Path) -> None:
    # resources/sample-data is what people import by hand; it must match the generator.
    sample = Path(__file__).resolve().parents[2] / "resources" / "sample-data"
    for kind, path in write_files(generate(SAMPLE_NOW), tmp_path).items():
        assert (sample / path.name).read_bytes() == path.read_bytes(), f"run: python -m app.demo.generate ({kind})"


def test_products_have_valid_french_gtins(files: dict[str, Path]) -> None:
    products = rows(files["products"])
    real = [p for p in products if p["Variant SKU"]]
    assert len(real) >= 60
    assert len({p["Variant SKU"] for p in real}) == len(real)
    gtins = [normalise_gtin(p["Variant Barcode"]) for p in real]  # raises on a bad check digit
    assert len(set(gtins)) == len(gtins)
    lengths = {len(p["Variant Barcode"]) for p in real}
    assert lengths == {12, 13, 14}, "EAN-13 plus a few UPC-A and GTIN-14"
    ean13 = [p["Variant Barcode"] for p in real if len(p["Variant Barcode"]) == 13]
    assert all(300 <= int(code[:3]) <= 379 for code in ean13)
    assert all(int(p["Variant Grams"]) > 0 for p in real)
    assert any("é" in p["Title"] or "à" in p["Title"] for p in real)
    tracking = [p["Suivi (product.metafields.quai.tracking)"] for p in real]
    assert tracking.count("lot") >= 5 and tracking.count("serial") >= 2
    gift = [p for p in products if p["Gift Card"] == "TRUE"]
    assert len(gift) == 1 and not gift[0]["Variant SKU"] and gift[0]["Variant Requires Shipping"] == "FALSE"


def test_locations_match_the_scanner_pattern_and_walk_in_a_serpentine(files: dict[str, Path]) -> None:
    locations = rows(files["locations"])
    assert len(locations) >= 200
    assert {"A", "B", "C", "D", "F", "R"} <= {l["zone"] for l in locations}
    assert all(DEFAULT_RULES.looks_like_location(l["code"]) for l in locations)
    sequences = [int(l["pick_sequence"]) for l in locations]
    assert len(set(sequences)) == len(sequences)
    # Serpentine: aisle A-01 is walked bay 1 -> 8, aisle A-02 bay 8 -> 1.
    by_code = {l["code"]: int(l["pick_sequence"]) for l in locations}
    assert by_code["A-01-01-1"] < by_code["A-01-08-1"]
    assert by_code["A-02-08-1"] < by_code["A-02-01-1"]
    assert by_code["A-01-08-1"] < by_code["A-02-08-1"]


def test_every_product_is_stocked_and_lots_have_expiries(files: dict[str, Path]) -> None:
    stock = rows(files["stock"])
    codes = {l["code"] for l in rows(files["locations"])}
    skus = {p["Variant SKU"] for p in rows(files["products"]) if p["Variant SKU"]}
    assert {s["sku"] for s in stock} == skus
    assert all(s["location"] in codes and int(s["quantity"]) > 0 for s in stock)
    keys = [(s["sku"], s["location"], s["lot"]) for s in stock]
    assert len(set(keys)) == len(keys), "one row per product, location and lot"
    places: dict[str, set[str]] = {}
    for s in stock:
        places.setdefault(s["sku"], set()).add(s["location"])
    assert sum(len(p) > 1 for p in places.values()) >= 5
    lots = [s for s in stock if s["lot"]]
    assert lots and all(s["expiry"] for s in lots)
    expiries_of: dict[str, set[str]] = {}
    for s in lots:
        expiries_of.setdefault(s["sku"], set()).add(s["expiry"])
    assert all(len(e) >= 2 for e in expiries_of.values())
    assert any(s["location"].startswith("F-") for s in lots)


def _orders(path: Path) -> dict[str, list[dict[str, str]]]:
    grouped: dict[str, list[dict[str, str]]] = {}
    for row in rows(path):
        grouped.setdefault(row["Name"], []).append(row)
    return grouped


def test_orders_cover_the_cases(files: dict[str, Path]) -> None:
    orders = _orders(files["orders"])
    assert len(orders) >= 40
    heads = {name: lines[0] for name, lines in orders.items()}
    # Continuation rows carry the Name and the line item only.
    for lines in orders.values():
        for extra in lines[1:]:
            filled = {k for k, v in extra.items() if v}
            assert filled <= {"Name"} | {k for k in extra if k.startswith("Lineitem ")}
    assert any(len(lines) >= 3 for lines in orders.values())
    b2b = [h for h in heads.values() if h["Shipping Company"]]
    assert 3 <= len(b2b) < len(heads)
    methods = {h["Shipping Method"] for h in heads.values()}
    assert {CHRONOPOST, MONDIAL_RELAY, CLICK_COLLECT} <= methods
    assert any(m.startswith("Colissimo") for m in methods)
    for relay in (h for h in heads.values() if h["Shipping Method"] == MONDIAL_RELAY):
        assert re.search(r"^relay_point_id: FR-\d{6}$", relay["Note Attributes"], re.M)
        assert "relay_point_name: " in relay["Note Attributes"]
    assert sum(h["Risk Level"] == "High" for h in heads.values()) == 1
    assert sum(h["Financial Status"] == "pending" for h in heads.values()) == 1
    assert sum("gift_message: " in h["Note Attributes"] for h in heads.values()) >= 3
    assert any("\n" in h["Shipping Address1"] for h in heads.values())
    assert all(re.fullmatch(r"\d{5}", h["Shipping Zip"]) for h in heads.values())
    lines = [l for group in orders.values() for l in group]
    assert any(l["Lineitem sku"] == UNKNOWN_SKU for l in lines)
    assert any(l["Lineitem requires shipping"] == "FALSE" and not l["Lineitem sku"] for l in lines)
    created = [datetime.strptime(h["Created at"], "%Y-%m-%d %H:%M:%S %z") for h in heads.values()]
    assert all(NOW - timedelta(days=2) <= c <= NOW for c in created)


def test_only_the_planned_orders_are_short(files: dict[str, Path]) -> None:
    on_hand: dict[str, int] = {}
    for s in rows(files["stock"]):
        on_hand[s["sku"]] = on_hand.get(s["sku"], 0) + int(s["quantity"])
    demand: dict[str, int] = {}
    for group in _orders(files["orders"]).values():
        if group[0]["Cancelled at"]:
            continue
        for line in group:
            if line["Lineitem sku"] in on_hand:
                demand[line["Lineitem sku"]] = demand.get(line["Lineitem sku"], 0) + int(line["Lineitem quantity"])
    short = {sku for sku, qty in demand.items() if qty > on_hand[sku]}
    assert short == set(SHORT_STOCK)
