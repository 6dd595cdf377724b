"""Handover at the dock (app.store.handover) on SQLite and on the real PostgreSQL: a parcel
scanned leaves once, its order ships with its last parcel, what must not leave is refused
with nothing recorded, the dock's lists and the manifest, and the same effect applied by the
central database."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest
from sqlalchemy import select

from app.domain.events import ORDER_STATUS_CHANGED
from app.domain.sscc import SsccSettings, build_sscc
from app.packing.events import MANIFEST_CLOSED, PARCEL_SHIPPED
from app.store.db import transaction
from app.store.handover import (
    HandoverError,
    apply_shipped,
    central_apply_shipped,
    close_manifest,
    day_bounds,
    dock_counts,
    dock_state,
    local_day,
    manifest_rows,
    read_sscc,
    ship_parcel,
)
from app.store.models import Event, Order, Parcel

STATION, BADGE = "DOCK-01", "BDG0003"
SETTINGS = SsccSettings(3, "3760123")
NOON = datetime(2026, 11, 24, 11, 0, tzinfo=UTC)  # 12:00 in Lyon
DAY = date(2026, 11, 24)


def sscc(n: int) -> str:
    return build_sscc(SETTINGS, n)


def add_order(session, number: str, carrier: str, parcels: int, *, status: str = "ready_to_ship",
              first: int = 1, pallet: bool = False, **fields) -> Order:
    order = Order(number=number, carrier=carrier, status=status, ship_name=f"Client {number}", ship_zip="69007",
                  ship_city="Lyon", ship_country="FR", **fields)
    for seq in range(1, parcels + 1):
        order.parcels.append(Parcel(seq=seq, sscc=sscc(first + seq - 1), weight_g=1000 + seq, status="closed",
                                    kind="carton" if pallet else "parcel", closed_at=NOON - timedelta(hours=2)))
    if pallet:
        order.parcels.append(Parcel(seq=parcels + 1, sscc=sscc(first + parcels), weight_g=1000 * parcels,
                                    status="closed", kind="pallet", closed_at=NOON - timedelta(hours=2)))
    session.add(order)
    return order


@pytest.fixture
def dock(any_session_factory):
    with transaction(any_session_factory) as session:
        add_order(session, "#1042", "colissimo", 3, first=1)
        add_order(session, "#1043", "chronopost", 1, first=10)
        add_order(session, "#1044", "colissimo", 1, first=20, status="on_hold", hold_reason="fraude suspectée")
        add_order(session, "#1045", "colissimo", 1, first=30, status="cancelled")
        add_order(session, "#1046", "colissimo", 1, first=40, status="packing")
        add_order(session, "#1047", "click_collect", 1, first=50, delivery_mode="pickup")
        add_order(session, "#1048", "mondial_relay", 1, first=60, delivery_mode="relay", relay_point_id="012345",
                  relay_point_name="Tabac du Port")
        add_order(session, "#1049", "colissimo", 2, first=70, channel="b2b", pallet=True)
        open_order = add_order(session, "#1050", "colissimo", 1, first=80)
        open_order.parcels[0].status = "open"
    return any_session_factory


def events(factory, kind: str) -> list[Event]:
    with factory() as session:
        found = list(session.scalars(select(Event).where(Event.kind == kind).order_by(Event.seq)))
        for event in found:
            session.expunge(event)
        return found


def order_status(factory, number: str) -> str:
    with factory() as session:
        return session.scalar(select(Order.status).where(Order.number == number))


def parcel(factory, code: str) -> Parcel:
    with factory() as session:
        found = session.scalars(select(Parcel).where(Parcel.sscc == code)).one()
        session.expunge(found)
        return found


def test_the_last_parcel_ships_the_order_in_the_same_transaction(dock) -> None:
    first = ship_parcel(dock, STATION, BADGE, f"(00){sscc(1)}", "colissimo", when=NOON)
    assert not first.already and not first.order_shipped and first.left == 2
    assert first.parcel.number_text == "1/3" and first.parcel.order == "#1042"
    assert parcel(dock, sscc(1)).status == "shipped" and parcel(dock, sscc(1)).shipped_at == NOON
    ship_parcel(dock, STATION, BADGE, "00" + sscc(2), "colissimo", when=NOON)  # the 20 digits of a GS1 scan
    assert order_status(dock, "#1042") == "ready_to_ship"
    last = ship_parcel(dock, STATION, BADGE, sscc(3), "colissimo", when=NOON)  # the bare 18 digits
    assert last.order_shipped and last.left == 0 and last.parcel.number_text == "3/3"
    assert order_status(dock, "#1042") == "shipped"

    shipped = events(dock, PARCEL_SHIPPED)
    assert [e.payload for e in shipped] == [
        {"order": "#1042", "sscc": sscc(n), "carrier": "colissimo", "dock": "colissimo"} for n in (1, 2, 3)]
    assert all(e.station == STATION and e.actor == BADGE and e.order_number == "#1042" for e in shipped)
    changes = [e for e in events(dock, ORDER_STATUS_CHANGED) if e.order_number == "#1042"]
    assert [(c.payload["from"], c.payload["to"]) for c in changes] == [("ready_to_ship", "shipped")]
    assert changes[0].seq > shipped[-1].seq  # after the parcel event it follows from


def test_a_parcel_scanned_twice_says_when_it_left_and_records_nothing_more(dock) -> None:
    ship_parcel(dock, STATION, BADGE, sscc(10), None, when=NOON)
    again = ship_parcel(dock, STATION, BADGE, sscc(10), "chronopost", when=NOON + timedelta(minutes=30))
    assert again.already and again.parcel.shipped_at == NOON and again.event_id is None
    assert len(events(dock, PARCEL_SHIPPED)) == 1
    assert len([e for e in events(dock, ORDER_STATUS_CHANGED) if e.order_number == "#1043"]) == 1


@pytest.mark.parametrize(("code", "text", "carrier", "details"), [
    ("wrong_carrier", "10", "colissimo", {"carrier": "chronopost", "dock": "colissimo", "order": "#1043"}),
    ("order_on_hold", "20", None, {"order": "#1044", "reason": "fraude suspectée"}),
    ("order_cancelled", "30", "colissimo", {"order": "#1045"}),
    ("order_not_ready", "40", "colissimo", {"order": "#1046", "status": "packing"}),
    ("parcel_open", "80", "colissimo", {"order": "#1050", "seq": "1"}),
    ("unknown_parcel", "999", None, {}),
    ("not_a_parcel", "SKU-123", None, {}),
])
def test_what_must_not_leave_is_refused_and_nothing_is_recorded(dock, code, text, carrier, details) -> None:
    raw = sscc(int(text)) if text.isdigit() else text
    with pytest.raises(HandoverError) as caught:
        ship_parcel(dock, STATION, BADGE, raw, carrier, when=NOON)
    assert caught.value.code == code
    assert details.items() <= caught.value.details.items()
    assert events(dock, PARCEL_SHIPPED) == [] and events(dock, ORDER_STATUS_CHANGED) == []
    if text.isdigit() and code != "unknown_parcel":
        assert parcel(dock, raw).status in ("closed", "open") and parcel(dock, raw).shipped_at is None


def test_an_error_message_says_what_to_do(dock) -> None:
    with pytest.raises(HandoverError, match="chronopost, not colissimo: keep it for its own carrier"):
        ship_parcel(dock, STATION, BADGE, sscc(10), "colissimo")
    with pytest.raises(HandoverError, match="put parcel .* aside"):
        ship_parcel(dock, STATION, BADGE, sscc(20), "colissimo")


def test_a_wrong_check_digit_is_not_a_parcel() -> None:
    bad = sscc(1)[:-1] + str((int(sscc(1)[-1]) + 1) % 10)
    with pytest.raises(HandoverError) as caught:
        read_sscc(bad)
    assert caught.value.code == "not_a_parcel"
    assert read_sscc("]C100" + sscc(1)) == sscc(1)  # the AIM prefix of a GS1-128 scan


def test_click_and_collect_and_relay_parcels_are_handed_over_the_same_way(dock) -> None:
    store = ship_parcel(dock, STATION, BADGE, sscc(50), "click_collect", when=NOON)
    assert store.order_shipped and order_status(dock, "#1047") == "shipped"
    relay = ship_parcel(dock, STATION, BADGE, sscc(60), "mondial_relay", when=NOON)
    assert relay.parcel.relay_point == "012345 Tabac du Port"


def test_a_pallet_takes_its_cartons_with_it(dock) -> None:
    result = ship_parcel(dock, STATION, BADGE, sscc(72), "colissimo", when=NOON)  # the pallet
    assert result.parcel.kind == "pallet" and result.parcel.number_text == "palette"
    assert sorted(result.with_pallet) == [sscc(70), sscc(71)]
    assert result.order_shipped and order_status(dock, "#1049") == "shipped"
    assert sorted(e.payload["sscc"] for e in events(dock, PARCEL_SHIPPED)) == [sscc(70), sscc(71), sscc(72)]


def test_the_dock_lists_shipped_expected_and_held(dock) -> None:
    ship_parcel(dock, STATION, BADGE, sscc(1), "colissimo", when=NOON)
    ship_parcel(dock, STATION, BADGE, sscc(2), "colissimo", when=NOON + timedelta(minutes=1))
    ship_parcel(dock, STATION, BADGE, sscc(10), None, when=NOON - timedelta(days=1))  # yesterday
    with dock() as session:
        state = dock_state(session, "colissimo", DAY)
        assert [p.sscc for p in state.shipped] == [sscc(1), sscc(2)]
        assert [p.sscc for p in state.missing] == [sscc(3), sscc(70), sscc(71), sscc(72)]
        assert [(p.order, p.hold_reason) for p in state.held] == [("#1044", "fraude suspectée"), ("#1045", None)]
        assert dock_state(session, "chronopost", DAY).shipped == ()  # it left yesterday
        assert [p.sscc for p in dock_state(session, "chronopost", DAY - timedelta(days=1)).shipped] == [sscc(10)]
        counts = dock_counts(session, DAY)
        assert counts["colissimo"] == (3, 2)  # #1042's third parcel and #1049's two cartons; the pallet not counted
        assert counts["click_collect"] == (1, 0) and "chronopost" not in counts
        rows = manifest_rows(session, "colissimo", DAY)
        assert [(r.sscc, r.parcel, r.weight_g, r.shipped_at) for r in rows] == [
            (sscc(1), "1/3", 1001, NOON), (sscc(2), "2/3", 1002, NOON + timedelta(minutes=1))]


def test_closing_the_day_records_the_parcels_and_the_missing(dock) -> None:
    ship_parcel(dock, STATION, BADGE, sscc(1), "colissimo", when=NOON)
    closed = close_manifest(dock, STATION, BADGE, "colissimo", DAY, when=NOON + timedelta(hours=5))
    assert [r.sscc for r in closed.rows] == [sscc(1)]
    assert [r.sscc for r in closed.missing] == [sscc(2), sscc(3), sscc(70), sscc(71), sscc(72)]
    assert [r.order for r in closed.held] == ["#1044", "#1045"]
    [event] = events(dock, MANIFEST_CLOSED)
    assert event.id == closed.event_id and event.actor == BADGE and event.order_number is None
    assert event.payload == {"carrier": "colissimo", "day": "2026-11-24", "parcels": [sscc(1)],
                             "missing": [sscc(2), sscc(3), sscc(70), sscc(71), sscc(72)]}


def test_the_day_is_the_warehouse_day() -> None:
    late = datetime(2026, 11, 24, 23, 30, tzinfo=UTC)  # 00:30 on the 25th in Lyon
    assert local_day(late) == date(2026, 11, 25)
    start, end = day_bounds(date(2026, 3, 29))  # summer time starts: a 23-hour day
    assert end - start == timedelta(hours=23)


class _Pushed:
    """What app.sync.central hands an applier: the event's body and time."""

    def __init__(self, payload: dict, when: datetime) -> None:
        self.payload, self.occurred_at = payload, when

    def body(self) -> dict:
        return self.payload


