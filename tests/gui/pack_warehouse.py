"""A small packing floor for station-level packing tests: products with weights and sizes
(CAM tracked by serial), three box types, and picked orders in totes (#3001-#3005, the most
urgent; #3005 a B2B order of two cartons), in the replica and the embedded central database alike; plus the station's SSCC
pool filled before the station starts."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sqlalchemy import delete

from app.domain.gtin import make_gtin13
from app.store.db import make_engine, session_factory, transaction
from app.store.models import BoxType, Event, Order, OrderLine, Product, ProductGtin

GTIN = {sku: make_gtin13(body).zfill(14) for sku, body in [("MUG", "376000000201"), ("TEA", "376000000202"),
                                                           ("CAM", "376000000203"), ("OIL", "376000000204")]}
NAMES = {"MUG": "Mug bleu 33 cl", "TEA": "Thé vert Sencha 100 g", "CAM": "Caméra sport 4K", "OIL": "Huile d'olive 1 L"}
BOXES = [("CARTON-S", "Petit carton", (250, 200, 120), 3000, 150, True),
         ("CARTON-M", "Carton moyen", (350, 250, 200), 8000, 250, False),
         ("CARTON-L", "Grand carton", (500, 400, 300), 20000, 450, False)]
GIFT = "Joyeux anniversaire Léa !"

ORDERS = [
    # number, lines (sku, qty), tote, gift message, delivery mode, carrier
    ("#3001", [("MUG", 1), ("TEA", 2)], "TOT101", GIFT, "home", "colissimo"),
    ("#3002", [("TEA", 6)], "TOT102", None, "home", "colissimo"),
    ("#3003", [("CAM", 1)], "TOT103", None, "pickup", "click_collect"),
    ("#3004", [("OIL", 1)], "TOT104", None, "relay", "mondial_relay"),
    ("#3005", [("OIL", 25)], "TOT105", None, "home", "colissimo"),  # B2B: two cartons on a pallet
]
B2B = {"#3005"}


def add_packing_floor(url: str) -> None:
    engine = make_engine(url)
    now = datetime.now(UTC).replace(microsecond=0)
    with transaction(session_factory(engine)) as session:
        session.execute(delete(Event))
        for sku, name, weight, dims, serial in [("MUG", "Mug bleu", 350, (110, 90, 100), False),
                                                ("TEA", "Thé vert", 120, (80, 80, 150), False),
                                                ("CAM", "Caméra sport", 480, (120, 90, 80), True),
                                                ("OIL", "Huile d'olive", 900, (80, 80, 280), False)]:
            product = Product(sku=sku, name=name, weight_g=weight, length_mm=dims[0], width_mm=dims[1],
                              height_mm=dims[2], serial_tracked=serial)
            product.gtins = [ProductGtin(gtin=GTIN[sku])]
            session.add(product)
        for code, name, inner, max_weight, tare, eco in BOXES:
            session.add(BoxType(code=code, name=name, inner_length_mm=inner[0], inner_width_mm=inner[1],
                                inner_height_mm=inner[2], max_weight_g=max_weight, tare_g=tare, eco=eco))
        for i, (number, lines, tote, gift, mode, carrier) in enumerate(ORDERS):
            order = Order(number=number, customer_name="Léa Martin", ship_name="Léa Martin",
                          ship_address1="5 rue de la Paix", ship_zip="75002", ship_city="Paris", ship_country="FR",
                          status="picked", cutoff_at=now - timedelta(hours=5 - i), totes=[tote], gift_message=gift,
                          delivery_mode=mode, carrier=carrier, customer_email=f"lea{i}@example.org",
                          channel="b2b" if number in B2B else "b2c",
                          ship_company="Épicerie Martin SARL" if number in B2B else None,
                          relay_point_id="012345" if mode == "relay" else None,
                          relay_point_name="Tabac du Centre" if mode == "relay" else None)
            order.lines = [OrderLine(line_no=n, sku=sku, name=NAMES[sku], quantity=q, picked=q)
                           for n, (sku, q) in enumerate(lines, 1)]
            session.add(order)
    engine.dispose()


def fill_sscc_pool(central_url: str, replica_url: str, station: str, labels) -> None:
    from app.domain.sscc import SsccSettings
    from app.sync.sscc import refill_pool

    central, replica = make_engine(central_url), make_engine(replica_url)
    settings = SsccSettings.for_block_size(labels.sscc_extension, labels.gs1_company_prefix, labels.sscc_block_size)
    refill_pool(central, replica, station, settings)
    central.dispose()
    replica.dispose()
