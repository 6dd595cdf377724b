"""Maximum lengths of the text columns imports write, read from the models.

Checked while the file is read, so a value too long is an error (or a warning)
naming its line and column, instead of a database error at write time
(PostgreSQL refuses what SQLite would store).
"""

from __future__ import annotations

from app.store.models import Location, Order, OrderLine, Product, Stock


def max_lengths(model: type) -> dict[str, int]:
    return {c.key: c.type.length for c in model.__table__.columns if getattr(c.type, "length", None)}


LOCATION = max_lengths(Location)
STOCK = max_lengths(Stock)
PRODUCT = max_lengths(Product)
ORDER = max_lengths(Order)
LINE = max_lengths(OrderLine)
