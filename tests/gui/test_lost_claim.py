"""The station is told, in its status area, when the central database took an order away."""

from __future__ import annotations

from sqlalchemy import select

from app.domain.roles import Role
from app.store.db import make_engine, session_factory, transaction
from app.store.models import Order
from app.store.users import add_user
from app.sync.claims import claim_next, reassign

from .conftest import scan


def _replica_claims(url: str) -> list[str]:
    engine = make_engine(url)
    try:
        with engine.connect() as connection:
            return list(connection.execute(select(Order.number).where(Order.claimed_by == "PICK-01")).scalars())
    finally:
        engine.dispose()


def test_a_reassigned_claim_is_shown_in_french_and_english_until_the_next_login(qtbot, window, config) -> None:
    sync = window.status_area.sync_label
    qtbot.waitUntil(lambda: window.status.last_sync is not None, timeout=10_000)  # first sync done
    central = make_engine(config.central_url)
    try:
        number = claim_next(central, "PICK-01")[0].order_number
        window.push_now()  # the station's next sync pulls its claim
        qtbot.waitUntil(lambda: _replica_claims(config.replica_url) == [number], timeout=10_000)
        with transaction(session_factory(central)) as session:
            add_user(session, name="Sam Sup", badge="BDG0007", roles=frozenset({Role.SUPERVISOR}), pin="4821")
        # A supervisor reassigns it (from the supervisor console, another station).
        assert reassign(central, number, to_station="PICK-02", supervisor="BDG0007", pin="4821", reason="rush") == "PICK-01"
    finally:
        central.dispose()
    window.push_now()
    qtbot.waitUntil(lambda: sync.text() == f"Commande {number} réaffectée à PICK-02", timeout=10_000)
    assert sync.property("quaiRole") == "status-bad"
    assert _replica_claims(config.replica_url) == []
    window.switch_language("en")
    assert sync.text() == f"Order {number} reassigned to PICK-02"
    window.switch_language("fr")
    scan(qtbot, window, "BDG0001")  # the next person starts with a clean status
    qtbot.waitUntil(lambda: sync.text().startswith("Dernière synchro"), timeout=10_000)
    assert sync.property("quaiRole") == ""
