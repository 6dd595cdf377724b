"""The [printing] and [labels] sections of a station's configuration."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.config import ConfigError, load_config


def _load(tmp_path: Path, extra: str):
    path = tmp_path / "station.toml"
    # The sections first: a bare key after [station] would belong to it.
    path.write_text(f'{extra}\n[station]\nname = "PACK-01"\n', encoding="utf-8")
    return load_config(path)


def test_without_the_sections_labels_go_to_spool_folders_of_the_station(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("QUAI_DATA_DIR", str(tmp_path / "data"))
    config = _load(tmp_path, "")
    labels = config.labels
    assert labels.dpi == 203 and labels.slip_paper == "A5"
    assert labels.label_printer_url("PACK-01") == f"file://{tmp_path / 'data' / 'spool' / 'PACK-01' / 'labels'}"
    assert labels.document_printer_url("PACK-01").endswith("/spool/PACK-01/documents?language=pdf")
    assert "printing" not in config.extra and "labels" not in config.extra


def test_a_site_sets_its_printers_sender_and_gs1_prefix(tmp_path: Path) -> None:
    config = _load(tmp_path, """
[printing]
label_printer = "tcp://192.168.1.50:9100"
document_printer = "cups://Bureau?language=pdf"
dpi = 300
slip_paper = "80mm"
[labels]
sender = { name = "Maison Lumière", address = "4 quai Saint-Vincent", zip = "69001", city = "Lyon" }
gs1_company_prefix = "37601234"
sscc_extension = 0
sscc_block_size = 500
""")
    labels = config.labels
    assert labels.label_printer_url("PACK-01") == "tcp://192.168.1.50:9100"
    assert labels.document_printer_url("PACK-01") == "cups://Bureau?language=pdf"
    assert (labels.dpi, labels.slip_paper) == (300, "80mm")
    assert labels.sender.name == "Maison Lumière" and labels.sender.city == "Lyon" and labels.sender.country == "FR"
    assert (labels.gs1_company_prefix, labels.sscc_extension, labels.sscc_block_size) == ("37601234", 0, 500)


@pytest.mark.parametrize(("extra", "message"), [
    ("[printing]\ndpi = 600", "[printing] dpi = 600; expected 203 or 300"),
    ("[printing]\nslip_paper = \"A3\"", "[printing] slip_paper = 'A3'"),
    ("[printing]\nlabel_printr = \"tcp://x:9100\"", "[printing] label_printr is not a setting here"),
    ("[printing]\nlabel_printer = \"lpt://1\"", "[printing] label_printer:"),
    ("[labels]\ngs1_company_prefix = 3760123", "gs1_company_prefix = 3760123; expected the 7 to 10 digits"),
    ("[labels]\ngs1_company_prefix = \"37A0123\"", "gs1_company_prefix = '37A0123'"),
    ("[labels]\nsscc_extension = 12", "sscc_extension = 12; expected one digit"),
    ("[labels]\nsender = \"Quai\"", "[labels] sender must be a table"),
    ("[labels]\nsender = { nom = \"Quai\" }", "[labels.sender] nom is not a setting here"),
    ("printing = 3", "printing must be a section [printing]"),
])
def test_a_wrong_value_names_the_file_section_and_key(tmp_path: Path, extra: str, message: str) -> None:
    with pytest.raises(ConfigError) as caught:
        _load(tmp_path, extra)
    assert str(tmp_path / "station.toml") in str(caught.value)
    assert message in str(caught.value)
