"""What the packer reads: every outcome code of app.packing has its sentence, with the
session's own arguments filled in, and weights written the way the scale shows them."""

from __future__ import annotations

import pytest

from app.gui import pack_texts
from app.packing.outcome import CODES, ERROR_CODES, Outcome

# The arguments the session gives with each refusal (app.packing.session*).
ARGS = {
    "wrong_product": {"got": "03760000002042"},
    "extra_unit": {"sku": "MUG", "quantity": 1, "parcel": 1},
    "lot_mismatch": {"sku": "JAM", "lot": "L99", "picked": ["L27", "L28"], "reason": "not_picked"},
    "unknown_box": {"box": "CARTON-X"},
    "box_too_small": {"box": "CARTON-S", "reason": "volume"},
    "box_too_light": {"box": "CARTON-S", "weight_g": 3200, "max_weight_g": 3000},
    "serial_repeated": {"serial": "SN1"},
    "weight_out_of_tolerance": {"grams": 1320, "expected_g": 1100, "tolerance_g": 55},
}


@pytest.mark.parametrize("code", sorted(CODES))
def test_every_code_reads_as_a_sentence_without_placeholders(qapp, code: str) -> None:
    outcome = Outcome(code not in ERROR_CODES, code, ARGS.get(code, {}))
    text = pack_texts.outcome_text(outcome)
    assert "{" not in text and code not in text.split()
    if code in ERROR_CODES:
        assert text.endswith(".") and len(text) > 12  # what happened, and what to do


def test_the_session_arguments_are_in_the_sentences(qapp) -> None:
    def text(code: str, **args) -> str:
        return pack_texts.outcome_text(Outcome(code not in ERROR_CODES, code, args or ARGS[code]))

    assert "03760000002042" in text("wrong_product")
    assert "L99" in text("lot_mismatch") and "L27, L28" in text("lot_mismatch")
    assert "3,20 kg" in text("box_too_light") and "3,00 kg" in text("box_too_light")
    assert text("lot_mismatch", lot="L27", reason="more_than_picked") != text("lot_mismatch")


def test_weights_read_as_on_the_scale(qapp) -> None:
    assert pack_texts.grams_text(1320) == "1,32 kg" and pack_texts.grams_text(550) == "550 g"
    assert pack_texts.grams_text(None) == "—"
    assert pack_texts.weight_off_text({"grams": 1320, "expected_g": 1100, "tolerance_g": 55}).startswith(
        "Weight 1,32 kg expected 1,10 kg ±55 g")
