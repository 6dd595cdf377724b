"""Claim rules, each on the embedded SQLite central (a file) and on the real PostgreSQL."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import select

from app.domain.roles import Role
from app.store.db import session_factory, transaction
from app.store.models import Event, Order, OrderLine
from app.store.users import add_user
from app.sync import claims
from app.sync.claims import claim_next, expired_claims, force_release, heartbeat, reassign, release

T0 = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
LEASE = timedelta(seconds=90)


def seed(factory, *orders: Order) -> None:
    with transaction(factory) as session:
        session.add_all(orders)


def order(number: str, **kw) -> Order:
    kw.setdefault("status", "new")
    kw.setdefault("created_at", T0 - timedelta(hours=1))
    return Order(number=number, **kw)


def numbers(result) -> list[str]:
    return [c.order_number for c in result]


def get_order(factory, number: str) -> Order:
    with factory() as session:
        return session.scalars(select(Order).where(Order.number == number)).one()


def events_of(factory, kind: str) -> list[Event]:
    with factory() as session:
        return list(session.scalars(select(Event).where(Event.kind == kind).order_by(Event.seq)))


@pytest.fixture
def factory(any_engine):
    return session_factory(any_engine)


SUP, PIN = "BDG0007", "4821"  # an active supervisor with a PIN (the ``supervisors`` fixture)


@pytest.fixture
def supervisors(factory):
    """SUP (supervisor), a picker, and a deactivated supervisor, all with PIN ``PIN``."""
    with transaction(factory) as session:
        add_user(session, name="Sam Sup", badge=SUP, roles=frozenset({Role.SUPERVISOR}), pin=PIN)
        add_user(session, name="Pat Picker", badge="BDG0008", roles=frozenset({Role.PICKER}), pin=PIN)
        gone = add_user(session, name="Old Sup", badge="BDG0009", roles=frozenset({Role.SUPERVISOR}), pin=PIN)
        gone.active = False
        add_user(session, name="No Pin", badge="BDG0010", roles=frozenset({Role.SUPERVISOR}))
    return factory


def test_most_urgent_first(factory) -> None:
    seed(
        factory,
        order("NO-CUTOFF-HIGH", priority=9),
        order("LATE-CUTOFF", cutoff_at=T0 + timedelta(hours=5)),
        order("EARLY-LOW", cutoff_at=T0 + timedelta(hours=1), priority=0, created_at=T0 - timedelta(hours=3)),
        order("EARLY-HIGH", cutoff_at=T0 + timedelta(hours=1), priority=5),
        order("EARLY-LOW-NEWER", cutoff_at=T0 + timedelta(hours=1), priority=0, created_at=T0 - timedelta(hours=2)),
        order("NO-CUTOFF-LOW", priority=0),
        order("PICKED-ALREADY", status="picked", cutoff_at=T0),
    )
    got = [numbers(claim_next(factory, "P1", now=T0)) for _ in range(7)]
    assert got == [
        ["EARLY-HIGH"],
        ["EARLY-LOW"],
        ["EARLY-LOW-NEWER"],
        ["LATE-CUTOFF"],
        ["NO-CUTOFF-HIGH"],
        ["NO-CUTOFF-LOW"],
        [],
    ]
    held = get_order(factory, "EARLY-HIGH")
    assert held.claimed_by == "P1" and held.lease_until == T0 + LEASE
    assert held.status == "new"  # the picking flow changes the status, not the claim


def test_claim_records_event_with_claim_id(factory) -> None:
    seed(factory, order("A1"))
    [claim] = claim_next(factory, "P1", now=T0, lease=timedelta(seconds=30))
    assert claim.lease_until == T0 + timedelta(seconds=30)
    [event] = events_of(factory, claims.ORDER_CLAIMED)
    assert event.order_number == "A1" and event.station == "P1"
    assert event.payload == {
        "order": "A1",
        "station": "P1",
        "claim_id": claim.claim_id,
        "lease_until": claim.lease_until.isoformat(),
    }


def test_assigned_orders_only_go_to_their_station(factory) -> None:
    seed(
        factory,
        order("FOR-P2", assigned_to="P2", priority=9),
        order("ANYONE", priority=1),
    )
    assert numbers(claim_next(factory, "P1", now=T0, count=5)) == ["ANYONE"]
    assert claim_next(factory, "P3", now=T0) == []
    assert numbers(claim_next(factory, "P2", now=T0)) == ["FOR-P2"]


def test_batch_claim(factory) -> None:
    seed(factory, *(order(f"B{i}", priority=i) for i in range(5)))
    first = claim_next(factory, "P1", count=3, now=T0)
    assert numbers(first) == ["B4", "B3", "B2"]
    assert len({c.claim_id for c in first}) == 3
    assert numbers(claim_next(factory, "P2", count=3, now=T0)) == ["B1", "B0"]
    assert len(events_of(factory, claims.ORDER_CLAIMED)) == 5


def test_statuses_parameter(factory) -> None:
    seed(factory, order("N1"), order("K1", status="picking", priority=5))
    assert numbers(claim_next(factory, "P1", statuses=("new", "picking"), count=2, now=T0)) == ["K1", "N1"]


def test_expired_lease_is_taken_and_first_holder_told(factory) -> None:
    seed(factory, order("E1"))
    [first] = claim_next(factory, "P1", now=T0, lease=LEASE)
    # Still held: nobody else gets it.
    assert claim_next(factory, "P2", now=T0 + LEASE - timedelta(seconds=1)) == []
    assert expired_claims(factory, now=T0 + LEASE - timedelta(seconds=1)) == []
    later = T0 + LEASE + timedelta(seconds=1)
    [expired] = expired_claims(factory, now=later)
    assert (expired.order_number, expired.claimed_by, expired.claim_id) == ("E1", "P1", first.claim_id)

    [second] = claim_next(factory, "P2", now=later)
    assert second.order_number == "E1" and second.claim_id != first.claim_id
    result = heartbeat(factory, "P1", [first.claim_id], now=later)
    assert result.renewed == []
    assert result.lost == [claims.LostClaim("E1", first.claim_id, "lease expired and taken by P2")]
    assert get_order(factory, "E1").claimed_by == "P2"
    # The new holder renews normally.
    assert heartbeat(factory, "P2", [second.claim_id], now=later).renewed == [second.claim_id]


def test_heartbeat_renews(factory) -> None:
    seed(factory, order("H1"), order("H2"))
    mine = claim_next(factory, "P1", count=2, now=T0)
    at = T0 + timedelta(seconds=60)
    result = heartbeat(factory, "P1", [c.claim_id for c in mine], now=at, lease=LEASE)
    assert result.renewed == [c.claim_id for c in mine] and result.lost == []
    assert get_order(factory, "H1").lease_until == at + LEASE
    # Renewed: still held past the first lease's end.
    assert claim_next(factory, "P2", now=T0 + LEASE + timedelta(seconds=1)) == []


def test_late_heartbeat_keeps_an_untaken_claim(factory) -> None:
    seed(factory, order("L1"))
    [claim] = claim_next(factory, "P1", now=T0)
    late = T0 + LEASE * 3
    assert heartbeat(factory, "P1", [claim.claim_id], now=late).renewed == [claim.claim_id]
    assert claim_next(factory, "P2", now=late) == []


def test_stale_or_foreign_claim_ids_rejected(factory) -> None:
    seed(factory, order("S1"))
    [claim] = claim_next(factory, "P1", now=T0)
    assert release(factory, "P1", claim.claim_id)
    [again] = claim_next(factory, "P1", now=T0)
    # The old claim id is stale even for the same station, and the same order.
    result = heartbeat(factory, "P1", [claim.claim_id, again.claim_id, "no-such-claim"], now=T0)
    assert result.renewed == [again.claim_id]
    assert result.lost == [
        claims.LostClaim("S1", claim.claim_id, "released"),
        claims.LostClaim(None, "no-such-claim", "unknown claim"),
    ]
    # Another station presenting P1's claim id renews nothing.
    other = heartbeat(factory, "P2", [again.claim_id], now=T0)
    assert other.renewed == [] and len(other.lost) == 1
    assert get_order(factory, "S1").claimed_by == "P1"


def test_release_only_by_holder(factory) -> None:
    seed(factory, order("R1"))
    [claim] = claim_next(factory, "P1", now=T0)
    assert release(factory, "P2", claim.claim_id) is False
    assert get_order(factory, "R1").claimed_by == "P1"
    assert events_of(factory, claims.ORDER_RELEASED) == []
    assert release(factory, "P1", claim.claim_id, reason="logout") is True
    assert release(factory, "P1", claim.claim_id) is False  # twice: nothing left to release
    held = get_order(factory, "R1")
    assert (held.claimed_by, held.claim_id, held.lease_until) == (None, None, None)
    [event] = events_of(factory, claims.ORDER_RELEASED)
    assert event.payload == {"order": "R1", "station": "P1", "claim_id": claim.claim_id, "reason": "logout"}
    assert numbers(claim_next(factory, "P2", now=T0)) == ["R1"]


def _with_progress(number: str) -> Order:
    o = order(number, status="picking")
    o.lines = [
        OrderLine(line_no=1, sku="SKU-1", quantity=3, picked=2),
        OrderLine(line_no=2, sku="SKU-2", quantity=1, picked=1, verified=1),
    ]
    return o


def _progress(factory, number: str) -> list[tuple[int, int]]:
    with factory() as session:
        o = session.scalars(select(Order).where(Order.number == number)).one()
        return [(line.picked, line.verified) for line in o.lines]


def test_force_release(factory, supervisors) -> None:
    seed(factory, _with_progress("F1"))
    [claim] = claim_next(factory, "P1", statuses=("picking",), now=T0)
    assert force_release(factory, "F1", supervisor=SUP, pin=PIN, reason="station broken") is True
    assert force_release(factory, "F1", supervisor=SUP, pin=PIN, reason="again") is False  # nothing held
    held = get_order(factory, "F1")
    # Back in the queue of new orders (app.sync.requeue), the progress kept on the lines.
    assert (held.claimed_by, held.claim_id, held.lease_until, held.status) == (None, None, None, "new")
    assert _progress(factory, "F1") == [(2, 0), (1, 1)]
    [requeued] = events_of(factory, "order.status_changed")
    assert (requeued.payload["from"], requeued.payload["to"], requeued.payload["action"]) == (
        "picking", "new", "force_release")
    [event] = events_of(factory, claims.ORDER_FORCE_RELEASED)
    assert event.actor == SUP
    assert event.payload == {
        "order": "F1",
        "holder": "P1",
        "claim_id": claim.claim_id,
        "supervisor": SUP,
        "reason": "station broken",
    }
    result = heartbeat(factory, "P1", [claim.claim_id], now=T0)
    assert result.lost == [claims.LostClaim("F1", claim.claim_id, "released by a supervisor")]
    # Free again for any picker (not assigned: a picker claims new orders), including after
    # another station took it.
    assert numbers(claim_next(factory, "P2", now=T0)) == ["F1"]
    assert heartbeat(factory, "P1", [claim.claim_id], now=T0).lost[0].why == "released by a supervisor"


def test_force_release_unknown_order(factory, supervisors) -> None:
    with pytest.raises(claims.UnknownOrder, match="NOPE"):
        force_release(factory, "NOPE", supervisor=SUP, pin=PIN, reason="x")


def test_reassign_while_in_progress(factory, supervisors) -> None:
    seed(factory, _with_progress("G1"))
    [claim] = claim_next(factory, "P1", statuses=("picking",), now=T0)
    assert reassign(factory, "G1", to_station="P2", supervisor=SUP, pin=PIN, reason="P1 on break") == "P1"
    held = get_order(factory, "G1")
    assert (held.assigned_to, held.claimed_by, held.claim_id, held.status) == ("P2", None, None, "new")
    assert _progress(factory, "G1") == [(2, 0), (1, 1)]
    [event] = events_of(factory, claims.ORDER_REASSIGNED)
    assert event.actor == SUP
    assert event.payload == {
        "order": "G1",
        "from_station": None,
        "to_station": "P2",
        "holder": "P1",
        "claim_id": claim.claim_id,
        "supervisor": SUP,
        "reason": "P1 on break",
    }
    result = heartbeat(factory, "P1", [claim.claim_id], now=T0)
    assert result.renewed == []
    assert result.lost == [claims.LostClaim("G1", claim.claim_id, "reassigned to P2")]
    # Only P2 may take it now, with a picker's claim (new orders), and it carries on from the
    # same progress.
    assert claim_next(factory, "P1", now=T0) == []
    assert numbers(claim_next(factory, "P2", now=T0)) == ["G1"]
    assert _progress(factory, "G1") == [(2, 0), (1, 1)]
    assert heartbeat(factory, "P1", [claim.claim_id], now=T0).lost[0].why == "reassigned to P2"


def test_reassign_to_the_holder_keeps_its_claim(factory, supervisors) -> None:
    seed(factory, order("G2"))
    [claim] = claim_next(factory, "P1", now=T0)
    assert reassign(factory, "G2", to_station="P1", supervisor=SUP, pin=PIN, reason="pin it") is None
    assert heartbeat(factory, "P1", [claim.claim_id], now=T0).renewed == [claim.claim_id]


def test_cancelled_order_is_lost(factory) -> None:
    seed(factory, order("C1"))
    [claim] = claim_next(factory, "P1", now=T0)
    with transaction(factory) as session:
        session.scalars(select(Order).where(Order.number == "C1")).one().status = "cancelled"
    result = heartbeat(factory, "P1", [claim.claim_id], now=T0)
    assert result.lost == [claims.LostClaim("C1", claim.claim_id, "cancelled")]


def test_engine_accepted_as_factory(any_engine) -> None:
    seed(session_factory(any_engine), order("X1"))
    [claim] = claim_next(any_engine, "P1", now=T0)
    assert heartbeat(any_engine, "P1", [claim.claim_id], now=T0).renewed == [claim.claim_id]
    assert release(any_engine, "P1", claim.claim_id)


@pytest.mark.parametrize(
    ("badge", "pin", "why"),
    [
        (SUP, "0000", "not recognised"),  # wrong PIN
        ("BDG9999", PIN, "not recognised"),  # unknown badge
        ("", PIN, "not recognised"),
        (SUP, "", "not recognised"),
        ("BDG0010", "", "not recognised"),  # a supervisor without a PIN
        ("BDG0008", PIN, "is not a supervisor"),
        ("BDG0009", PIN, "is deactivated"),
    ],
)
def test_supervisor_actions_need_a_supervisor_badge_and_pin(factory, supervisors, badge, pin, why) -> None:
    seed(factory, order("H1"))
    [claim] = claim_next(factory, "P1", now=T0)
    with pytest.raises(claims.NotAuthorized, match=why) as raised:
        force_release(factory, "H1", supervisor=badge, pin=pin, reason="x")
    if pin:
        assert pin not in str(raised.value)
    with pytest.raises(claims.NotAuthorized, match=why):
        reassign(factory, "H1", to_station="P2", supervisor=badge, pin=pin, reason="x")
    held = get_order(factory, "H1")
    assert (held.claimed_by, held.claim_id, held.assigned_to) == ("P1", claim.claim_id, None)  # nothing changed
    assert events_of(factory, claims.ORDER_FORCE_RELEASED) == events_of(factory, claims.ORDER_REASSIGNED) == []


def test_supervisor_badge_is_read_as_scanned(factory, supervisors) -> None:
    seed(factory, order("H2"))
    claim_next(factory, "P1", now=T0)
    assert force_release(factory, "H2", supervisor=" bdg0007 ", pin=PIN, reason="typed in lower case") is True
    [event] = events_of(factory, claims.ORDER_FORCE_RELEASED)
    assert (event.actor, event.payload["supervisor"]) == (SUP, SUP)
