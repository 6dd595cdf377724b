"""The [packing] and [carriers] sections of a station's configuration (app.config_packing)."""

from __future__ import annotations

from datetime import time
from pathlib import Path

import pytest

from app.config import ConfigError, load_config
from app.packing.carriers import DEFAULT_TABLE
from app.packing.cutoffs import DEFAULT_CUTOFFS
from app.packing.inserts import DEFAULT_RULES
from app.packing.model import OrderInfo, PackConfig, PackLine
from app.packing.plan import build_plan


def _load(tmp_path: Path, extra: str):
    path = tmp_path / "station.toml"
    path.write_text(f'{extra}\n[station]\nname = "PACK-01"\n', encoding="utf-8")
    return load_config(path)


def test_without_the_sections_the_defaults_of_issue_7(tmp_path: Path) -> None:
    config = _load(tmp_path, "")
    packing = config.packing
    assert packing.pack_config() == PackConfig()
    assert (packing.scale, packing.promise_days, packing.holidays) == (None, 5, "fr")
    assert packing.carriers == DEFAULT_TABLE and packing.inserts == DEFAULT_RULES
    assert dict(packing.cutoffs) == DEFAULT_CUTOFFS
    assert "packing" not in config.extra and "carriers" not in config.extra


def test_a_site_sets_its_packing_rules_inserts_and_carriers(tmp_path: Path) -> None:
    packing = _load(tmp_path, """
[packing]
quantity_threshold = 8
tolerance_g = 50
tolerance_pct = 3
print_delay_s = 0
require_scale = true
scale = "serial:///dev/ttyUSB1?protocol=mt-sics"
promise_days = 3
express_words = ["Urgent"]

[[packing.insert]]
when = "country:BE"
code = "be_leaflet"
label = "Notice FR/NL"

[[packing.insert]]
when = "sku:MUG-01"
code = "mug_care"
label = "Conseils mug"

[carriers]
holidays = "none"

[carriers.chronopost]
cutoff = "11:30"
rates = [[2000, 12], [30000, 19.90]]

[carriers.colissimo]
cutoff = 14:30:00
enabled = false

[carriers.mondial_relay]
days = [2, 3]
zones = ["france"]
services = { relay = "24R" }
""").packing
    assert packing.pack_config() == PackConfig(quantity_threshold=8, tolerance_g=50, tolerance_pct=3.0,
                                               print_delay_s=0, require_scale=True)
    assert packing.scale == "serial:///dev/ttyUSB1?protocol=mt-sics"
    assert packing.express_words == ("urgent",) and packing.holidays == "none"
    assert [(r.when, r.code) for r in packing.inserts] == [("country:BE", "be_leaflet"), ("sku:MUG-01", "mug_care")]
    assert packing.cutoffs["chronopost"] == time(11, 30) and packing.cutoffs["colissimo"] == time(14, 30)
    rates = {r.carrier: r for r in packing.carriers}
    assert rates["chronopost"].bands == ((2000, 1200), (30000, 1990))
    assert not rates["colissimo"].enabled
    assert (rates["mondial_relay"].days_max, rates["mondial_relay"].zones, dict(rates["mondial_relay"].services)) == (
        3, frozenset({"france"}), {"relay": "24R"})

    # The plan follows the station's rules: Colissimo off, a 3-day promise, relay: Mondial Relay (2-3 days).
    mug = PackLine(1, 1, "MUG-01", "Mug", 1, weight_g=300, dims_mm=(100, 80, 80))
    plan = build_plan(OrderInfo("#1", delivery_mode="relay", shipping_method="Point relais"), [mug], [], packing)
    assert (plan.carrier.carrier, plan.carrier.service) == ("mondial_relay", "24R")
    home = build_plan(OrderInfo("#2", shipping_method="URGENT"), [mug], [], packing)
    assert (home.carrier.carrier, home.carrier.cost_cents, home.carrier.cutoff) == ("chronopost", 1200, "11:30")
    assert [i.code for i in home.inserts] == ["mug_care"]


def test_a_manual_scale_is_no_scale_and_usb_ids_find_one(tmp_path: Path) -> None:
    assert _load(tmp_path, "[packing]\nscale = 'manual://'").packing.scale is None
    url = "serial://?vid=0403&pid=6001&protocol=continuous"
    assert _load(tmp_path, f"[packing]\nscale = '{url}'").packing.scale == url


@pytest.mark.parametrize(("extra", "message"), [
    ("[packing]\nquantity_threshold = 1", "[packing] quantity_threshold = 1; expected a whole number from 2 to 1000"),
    ("[packing]\ntolerance_pct = 80", "[packing] tolerance_pct = 80"),
    ("[packing]\nrequire_scale = 'yes'", "[packing] require_scale = 'yes'; expected true or false"),
    ("[packing]\nrequire_scale = true", "require_scale = true needs a scale"),
    ("[packing]\nscale = 'tcp://scale:4001'", "[packing] scale: tcp://scale:4001: unknown kind of scale 'tcp'"),
    ("[packing]\nscale = 'serial:///dev/ttyUSB1?protocol=x'", "[packing] scale: serial:///dev/ttyUSB1?protocol=x: protocol 'x'"),
    ("[packing]\nscale = 3", "[packing] scale must be a URL in quotes"),
    ("[packing]\nscale = 'manual://'\nrequire_scale = true", "require_scale = true needs a scale"),
    ("[packing]\ntolerence_g = 3", "[packing] tolerence_g is not a setting here"),
    ("[[packing.insert]]\nwhen = 'first'\ncode = 'x'\nlabel = 'y'", "[[packing.insert]] number 1: when = 'first'"),
    ("[[packing.insert]]\nwhen = 'gift'\nlabel = 'y'", "[[packing.insert]] number 1: code is missing"),
    ("[carriers.dhl]\ncutoff = '12:00'", "[carriers] dhl is not a carrier Quai knows"),
    ("[carriers]\nholidays = 'de'", "[carriers] holidays = 'de'"),
    ("[carriers.chronopost]\ncutoff = '12h'", "[carriers.chronopost] cutoff: '12h' is not a time like 12:00"),
    ("[carriers.chronopost]\ndays = [3, 1]", "[carriers.chronopost] days = [3, 1]"),
    ("[carriers.chronopost]\nzones = ['mars']", "[carriers.chronopost] zones = ['mars']"),
    ("[carriers.chronopost]\nservices = { drone = 'x' }", "[carriers.chronopost] services must map"),
    ("[carriers.chronopost]\nrates = [[2000, 12], [1000, 9]]", "[carriers.chronopost] rates: [1000, 9] is wrong"),
    ("[carriers.chronopost]\nprice = 3", "[carriers.chronopost] price is not a setting here"),
    ("carriers = 3", "carriers must be a section [carriers]"),
])
def test_wrong_values_name_the_file_the_section_and_the_key(tmp_path: Path, extra: str, message: str) -> None:
    with pytest.raises(ConfigError) as caught:
        _load(tmp_path, extra)
    assert str(caught.value).startswith(str(tmp_path / "station.toml") + ": ")
    assert message in str(caught.value)
