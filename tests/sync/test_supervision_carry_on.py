"""After a console action takes an order from the station working on it, the next station of
the right kind claims it through its real claim path and carries on from where the first one
stopped (README, "Claims": "the next station carries on from there"). Stations here are real
sync engines (app.sync.engine) over their own SQLite replicas; picks go through the picker's
own jobs (app.gui.pick_jobs: the claimed orders, the route from what is left, the scans
recorded and pushed). On the embedded SQLite central and on the real PostgreSQL.

The claims are the calls the GUI makes: a picker claims ``("new",)`` orders (app.gui.pick_controller
through CentralContext.claim_work / claim_order), a packer ``("picked",)`` ones
(app.gui.pack_claims.PACK_STATUSES).
"""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from sqlalchemy import Engine, select

from app.config import PickingSettings
from app.domain.events import ORDER_STATUS_CHANGED
from app.domain.roles import Role
from app.gui import pick_jobs
from app.gui.pack_claims import PACK_STATUSES
from app.packing.events import PACK_UNIT
from app.scanning.classify import classify
from app.store.db import session_factory, sqlite_url, transaction
from app.store.models import Event, Location, Order, OrderLine, Product, Station, Stock
from app.store.users import add_user
from app.supervision import ForceRelease, Hold, Reassign, Release
from app.sync.capture import install
from app.sync.central import EVENT_NOT_APPLIED, EventIn, apply_batch
from app.sync.claims import ClaimRefused
from app.sync.engine import StationEngine
from app.sync.supervision import apply_action

SUP, CONSOLE = "BDG0007", "SUP-DESK"
PICK_STATUSES = ("new",)  # what a picker claims (app.gui.pick_controller)


@pytest.fixture
def central(any_engine: Engine) -> Engine:
    install(any_engine)
    with transaction(session_factory(any_engine)) as session:
        add_user(session, name="Sam Sup", badge=SUP, roles=frozenset({Role.SUPERVISOR}), pin="4821")
        session.add_all([
            Station(name="PICK-A", kind="picking"), Station(name="PICK-B", kind="picking"),
            Station(name="PICK-C", kind="picking"), Station(name="PACK-A", kind="packing"),
            Station(name="PACK-B", kind="packing"), Station(name=CONSOLE, kind="supervisor"),
        ])
        mug = Product(sku="MUG", name="Mug")
        a1 = Location(code="A-01", zone="A", aisle="01", bay="1", level="1", pick_sequence=10)
        session.add_all([mug, a1])
        session.flush()
        session.add(Stock(product=mug, location=a1, quantity=20, lot=""))
        session.add(Order(number="CMD-1", lines=[OrderLine(line_no=1, sku="MUG", name="Mug", quantity=3)]))
    return any_engine


@pytest.fixture
def stations(central: Engine, tmp_path: Path):
    made: dict[str, StationEngine] = {}
    url = central.url.render_as_string(hide_password=False)

    def station(name: str) -> StationEngine:
        if name not in made:
            made[name] = StationEngine(name, sqlite_url(tmp_path / f"{name}.db"), url)
            made[name].cycle()
        return made[name]

    yield station
    for engine in made.values():
        engine.close()


class Picker:
    """One picking station driven as its screen drives it (app.gui.pick_controller)."""

    def __init__(self, station: StationEngine, badge: str) -> None:
        self.station, self.badge, self.pick = station, badge, None

    def claim(self) -> list[str]:
        self.station.cycle()  # the station syncs in the background: it has heard of the action
        return [c.order_number for c in self.station.claim(6, PICK_STATUSES, actor=self.badge)]

    def start(self, numbers: list[str]) -> int:
        """Start the pick over the claimed orders; the units it has to pick."""
        self.pick, _outcome = pick_jobs.start_pick(
            self.station.local_sessions, self.station.station, self.badge, numbers, PickingSettings(), date.today())
        return self.pick.view().units_total

    def scan(self, *raws: str) -> str:
        code = ""
        for raw in raws:
            outcome = self.pick.handle(classify(raw))
            assert outcome.ok, outcome
            pick_jobs.record(self.station.local_sessions, self.station.station, self.badge, outcome.events)
            code = outcome.code
        return code


def central_order(central: Engine, number: str = "CMD-1") -> Order:
    with session_factory(central)() as session:
        return session.scalars(select(Order).where(Order.number == number)).one()


