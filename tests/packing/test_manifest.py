"""The manifest's CSV and totals (app.packing.manifest): what French Excel opens, read back by
the csv module, and weights that add up."""

from __future__ import annotations

import csv
import io
from datetime import UTC, datetime

from hypothesis import given
from hypothesis import strategies as st

from app.packing.manifest import CSV_HEADER, ManifestRow, kg_text, to_csv, to_csv_bytes, totals

WHEN = datetime(2026, 11, 24, 15, 5, tzinfo=UTC)  # 16:05 in Lyon


def row(n: int, **changes) -> ManifestRow:
    values = dict(sscc=f"37601230000000{n:03d}"[-18:], order=f"#{1000 + n}", parcel="1/1", recipient=f"Client {n}",
                  city="Lyon", zip="69007", country="FR", relay_point="", weight_g=1250 + n, shipped_at=WHEN)
    values.update(changes)
    return ManifestRow(**values)


def read(text: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(text, newline=""), delimiter=";"))


def test_a_header_then_one_line_per_parcel_in_french_excel_form() -> None:
    text = to_csv([row(1), row(2, relay_point="012345 Tabac du Port", parcel="2/3")])
    assert text.endswith("\r\n") and text.count("\r\n") == 3
    header, first, second = read(text)
    assert tuple(header) == CSV_HEADER
    assert first == [row(1).sscc, "#1001", "1/1", "colis", "Client 1", "69007", "Lyon", "FR", "", "1,251",
                     "2026-11-24 16:05"]
    assert second[2] == "2/3" and second[8] == "012345 Tabac du Port"


def test_separators_and_quotes_inside_a_name_stay_in_their_field() -> None:
    awkward = 'Société "Le Comptoir"; Lyon\nbâtiment B'
    [_, line] = read(to_csv([row(1, recipient=awkward)]))
    assert line[4] == awkward and len(line) == len(CSV_HEADER)


def test_the_file_bytes_start_with_a_bom_and_are_utf8() -> None:
    data = to_csv_bytes([row(1, recipient="Éloïse Œuvray")])
    assert data.startswith(b"\xef\xbb\xbf")
    assert "Éloïse Œuvray" in data[3:].decode("utf-8")


def test_an_unweighed_parcel_has_an_empty_weight_and_is_counted_apart() -> None:
    rows = [row(1, weight_g=None), row(2, weight_g=2000)]
    assert read(to_csv(rows))[1][9] == ""
    total = totals(rows)
    assert (total.parcels, total.weight_g, total.unweighed, total.kg) == (2, 2000, 1, "2,000")


def test_a_pallet_is_listed_but_its_weight_is_its_cartons() -> None:
    rows = [row(1, weight_g=3000, kind="carton"), row(2, weight_g=4000, kind="carton"),
            row(3, weight_g=7000, kind="pallet", parcel="palette")]
    total = totals(rows)
    assert (total.parcels, total.pallets, total.weight_g) == (2, 1, 7000)
    assert [line[3] for line in read(to_csv(rows))[1:]] == ["carton", "carton", "palette"]


@given(st.integers(min_value=0, max_value=10**9))
def test_kilograms_read_back_to_the_grams(grams: int) -> None:
    text = kg_text(grams)
    whole, decimals = text.split(",")
    assert len(decimals) == 3 and int(whole) * 1000 + int(decimals) == grams


@given(st.lists(st.integers(min_value=0, max_value=100_000), max_size=50))
def test_the_total_is_the_sum_of_the_rows(weights: list[int]) -> None:
    rows = [row(i, weight_g=w) for i, w in enumerate(weights)]
    assert totals(rows).weight_g == sum(weights) and totals(rows).parcels == len(weights)
    assert len(read(to_csv(rows))) == len(weights) + 1
