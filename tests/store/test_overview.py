"""The supervisor's floor overview (app.store.overview), on SQLite and PostgreSQL.

A small floor built by hand checks each part (cutoff countdowns, backlog, stations,
exceptions with their short lines and unknown SKUs, mismatches from the event log); the
generated floor (tests.support.many_orders) is checked against an oracle computed in
Python from the generator's own rows, on SQLite, on PostgreSQL, and on a replica pulled
from a PostgreSQL central database.
"""

from __future__ import annotations

from datetime import UTC, datetime, time, timedelta
from pathlib import Path

import pytest
from sqlalchemy import Engine, update

from app.packing.cutoffs import DEFAULT_CUTOFFS, PARIS, cutoff_for
from app.store.db import make_engine, session_factory, sqlite_url, transaction
from app.store.events import record
from app.store.migrate import upgrade
from app.store.models import Order, OrderLine, Station, User
from app.store.overview import (
    NOT_READY,
    CutoffRules,
    OPEN,
    PACK_MISMATCH,
    floor_overview,
    mismatch_payload,
    recent_mismatches,
)
from tests.support.many_orders import START, add_orders, order_rows

# A Tuesday, 10:30 in Paris: chronopost's 12:00 is 90 minutes away.
NOW = datetime(2026, 11, 24, 9, 30, tzinfo=UTC)


def paris(hour: int, minute: int = 0, days: int = 0) -> datetime:
    return datetime.combine(NOW.astimezone(PARIS).date() + timedelta(days=days), time(hour, minute), PARIS)


def order(number: str, status: str, carrier: str | None, cutoff: datetime | None, **kw) -> Order:
    return Order(number=number, status=status, carrier=carrier, cutoff_at=cutoff, **kw)


@pytest.fixture
def floor(any_engine: Engine) -> Engine:
    with transaction(session_factory(any_engine)) as session:
        session.add_all([
            User(name="Nadia Benali", badge="BDG0002", roles="packer"),
            Station(name="PACK-01", kind="packing", current_user="BDG0002", last_seen_at=NOW - timedelta(minutes=3)),
            Station(name="PICK-01", kind="picking"),
        ])
        session.add_all([
            order("#1", "new", "chronopost", paris(12)),  # due at the next chronopost cutoff
            order("#2", "picking", "chronopost", paris(9)),  # late (its cutoff was this morning)
            order("#3", "ready_to_ship", "chronopost", paris(12)),  # ready: not waited for
            order("#4", "new", "chronopost", paris(12, days=1)),  # tomorrow's
            order("#5", "packing", "colissimo", paris(15)),
            order("#6", "shipped", "colissimo", paris(9)),  # shipped: in no backlog
            order("#7", "on_hold", "colissimo", paris(15), hold_reason="Fraude suspectée", resume_status="new"),
            order("#8", "exception", None, paris(15), exception_reason="unknown_sku: ZZ-1, ZZ-2", resume_status="new"),
            order("#9", "awaiting_stock", "mondial_relay", paris(13), lines=[
                OrderLine(line_no=1, sku="MUG", quantity=3, picked=1, short_quantity=2, short_reason="location_empty"),
                OrderLine(line_no=2, sku="TEA", quantity=1, picked=1),
            ]),
            order("#10", "exception", "colissimo", None, exception_reason="Rupture au prélèvement", resume_status="picking",
                  lines=[OrderLine(line_no=1, sku="PLATE", quantity=1, short_quantity=1, short_reason="damaged")]),
            order("#11", "awaiting_stock", "colissimo", paris(15)),  # not enough stock at import: no short pick
            order("#12", "cancelled", "colissimo", paris(9)),
        ])
    return any_engine


