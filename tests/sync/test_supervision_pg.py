"""PostgreSQL only: a supervisor console's own database role can apply every action; a plain
station's role cannot, even with a supervisor at the keyboard."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from app.store.db import session_factory, transaction
from app.store.models import Event, Order, Station
from app.supervision import Cancel, ForceRelease, Hold, NotAuthorized, Reassign, Release, SetPriority
from app.sync import claims
from app.sync.supervision import apply_action
from tests.sync.test_security_pg import PIN, SUP, central, make_station, order_row  # noqa: F401 (fixtures)

pytestmark = pytest.mark.postgres


def test_a_supervisor_consoles_role_may_apply_every_action(make_station, central) -> None:  # noqa: F811
    sup, picker = make_station("SUP", supervisor=True), make_station("P")
    with transaction(session_factory(central)) as session:
        session.add(Station(name=picker.name))
    claim = claims.claim_next(picker.factory, picker.name)[0]  # the picker's own role claims one
    number = claim.order_number
    others = sorted({"O-1", "O-2", "O-3", "O-4"} - {number})

    assert apply_action(sup.factory, sup.name, SUP, SetPriority([number, *others], priority=9), pin=PIN).refused == {}
    assert apply_action(sup.factory, sup.name, SUP, Reassign([number], to=picker.name)).done == (number,)
    assert apply_action(sup.factory, sup.name, SUP, ForceRelease([number])).done == (number,)
    assert apply_action(sup.factory, sup.name, SUP, Hold([others[0]], reason="address")).done == (others[0],)
    assert apply_action(sup.factory, sup.name, SUP, Release([others[0]])).done == (others[0],)
    assert apply_action(sup.factory, sup.name, SUP, Cancel([others[1]], reason="customer")).done == (others[1],)

    assert [order_row(central, n).priority for n in (number, *others)] == [9, 9, 9, 9]
    assert order_row(central, number).assigned_to == picker.name and order_row(central, number).claimed_by is None
    assert order_row(central, others[0]).status == "new" and order_row(central, others[1]).status == "cancelled"
    with session_factory(central)() as session:
        audit = session.scalars(select(Event.station).where(Event.actor == SUP).distinct()).all()
    assert audit == [sup.name]  # written under the console's name, the supervisor as actor


def test_a_plain_stations_role_is_refused_even_with_a_supervisors_badge(make_station, central) -> None:  # noqa: F811
    station = make_station("P")
    for action in (SetPriority(["O-1"], priority=9), Hold(["O-1"], reason="x"), Cancel(["O-1"], reason="x"),
                   Reassign(["O-1"], to=station.name), ForceRelease(["O-1"])):
        with pytest.raises(NotAuthorized) as refused:
            apply_action(station.factory, station.name, SUP, action, pin=PIN)
        assert refused.value.code == "database_role"
    row = order_row(central, "O-1")
    assert (row.status, row.priority, row.assigned_to) == ("new", 0, None)
    with session_factory(central)() as session:
        assert session.scalars(select(Event).where(Event.actor == SUP)).all() == []
        assert session.scalars(select(Order.number).where(Order.priority != 0)).all() == []