def picked_units(central: Engine, number: str = "CMD-1") -> int:
    with session_factory(central)() as session:
        return session.scalars(select(OrderLine.picked).join(Order).where(Order.number == number)).one()


def not_applied(central: Engine) -> list[str]:
    with session_factory(central)() as session:
        return [e.payload["reason"] for e in session.scalars(select(Event).where(Event.kind == EVENT_NOT_APPLIED))]


def one_unit_picked_at_a(stations) -> Picker:
    """PICK-A claims CMD-1, picks one of its three mugs, and its push reaches the central database."""
    a = Picker(stations("PICK-A"), "BDG0020")
    assert a.claim() == ["CMD-1"]
    assert a.start(["CMD-1"]) == 3
    a.scan("A-01", "MUG")
    a.station.cycle()
    return a


ACTIONS = {
    "reassign": lambda: [Reassign(["CMD-1"], to="PICK-B", reason="PICK-A is slow")],
    "force_release": lambda: [ForceRelease(["CMD-1"], reason="PICK-A died")],
    "hold_release": lambda: [Hold(["CMD-1"], reason="address to check"), Release(["CMD-1"])],
}


@pytest.mark.parametrize("action", sorted(ACTIONS))
def test_the_next_picker_claims_an_order_taken_mid_pick_and_picks_only_what_is_left(central, stations, action) -> None:
    a = one_unit_picked_at_a(stations)
    assert (central_order(central).status, picked_units(central)) == ("picking", 1)
    for step in ACTIONS[action]():
        assert apply_action(session_factory(central), CONSOLE, SUP, step).done == ("CMD-1",)
    # Back in the queue of new orders, the unit PICK-A picked still on the line.
    order = central_order(central)
    assert (order.status, order.claimed_by, picked_units(central)) == ("new", None, 1)
    # PICK-A is told it lost the order and why; what it recorded stays in its log.
    report = a.station.cycle()
    assert [(lost.order_number, lost.why) for lost in report.lost] == [
        ("CMD-1", "reassigned to PICK-B" if action == "reassign" else "released by a supervisor")]
    with a.station.local_sessions() as session:
        assert session.scalars(select(Event.kind).where(Event.kind == "pick.unit")).all() == ["pick.unit"]

    # The right picker gets it with its usual claim: PICK-B, to which it was reassigned, or any other.
    nxt = Picker(stations("PICK-B" if action == "reassign" else "PICK-C"), "BDG0021")
    if action == "reassign":
        assert Picker(stations("PICK-C"), "BDG0022").claim() == []  # not for the others
    assert nxt.claim() == ["CMD-1"]
    assert nxt.start(["CMD-1"]) == 2  # carries on: two mugs left, not three
    assert nxt.scan("A-01", "MUG", "MUG") in ("order_picked", "pick_complete")
    nxt.station.cycle()  # the pick pushed, then its claim given back (app.gui.pick_controller)
    assert nxt.station.release("CMD-1", reason="done", actor="BDG0021")
    order = central_order(central)
    assert (order.status, picked_units(central), order.assigned_to) == ("picked", 3, None)
    assert not_applied(central) == []
    with nxt.station.local_sessions() as session:  # the station's replica says the same
        mine = session.scalars(select(Order).where(Order.number == "CMD-1")).one()
        assert (mine.status, mine.assigned_to) == ("picked", None)

    # Picked, the order is any packer's: an assignment to a picking station lasted its pick.
    packer = stations("PACK-A")
    packer.cycle()
    assert [c.order_number for c in packer.claim(1, PACK_STATUSES)] == ["CMD-1"]


def test_a_scan_of_the_order_claims_it_too(central, stations) -> None:
    """An order scanned by its number at the picker's home (CentralContext.claim_order)."""
    one_unit_picked_at_a(stations)
    apply_action(session_factory(central), CONSOLE, SUP, ForceRelease(["CMD-1"], reason="PICK-A died"))
    c = stations("PICK-C")
    c.cycle()
    assert c.claim_order("CMD-1", actor="BDG0022", statuses=PICK_STATUSES).order_number == "CMD-1"


def test_a_reassigned_order_is_refused_to_the_others_by_scan(central, stations) -> None:
    one_unit_picked_at_a(stations)
    apply_action(session_factory(central), CONSOLE, SUP, Reassign(["CMD-1"], to="PICK-B"))
    with pytest.raises(ClaimRefused, match="assigned to PICK-B"):
        stations("PICK-C").claim_order("CMD-1", statuses=PICK_STATUSES)
    assert stations("PICK-B").claim_order("CMD-1", statuses=PICK_STATUSES).order_number == "CMD-1"


