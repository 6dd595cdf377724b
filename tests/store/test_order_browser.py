"""The console's order browser (app.store.order_browser) on SQLite and the real PostgreSQL:
filters, text search, sort, pages and counts; then 100,000 generated orders on SQLite and
20,000 on PostgreSQL, checked against the same filters computed in Python."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import Engine, text

from app.store.db import make_engine, session_factory, sqlite_url, transaction
from app.store.migrate import upgrade
from app.store.models import Order, OrderLine
from app.store.order_browser import (
    NO_CARRIER,
    OrderFilter,
    Sort,
    carriers,
    conditions,
    count_orders,
    first_page,
    fold,
    page,
)
from tests.support.many_orders import add_orders, order_rows

NOW = datetime(2026, 11, 24, 12, 0, tzinfo=UTC)

# number, customer, city, e-mail, status, carrier, priority, cutoff (hours from NOW or None)
ORDERS = [
    ("#1001", "Hélène Lefèvre", "Besançon", "helene@exemple.fr", "new", "colissimo", 0, 3),
    ("#1002", "HELENE MARTIN", "Paris", "hm@exemple.fr", "new", "chronopost", 2, 3),
    ("#1003", "Zoé Noël", "Évry", "zoe@exemple.fr", "picking", "colissimo", 1, 1),
    ("#1004", "Loïc Garçon", "Saint-Étienne", "loic@exemple.fr", "on_hold", None, 0, None),
    ("#1005", "Paul 50%_off", "Nîmes", "paul@exemple.fr", "exception", "mondial_relay", 3, 5),
    ("#1006", "Anaïs Müller", "Lyon", "ANAIS.MULLER@Exemple.fr", "shipped", "colissimo", 0, -2),
    ("#1007", "Jérôme [*?]", "Orléans", None, "new", "colissimo", 1, None),
    ("#1008", "Camille Roux", "Angoulême", "camille@exemple.fr", "new", "click_collect", 1, 3),
]


def fill(engine: Engine) -> None:
    with transaction(session_factory(engine)) as session:
        for number, customer, city, email, status, carrier, priority, hours in ORDERS:
            order = Order(
                number=number, customer_name=customer, ship_name=customer, ship_city=city, customer_email=email,
                status=status, carrier=carrier, priority=priority,
                cutoff_at=None if hours is None else NOW + timedelta(hours=hours),
                hold_reason="Fraude suspectée" if status == "on_hold" else None,
                exception_reason="SKU inconnu" if status == "exception" else None,
            )
            order.lines = [
                OrderLine(line_no=1, sku="A", quantity=2),
                OrderLine(line_no=2, sku="B", quantity=3),
                OrderLine(line_no=3, sku="GIFT", quantity=1, requires_shipping=False),
            ]
            session.add(order)


@pytest.fixture
def browse(any_engine: Engine):
    fill(any_engine)
    sessions = session_factory(any_engine)

    def run(f: OrderFilter = OrderFilter(), **kwargs) -> list[str]:
        with sessions() as session:
            rows = page(session, f, **kwargs)
            assert count_orders(session, f) == len(page(session, f, limit=1000))
            return [row.number for row in rows]

    run.sessions = sessions
    return run


def test_default_order_is_cutoff_none_last_then_priority_desc_then_number(browse) -> None:
    # cutoffs: -2 h (#1006); 1 h (#1003); 3 h: #1002 (prio 2), #1008 (1), #1001 (0); 5 h (#1005); none: #1007 (1), #1004 (0)
    assert browse() == ["#1006", "#1003", "#1002", "#1008", "#1001", "#1005", "#1007", "#1004"]
    assert browse(sort=Sort.NUMBER) == sorted(o[0] for o in ORDERS)


def test_filters_add_up(browse) -> None:
    assert browse(OrderFilter(statuses={"new"})) == ["#1002", "#1008", "#1001", "#1007"]
    assert browse(OrderFilter(statuses={"new", "picking"}, carriers={"colissimo"})) == ["#1003", "#1001", "#1007"]
    assert browse(OrderFilter(carriers={NO_CARRIER})) == ["#1004"]
    assert browse(OrderFilter(carriers={NO_CARRIER, "mondial_relay"})) == ["#1005", "#1004"]
    assert browse(OrderFilter(priority_min=1, priority_max=2)) == ["#1003", "#1002", "#1008", "#1007"]
    assert browse(OrderFilter(priorities={0, 3})) == ["#1006", "#1001", "#1005", "#1004"]
    assert browse(OrderFilter(statuses={"cancelled"})) == []


@pytest.mark.parametrize(
    ("term", "expected"),
    [
        ("helene", ["#1002", "#1001"]),  # accents and case ignored, both ways
        ("HÉLÈNE", ["#1002", "#1001"]),
        ("besancon", ["#1001"]),  # the city
        ("évry", ["#1003"]),
        ("ETIENNE", ["#1004"]),
        ("muller", ["#1006"]),
        ("anais.muller@exemple", ["#1006"]),  # the e-mail, case ignored
        ("#1005", ["#1005"]),  # the number
        ("100", [o[0] for o in sorted(ORDERS, key=lambda o: o[0])]),
        ("50%", ["#1005"]),  # LIKE's wildcards are plain characters
        ("%", ["#1005"]),
        ("_", ["#1005"]),
        ("[*?]", ["#1007"]),  # GLOB's too
        ("*", ["#1007"]),
        ("  zoé  ", ["#1003"]),
        ("nobody", []),
    ],
)
def test_text_matches_number_customer_city_email_ignoring_case_and_accents(browse, term, expected) -> None:
    assert sorted(browse(OrderFilter(text=term))) == sorted(expected)


def test_text_with_other_filters_and_both_plans(browse) -> None:
    f = OrderFilter(statuses={"new"}, text="helene")
    assert browse(f) == ["#1002", "#1001"]
    # total given: the matches are sorted in memory; the same rows in the same order
    assert browse(f, total=2) == ["#1002", "#1001"]
    assert browse(OrderFilter(text="exemple"), total=7) == browse(OrderFilter(text="exemple"))
    assert browse(OrderFilter(text="exemple"), total=7, offset=2, limit=3) == browse(OrderFilter(text="exemple"))[2:5]


def test_pages_offsets_and_keyset_cover_the_list_once(browse) -> None:
    everything = browse()
    for sort in (Sort.URGENCY, Sort.NUMBER):
        full = browse(sort=sort)
        by_offset = [n for start in range(0, 8, 3) for n in browse(sort=sort, offset=start, limit=3)]
        assert by_offset == full
        with browse.sessions() as session:
            rows, after = [], None
            while True:
                chunk = page(session, OrderFilter(), sort, limit=3, after=after)
                if not chunk:
                    break
                rows += chunk
                after = chunk[-1]
        assert [r.number for r in rows] == full
    assert browse(offset=8) == []
    assert len(everything) == 8


def test_rows_carry_lines_units_people_and_reasons(browse) -> None:
    with browse.sessions() as session:
        rows = {r.number: r for r in page(session, OrderFilter())}
        total, first = first_page(session, OrderFilter(statuses={"on_hold"}))
    assert (rows["#1001"].lines, rows["#1001"].units) == (2, 5)  # the gift card is not shipped
    assert rows["#1004"].reason == "Fraude suspectée" and rows["#1005"].reason == "SKU inconnu"
    assert rows["#1001"].reason is None
    assert rows["#1001"].customer == "Hélène Lefèvre" and rows["#1001"].city == "Besançon"
    assert rows["#1003"].cutoff_at == NOW + timedelta(hours=1)
    assert total == 1 and [r.number for r in first] == ["#1004"]


def test_carriers_lists_the_ones_in_use(browse) -> None:
    with browse.sessions() as session:
        assert carriers(session) == [NO_CARRIER, "chronopost", "click_collect", "colissimo", "mondial_relay"]


# --- many orders, checked against Python ---------------------------------------------------------

FILTERS = [
    OrderFilter(),
    OrderFilter(statuses={"new", "picking"}),
    OrderFilter(statuses={"shipped"}, carriers={"chronopost"}),
    OrderFilter(statuses={"exception", "on_hold"}, carriers={NO_CARRIER, "colissimo"}),
    OrderFilter(priority_min=2),
    OrderFilter(priorities={1}, statuses={"new"}),
    OrderFilter(text="hélène"),
    OrderFilter(text="SAINT-etienne", statuses={"new"}),
    OrderFilter(text="#1234"),
    OrderFilter(text="zoe.muller"),
]


def expected(orders: list[dict], f: OrderFilter) -> list[str]:
    def matches(o: dict) -> bool:
        if f.statuses and o["status"] not in f.statuses:
            return False
        if f.carriers and (o["carrier"] or NO_CARRIER) not in f.carriers:
            return False
        if f.priorities and o["priority"] not in f.priorities:
            return False
        if f.priority_min is not None and o["priority"] < f.priority_min:
            return False
        if f.text:
            term = fold(f.text)
            fields = (o["number"], o["customer_name"], o["ship_city"], o["customer_email"] or "")
            return any(term in fold(value) for value in fields)
        return True

    chosen = [o for o in orders if matches(o)]
    chosen.sort(key=lambda o: (o["cutoff_at"] is None, o["cutoff_at"] or NOW, -o["priority"], o["number"]))
    return [o["number"] for o in chosen]


def check_against_python(engine: Engine, n: int, seed: int) -> None:
    orders = [order for order, _lines in order_rows(n, seed, 1)]
    sessions = session_factory(engine)
    with sessions() as session:
        for f in FILTERS:
            want = expected(orders, f)
            total = count_orders(session, f)
            assert total == len(want), f
            # the first page, one deep page by offset, the page after it by keyset
            assert [r.number for r in page(session, f, limit=200, total=total)] == want[:200], f
            deep = max(0, len(want) - 250)
            rows = page(session, f, offset=deep, limit=200, total=total)
            assert [r.number for r in rows] == want[deep:deep + 200], f
            if rows:
                following = page(session, f, limit=200, after=rows[-1])
                assert [r.number for r in following] == want[deep + 200:deep + 400], f


@pytest.fixture(scope="module")
def hundred_thousand(tmp_path_factory) -> Engine:
    engine = make_engine(sqlite_url(tmp_path_factory.mktemp("many") / "replica.db"))
    upgrade(engine)
    generated = add_orders(engine, 100_000, seed=5)
    assert generated.orders == 100_000 and generated.lines > 100_000
    yield engine
    engine.dispose()


def test_one_hundred_thousand_orders_on_sqlite(hundred_thousand: Engine) -> None:
    check_against_python(hundred_thousand, 100_000, seed=5)


def test_pages_walk_the_urgency_index_on_sqlite(hundred_thousand: Engine) -> None:
    """The plan, not the time: a page is a walk of ix_orders_urgency, never a sort of every order."""
    from sqlalchemy import select

    from app.store.order_browser import _COLUMNS, _order_by

    for f in (OrderFilter(), OrderFilter(statuses={"shipped"}), OrderFilter(statuses={"new"}, carriers={"colissimo"})):
        statement = select(*_COLUMNS).where(*conditions(f, "sqlite", walk=True)).order_by(*_order_by(Sort.URGENCY))
        sql = str(statement.limit(200).compile(hundred_thousand, compile_kwargs={"literal_binds": True}))
        with hundred_thousand.connect() as connection:
            plan = " / ".join(r[3] for r in connection.exec_driver_sql("EXPLAIN QUERY PLAN " + sql))
        assert "ix_orders_urgency" in plan and "TEMP B-TREE" not in plan, plan


@pytest.mark.postgres
def test_twenty_thousand_orders_on_postgresql(pg_engine: Engine) -> None:
    add_orders(pg_engine, 20_000, seed=9)
    with pg_engine.begin() as connection:
        connection.execute(text("ANALYZE orders"))
    check_against_python(pg_engine, 20_000, seed=9)
    # COPY set the sequence past the ids it wrote: the ORM can still add an order.
    with transaction(session_factory(pg_engine)) as session:
        session.add(Order(number="#NEW"))
