"""A fast, seeded generator of many orders with their lines, into SQLite or PostgreSQL.

``add_orders(engine, n, seed=1)`` writes ``n`` orders (numbers ``#100001``…) and one to
five lines each into an already migrated database, in one transaction: SQLAlchemy Core
``executemany`` on SQLite (its "insertmanyvalues" batches), ``COPY`` on PostgreSQL. The
same seed gives the same orders on both, so a test can compare the two stores.

The mix looks like a busy floor: most orders shipped, a few thousand active, some on hold
or in exception with a reason, several carriers and priorities, cutoffs spread over a
week (none for a share of them), French names and cities with accents, some claimed or
assigned. 100,000 orders take about two seconds on SQLite here.
"""

from __future__ import annotations

import random
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from sqlalchemy import Engine, func, select

from app.store.models import Order, OrderLine

START = datetime(2026, 11, 24, 6, 0, tzinfo=UTC)
STATUS_WEIGHTS = {
    "shipped": 62, "new": 12, "awaiting_stock": 3, "picking": 3, "picked": 3, "packing": 2,
    "ready_to_ship": 4, "on_hold": 3, "exception": 2, "cancelled": 6,
}
CARRIERS = {
    "colissimo": ("domicile", "relais"), "chronopost": ("13h", "relais"),
    "mondial_relay": ("point_relais",), "click_collect": ("magasin",), None: (None,),
}
CARRIER_WEIGHTS = (40, 20, 25, 10, 5)
FIRST = ("Hélène", "Zoé", "Loïc", "Jérôme", "Anaïs", "Noël", "Chloé", "Maël", "Paul", "Sophie", "Marc",
         "Nadia", "Léa", "Thomas", "Inès", "Karim", "Camille", "François", "Agnès", "Benoît")
LAST = ("Martin", "Bernard", "Dubois", "Lefèvre", "Moreau", "Girard", "Benali", "Leroy", "Roux",
        "Fournier", "Müller", "Nguyen", "Garçon", "Perrin", "Chevalier", "Faure", "Durand", "Lemaître")
CITIES = ("Paris", "Lyon", "Besançon", "Orléans", "Nîmes", "Saint-Étienne", "Montréal", "Angoulême",
          "Béziers", "Lille", "Nantes", "Rennes", "Évry", "Sète", "Grenoble", "Toulouse", "Cergy")
HOLDS = ("Fraude suspectée", "Paiement en attente", "Adresse à vérifier")
EXCEPTIONS = ("Rupture au prélèvement", "Écart à la vérification", "SKU inconnu")
STATIONS = ("PICK-01", "PICK-02", "PACK-01", "PACK-02")
FIRST_NUMBER = 100001


def _ascii(text: str) -> str:
    """E-mail addresses in ASCII, as shops have them: zoé.müller -> zoe.muller."""
    return unicodedata.normalize("NFKD", text.lower()).encode("ascii", "ignore").decode()


@dataclass(frozen=True)
class Generated:
    orders: int
    lines: int
    first_id: int


def order_rows(n: int, seed: int, first_id: int) -> Iterator[tuple[dict, list[dict]]]:
    """The orders and their lines, as plain dicts of column values (ids included).

    Each random column is drawn for all the orders at once (``choices(k=n)``): five times
    faster than drawing per order.
    """
    rng = random.Random(seed)
    statuses = rng.choices(list(STATUS_WEIGHTS), list(STATUS_WEIGHTS.values()), k=n)
    carriers = rng.choices(list(CARRIERS), CARRIER_WEIGHTS, k=n)
    firsts, lasts, cities = rng.choices(FIRST, k=n), rng.choices(LAST, k=n), rng.choices(CITIES, k=n)
    priorities = rng.choices((0, 1, 2, 3), (70, 18, 8, 4), k=n)
    line_counts = rng.choices((1, 2, 3, 4, 5), (45, 25, 15, 10, 5), k=n)
    quantities = rng.choices((1, 2, 3, 6), (70, 18, 8, 4), k=sum(line_counts))
    line_id = first_id * 5
    for i in range(n):
        order_id = first_id + i
        status, carrier, first, last = statuses[i], carriers[i], firsts[i], lasts[i]
        created = START - timedelta(minutes=rng.randrange(60 * 24 * 60))
        cutoff = None if rng.random() < 0.1 else START + timedelta(minutes=15 * rng.randrange(-96, 7 * 96))
        active = status not in ("shipped", "cancelled")
        order = {
            "id": order_id, "number": f"#{FIRST_NUMBER + order_id - 1}",
            "source": "shopify", "channel": "b2b" if i % 20 == 7 else "b2c",
            "customer_name": f"{first} {last}", "customer_email": _ascii(f"{first}.{last}{i % 97}@exemple.fr"),
            "ship_name": f"{first} {last}", "ship_address1": f"{i % 120 + 1} rue de la Gare",
            "ship_zip": f"{(i * 7919) % 94999 + 1000:05d}", "ship_city": cities[i], "ship_country": "FR",
            "carrier": carrier, "service": CARRIERS[carrier][i % len(CARRIERS[carrier])],
            "delivery_mode": "relay" if carrier == "mondial_relay" else "home",
            "created_at": created, "cutoff_at": cutoff,
            "priority": priorities[i],
            "status": status,
            "resume_status": "new" if status in ("on_hold", "exception") else None,
            "hold_reason": HOLDS[i % len(HOLDS)] if status == "on_hold" else None,
            "exception_reason": EXCEPTIONS[i % len(EXCEPTIONS)] if status == "exception" else None,
            "claimed_by": STATIONS[i % len(STATIONS)] if status in ("picking", "packing") else None,
            "assigned_to": STATIONS[i % len(STATIONS)] if active and i % 19 == 3 else None,
            "updated_at": created,
        }
        lines = []
        for line_no in range(1, line_counts[i] + 1):
            line_id += 1
            lines.append({
                "id": line_id, "order_id": order_id, "line_no": line_no, "sku": f"SKU-{line_id % 400:04d}",
                "name": "Article", "quantity": quantities[line_id - first_id * 5 - 1], "picked": 0,
                "verified": 0, "requires_shipping": line_id % 50 != 0, "captured": [],
            })
        yield order, lines


