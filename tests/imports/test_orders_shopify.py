"""Shopify orders export: one test (and one small file in data/) per quirk."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from app.domain.events import ORDER_IMPORTED, ORDER_STATUS_CHANGED
from app.imports import ImportFailed, run_import
from app.store.db import session_factory
from app.store.models import Event, Order, OrderLine
from tests.imports.helpers import DATA, count, events, order, seed_catalogue


def test_happy_path_on_both_backends(any_engine):
    factory = session_factory(any_engine)
    seed_catalogue(factory)
    report = run_import(factory, "orders", DATA / "orders_happy.csv", station="admin-1", actor="B42")
    assert (report.format, report.imported, report.skipped, report.warnings) == ("shopify", 3, {}, [])
    first = order(factory, "#3001")
    assert first.status == "new" and first.source == "shopify"
    assert [(line.sku, line.quantity) for line in first.lines] == [("SKU-MUG", 1), ("SKU-TEE-S", 2)]
    assert first.created_at == datetime(2026, 11, 20, 8, 14, 3, tzinfo=UTC)
    relay = order(factory, "#3002")
    assert (relay.carrier, relay.delivery_mode, relay.relay_point_id) == ("mondial_relay", "relay", "012345")
    pickup = order(factory, "#3003")
    assert (pickup.carrier, pickup.delivery_mode, pickup.ship_address1) == ("click_collect", "pickup", "Atelier Quai\n5 quai Rambaud")
    imported = events(factory, ORDER_IMPORTED)
    assert [(e.order_number, e.payload["status"], e.station, e.actor) for e in imported] == [
        ("#3001", "new", "admin-1", "B42"), ("#3002", "new", "admin-1", "B42"), ("#3003", "new", "admin-1", "B42")]


def test_utf8_bom_is_ignored(stocked):
    assert (DATA / "orders_bom.csv").read_bytes().startswith(b"\xef\xbb\xbf")
    report = run_import(stocked, "orders", DATA / "orders_bom.csv")
    assert report.format == "shopify" and report.imported == 1
    assert order(stocked, "#1001").customer_email == "camille@example.fr"


def test_multiline_quoted_address_and_notes(stocked):
    report = run_import(stocked, "orders", DATA / "orders_multiline_address.csv")
    first = order(stocked, "#1002")
    assert first.ship_address1 == "Résidence Les Tilleuls\nBâtiment B"
    assert first.ship_address2 == "Escalier 3\n2e étage"
    assert first.notes == "Sonner deux fois.\nMerci !"
    assert first.ship_zip == "69003" and first.customer_phone == "+33612345678"  # Shopify's apostrophe dropped
    # The second order's record starts after the 4 physical lines of the first one.
    assert order(stocked, "#1003").status == "exception"
    assert report.imported == 2


def test_continuation_rows_add_lines_and_keep_first_row_fields(stocked):
    run_import(stocked, "orders", DATA / "orders_continuation.csv")
    found = order(stocked, "#1004")
    assert [(line.line_no, line.sku, line.quantity) for line in found.lines] == [
        (1, "SKU-MUG", 2), (2, "SKU-TEE-S", 1), (3, "SKU-CAP", 3)]
    assert found.ship_city == "Lyon" and found.carrier == "colissimo"
    assert count(stocked, Order) == 1


def test_line_not_requiring_shipping_is_stored_but_not_picked(stocked):
    run_import(stocked, "orders", DATA / "orders_requires_shipping_false.csv")
    found = order(stocked, "#1005")
    assert [(line.sku, line.requires_shipping) for line in found.lines] == [("SKU-MUG", True), ("", False)]
    assert found.status == "new"  # the gift card's missing SKU is no exception: it is not picked


def test_fulfilled_order_is_skipped(stocked):
    report = run_import(stocked, "orders", DATA / "orders_fulfilled.csv")
    assert report.skipped == {"fulfilled": 1} and report.imported == 1
    assert count(stocked, Order, Order.number == "#1006") == 0


def test_refunded_voided_and_cancelled_are_skipped_by_reason(stocked):
    report = run_import(stocked, "orders", DATA / "orders_refunded_voided_cancelled.csv")
    assert report.skipped == {"refunded": 1, "voided": 1, "cancelled": 1}
    assert report.imported == 1 and count(stocked, Order) == 1
    assert report.summary_lines()[0] == (
        "imported 1, updated 0, unchanged 0, skipped 3 (cancelled: 1, refunded: 1, voided: 1), warnings 0")


def test_high_risk_goes_on_hold(stocked):
    run_import(stocked, "orders", DATA / "orders_risk_high.csv")
    found = order(stocked, "#1012")
    assert (found.status, found.resume_status) == ("on_hold", "new")
    assert found.hold_reason == "fraud_risk: Risk Level High"


def test_pending_payment_goes_on_hold(stocked):
    run_import(stocked, "orders", DATA / "orders_pending.csv")
    found = order(stocked, "#1013")
    assert (found.status, found.hold_reason) == ("on_hold", "awaiting_payment: Financial Status pending")
    assert found.financial_status == "pending" and found.payment_method == "Virement bancaire"


def test_cash_on_delivery_pending_is_not_held(stocked):
    run_import(stocked, "orders", DATA / "orders_cod.csv")
    assert order(stocked, "#1014").status == "new"  # "Cash on Delivery (COD)"
    assert order(stocked, "#1015").status == "new"  # "contre-remboursement"


def test_unknown_sku_is_an_exception_even_when_held(any_stocked):
    run_import(any_stocked, "orders", DATA / "orders_unknown_sku.csv")
    found = order(any_stocked, "#1016")
    assert found.status == "exception"
    assert found.exception_reason == "unknown_sku: SKU-XYZ"
    # Risk High too: the hold reason is kept for whoever clears the exception.
    assert found.hold_reason == "fraud_risk: Risk Level High" and found.resume_status == "new"


def test_not_enough_stock_allocates_oldest_first(any_stocked):
    # SKU-CAP has 5 units. #1018 (4, 11:00) comes first in the file, #1017 (3, 10:00) is older.
    run_import(any_stocked, "orders", DATA / "orders_not_enough_stock.csv")
    assert order(any_stocked, "#1017").status == "new"
    assert order(any_stocked, "#1018").status == "awaiting_stock"


def test_stock_reserved_by_orders_already_in_the_database(any_stocked):
    run_import(any_stocked, "orders", DATA / "orders_continuation.csv")  # reserves 3 of the 5 SKU-CAP
    run_import(any_stocked, "orders", DATA / "orders_not_enough_stock.csv")
    assert order(any_stocked, "#1017").status == "awaiting_stock"  # needs 3, only 2 free


def test_relay_point_from_note_attributes(stocked):
    report = run_import(stocked, "orders", DATA / "orders_relay_point.csv")
    found = order(stocked, "#1019")
    assert (found.carrier, found.service, found.delivery_mode) == ("mondial_relay", "point_relais", "relay")
    assert (found.relay_point_id, found.relay_point_name) == ("FR-069123", "Tabac de la Gare, Lyon")
    assert found.gift_message == "Joyeux anniversaire !"
    # Chrono Relais without a relay point id: imported, with a warning naming the row.
    assert order(stocked, "#1020").delivery_mode == "relay"
    assert [(w.row, "relay_point_id" in w.message) for w in report.warnings] == [(5, True)]


def test_store_pickup_mapping(stocked):
    run_import(stocked, "orders", DATA / "orders_pickup.csv")
    found = order(stocked, "#1021")
    assert (found.carrier, found.delivery_mode, found.shipping_method) == (
        "click_collect", "pickup", "Retrait en magasin (Lyon 3e)")


def test_other_columns_mapping_and_unmatched_method(stocked):
    report = run_import(stocked, "orders", DATA / "orders_mapping.csv")
    b2b = order(stocked, "#1022")
    assert (b2b.carrier, b2b.service, b2b.delivery_mode) == ("chronopost", "chrono13", "home")
    assert b2b.channel == "b2b" and b2b.ship_company == "Bistrot du Port SARL"
    assert b2b.priority == 1  # tag "urgent"
    assert b2b.gift_message == "Bonne fête papa"  # from the Notes line "Message cadeau: …"
    assert b2b.ship_zip == "01000"
    unmatched = order(stocked, "#1023")
    assert (unmatched.carrier, unmatched.delivery_mode, unmatched.channel) == (None, "home", "b2c")
    assert len(report.warnings) == 1 and report.warnings[0].row == 4
    assert "Livraison drone" in report.warnings[0].message
    assert report.summary_lines()[1].startswith("row 4: order #1023")


def test_reimport_changes_nothing(any_stocked):
    first = run_import(any_stocked, "orders", DATA / "orders_mapping.csv")
    before = count(any_stocked, Event)
    again = run_import(any_stocked, "orders", DATA / "orders_mapping.csv")
    assert (first.imported, again.imported, again.unchanged, again.updated) == (2, 0, 2, 0)
    assert again.warnings == []  # warnings belong to the import that created the order
    assert count(any_stocked, Event) == before
    assert count(any_stocked, OrderLine) == 2


def test_cancellation_in_a_later_export(any_stocked):
    run_import(any_stocked, "orders", DATA / "orders_cancelled_later_a.csv")
    report = run_import(any_stocked, "orders", DATA / "orders_cancelled_later_b.csv", station="admin-2")
    assert (report.updated, report.unchanged, report.skipped) == (1, 1, {"cancelled": 1})
    assert order(any_stocked, "#1024").status == "cancelled"
    assert order(any_stocked, "#1025").status == "new"
    assert count(any_stocked, Order, Order.number == "#1026") == 0
    changes = events(any_stocked, ORDER_STATUS_CHANGED)
    assert [(e.order_number, e.payload["from"], e.payload["to"], e.station) for e in changes] == [
        ("#1024", "new", "cancelled", "admin-2")]


def test_malformed_file_imports_nothing_and_names_file_line_column(stocked):
    before = (count(stocked, Order), count(stocked, Event))
    path = DATA / "orders_malformed_row40.csv"
    with pytest.raises(ImportFailed) as caught:
        run_import(stocked, "orders", path)
    error = caught.value
    assert (error.line, error.column) == (40, 17)  # Lineitem quantity is the 17th column
    assert str(error) == f"{path}:40:17: Lineitem quantity must be a whole number, not 'deux'"
    assert (count(stocked, Order), count(stocked, Event)) == before


def test_payment_received_in_a_later_export_releases_the_hold(any_stocked, tmp_path):
    run_import(any_stocked, "orders", DATA / "orders_pending.csv")
    later = tmp_path / "later.csv"
    later.write_text((DATA / "orders_pending.csv").read_text().replace(",pending,", ",paid,"))
    report = run_import(any_stocked, "orders", later)
    found = order(any_stocked, "#1013")
    assert (report.updated, found.status, found.hold_reason) == (1, "new", None)
    assert [e.payload["to"] for e in events(any_stocked, ORDER_STATUS_CHANGED)] == ["new"]


def test_order_edited_in_the_shop_is_kept_with_a_warning(any_stocked, tmp_path):
    run_import(any_stocked, "orders", DATA / "orders_continuation.csv")
    edited = tmp_path / "edited.csv"
    rows = (DATA / "orders_continuation.csv").read_text().split("\n")
    rows[3] = rows[3].replace(",3,Article SKU-CAP,", ",1,Article SKU-CAP,")  # 3 caps became 1 in the shop
    edited.write_text("\n".join(rows))
    report = run_import(any_stocked, "orders", edited)
    assert (report.imported, report.updated, report.unchanged) == (0, 0, 1)
    assert [str(w) for w in report.warnings] == [
        "row 2: order #1004 changed in the shop since it was imported (lines differ); "
        "Quai kept its copy: check it with a supervisor"]
    assert [(line.sku, line.quantity) for line in order(any_stocked, "#1004").lines] == [
        ("SKU-MUG", 2), ("SKU-TEE-S", 1), ("SKU-CAP", 3)]
    same = run_import(any_stocked, "orders", DATA / "orders_continuation.csv")  # lines in another order: same
    assert same.warnings == []