def test_counts_carrier_countdowns_and_the_backlog(floor: Engine) -> None:
    with session_factory(floor)() as session:
        view = floor_overview(session, NOW)
    assert view.counts["new"] == 2 and view.counts["awaiting_stock"] == 2 and view.counts["exception"] == 2
    assert view.counts["shipped"] == 1 and view.counts["on_hold"] == 1 and view.counts["picked"] == 0
    by_carrier = {c.carrier: c for c in view.carriers}
    assert [c.carrier for c in view.carriers][:3] == ["chronopost", "mondial_relay", "colissimo"]
    chrono = by_carrier["chronopost"]
    assert chrono.cutoff_at == paris(12) and chrono.minutes_left == 90
    assert chrono.due == 2  # #1 and the late #2; not #3 (ready) nor #4 (tomorrow)
    assert by_carrier["colissimo"].due == 3  # #5, #7 (held, still due), #11; #10 has no cutoff
    assert by_carrier["mondial_relay"].due == 1
    assert by_carrier[None].due == 1  # #8, no carrier yet
    assert by_carrier["click_collect"].due == 0
    assert view.backlog_late == {"picking": 1}  # #2; #6 shipped and #12 cancelled are not backlog
    assert view.backlog_today == {"new": 1, "ready_to_ship": 1, "packing": 1, "on_hold": 1, "exception": 1,
                                  "awaiting_stock": 2}
    assert view.backlog == 8


def test_after_a_cutoff_the_countdown_moves_to_the_next_working_day(floor: Engine) -> None:
    friday_evening = datetime(2026, 11, 27, 17, 30, tzinfo=UTC)
    with session_factory(floor)() as session:
        view = floor_overview(session, friday_evening)
    by_carrier = {c.carrier: c for c in view.carriers}
    # Nothing of click & collect's is late: its countdown runs to Monday's cutoff.
    click = by_carrier["click_collect"]
    assert click.cutoff_at == datetime(2026, 11, 30, 17, 0, tzinfo=PARIS)  # Monday
    assert click.minutes_left == (click.cutoff_at - friday_evening).total_seconds() // 60 and not click.passed
    # Chronopost's #1, #2 and #4 are all late by then: it stays on today's cutoff, passed.
    chrono = by_carrier["chronopost"]
    assert chrono.cutoff_at == datetime(2026, 11, 27, 12, 0, tzinfo=PARIS) and chrono.passed
    assert chrono.due == 3
    with transaction(session_factory(floor)) as session:
        session.execute(update(Order).where(Order.number.in_(("#1", "#2", "#4"))).values(status="ready_to_ship"))
    with session_factory(floor)() as session:
        chrono = next(c for c in floor_overview(session, friday_evening).carriers if c.carrier == "chronopost")
    assert chrono.cutoff_at == datetime(2026, 11, 30, 12, 0, tzinfo=PARIS) and chrono.due == 0  # Monday


def chronopost_at(engine: Engine, hour: int, minute: int, second: int = 0, **rules):
    at = paris(hour, minute) + timedelta(seconds=second)
    with session_factory(engine)() as session:
        view = floor_overview(session, at, **rules)
    return next(c for c in view.carriers if c.carrier == "chronopost"), view


def test_a_passed_cutoff_stays_with_its_late_orders_read_after_read_until_they_are_ready(any_engine: Engine) -> None:
    # The review's case: at 12:00:30 a read showed tomorrow's cutoff, 1439 minutes, no alert.
    factory = session_factory(any_engine)
    with transaction(factory) as session:
        session.add_all([order(f"C{i}", "new", "chronopost", paris(12)) for i in range(3)]
                        + [order("T1", "new", "chronopost", paris(12, days=1))])
    before, _ = chronopost_at(any_engine, 11, 50)
    assert (before.cutoff_at, before.minutes_left, before.due, before.passed) == (paris(12), 10, 3, False)
    for minute, second in ((0, 30), (45, 10)):  # read again, and again: still today's cutoff
        after, _ = chronopost_at(any_engine, 12, minute, second)
        assert after.cutoff_at == paris(12) and after.passed and after.due == 3
        assert after.minutes_left == -(minute + 1)
    with transaction(factory) as session:
        session.execute(update(Order).where(Order.number.in_(("C0", "C1"))).values(status="ready_to_ship"))
    after, _ = chronopost_at(any_engine, 12, 50)
    assert after.cutoff_at == paris(12) and after.due == 1  # what is left of it
    with transaction(factory) as session:
        session.execute(update(Order).where(Order.number == "C2").values(status="packing"))
    after, _ = chronopost_at(any_engine, 12, 55)
    assert after.passed and after.due == 1  # packing is not ready to ship yet
    with transaction(factory) as session:
        session.execute(update(Order).where(Order.number == "C2").values(status="ready_to_ship"))
    after, _ = chronopost_at(any_engine, 13, 0)
    assert after.cutoff_at == paris(12, days=1) and not after.passed and after.due == 1  # then tomorrow's, T1