def add_orders(engine: Engine, n: int, seed: int = 1, batch: int = 5000) -> Generated:
    """Append ``n`` generated orders (and their lines) to a migrated database; one transaction."""
    with engine.connect() as connection:
        first_id = (connection.scalar(select(func.max(Order.id))) or 0) + 1
        first_line = connection.scalar(select(func.max(OrderLine.id))) or 0
    if first_line >= first_id * 5:
        raise ValueError("the generator's line ids would collide with existing lines; use an empty database")
    if engine.dialect.name == "postgresql":
        lines = _copy_postgresql(engine, n, seed, first_id)
    else:
        lines = _insert_many(engine, n, seed, first_id, batch)
    return Generated(orders=n, lines=lines, first_id=first_id)


def _insert_many(engine: Engine, n: int, seed: int, first_id: int, batch: int) -> int:
    """sqlite3's own ``executemany`` with SQLAlchemy's bind processors (datetimes, JSON, booleans):
    the values are stored exactly as the ORM would store them, seven times faster than Core."""
    count = 0
    raw = engine.raw_connection()
    try:
        cursor = raw.cursor()
        statements: dict[str, tuple[str, list]] = {}

        def write(table, rows: list[dict]) -> None:
            if table.name not in statements:
                names = list(rows[0])
                processors = [table.c[name].type._cached_bind_processor(engine.dialect) for name in names]
                sql = f"INSERT INTO {table.name} ({', '.join(names)}) VALUES ({', '.join('?' * len(names))})"
                statements[table.name] = (sql, list(zip(names, processors)))
            sql, columns = statements[table.name]
            cursor.executemany(
                sql, [tuple(p(row[name]) if p else row[name] for name, p in columns) for row in rows]
            )

        orders: list[dict] = []
        lines: list[dict] = []
        for order, order_lines in order_rows(n, seed, first_id):
            orders.append(order)
            lines.extend(order_lines)
            if len(orders) >= batch:
                write(Order.__table__, orders)
                write(OrderLine.__table__, lines)
                count += len(lines)
                orders, lines = [], []
        if orders:
            write(Order.__table__, orders)
            write(OrderLine.__table__, lines)
            count += len(lines)
        raw.commit()
    finally:
        raw.close()
    return count


def _copy_postgresql(engine: Engine, n: int, seed: int, first_id: int) -> int:
    import json

    order_columns = None
    line_columns = None
    count = 0
    raw = engine.raw_connection()
    try:
        cursor = raw.cursor()
        generated = list(order_rows(n, seed, first_id))
        order_columns = list(generated[0][0])
        line_columns = list(generated[0][1][0])
        with cursor.copy(f"COPY orders ({', '.join(order_columns)}) FROM STDIN") as copy:
            for order, _ in generated:
                copy.write_row([order[c] for c in order_columns])
        with cursor.copy(f"COPY order_lines ({', '.join(line_columns)}) FROM STDIN") as copy:
            for _, order_lines in generated:
                for line in order_lines:
                    copy.write_row([json.dumps(line[c]) if c == "captured" else line[c] for c in line_columns])
                    count += 1
        # COPY with explicit ids leaves the serial sequences behind: the next ORM insert would collide.
        for table in ("orders", "order_lines"):
            cursor.execute(f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), (SELECT max(id) FROM {table}))")
        raw.commit()
    finally:
        raw.close()
    return count