# --- packing -------------------------------------------------------------------------------


def push(central: Engine, station: str, seq: int, kind: str, payload: dict) -> None:
    """One event of a packing station, as its push brings it (app.sync.central)."""
    event = EventIn(str(uuid.uuid4()), seq, datetime.now(UTC), "BDG0030", kind, payload["order"], payload)
    assert apply_batch(session_factory(central), station, [event]).not_applied == ()


def packing_at_pack_a(central: Engine, stations) -> None:
    """CMD-1 picked, claimed by PACK-A with its packer's claim, two units verified."""
    with transaction(session_factory(central)) as session:
        order = session.scalars(select(Order).where(Order.number == "CMD-1")).one()
        order.status = "picked"
        order.lines[0].picked = 3
    a = stations("PACK-A")
    a.cycle()
    assert [c.order_number for c in a.claim(1, PACK_STATUSES)] == ["CMD-1"]
    with session_factory(central)() as session:
        line_id = session.scalars(select(OrderLine.id).join(Order).where(Order.number == "CMD-1")).one()
    push(central, "PACK-A", 1, ORDER_STATUS_CHANGED, {"order": "CMD-1", "from": "picked", "to": "packing"})
    push(central, "PACK-A", 2, PACK_UNIT, {"order": "CMD-1", "line_id": line_id, "sku": "MUG", "quantity": 2,
                                           "parcel": 1, "serial": None})
    with session_factory(central)() as session:
        order = session.scalars(select(Order).where(Order.number == "CMD-1")).one()
        assert (order.status, order.claimed_by, order.lines[0].verified) == ("packing", "PACK-A", 2)


@pytest.mark.parametrize("action", ["reassign", "force_release", "hold_release"])
def test_the_next_packer_claims_an_order_taken_mid_pack(central, stations, action) -> None:
    packing_at_pack_a(central, stations)
    steps = {
        "reassign": [Reassign(["CMD-1"], to="PACK-B")],
        "force_release": [ForceRelease(["CMD-1"], reason="PACK-A died")],
        "hold_release": [Hold(["CMD-1"], reason="address"), Release(["CMD-1"])],
    }[action]
    for step in steps:
        assert apply_action(session_factory(central), CONSOLE, SUP, step).done == ("CMD-1",)
    with session_factory(central)() as session:
        order = session.scalars(select(Order).where(Order.number == "CMD-1")).one()
        # The tote is back in the packing queue: picked units kept, verification to start over
        # (a pack cannot go on from another station's half-filled parcel).
        assert (order.status, order.claimed_by) == ("picked", None)
        assert (order.lines[0].picked, order.lines[0].verified) == (3, 0)
        [change] = [e for e in session.scalars(select(Event).where(Event.kind == ORDER_STATUS_CHANGED))
                    if e.actor == SUP and e.payload["to"] == "picked"]
        assert change.payload["verification_reset"] == 2
    b = stations("PACK-B")
    b.cycle()
    assert [c.order_number for c in b.claim(1, PACK_STATUSES)] == ["CMD-1"]


def test_a_picker_that_had_not_heard_of_the_action_yet_still_finishes_the_order(central, stations) -> None:
    """PICK-B's replica last saw CMD-1 in picking at PICK-A; it claims the order before its
    next pull brings the console's change (new): its pick writes no new -> picking, and the
    central side catches up from its pick.started, so its picking -> picked still applies."""
    b = Picker(stations("PICK-B"), "BDG0021")
    one_unit_picked_at_a(stations)
    b.station.cycle()  # B's copy: CMD-1 picking, at PICK-A
    apply_action(session_factory(central), CONSOLE, SUP, Reassign(["CMD-1"], to="PICK-B"))
    assert [c.order_number for c in b.station.claim(6, PICK_STATUSES, actor=b.badge)] == ["CMD-1"]  # no pull
    assert b.start(["CMD-1"]) == 2
    b.scan("A-01", "MUG", "MUG")
    b.station.cycle()
    order = central_order(central)
    assert (order.status, picked_units(central), order.assigned_to) == ("picked", 3, None)
    assert not_applied(central) == []