def test_the_overview_follows_the_site_s_cutoff_rules(any_engine: Engine) -> None:
    with transaction(session_factory(any_engine)) as session:
        session.add_all([order("C1", "new", "chronopost", paris(10, 45)), order("M1", "new", "mondial_relay", paris(13))])
    rules = CutoffRules({**DEFAULT_CUTOFFS, "chronopost": time(10, 45)}, "fr", disabled=frozenset({"click_collect"}))
    chrono, view = chronopost_at(any_engine, 10, 0, rules=rules)
    assert chrono.cutoff_at == paris(10, 45) and chrono.minutes_left == 45 and chrono.due == 1
    carriers = [c.carrier for c in view.carriers]
    assert "click_collect" not in carriers and "colissimo" in carriers  # disabled: no tile while nothing is due
    with transaction(session_factory(any_engine)) as session:
        session.add(order("K1", "new", "click_collect", paris(17)))
    _, view = chronopost_at(any_engine, 10, 0, rules=rules)
    assert {c.carrier: c.due for c in view.carriers}["click_collect"] == 1  # an order naming it keeps it


def test_the_site_s_holiday_calendar_sets_the_next_cutoff(any_engine: Engine) -> None:
    christmas_eve = datetime(2026, 12, 24, 16, 0, tzinfo=PARIS)  # a Thursday, after colissimo's 15:00
    with session_factory(any_engine)() as session:
        fr = floor_overview(session, christmas_eve, rules=CutoffRules(holidays="fr"))
        none = floor_overview(session, christmas_eve, rules=CutoffRules(holidays="none"))
    assert next(c for c in fr.carriers if c.carrier == "colissimo").cutoff_at == datetime(2026, 12, 28, 15, 0, tzinfo=PARIS)
    assert next(c for c in none.carriers if c.carrier == "colissimo").cutoff_at == datetime(2026, 12, 25, 15, 0, tzinfo=PARIS)


def test_an_unknown_carrier_code_has_its_own_tile(any_engine: Engine) -> None:
    with transaction(session_factory(any_engine)) as session:
        session.add_all([order("D1", "new", "dhl_express", paris(15)), order("D2", "picking", "dhl_express", paris(15)),
                         order("N1", "new", None, paris(15)), order("D3", "ready_to_ship", "ups", paris(15))])
    with session_factory(any_engine)() as session:
        view = floor_overview(session, NOW)
    due = {c.carrier: c.due for c in view.carriers}
    assert due["dhl_express"] == 2 and due[None] == 1  # not counted as "no carrier"
    assert "ups" not in due  # nothing of it due: no tile for a code the table does not know
    dhl = next(c for c in view.carriers if c.carrier == "dhl_express")
    assert dhl.cutoff_at == paris(15)  # the table's cutoff for an order without a known carrier


def test_the_overview_says_when_the_clock_alone_makes_it_stale(any_engine: Engine) -> None:
    with transaction(session_factory(any_engine)) as session:
        session.add(order("X1", "new", "colissimo", paris(11, 15)))  # a cutoff of its own, before any carrier's
    with session_factory(any_engine)() as session:
        assert floor_overview(session, NOW).next_change_at == paris(11, 15)
        assert floor_overview(session, paris(11, 20)).next_change_at == paris(12)  # chronopost's
        assert floor_overview(session, paris(17, 30)).next_change_at == paris(0, days=1)  # the day ends


