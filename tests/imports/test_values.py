"""Values that do not fit: numbers, lengths, location codes, spreadsheet blank rows."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import select

from app.imports import ImportFailed, run_import
from app.store.models import Location, Order, Product, Stock
from tests.imports.helpers import DATA, count, order, shopify_variant


def fails(factory, kind, path) -> ImportFailed:
    with pytest.raises(ImportFailed) as caught:
        run_import(factory, kind, path)
    return caught.value


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        ("1,000", "ambiguous"),  # a thousand, or one with three decimals?
        ("1.000", "ambiguous"),
        ("2.5", "whole number"),
        ("²", "whole number"),  # str.isdigit() says yes
        ("1 000", "whole number"),
        ("+3", "whole number"),
        ("2147483648", "at most 2147483647"),
        ("99999999999999999999999", "at most 2147483647"),  # OverflowError in SQLite before
    ],
)
def test_stock_quantity_refused_with_its_column(stocked, tmp_path, raw, message):
    path = tmp_path / "stock.csv"
    path.write_text(f'sku,location,quantity\nSKU-MUG,A-01-01-A,"{raw}"\n', encoding="utf-8")
    error = fails(stocked, "stock", path)
    assert (error.line, error.column) == (2, 3)
    assert message in error.message and error.message.startswith("quantity")


@pytest.mark.parametrize(("raw", "value"), [("48", 48), ("48.0", 48), ("48,00", 48), ("1000", 1000), ("1000.000", 1000)])
def test_stock_quantity_accepted(stocked, tmp_path, raw, value):
    path = tmp_path / "stock.csv"
    path.write_text(f'sku,location,quantity\nSKU-MUG,A-01-01-A,"{raw}"\n')
    run_import(stocked, "stock", path)
    with stocked() as session:
        assert session.scalar(select(Stock.quantity).where(Stock.location_id == 1, Stock.lot == "")) == value


def test_quai_orders_share_the_integer_parser(stocked, tmp_path):
    header = "number,sku,quantity\n"
    path = tmp_path / "orders.csv"
    path.write_text(header + "Q-1,SKU-MUG,2.0\n")  # refused before: its own parser wanted digits only
    run_import(stocked, "orders", path)
    assert [line.quantity for line in order(stocked, "Q-1").lines] == [2]
    path.write_text(header + "Q-2,SKU-MUG,²\n")  # ValueError before
    error = fails(stocked, "orders", path)
    assert (error.line, error.column) == (2, 3) and "quantity" in error.message
    path = tmp_path / "orders.json"
    path.write_text(json.dumps([{"number": "J-1", "lines": [{"sku": "SKU-MUG", "quantity": 2**40}]}]))
    assert "at most 2147483647" in fails(stocked, "orders", path).message


def test_too_long_location_fields_name_line_and_column(any_session_factory, tmp_path):
    path = tmp_path / "locations.csv"
    path.write_text("code,zone,aisle,bay,level,pick_sequence\nA-1,A,1,1,A,1\n"
                    f"A-2,{'Z' * 17},1,1,A,2\n")
    error = fails(any_session_factory, "locations", path)
    assert (error.line, error.column) == (3, 2)
    assert "zone is 17 characters; at most 16" in error.message
    path.write_text(f"code,zone,aisle,bay,level,pick_sequence\n{'A' * 33},A,1,1,A,1\n")
    assert (fails(any_session_factory, "locations", path).column) == 1
    path.write_text("code,zone,aisle,bay,level,pick_sequence\nA-1,A,1,1,A,3000000000\n")
    assert "at most 2147483647" in fails(any_session_factory, "locations", path).message
    assert count(any_session_factory, Location) == 0


def test_too_long_stock_and_product_fields(any_stocked, tmp_path):
    path = tmp_path / "stock.csv"
    path.write_text(f"sku,location,quantity,lot\nSKU-MUG,A-01-01-A,1,{'L' * 65}\n")
    error = fails(any_stocked, "stock", path)
    assert (error.line, error.column) == (2, 4) and "lot is 65 characters" in error.message
    path = tmp_path / "products.csv"
    path.write_text(f"sku,name,weight_g\n{'S' * 65},Mug,1\nSKU-LONG,{'N' * 300},99999999999\n")
    error = fails(any_stocked, "products", path)
    assert (error.line, error.column) == (2, 1) and "sku is 65 characters" in error.message
    path.write_text(f"sku,name\nSKU-LONG,{'N' * 300}\n")
    report = run_import(any_stocked, "products", path)  # a name cut is still a name: a warning
    assert [str(w) for w in report.warnings] == ["row 2: SKU SKU-LONG: name is 300 characters; kept the first 255"]
    with any_stocked() as session:
        assert len(session.scalar(select(Product.name).where(Product.sku == "SKU-LONG"))) == 255


def test_long_shopify_order_values_on_both_backends(any_stocked, tmp_path):
    path = shopify_variant(DATA / "orders_happy.csv", tmp_path / "long.csv", [
        {"Name": "#4001", "Shipping Address1": "A" * 312, "Billing Name": "B" * 256, "Lineitem name": "C" * 300},
        {"Name": "#4002", "Shipping Company": "Société " * 40},  # 320, 319 once stripped
    ])
    report = run_import(any_stocked, "orders", path)  # StringDataRightTruncation on PostgreSQL before
    assert report.imported == 2
    assert [str(w) for w in report.warnings] == [
        "row 2: order #4001: Billing Name is 256 characters; kept the first 255",
        "row 2: order #4001: Shipping Address1 is 312 characters; kept the first 255",
        "row 2: order #4001: Lineitem name is 300 characters; kept the first 255",
        "row 3: order #4002: Shipping Company is 319 characters; kept the first 255",
    ]
    assert order(any_stocked, "#4001").ship_address1 == "A" * 255
    # Identifiers are never cut: a cut order number or SKU would be another order or product.
    for changes, column, what in (({"Name": "#" + "9" * 64}, "Name", "Name is 65 characters"),
                                  ({"Lineitem sku": "S" * 65}, "Lineitem sku", "Lineitem sku is 65")):
        path = shopify_variant(DATA / "orders_happy.csv", tmp_path / "bad.csv", [{"Name": "#4003"}, changes])
        error = fails(any_stocked, "orders", path)
        assert error.line == 3 and what in error.message
        assert error.column == (path.read_text().split("\n")[0].split(",").index(column) + 1)
    path = shopify_variant(DATA / "orders_happy.csv", tmp_path / "qty.csv", [{"Name": "#4004", "Lineitem quantity": "3000000000"}])
    assert "at most 2147483647" in fails(any_stocked, "orders", path).message
    assert count(any_stocked, Order) == 2


def test_quai_order_values_too_long(any_stocked, tmp_path):
    path = tmp_path / "orders.json"
    path.write_text(json.dumps([{"number": "J-1", "relay_point_id": "R" * 65, "lines": [{"sku": "SKU-MUG", "quantity": 1}]}]))
    assert "relay_point_id is 65 characters" in fails(any_stocked, "orders", path).message
    path.write_text(json.dumps([{"number": "J-1", "city": "V" * 200, "priority": 2**31,
                                 "lines": [{"sku": "SKU-MUG", "quantity": 1}]}]))
    assert "priority" in fails(any_stocked, "orders", path).message
    path.write_text(json.dumps([{"number": "J-1", "city": "V" * 200, "lines": [{"sku": "SKU-MUG", "quantity": 1}]}]))
    report = run_import(any_stocked, "orders", path)
    assert [str(w) for w in report.warnings] == ["row 1: order J-1: city is 200 characters; kept the first 128"]


def test_location_codes_are_upper_cased(stocked, tmp_path):
    path = tmp_path / "locations.csv"
    path.write_text("code,zone,aisle,bay,level,pick_sequence\n r-01-01-1 ,R,01,01,1,5\n")
    run_import(stocked, "locations", path)
    with stocked() as session:
        assert session.scalar(select(Location.code).where(Location.pick_sequence == 5)) == "R-01-01-1"
    stock = tmp_path / "stock.csv"
    stock.write_text("sku,location,quantity\nSKU-MUG,r-01-01-1,4\nSKU-CAP,b-02-01-b,5\n")
    report = run_import(stocked, "stock", stock)
    assert (report.imported, report.unchanged) == (1, 1)  # b-02-01-b is the known B-02-01-B
    path.write_text("code,zone,aisle,bay,level,pick_sequence\nR-01-01-1,R,01,01,1,5\nr-01-01-1,R,01,01,1,6\n")
    assert "already given on line 2" in fails(stocked, "locations", path).message


def test_rows_made_of_delimiters_are_skipped(stocked, tmp_path):
    products = tmp_path / "products.csv"
    text = (DATA / "products_variants.csv").read_text(encoding="utf-8")
    products.write_text(text + "," * 35 + "\n" + "," * 35 + "\n", encoding="utf-8")
    assert run_import(stocked, "products", products).imported == 4  # "Handle is empty" before
    orders = tmp_path / "orders.csv"
    orders.write_text((DATA / "orders_continuation.csv").read_text(encoding="utf-8") + ",,,,,,\n", encoding="utf-8")
    assert run_import(stocked, "orders", orders).imported == 1


def test_semicolon_file_with_a_leading_blank_line(factory, tmp_path):
    path = tmp_path / "locations.csv"
    path.write_text("\n  \r\ncode;zone;aisle;bay;level;pick_sequence\r\nA-1;A;1;1;A;1\r\n", encoding="utf-8-sig")
    report = run_import(factory, "locations", path)
    assert report.imported == 1
    path.write_text("\n\ncode;zone;aisle;bay;level;pick_sequence\nA-1;A;1;1;A;x\n")
    error = fails(factory, "locations", path)
    assert (error.line, error.column) == (4, 6)


def test_fractional_variant_grams_are_rounded(factory, tmp_path):
    path = shopify_variant(DATA / "products_grams_kg.csv", tmp_path / "grams.csv", [
        {"Handle": "poids-1", "Variant SKU": "LB-1", "Variant Grams": "453.5924"},
        {"Handle": "poids-2", "Variant SKU": "OZ-1", "Variant Grams": "28.3495"},
        {"Handle": "poids-3", "Variant SKU": "HALF", "Variant Grams": "0.5"},
    ])
    assert run_import(factory, "products", path).imported == 3
    with factory() as session:
        assert dict(session.execute(select(Product.sku, Product.weight_g)).all()) == {"LB-1": 454, "OZ-1": 28, "HALF": 1}
    path = shopify_variant(DATA / "products_grams_kg.csv", tmp_path / "bad.csv", [{"Variant Grams": "1,500"}])
    assert "ambiguous" in fails(factory, "products", path).message
