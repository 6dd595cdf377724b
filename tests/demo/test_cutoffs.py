from __future__ import annotations

from datetime import datetime

from app.demo.cutoffs import PARIS, cutoff_for, pickup_for

TUESDAY_NOON = datetime(2026, 11, 24, 12, 0, tzinfo=PARIS)


def at(day: int, hour: int, minute: int = 0) -> datetime:
    return datetime(2026, 11, day, hour, minute, tzinfo=PARIS)


def test_orders_from_before_the_shift_are_due_today() -> None:
    assert pickup_for("colissimo", at(22, 20), TUESDAY_NOON) == at(24, 16)  # Sunday evening: today, Tuesday
    assert pickup_for("chronopost", at(23, 18), TUESDAY_NOON) == at(24, 13)


def test_after_the_truck_left_it_is_the_next_working_day() -> None:
    assert pickup_for("chronopost", at(24, 13, 30), TUESDAY_NOON) == at(25, 13)
    friday_evening = at(27, 17)
    assert pickup_for("colissimo", friday_evening, friday_evening) == at(30, 16)  # Monday


def test_cutoff_leaves_time_to_pack() -> None:
    assert cutoff_for("mondial_relay", at(24, 9), TUESDAY_NOON) == at(24, 13, 30)