def test_stations_say_who_is_on_them_and_for_how_long_idle(floor: Engine) -> None:
    with session_factory(floor)() as session:
        view = floor_overview(session, NOW)
    pack, pick = view.stations
    assert (pack.name, pack.kind, pack.user, pack.user_name, pack.idle_minutes) == (
        "PACK-01", "packing", "BDG0002", "Nadia Benali", 3)
    assert (pick.name, pick.user, pick.last_seen_at, pick.idle_minutes) == ("PICK-01", None, None, None)


def test_the_exceptions_queue_has_short_picks_unknown_skus_and_holds_most_urgent_first(floor: Engine) -> None:
    with session_factory(floor)() as session:
        view = floor_overview(session, NOW)
    items = {i.order: i for i in view.exceptions}
    assert [i.order for i in view.exceptions] == ["#9", "#7", "#8", "#10"]  # by cutoff, none last
    assert items["#9"].kind == "short" and [(l.sku, l.short, l.reason) for l in items["#9"].lines] == [
        ("MUG", 2, "location_empty")]
    assert items["#8"].kind == "unknown_sku" and items["#8"].skus == ("ZZ-1", "ZZ-2")
    assert items["#7"].kind == "hold" and items["#7"].reason == "Fraude suspectée"
    assert items["#10"].kind == "short" and items["#10"].reason == "Rupture au prélèvement"
    assert "#11" not in items  # awaiting stock since the import: no short pick, not an exception
    assert view.exception_totals == {"short": 2, "unknown_sku": 1, "exception": 0, "hold": 1}
    with session_factory(floor)() as session:
        first_two = floor_overview(session, NOW, limit=2)
    assert [i.order for i in first_two.exceptions] == ["#9", "#7"] and first_two.exception_totals["short"] == 2


def test_recent_mismatches_read_pack_mismatch_and_weighings_out_of_tolerance(any_engine: Engine) -> None:
    factory = session_factory(any_engine)
    with transaction(factory) as session:
        record(session, PACK_MISMATCH, mismatch_payload("#5", "wrong_product", {"got": "3760000000017"}),
               station="PACK-01", actor="BDG0002")
        record(session, "pack.weighed", {"order": "#5", "parcel": 1, "grams": 900, "expected_g": 600, "within": False},
               station="PACK-01", actor="BDG0002")
        record(session, "pack.weighed", {"order": "#6", "parcel": 1, "grams": 600, "expected_g": 600, "within": True},
               station="PACK-01", actor="BDG0002")
        record(session, PACK_MISMATCH, mismatch_payload("#7", "lot_mismatch", {"sku": "TEA", "lot": "L9",
                                                                                 "picked": ["L1"], "reason": "not_picked"}),
               station="PACK-02", actor="BDG0004")
    with factory() as session:
        found = recent_mismatches(session, NOW - timedelta(days=3650))
    assert [(m.order, m.code) for m in found] == [
        ("#7", "lot_mismatch"), ("#5", "weight_out_of_tolerance"), ("#5", "wrong_product")]
    assert found[0].detail == {"sku": "TEA", "lot": "L9", "picked": ["L1"], "reason": "not_picked"}
    assert found[1].detail == {"grams": 900, "expected_g": 600, "parcel": 1}
    assert found[2].detail == {"raw": "3760000000017"} and found[2].station == "PACK-01"
    with factory() as session:
        assert recent_mismatches(session, NOW - timedelta(days=3650), after_seq=found[0].seq) == ()
        assert len(recent_mismatches(session, datetime.now(UTC) + timedelta(minutes=1))) == 0


# --- the generated floor against an oracle -------------------------------------------------------

