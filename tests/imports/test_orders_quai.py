"""Quai's own orders CSV and JSON."""

from __future__ import annotations

import json

import pytest

from app.imports import ImportFailed, run_import
from app.store.models import Order
from tests.imports.helpers import count, order

CSV_HEADER = ("number,created_at,customer_name,email,address1,address2,zip,city,country,carrier,service,delivery,"
              "relay_point_id,relay_point_name,priority,gift_message,sku,quantity\n")


def test_quai_csv_one_row_per_line(stocked, tmp_path):
    path = tmp_path / "orders.csv"
    path.write_text(CSV_HEADER
                    + "Q-1,2026-11-20T09:00:00+01:00,Léa Roux,lea@example.fr,3 place Bellecour,,69002,Lyon,FR,"
                      "mondial_relay,point_relais,relay,MR-1,Relais Bellecour,2,Bon anniversaire,SKU-MUG,2\n"
                    + "Q-1,,,,,,,,,,,,,,,,SKU-CAP,1\n"
                    + "Q-2,2026-11-20T10:00:00Z,Marc Petit,,1 rue Neuve,,75001,Paris,FR,click_collect,,,,,0,,SKU-NOPE,1\n")
    report = run_import(stocked, "orders", path)
    assert (report.format, report.imported) == ("quai-csv", 2)
    first = order(stocked, "Q-1")
    assert [(line.sku, line.quantity) for line in first.lines] == [("SKU-MUG", 2), ("SKU-CAP", 1)]
    assert (first.carrier, first.delivery_mode, first.relay_point_id, first.priority) == ("mondial_relay", "relay", "MR-1", 2)
    second = order(stocked, "Q-2")
    assert (second.delivery_mode, second.status, second.exception_reason) == ("pickup", "exception", "unknown_sku: SKU-NOPE")


def test_quai_csv_bad_carrier_names_its_column(stocked, tmp_path):
    path = tmp_path / "orders.csv"
    path.write_text(CSV_HEADER + "Q-3,,Ana,,1 rue,,75001,Paris,FR,la_poste,,,,,0,,SKU-MUG,1\n")
    with pytest.raises(ImportFailed) as caught:
        run_import(stocked, "orders", path)
    assert (caught.value.line, caught.value.column) == (2, 10)


def test_quai_json_on_both_backends(any_session_factory, tmp_path):
    from tests.imports.helpers import seed_catalogue

    seed_catalogue(any_session_factory)
    path = tmp_path / "orders.json"
    path.write_text(json.dumps([
        {"number": "J-1", "created_at": "2026-11-20T08:00:00Z", "customer_name": "Inès", "address1": "2 quai",
         "zip": "13002", "city": "Marseille", "carrier": "colissimo",
         "lines": [{"sku": "SKU-TEE-S", "quantity": 2}, {"sku": "GIFT", "quantity": 1, "requires_shipping": False}]},
        {"number": "J-2", "lines": [{"sku": "SKU-CAP", "quantity": 9}]},
    ], indent=2, ensure_ascii=False))
    report = run_import(any_session_factory, "orders", path)
    assert (report.format, report.imported) == ("quai-json", 2)
    assert order(any_session_factory, "J-1").status == "new"
    assert [line.requires_shipping for line in order(any_session_factory, "J-1").lines] == [True, False]
    assert order(any_session_factory, "J-2").status == "awaiting_stock"  # 9 caps, 5 in stock


def test_json_syntax_error_has_line_and_column(stocked, tmp_path):
    path = tmp_path / "orders.json"
    path.write_text('[\n  {"number": "J-1",\n   "lines": [{"sku": "SKU-MUG" "quantity": 1}]}\n]\n')
    with pytest.raises(ImportFailed) as caught:
        run_import(stocked, "orders", path)
    assert (caught.value.line, caught.value.column) == (3, 32)
    assert count(stocked, Order) == 0


def test_json_bad_order_points_at_the_order(stocked, tmp_path):
    path = tmp_path / "orders.json"
    path.write_text('[\n  {"number": "J-1", "lines": [{"sku": "SKU-MUG", "quantity": 1}]},\n'
                    '  {"number": "J-2", "lines": [{"sku": "SKU-MUG", "quantity": 0}]}\n]\n')
    with pytest.raises(ImportFailed) as caught:
        run_import(stocked, "orders", path)
    assert (caught.value.line, caught.value.column) == (3, 3)
    assert "quantity" in caught.value.message
    assert count(stocked, Order) == 0
