"""Same-day cutoffs (app.packing.cutoffs): working days, the morning shift, the countdown."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta

from hypothesis import given
from hypothesis import strategies as st

from app.packing.cutoffs import (
    DEFAULT_CUTOFFS, PARIS, cutoff_for, french_holidays, is_working_day, minutes_to_cutoff, parse_hhmm,
)

TUESDAY_10 = datetime(2026, 11, 24, 10, 0, tzinfo=PARIS)


def at(month: int, day: int, hour: int, minute: int = 0, year: int = 2026) -> datetime:
    return datetime(year, month, day, hour, minute, tzinfo=PARIS)


def test_chronopost_before_noon_leaves_today_after_noon_tomorrow() -> None:
    assert cutoff_for("chronopost", at(11, 24, 9), TUESDAY_10) == at(11, 24, 12)
    assert cutoff_for("chronopost", at(11, 24, 12, 1), TUESDAY_10) == at(11, 25, 12)
    assert cutoff_for("colissimo", at(11, 24, 12, 1), TUESDAY_10) == at(11, 24, 15)


def test_overnight_and_weekend_orders_are_todays_work() -> None:
    monday_8 = at(11, 30, 8)
    assert cutoff_for("chronopost", at(11, 27, 19), monday_8) == at(11, 30, 12)  # Friday evening
    assert cutoff_for("mondial_relay", at(11, 29, 11), monday_8) == at(11, 30, 13)  # Sunday


def test_friday_afternoon_goes_to_monday_and_holidays_are_skipped() -> None:
    assert cutoff_for("chronopost", at(11, 27, 14), at(11, 27, 14)) == at(11, 30, 12)
    # Tuesday 10 November 2026, after Chronopost's cutoff: Wednesday 11 is Armistice Day.
    assert cutoff_for("chronopost", at(11, 10, 13), at(11, 10, 13)) == at(11, 12, 12)
    assert cutoff_for("chronopost", at(11, 10, 13), at(11, 10, 13), holidays="none") == at(11, 11, 12)


def test_a_carrier_not_in_the_table_falls_back_to_the_default_cutoff() -> None:
    assert cutoff_for(None, at(11, 24, 9), TUESDAY_10) == at(11, 24, 15)
    assert cutoff_for("dhl", at(11, 24, 9), TUESDAY_10, {"chronopost": time(11, 0)}) == at(11, 24, 15)
    assert cutoff_for("chronopost", at(11, 24, 9), TUESDAY_10, {"chronopost": time(11, 0)}) == at(11, 24, 11)


def test_the_cutoff_keeps_its_wall_clock_time_across_summer_time() -> None:
    # Friday 27 March 2026, 13:00, to Monday 30 March: clocks went forward on Sunday the 29th.
    cutoff = cutoff_for("chronopost", at(3, 27, 13), at(3, 27, 13))
    assert cutoff.astimezone(PARIS).time() == time(12, 0) and cutoff.astimezone(UTC).hour == 10


def test_french_holidays() -> None:
    days = french_holidays(2026)
    assert len(days) == 11
    assert {date(2026, 4, 6), date(2026, 5, 14), date(2026, 5, 25)} <= days  # Easter Monday, Ascension, Whit Monday
    assert date(2025, 4, 21) in french_holidays(2025)  # Easter Monday 2025
    assert not is_working_day(date(2026, 7, 14)) and is_working_day(date(2026, 7, 15))


def test_minutes_to_cutoff_rounds_down_and_goes_negative() -> None:
    cutoff = at(11, 24, 12)
    assert minutes_to_cutoff(cutoff, cutoff - timedelta(seconds=90)) == 1
    assert minutes_to_cutoff(cutoff, cutoff - timedelta(hours=2)) == 120
    assert minutes_to_cutoff(cutoff, cutoff) == 0
    assert minutes_to_cutoff(cutoff, cutoff + timedelta(seconds=30)) == -1


def test_parse_hhmm() -> None:
    assert parse_hhmm(" 12:30") == time(12, 30)
    for bad in ("12h", "25:00", "12:3", "noon"):
        try:
            parse_hhmm(bad)
        except ValueError as exc:
            assert "12:00" in str(exc)
        else:
            raise AssertionError(bad)


moments = st.datetimes(datetime(2025, 1, 1), datetime(2028, 12, 31)).map(lambda d: d.replace(tzinfo=PARIS))


@given(st.sampled_from([*DEFAULT_CUTOFFS]), moments, st.integers(0, 72 * 60))
def test_the_cutoff_is_a_working_day_at_the_carriers_time_after_the_order(carrier, created, later) -> None:
    now = created + timedelta(minutes=later)
    cutoff = cutoff_for(carrier, created, now)
    local = cutoff.astimezone(PARIS)
    assert local.time() == DEFAULT_CUTOFFS[carrier] and is_working_day(local.date())
    assert cutoff > created
    # Nothing earlier would do: the day before's cutoff (if a working day) was not after the start.
    start = max(created, datetime.combine(now.astimezone(PARIS).date(), time(7, 0), PARIS))
    day = local.date() - timedelta(days=1)
    while day >= start.date():
        if is_working_day(day):
            assert datetime.combine(day, DEFAULT_CUTOFFS[carrier], PARIS) <= start
        day -= timedelta(days=1)


def test_the_importer_sets_each_new_orders_carrier_cutoff(sqlite_engine, tmp_path) -> None:
    # A real import into a real SQLite database: claims sort by orders.cutoff_at.
    import json

    from sqlalchemy import select

    from app.imports import run_import
    from app.store.db import session_factory
    from app.store.models import Order
    from tests.imports.helpers import seed_catalogue

    factory = session_factory(sqlite_engine)
    seed_catalogue(factory)
    path = tmp_path / "orders.json"
    path.write_text(json.dumps([
        {"number": "C-1", "created_at": "2026-11-24T08:00:00Z", "carrier": "chronopost", "customer_name": "A",
         "address1": "1 rue", "zip": "69001", "city": "Lyon", "lines": [{"sku": "SKU-CAP", "quantity": 1}]},
        {"number": "C-2", "created_at": "2026-11-24T08:00:00Z", "customer_name": "B",
         "address1": "1 rue", "zip": "69001", "city": "Lyon", "lines": [{"sku": "SKU-CAP", "quantity": 1}]},
    ]))
    run_import(factory, "orders", path, now=TUESDAY_10)
    with factory() as session:
        cutoffs = dict(session.execute(select(Order.number, Order.cutoff_at)).all())
    assert cutoffs["C-1"].astimezone(PARIS) == at(11, 24, 12)  # 09:00 Paris: today's Chronopost
    assert cutoffs["C-2"].astimezone(PARIS) == at(11, 24, 15)  # no carrier yet: the default cutoff