def test_the_central_effect_is_the_same_and_refuses_an_order_stopped_meanwhile(dock) -> None:
    with transaction(dock) as session:
        assert central_apply_shipped(session, "DOCK-01", _Pushed({"order": "#1042", "sscc": sscc(1)}, NOON)) is None
        # Applied twice (a resent batch): nothing changes, the first time stays.
        assert apply_shipped(session, {"order": "#1042", "sscc": sscc(1)}, NOON + timedelta(hours=1)) is None
        why = central_apply_shipped(session, "DOCK-01", _Pushed({"order": "#1044", "sscc": sscc(20)}, NOON))
        assert why is not None and "on_hold (fraude suspectée)" in why
        assert "unknown" in apply_shipped(session, {"order": "#1042", "sscc": sscc(999)}, NOON)
        assert "belongs to order #1042" in apply_shipped(session, {"order": "#1043", "sscc": sscc(2)}, NOON)
    assert parcel(dock, sscc(1)).shipped_at == NOON
    assert parcel(dock, sscc(20)).status == "closed"


def seed_dock(factory) -> None:
    with transaction(factory) as session:
        add_order(session, "#1042", "colissimo", 2, first=1)
        add_order(session, "#1043", "colissimo", 1, first=10)


def test_pushed_to_the_central_database_the_order_ships_unless_it_was_held_meanwhile(any_session_factory, tmp_path) -> None:
    from app.store.db import make_engine, session_factory, sqlite_url
    from app.store.migrate import upgrade
    from app.sync.central import EVENT_NOT_APPLIED, EventIn, apply_batch

    station_engine = make_engine(sqlite_url(tmp_path / "dock.db"))
    upgrade(station_engine)
    station = session_factory(station_engine)
    central = any_session_factory
    seed_dock(station)
    seed_dock(central)
    with transaction(central) as session:  # held at the office while the dock was offline
        session.scalars(select(Order).where(Order.number == "#1043")).one().status = "on_hold"
    for code in (1, 2, 10):
        ship_parcel(station, STATION, BADGE, sscc(code), "colissimo", when=NOON)
    with station() as session:
        pushed = [EventIn.from_event(e) for e in session.scalars(select(Event).order_by(Event.seq))]
    assert [e.kind for e in pushed] == [PARCEL_SHIPPED, PARCEL_SHIPPED, ORDER_STATUS_CHANGED,
                                        PARCEL_SHIPPED, ORDER_STATUS_CHANGED]
    result = apply_batch(central, STATION, pushed)
    assert result.applied == 5 and result.not_applied == ("#1043",)
    assert order_status(central, "#1042") == "shipped"
    assert parcel(central, sscc(1)).shipped_at == NOON and parcel(central, sscc(2)).status == "shipped"
    assert order_status(central, "#1043") == "on_hold" and parcel(central, sscc(10)).status == "closed"
    reasons = [e.payload["reason"] for e in events(central, EVENT_NOT_APPLIED)]
    assert any("on_hold" in r and sscc(10) in r for r in reasons)
    assert apply_batch(central, STATION, pushed).duplicates == 5  # resent: nothing twice
    station_engine.dispose()


