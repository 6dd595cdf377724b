from __future__ import annotations

import pytest

from app.domain.gtin import gs1_check_digit
from app.labels.barcodes import Symbology, code128, ean13, for_gtin, human_readable


def test_code128_bars_cover_the_pattern_inside_quiet_zones() -> None:
    pattern = code128("BDG0001")
    assert pattern.modules.startswith("11010010000")  # Start B
    assert pattern.modules.endswith("1100011101011")  # Stop
    bars = pattern.bars()
    assert bars[0][0] == pattern.quiet_left == 10
    assert sum(width for _, width in bars) == pattern.modules.count("1")
    assert bars[-1][0] + bars[-1][1] == pattern.total_modules - pattern.quiet_right


def test_gtins_print_as_the_symbol_on_the_item() -> None:
    assert for_gtin("03760251000170").symbology is Symbology.EAN13
    upc_a = "06282111700" + str(gs1_check_digit("06282111700"))
    assert for_gtin("00" + upc_a).data == "0" + upc_a  # UPC-A is an EAN-13 starting with 0
    case = "1376025100017" + str(gs1_check_digit("1376025100017"))
    assert for_gtin(case).symbology is Symbology.ITF14
    assert len(ean13("3760251000170").modules) == 95
    assert human_readable(ean13("3760251000170")) == "3 760251 000170"


def test_bad_data_is_refused() -> None:
    with pytest.raises(ValueError):
        ean13("3760251000171")
    with pytest.raises(ValueError):
        code128("Prélèvement")
