"""Barcode module patterns (app.labels.symbols), read back by a real decoder (zxing-cpp).

Each pattern is drawn into a plain array (no Qt: 2 pixels per module, a quiet zone) and
decoded; GS1-128's FNC1 placement is checked on the symbol characters themselves.
"""

from __future__ import annotations

import numpy as np
import pytest
import zxingcpp
from hypothesis import given, settings, strategies as st

from app.labels.symbols import code128_modules, code128_values, datamatrix_matrix, qr_matrix

FNC1 = 102
START_B, START_C, CODE_B, CODE_C = 104, 105, 100, 99


def linear_image(modules: str, scale: int = 2, quiet: int = 10, height: int = 40) -> np.ndarray:
    row = [255] * quiet + [0 if m == "1" else 255 for m in modules] + [255] * quiet
    return np.kron(np.array([row] * height, dtype=np.uint8), np.ones((1, scale), dtype=np.uint8))


def matrix_image(matrix, scale: int = 4, quiet: int = 4) -> np.ndarray:
    cells = np.array([[0 if dark else 255 for dark in row] for row in matrix], dtype=np.uint8)
    cells = np.pad(cells, quiet, constant_values=255)
    return np.kron(cells, np.ones((scale, scale), dtype=np.uint8))


def read_one(pixels: np.ndarray):
    results = zxingcpp.read_barcodes(pixels)
    assert len(results) == 1, f"expected one symbol, decoded {[r.text for r in results]}"
    return results[0]


@pytest.mark.parametrize("data", [
    "(00)376543210000000018",
    "(01)03453120000011(17)191125(10)ABCD1234",
    "(10)AB12(21)123456",
    "(02)03453120000011(37)12(400)PO-2026-17",
])
def test_gs1_128_reads_back_as_gs1_with_the_bracketed_text(data: str) -> None:
    result = read_one(linear_image(code128_modules(data, gs1=True)))
    assert result.symbology_identifier == "]C1"
    assert result.text == data
    assert result.content_type == zxingcpp.ContentType.GS1


def test_fnc1_starts_a_gs1_128_and_follows_only_variable_length_ais() -> None:
    # (10) is variable-length and not last: FNC1 after its value; (21) is last: none.
    values = code128_values("(10)AB12(21)123456", gs1=True)
    assert values[:2] == (START_C, FNC1)
    body = values[2:-1]  # without start, leading FNC1 and check
    assert body.count(FNC1) == 1
    after_lot = body.index(FNC1)
    # What precedes the separator decodes to "10AB12": C "10", B "A" "B", C "12".
    assert body[:after_lot] == (10, CODE_B, ord("A") - 32, ord("B") - 32, CODE_C, 12)
    # Fixed-length AIs (01) and (17) need no separator; (10) is last: none at all.
    values = code128_values("(01)03453120000011(17)191125(10)ABCD1234", gs1=True)
    assert values[1] == FNC1 and FNC1 not in values[2:-1]


def test_an_sscc_is_start_c_fnc1_and_ten_digit_pairs() -> None:
    values = code128_values("(00)376543210000000018", gs1=True)
    assert values[:2] == (START_C, FNC1)
    assert values[2:-1] == (0, 37, 65, 43, 21, 0, 0, 0, 0, 18)
    # 13 symbol characters of 11 modules, and the 13-module stop.
    assert len(code128_modules("(00)376543210000000018", gs1=True)) == 13 * 11 + 13


def test_the_check_character_is_the_weighted_sum_modulo_103() -> None:
    values = code128_values("1Z999AA10123456784", gs1=False)
    assert values[-1] == (values[0] + sum(i * v for i, v in enumerate(values[1:-1], 1))) % 103


def test_plain_code128_reads_back_as_code128_not_gs1() -> None:
    result = read_one(linear_image(code128_modules("1Z999AA10123456784", gs1=False)))
    assert (result.text, result.symbology_identifier) == ("1Z999AA10123456784", "]C0")


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet=st.characters(min_codepoint=32, max_codepoint=126), min_size=1, max_size=30))
def test_any_printable_ascii_round_trips_in_no_more_characters_than_code_set_b(data: str) -> None:
    values = code128_values(data, gs1=False)
    assert len(values) <= len(data) + 2  # start + data + check: what plain set B needs
    result = read_one(linear_image(code128_modules(data, gs1=False)))
    assert result.text == data


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet="0123456789", min_size=1, max_size=24))
def test_digit_runs_are_packed_in_code_set_c(digits: str) -> None:
    values = code128_values(digits, gs1=False)
    # Two digits per character, plus start, check and at most one switch for an odd digit.
    assert len(values) <= (len(digits) + 1) // 2 + 3
    assert read_one(linear_image(code128_modules(digits, gs1=False))).text == digits


@pytest.mark.parametrize("data, gs1", [("", False), ("café", False), ("A\tB", False),
                                       ("00376543210000000018", True), ("(00)", True), ("(1)23", True)])
def test_what_cannot_be_encoded_is_a_value_error(data: str, gs1: bool) -> None:
    with pytest.raises(ValueError):
        code128_modules(data, gs1)


@pytest.mark.parametrize("data", ["https://quai.example/o/1042?p=1", "Commande n°1042 — colis 1/2 « Élodie »"])
@pytest.mark.parametrize("level", ["L", "M", "Q", "H"])
def test_qr_matrix_decodes_to_the_utf8_text(data: str, level: str) -> None:
    matrix = qr_matrix(data, level)
    assert (len(matrix) - 21) % 4 == 0 and all(len(row) == len(matrix) for row in matrix)
    # No quiet zone in the pattern: the finder pattern's dark border starts at (0, 0).
    assert matrix[0][0] and matrix[0][6] and matrix[6][0]
    result = read_one(matrix_image(matrix))
    assert result.text == data
    assert result.ec_level == level


def test_qr_error_level_must_be_one_of_lmqh() -> None:
    with pytest.raises(ValueError):
        qr_matrix("x", "Z")


def test_gs1_datamatrix_starts_with_fnc1() -> None:
    data = "(01)03453120000011(17)261231(10)LOT42(21)S1"
    result = read_one(matrix_image(datamatrix_matrix(data, gs1=True)))
    assert (result.text, result.symbology_identifier) == (data, "]d2")
    assert result.content_type == zxingcpp.ContentType.GS1


def test_plain_datamatrix_keeps_accents_and_is_not_gs1() -> None:
    result = read_one(matrix_image(datamatrix_matrix("Bac T-017 « préparé »", gs1=False)))
    assert (result.text, result.symbology_identifier) == ("Bac T-017 « préparé »", "]d1")


def test_a_malformed_gs1_datamatrix_is_a_value_error() -> None:
    with pytest.raises(ValueError):
        datamatrix_matrix("0103453120000011", gs1=True)


@pytest.mark.parametrize("length", [4, 9, 22, 40, 70, 110])
def test_datamatrix_is_always_square(length: int) -> None:
    # Lengths at which the writer, left alone, picks a rectangle (8x32, 12x26, DMRE 8x64…).
    data = "QUAI-" + "7A" * (length // 2)
    matrix = datamatrix_matrix(data, gs1=False)
    assert len(matrix) == len(matrix[0]) and all(len(row) == len(matrix) for row in matrix)
    assert read_one(matrix_image(matrix)).text == data
