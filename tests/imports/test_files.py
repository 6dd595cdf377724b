"""Reading files: encodings, empty files, headers, format detection, malformed CSV."""

from __future__ import annotations

import pytest

from app.imports import ImportFailed, run_import
from app.store.models import Location
from tests.imports.helpers import DATA, count


def fails(factory, kind, path, **kwargs) -> ImportFailed:
    with pytest.raises(ImportFailed) as caught:
        run_import(factory, kind, path, **kwargs)
    return caught.value


def test_not_utf8_names_the_first_bad_byte(factory, tmp_path):
    path = tmp_path / "locations.csv"
    path.write_bytes("code,zone,aisle,bay,level,pick_sequence\nA-1,A,1,1,A,1\nB-1,Entrepôt,1,1,A,2\n".encode("cp1252"))
    error = fails(factory, "locations", path)
    assert (error.line, error.column) == (3, 11)
    assert "UTF-8" in error.message and str(error).startswith(f"{path}:3:11: ")


def test_empty_file(factory, tmp_path):
    path = tmp_path / "empty.csv"
    path.write_bytes(b"\xef\xbb\xbf\n")
    assert fails(factory, "orders", path).message == "the file is empty"


def test_missing_required_column_is_named(factory, tmp_path):
    path = tmp_path / "locations.csv"
    path.write_text("code,zone,aisle,bay,level\nA-1,A,1,1,A\n")
    error = fails(factory, "locations", path, format="quai")
    assert "'pick_sequence'" in error.message and error.line == 1


def test_unrecognised_header_says_what_was_expected(factory, tmp_path):
    path = tmp_path / "what.csv"
    path.write_text("foo,bar\n1,2\n")
    error = fails(factory, "products", path)
    assert "unrecognised header" in error.message and "Shopify products export" in error.message
    assert str(error).startswith(str(path))


def test_format_override_and_wrong_format(factory, tmp_path):
    error = fails(factory, "orders", DATA / "base_products.csv", format="quai-csv")
    assert "missing required column" in error.message and "'number'" in error.message
    assert "cannot import" in fails(factory, "stock", DATA / "base_stock.csv", format="shopify").message


def test_unclosed_quote_points_at_the_record_and_field(factory, tmp_path):
    path = tmp_path / "locations.csv"
    path.write_text('code,zone,aisle,bay,level,pick_sequence\nA-1,A,1,1,A,1\nB-1,"B,1,1,A,2\nC-1,C,1,1,A,3\n')
    error = fails(factory, "locations", path)
    assert (error.line, error.column) == (3, 2)
    assert count(factory, Location) == 0


def test_too_many_fields(factory, tmp_path):
    path = tmp_path / "locations.csv"
    path.write_text("code,zone,aisle,bay,level,pick_sequence\nA-1,A,1,1,A,1,oops\n")
    assert (fails(factory, "locations", path).line, fails(factory, "locations", path).column) == (2, 7)


def test_semicolon_csv_from_a_french_spreadsheet(factory, tmp_path):
    path = tmp_path / "locations.csv"
    path.write_text("code;zone;aisle;bay;level;pick_sequence\r\nA-1;A;1;1;A;1\r\n", encoding="utf-8-sig")
    assert run_import(factory, "locations", path).imported == 1
