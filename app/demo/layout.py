"""The demo warehouse floor: locations in a serpentine walk, and the stock on them.

Codes are ``zone-aisle-bay-level`` (``A-01-03-2``), the shape
``PrefixRules.location_pattern`` recognises. Picking zones A-D hold the
catalogue by family, F is the fridge for the chilled épicerie, R the reserve
(upper racks, pallets) that holds second lots and overflow.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, timedelta

from app.demo.catalogue import LOT, DemoProduct

# zone -> (aisles, bays per aisle, levels per bay)
ZONES: dict[str, tuple[int, int, int]] = {
    "A": (2, 8, 3),
    "B": (2, 8, 3),
    "C": (2, 8, 3),
    "D": (2, 8, 3),
    "F": (1, 4, 2),
    "R": (1, 6, 4),
}
# Which picking zone holds which product family (Shopify "Type").
FAMILY_ZONE = {"Cosmétiques": "A", "Épicerie fine": "B", "Maison": "C", "Textile": "D", "Librairie": "D"}

#: Products kept deliberately short so that some demo orders wait for stock.
SHORT_STOCK = {"MAI-VAS-VER": 1, "TEX-PLA-LAI": 2}


@dataclass(frozen=True)
class DemoLocation:
    code: str
    zone: str
    aisle: str
    bay: str
    level: str
    pick_sequence: int


@dataclass(frozen=True)
class DemoStock:
    sku: str
    location: str
    quantity: int
    lot: str = ""
    expiry: date | None = None


def build_locations() -> list[DemoLocation]:
    """All locations, numbered along the picker's walk.

    Serpentine: the walk goes up one aisle and down the next, so every second
    aisle counts its bays backwards. Steps of 10 leave room to insert a
    location later without renumbering the floor.
    """
    locations: list[DemoLocation] = []
    seq = 0
    walk = 0  # aisles walked so far, across zones: the direction alternates over the whole floor
    for zone, (aisles, bays, levels) in ZONES.items():
        for aisle in range(1, aisles + 1):
            bay_order = range(1, bays + 1) if walk % 2 == 0 else range(bays, 0, -1)
            walk += 1
            for bay in bay_order:
                for level in range(1, levels + 1):
                    seq += 10
                    code = f"{zone}-{aisle:02d}-{bay:02d}-{level}"
                    locations.append(DemoLocation(code, zone, f"{aisle:02d}", f"{bay:02d}", str(level), seq))
    return locations


def _lot_code(made: date, line: str) -> str:
    # Lot = production date (yyddd, as many French food makers print it) + a line letter.
    return f"L{made:%y}{made.timetuple().tm_yday:03d}{line}"


def build_stock(products: list[DemoProduct], locations: list[DemoLocation], today: date, rng: random.Random) -> list[DemoStock]:
    """Stock for every product: a home location, sometimes a second one and reserve.

    Lot-tracked products get two or three lots with different expiries, the
    earliest a few weeks out so first-expired-first-out is visible in the demo.
    """
    free: dict[str, list[DemoLocation]] = {}
    for loc in sorted(locations, key=lambda l: l.pick_sequence):
        free.setdefault(loc.zone, []).append(loc)
    # Spread products over the zone instead of filling the first aisle: every other location.
    for zone in free:
        free[zone] = free[zone][::2] + free[zone][1::2]

    stock: list[DemoStock] = []
    for product in products:
        zone = "F" if product.cold else FAMILY_ZONE[product.category]
        home = free[zone].pop(0)
        places = [home]
        if product.sku not in SHORT_STOCK and rng.random() < 0.25:
            places.append(free["R"].pop(0) if free["R"] and rng.random() < 0.6 else free[zone].pop(0))
        for index, loc in enumerate(places):
            if product.sku in SHORT_STOCK:
                quantity = SHORT_STOCK[product.sku]
            else:
                quantity = rng.randint(15, 60) if loc.zone != "R" else rng.randint(60, 144)
            if product.tracking == LOT:
                stock.extend(_lots(product, loc, quantity, today, rng, first=index == 0))
            else:
                stock.append(DemoStock(product.sku, loc.code, quantity))
    return stock


def _lots(product: DemoProduct, loc: DemoLocation, quantity: int, today: date, rng: random.Random, *, first: bool) -> list[DemoStock]:
    shelf_life = 60 if product.cold else (365 if product.category == "Épicerie fine" else 540)
    count = 2 if first else 1
    rows = []
    remaining = quantity
    for n in range(count):
        # The home location's first lot expires soonest (3-8 weeks); others are fresher.
        days = rng.randint(21, 56) if (first and n == 0) else rng.randint(shelf_life // 2, shelf_life)
        expiry = today + timedelta(days=days)
        made = expiry - timedelta(days=shelf_life)
        qty = remaining if n == count - 1 else max(1, remaining // 3)
        remaining -= qty
        # The line letter differs per lot of a product, so two lots never share a code.
        line = "ABCD"[n if first else 2 + rng.randint(0, 1)]
        rows.append(DemoStock(product.sku, loc.code, qty, _lot_code(made, line), expiry))
    return rows
