"""A packing station keeps a block of SSCC serial references, taken from the central counter
after a sync, so it can label parcels while the central database is away; a picking station
takes none."""

from __future__ import annotations

import pytest

from app.domain.sscc import SsccSettings, is_valid_sscc
from app.store.db import make_engine, session_factory
from app.store.sscc_pool import remaining, take_next


def pool(config) -> int:
    engine = make_engine(config.replica_url)
    with session_factory(engine)() as session:
        left = remaining(session)
    engine.dispose()
    return left


@pytest.mark.parametrize("station_kind", ["packing"])
def test_a_packing_station_takes_a_block_after_its_first_sync_and_numbers_from_it(qtbot, window, config) -> None:
    labels = config.labels
    qtbot.waitUntil(lambda: pool(config) == labels.sscc_block_size, timeout=15000)
    settings = SsccSettings.for_block_size(labels.sscc_extension, labels.gs1_company_prefix, labels.sscc_block_size)
    engine = make_engine(config.replica_url)
    with session_factory(engine)() as session:
        first, second = take_next(session, settings), take_next(session, settings)
    engine.dispose()
    assert is_valid_sscc(first) and is_valid_sscc(second) and first != second
    assert first.startswith(f"{labels.sscc_extension}{labels.gs1_company_prefix}")


@pytest.mark.parametrize("station_kind", ["picking"])
def test_a_picking_station_holds_no_sscc(qtbot, window, config) -> None:
    qtbot.waitUntil(lambda: window.status.last_sync is not None, timeout=15000)
    window.push_now()
    qtbot.waitUntil(lambda: not window.services.central.pending, timeout=15000)
    assert pool(config) == 0
