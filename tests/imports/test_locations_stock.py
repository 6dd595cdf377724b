"""Locations and stock CSVs: upserts, and errors that leave the database untouched."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select

from app.imports import ImportFailed, run_import
from app.store.models import Location, Stock
from tests.imports.helpers import DATA, count


def test_locations_upsert_by_code(factory, tmp_path):
    assert run_import(factory, "locations", DATA / "base_locations.csv").imported == 3
    changed = tmp_path / "locations.csv"
    changed.write_text("code,zone,aisle,bay,level,pick_sequence\nA-01-01-A,A,01,01,A,15\nA-01-02-A,A,01,02,A,20\n")
    report = run_import(factory, "locations", changed)
    assert (report.imported, report.updated, report.unchanged) == (0, 1, 1)
    with factory() as session:
        assert session.scalar(select(Location.pick_sequence).where(Location.code == "A-01-01-A")) == 15


def test_stock_sets_quantities_with_lots(stocked, tmp_path):
    with stocked() as session:
        honey = session.scalars(select(Stock).where(Stock.lot == "L2611")).one()
        assert (honey.quantity, honey.expiry) == (12, date(2027, 6, 30))
    recount = tmp_path / "stock.csv"
    recount.write_text("sku,location,quantity\nSKU-MUG,A-01-01-A,48\nSKU-TEE-S,A-01-02-A,20\n")
    report = run_import(stocked, "stock", recount)
    assert (report.updated, report.unchanged) == (1, 1)


@pytest.mark.parametrize(
    ("row", "column", "message"),
    [
        ("SKU-NOPE,A-01-01-A,3", 1, "unknown SKU SKU-NOPE"),
        ("SKU-MUG,Z-99,3", 2, "unknown location Z-99"),
        ("SKU-MUG,A-01-01-A,-2", 3, "at least 0"),
        ("SKU-MUG,A-01-01-A,2.5", 3, "whole number"),
    ],
)
def test_bad_stock_row_40_imports_nothing(stocked, tmp_path, row, column, message):
    # Line 2 recounts SKU-TEE-S (20 -> 1), lines 3-39 add lots; line 40 is the bad one.
    good = ["SKU-TEE-S,A-01-02-A,1,,", *[f"SKU-HONEY,B-02-01-B,{i},LOT{i}," for i in range(37)]]
    path = tmp_path / "stock.csv"
    path.write_text("\n".join(["sku,location,quantity,lot,expiry", *good, row + ",,"]) + "\n")
    before = count(stocked, Stock)
    with pytest.raises(ImportFailed) as caught:
        run_import(stocked, "stock", path)
    assert (caught.value.line, caught.value.column) == (40, column)
    assert message in caught.value.message
    assert count(stocked, Stock) == before
    with stocked() as session:
        assert session.scalar(select(Stock.quantity).join(Stock.product).where(Stock.lot == "", Stock.location_id == 2)) == 20
