"""The console's KPIs (app.store.kpis) from events recorded through the store, on SQLite and
the real PostgreSQL; and their CSV files (app.store.kpis_csv)."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from app.domain.events import ORDER_IMPORTED, EventRecord
from app.domain.roles import Role
from app.picking.events import PICK_UNDONE, PICK_UNIT, status_changed
from app.store.db import transaction
from app.store.events import add_record
from app.store.kpis import ORDER_RETURNED, day_hours, kpis
from app.store.kpis_csv import to_csv, write_csv
from app.store.models import Order, OrderLine
from app.store.users import add_user

PARIS = ZoneInfo("Europe/Paris")
DAY = date(2026, 11, 24)


def at(hour: int, minute: int = 0, day: date = DAY) -> datetime:
    """A local (Paris) time of ``day``, as the aware UTC datetime the store keeps."""
    return datetime(day.year, day.month, day.day, hour, minute, tzinfo=PARIS).astimezone(UTC)


def event(session, kind: str, payload: dict, when: datetime, actor: str | None = None, station: str = "PICK-01",
          event_id: str | None = None) -> str:
    rec = EventRecord(kind, payload, station, actor, occurred_at=when)
    if event_id:
        rec = EventRecord(kind, payload, station, actor, id=event_id, occurred_at=when)
    add_record(session, rec)
    return rec.id


def order(session, number: str, status: str, cutoff: datetime | None, short: int | None = None) -> None:
    o = Order(number=number, status=status, cutoff_at=cutoff)
    o.lines = [OrderLine(line_no=1, sku="MUG", quantity=2, picked=2, short_quantity=None),
               OrderLine(line_no=2, sku="TEA", quantity=1, picked=1 - (short or 0), short_quantity=short)]
    session.add(o)


def ship(session, number: str, when: datetime) -> None:
    event(session, "parcel.shipped", {"order": number, "sscc": "0" * 18, "carrier": "colissimo", "dock": None},
          when, actor="BDG0009", station="DOCK-01")
    kind, payload = status_changed(number, "ready_to_ship", "shipped", None)
    event(session, kind, payload, when, actor="BDG0009", station="DOCK-01")


def imported(session, number: str, when: datetime) -> None:
    event(session, ORDER_IMPORTED, {"order": number, "status": "new", "lines": 2}, when, station="central")


def unit(session, badge: str, when: datetime, quantity: int, number: str = "#1") -> str:
    return event(session, PICK_UNIT, {"order": number, "line_id": 1, "sku": "MUG", "quantity": quantity}, when, badge)


def fill_floor(sessions) -> None:
    """A day on the floor, and the day before (each KPI's trap named); also the console panel's test data."""
    with transaction(sessions) as s:
        add_user(s, name="Paul Martin", badge="BDG0001", roles=frozenset({Role.PICKER}), station="test")
        add_user(s, name="Nadia Benali", badge="BDG0002", roles=frozenset({Role.PICKER}), station="test")
        # Picks: Paul 3 + 2 in the 08:00 hour, 1 at 09:05 taken back; Nadia 4 at 10:00;
        # one at 00:30 (23:30 UTC the day before: the local day counts); one the day before.
        unit(s, "BDG0001", at(8, 10), 3)
        unit(s, "BDG0001", at(8, 50), 2)
        undone = unit(s, "BDG0001", at(9, 5), 1)
        event(s, PICK_UNDONE, {"of": 3, "kind": PICK_UNIT, "undone": {"quantity": 1}, "of_event": undone},
              at(9, 6), "BDG0001")
        unit(s, "BDG0002", at(10, 0), 4)
        # An undo of a tote bind the store could not name (no ``of_event``): takes back nothing.
        event(s, PICK_UNDONE, {"of": 9, "kind": "pick.tote_bound", "undone": {}}, at(10, 1), "BDG0002")
        unit(s, "BDG0002", at(0, 30), 1)
        unit(s, "BDG0001", at(23, 30, DAY - timedelta(days=1)), 7)
        unit(s, "BDG0077", at(11, 15), 2)  # a badge not in users: named by its badge
        # Orders: A due today shipped today; B due today, not shipped; C due today but
        # cancelled (not due); D due tomorrow shipped today with a short line; E shipped
        # yesterday; F shipped today, never imported (no event).
        order(s, "#A", "shipped", at(17))
        order(s, "#B", "packing", at(17, 30))
        order(s, "#C", "cancelled", at(12))
        order(s, "#D", "shipped", at(17, 0, DAY + timedelta(days=1)), short=1)
        order(s, "#E", "shipped", at(17, 0, DAY - timedelta(days=1)))
        order(s, "#F", "shipped", at(9))
        imported(s, "#A", at(6))
        imported(s, "#D", at(20, 0, DAY - timedelta(days=1)))  # 20 h before it shipped
        imported(s, "#E", at(8, 0, DAY - timedelta(days=1)))
        ship(s, "#A", at(16))  # 10 h
        ship(s, "#D", at(16))
        ship(s, "#E", at(16, 0, DAY - timedelta(days=1)))
        ship(s, "#F", at(15))
        # Packing: #A and #D packed; a refused scan, a weighing out of tolerance (then its
        # weight override: not counted twice), one within, a verification override.
        event(s, "pack.mismatch", {"order": "#A", "code": "wrong_product", "sku": "TEA"}, at(11), "BDG0002")
        event(s, "pack.weighed", {"n": 4, "order": "#A", "parcel": 1, "grams": 900, "expected_g": 600,
                                  "within": False}, at(11, 5), "BDG0002")
        event(s, "pack.override", {"n": 5, "order": "#A", "what": "weight", "grams": 900, "expected_g": 600},
              at(11, 6), "BDG0002")
        event(s, "pack.weighed", {"n": 6, "order": "#D", "parcel": 1, "grams": 610, "expected_g": 600,
                                  "within": True}, at(12), "BDG0002")
        event(s, "pack.override", {"n": 7, "order": "#D", "what": "verification", "missing": {"2": 1}},
              at(12, 1), "BDG0002")
        event(s, "pack.closed", {"order": "#A", "parcels": []}, at(11, 10), "BDG0002")
        event(s, "pack.closed", {"order": "#D", "parcels": []}, at(12, 2), "BDG0002")
        event(s, "pack.weighed", {"n": 1, "order": "#E", "within": False}, at(12, 0, DAY - timedelta(days=1)))


@pytest.fixture
def floor(any_session_factory):
    fill_floor(any_session_factory)
    return any_session_factory


def test_picks_per_hour_count_units_by_picker_and_local_hour_without_undone_ones(floor) -> None:
    with floor() as s:
        result = kpis(s, DAY)
    rows = [(p.badge, p.name, result.hours[p.hour].strftime("%H:%M"), p.units) for p in result.picks]
    assert rows == [
        ("BDG0002", "Nadia Benali", "00:00", 1),
        ("BDG0001", "Paul Martin", "08:00", 5),  # the 09:05 unit was undone: no 09:00 row at all
        ("BDG0002", "Nadia Benali", "10:00", 4),
        ("BDG0077", "BDG0077", "11:00", 2),
    ]
    pickers = {p.badge: (p.units, p.hours, p.per_hour) for p in result.pickers()}
    assert pickers == {"BDG0002": (5, 2, 2.5), "BDG0001": (5, 1, 5.0), "BDG0077": (2, 1, 2.0)}


def test_shipped_against_due_counts_today_only_and_leaves_cancelled_out(floor) -> None:
    with floor() as s:
        shipping = kpis(s, DAY).shipping
    # Due: A, B, F (C cancelled, D tomorrow); of them shipped A, F; shipped today A, D, F (not E).
    assert (shipping.due, shipping.due_shipped, shipping.shipped) == (3, 2, 3)
    assert shipping.due_rate == pytest.approx(2 / 3)


def test_packing_errors_per_order_packed(floor) -> None:
    with floor() as s:
        packing = kpis(s, DAY).packing
    assert (packing.mismatches, packing.weight, packing.overrides, packing.packed) == (1, 1, 1, 2)
    assert packing.errors == 3 and packing.rate == 1.5


def test_a_short_line_lowers_the_fulfilment_rate(floor) -> None:
    with floor() as s:
        fulfilment = kpis(s, DAY).fulfilment
    assert (fulfilment.shipped, fulfilment.complete) == (3, 2)  # D shipped short
    assert fulfilment.rate == pytest.approx(2 / 3)


def test_return_rate_is_no_data_until_a_return_is_recorded(floor) -> None:
    with floor() as s:
        before = kpis(s, DAY).returns
    assert before.rate is None and not before.recorded and before.shipped is None  # not even counted
    with transaction(floor) as s:
        event(s, ORDER_RETURNED, {"order": "#E", "reason": "damaged"}, at(14), station="RET-01")
    with floor() as s:
        after = kpis(s, DAY).returns
    assert after.recorded and after.returned == 1 and after.shipped == 4  # A, D, F today, E yesterday
    assert after.rate == 0.25
    with floor() as s:  # 40 days later E is out of the window, and nothing shipped since
        later = kpis(s, DAY + timedelta(days=40)).returns
    assert later.recorded and later.shipped == 0 and later.rate is None


def test_cycle_time_from_import_to_shipped(floor) -> None:
    with floor() as s:
        cycle = kpis(s, DAY).cycle
    assert cycle.orders == 2 and cycle.without_import == 1  # A 10 h, D 20 h; F never imported
    assert cycle.mean_h == pytest.approx(15.0) and cycle.median_h == pytest.approx(15.0)
    with floor() as s:  # the day before: E, 8 h
        assert kpis(s, DAY - timedelta(days=1)).cycle.median_h == pytest.approx(8.0)


def test_an_empty_day_has_no_rates(floor) -> None:
    with floor() as s:
        empty = kpis(s, DAY + timedelta(days=3))
    assert empty.picks == () and empty.packing.rate is None and empty.fulfilment.rate is None
    assert empty.cycle.mean_h is None and empty.shipping.due_rate is None


def test_days_of_a_change_of_time_have_23_or_25_hours() -> None:
    assert len(day_hours(date(2026, 3, 29))) == 23
    assert len(day_hours(date(2026, 10, 25))) == 25
    assert [h.strftime("%H") for h in day_hours(date(2026, 10, 25))][:4] == ["00", "01", "02", "02"]


def test_a_pick_after_the_autumn_change_of_time_lands_in_the_second_two_oclock(sqlite_engine) -> None:
    from app.store.db import session_factory

    sessions = session_factory(sqlite_engine)
    day = date(2026, 10, 25)
    second_two = datetime(2026, 10, 25, 1, 30, tzinfo=UTC)  # 02:30 CET, after 02:30 CEST
    with transaction(sessions) as s:
        unit(s, "BDG0001", second_two, 1)
    with sessions() as s:
        result = kpis(s, day)
    assert [(p.hour, result.hours[p.hour].utcoffset()) for p in result.picks] == [(3, timedelta(hours=1))]


def test_csv_files_one_per_kpi_with_semicolons_and_decimal_commas(floor, tmp_path: Path) -> None:
    with floor() as s:
        result = kpis(s, DAY)
    files = to_csv(result)
    assert sorted(files) == sorted(f"kpi_{name}_2026-11-24.csv" for name in (
        "picks", "pickers", "shipping", "packing_errors", "fulfilment", "returns", "cycle_time"))
    assert files["kpi_picks_2026-11-24.csv"].splitlines() == [
        "Heure;Badge;Préparateur;Unités",
        "2026-11-24 00:00;BDG0002;Nadia Benali;1",
        "2026-11-24 08:00;BDG0001;Paul Martin;5",
        "2026-11-24 10:00;BDG0002;Nadia Benali;4",
        "2026-11-24 11:00;BDG0077;BDG0077;2",
    ]
    assert files["kpi_fulfilment_2026-11-24.csv"].splitlines()[1] == "2026-11-24;3;2;66,7"
    assert files["kpi_packing_errors_2026-11-24.csv"].splitlines()[1] == "2026-11-24;1;1;1;3;2;150,0"
    assert files["kpi_returns_2026-11-24.csv"].splitlines()[1] == "2026-11-24;30;;0;;aucun retour enregistré"
    assert files["kpi_cycle_time_2026-11-24.csv"].splitlines()[1] == "2026-11-24;2;15,00;15,00;1"
    assert "\r\n" in files["kpi_shipping_2026-11-24.csv"]
    written = write_csv(result, tmp_path / "kpis")
    assert len(written) == 7
    raw = (tmp_path / "kpis" / "kpi_pickers_2026-11-24.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf") and "Préparateur".encode() in raw
    assert "BDG0001;Paul Martin;5;1;5,0" in raw.decode("utf-8-sig")