N = 5000
# The generator's cutoffs run from START - 1 day over a week: at START + 2 h some are late, and
# no carrier's cutoff of the day has passed yet; at START + 7 h (14:00 in Paris) chronopost's and
# mondial relay's have, with orders of theirs still late.
AT = START + timedelta(hours=2)
AFTERNOON = START + timedelta(hours=7)


def oracle(n: int, at: datetime = AT) -> tuple[dict[str, int], dict[str | None, tuple[datetime, int]], dict[str, int],
                                               dict[str, int]]:
    """counts, (cutoff shown, due) per carrier, backlog late and today: from the generator's rows, in Python."""
    next_cutoff = {c: cutoff_for(c, at, at) for c in DEFAULT_CUTOFFS}
    today = at.astimezone(PARIS).date()
    passed = {c: datetime.combine(today, t, PARIS) for c, t in DEFAULT_CUTOFFS.items()}
    end_of_today = datetime.combine(today + timedelta(days=1), time(0), PARIS)
    counts: dict[str, int] = {}
    due: dict[str | None, int] = {c: 0 for c in DEFAULT_CUTOFFS}
    late_due: dict[str | None, int] = {c: 0 for c in DEFAULT_CUTOFFS}
    late: dict[str, int] = {}
    today_: dict[str, int] = {}
    for row, _lines in order_rows(n, 1, 1):
        status, cutoff = row["status"], row["cutoff_at"]
        counts[status] = counts.get(status, 0) + 1
        if cutoff is None:
            continue
        if status in NOT_READY and cutoff <= next_cutoff[row["carrier"]]:
            due[row["carrier"]] += 1
        if status in NOT_READY and cutoff <= at:
            late_due[row["carrier"]] += 1
        if status in OPEN and cutoff < end_of_today:
            bucket = late if cutoff < at else today_
            bucket[status] = bucket.get(status, 0) + 1
    shown = {c: (passed[c], late_due[c]) if passed[c] <= at and late_due[c] else (next_cutoff[c], due[c])
             for c in DEFAULT_CUTOFFS}
    return counts, shown, late, today_


def check_against_oracle(engine: Engine, at: datetime = AT) -> None:
    counts, shown, late, today = oracle(N, at)
    with session_factory(engine)() as session:
        view = floor_overview(session, at, limit=20)
    assert {s: n for s, n in view.counts.items() if n} == counts
    assert {c.carrier: (c.cutoff_at, c.due) for c in view.carriers} == shown
    assert sum(due for _at, due in shown.values()) > 0 and late  # work due and late work: the check means something
    assert dict(view.backlog_late) == late and dict(view.backlog_today) == today
    assert len(view.exceptions) == 20
    assert view.exception_totals["hold"] == counts["on_hold"]
    assert view.exception_totals["exception"] + view.exception_totals["unknown_sku"] == counts["exception"]


def test_the_generated_floor_matches_the_oracle(any_engine: Engine) -> None:
    add_orders(any_engine, N)
    check_against_oracle(any_engine)
    check_against_oracle(any_engine, AFTERNOON)
    with session_factory(any_engine)() as session:
        passed = [c.carrier for c in floor_overview(session, AFTERNOON).carriers if c.passed]
    assert passed == ["chronopost", "mondial_relay"]  # the afternoon's check has passed cutoffs to show


@pytest.mark.postgres
def test_a_replica_pulled_from_a_postgresql_central_gives_the_same_overview(pg_engine: Engine, tmp_path: Path) -> None:
    from app.sync.capture import install
    from app.sync.pull import pull

    install(pg_engine)
    add_orders(pg_engine, N)
    replica = make_engine(sqlite_url(tmp_path / "console.db"))
    upgrade(replica)
    try:
        assert pull(pg_engine, replica, "SUP-01").snapshot
        check_against_oracle(replica)
        check_against_oracle(replica, AFTERNOON)
        with session_factory(pg_engine)() as central, session_factory(replica)() as local:
            assert floor_overview(central, AT) == floor_overview(local, AT)
    finally:
        replica.dispose()