from tests.sync.test_security_pg import central, make_station  # noqa: E402,F401  (PostgreSQL station roles)


@pytest.mark.postgres
def test_a_dock_pushes_its_handovers_as_its_own_postgresql_role(make_station, central, tmp_path) -> None:
    """Shipping a parcel needs the station role's grants on parcels.status/shipped_at and the
    order's status, on an order it never claimed: the push must go through whole."""
    from app.store.db import make_engine, session_factory, sqlite_url
    from app.store.migrate import upgrade
    from app.sync.pull import pull
    from app.sync.push import push_all

    seed_dock(session_factory(central))
    dock = make_station("DOCK")
    local = make_engine(sqlite_url(tmp_path / "dock.db"))
    upgrade(local)
    pull(dock.engine, local, dock.name)  # the replica, read as the station's role
    for code in (1, 2):
        ship_parcel(session_factory(local), dock.name, BADGE, sscc(code), "colissimo", when=NOON)
    result = push_all(session_factory(local), dock.factory, dock.name)
    assert result.not_applied == ()
    assert order_status(session_factory(central), "#1042") == "shipped"
    assert parcel(session_factory(central), sscc(2)).shipped_at == NOON
    local.dispose()


def test_an_order_left_behind_with_all_its_parcels_gone_ships_at_the_next_scan(dock) -> None:
    ship_parcel(dock, STATION, BADGE, sscc(10), "chronopost", when=NOON)
    with transaction(dock) as session:  # its status change was refused centrally and pulled back
        session.scalars(select(Order).where(Order.number == "#1043")).one().status = "ready_to_ship"
    again = ship_parcel(dock, STATION, BADGE, sscc(10), "chronopost", when=NOON + timedelta(hours=1))
    assert again.already and again.order_shipped and order_status(dock, "#1043") == "shipped"
    assert len(events(dock, PARCEL_SHIPPED)) == 1
    assert len([e for e in events(dock, ORDER_STATUS_CHANGED) if e.order_number == "#1043"]) == 2
