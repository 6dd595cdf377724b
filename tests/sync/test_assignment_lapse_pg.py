"""PostgreSQL only: a station, connected as its own role, lapses the assignment of the order it
picked (its push of ``picking -> picked``: app.store.orders.apply_state), and that is all it
may do with ``assigned_to`` (app.sync.roles' guard trigger): assigning stays a supervisor's
console's power, whatever the station sends.
"""

from __future__ import annotations

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.domain.events import ORDER_STATUS_CHANGED
from app.store.db import session_factory, transaction
from app.store.events import record
from app.store.models import Event, Order
from app.sync import claims
from app.sync.central import EVENT_NOT_APPLIED
from app.sync.push import push_all
from tests.sync.test_security_pg import (  # noqa: F401 (fixtures)
    DENIED,
    central,
    denied,
    make_station,
    make_station_store,
    order_row,
)

pytestmark = pytest.mark.postgres


def test_a_station_s_pick_lapses_its_assignment_but_it_cannot_assign(make_station, central, tmp_path) -> None:
    a, b = make_station("A"), make_station("B")
    with transaction(session_factory(central)) as session:
        for number, to in (("O-1", a.name), ("O-2", b.name)):
            session.scalars(select(Order).where(Order.number == number)).one().assigned_to = to
    claims.claim_order(a.factory, a.name, "O-1")
    local = make_station_store(tmp_path, a.name, 0)
    with transaction(local) as session:
        record(session, ORDER_STATUS_CHANGED, {"order": "O-1", "from": "new", "to": "picking"}, station=a.name)
        record(session, ORDER_STATUS_CHANGED, {"order": "O-1", "from": "picking", "to": "picked", "totes": []},
               station=a.name)
    assert push_all(local, a.factory, a.name).sent == 2
    done = order_row(central, "O-1")
    assert (done.status, done.assigned_to) == ("picked", None)  # picked: any packer's now
    with Session(central) as session:
        assert session.scalars(select(Event).where(Event.kind == EVENT_NOT_APPLIED)).all() == []
    with a.psycopg() as conn:
        # Not to assign an order, nor to lift another station's assignment without moving it on.
        assert "may not assign orders" in denied(conn, "UPDATE orders SET assigned_to = %s WHERE number = 'O-3'",
                                                 (a.name,))
        denied(conn, "UPDATE orders SET assigned_to = NULL WHERE number = 'O-2'")
        denied(conn, "UPDATE orders SET assigned_to = %s, status = 'picked' WHERE number = 'O-2'", (a.name,))
    assert order_row(central, "O-2").assigned_to == b.name
    assert order_row(central, "O-3").assigned_to is None
