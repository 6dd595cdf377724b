"""The documents' data read from a real database (SQLite, and the real PostgreSQL)."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from app.domain.gtin import gs1_check_digit
from app.domain.roles import Role
from app.labels.documents.logistic import logistic_label
from app.labels.documents.packing_slip import packing_slip_pages
from app.labels.documents.shipping import shipping_label
from app.labels.label_data import Address, RelayPoint
from app.labels.layout import Code128, Text
from app.store.db import transaction
from app.store.label_data import (
    all_badges_data,
    all_locations_data,
    badge_data,
    expected_weight_g,
    location_data,
    logistic_label_data,
    packing_slip_data,
    shipping_label_data,
)
from app.store.models import BoxType, Location, Order, OrderLine, Parcel, Product, ProductGtin
from app.store.users import add_user

SENDER = Address("Quai Démo", company="Entrepôt Quai", lines=("12 rue des Entrepôts",), zip="69007", city="Lyon")


def sscc(serial: int) -> str:
    body = f"37654321{serial:09d}"
    return body + str(gs1_check_digit(body))


GTIN_MUG = "0" + "376000000101" + str(gs1_check_digit("0376000000101"))


def _order(number: str, **fields) -> Order:
    base = dict(customer_name="Élodie Durand", ship_name="Élodie Durand", ship_address1="12 rue de la République",
                ship_address2="Bâtiment B", ship_zip="75011", ship_city="Paris", customer_phone="+33 6 12 34 56 78",
                carrier="colissimo", service="domicile", delivery_mode="home", status="packing",
                created_at=datetime(2026, 11, 23, 23, 30, tzinfo=UTC))
    base.update(fields)
    return Order(number=number, **base)


@pytest.fixture
def factory(any_session_factory: sessionmaker[Session]) -> sessionmaker[Session]:
    with transaction(any_session_factory) as session:
        mug = Product(sku="MUG", name="Mug bleu en grès", weight_g=350)
        mug.gtins = [ProductGtin(gtin=GTIN_MUG)]
        session.add_all([mug, Product(sku="TEA", name="Thé vert", weight_g=120), Product(sku="CARD", name="Carte")])
        box = BoxType(code="CARTON-S", name="Carton S", inner_length_mm=200, inner_width_mm=150, inner_height_mm=100,
                      max_weight_g=3000, tare_g=120)
        session.add(box)
        session.add(Location(code="A-01-02-1", zone="A", aisle="01", bay="02", level="1", pick_sequence=10))
        add_user(session, name="Chloé Dubois", badge="BDG0003", roles=frozenset({Role.PACKER}), station="test")
        session.flush()

        home = _order("#1001", gift_message="Joyeux anniversaire maman !")
        home.lines = [OrderLine(line_no=1, sku="MUG", name="Mug bleu en grès", quantity=2),
                      OrderLine(line_no=2, sku="TEA", name="Thé vert", quantity=3, short_quantity=1),
                      OrderLine(line_no=3, sku="", name="Carte cadeau 50 €", quantity=1, requires_shipping=False)]
        home.parcels = [Parcel(seq=1, sscc=sscc(1), box_type_id=box.id, tracking_code="6A12345678901"),
                        Parcel(seq=2, sscc=sscc(2), weight_g=980)]
        relay = _order("#1002", carrier="mondial_relay", service="point_relais", delivery_mode="relay",
                       relay_point_id="FR-011842", relay_point_name="Tabac Presse Le Balto")
        relay.lines = [OrderLine(line_no=1, sku="TEA", name="Thé vert", quantity=1)]
        pickup = _order("#1003", carrier="click_collect", service="store_pickup", delivery_mode="pickup")
        pickup.lines = [OrderLine(line_no=1, sku="MUG", name="Mug", quantity=1)]
        no_relay = _order("#1004", carrier="mondial_relay", delivery_mode="relay")
        b2b = _order("#1005", channel="b2b", ship_company="Le Comptoir de Léa SARL", ship_name="Léa Fournier",
                     ship_address1="Résidence « Les Tilleuls »\nBâtiment B, 3 allée des Tilleuls", ship_address2=None)
        b2b.lines = [OrderLine(line_no=1, sku="MUG", name="Mug bleu en grès", quantity=24,
                               captured=[{"lot": "L2611A", "expiry": "2027-06-30", "qty": 24}])]
        unweighed = _order("#1006")
        unweighed.lines = [OrderLine(line_no=1, sku="CARD", name="Carte", quantity=1)]
        session.add_all([home, relay, pickup, no_relay, b2b, unweighed])
    return any_session_factory


def test_a_home_parcel_has_its_recipient_count_tracking_and_given_weight(factory) -> None:
    with factory() as session:
        data = shipping_label_data(session, "#1001", 1, sender=SENDER, sscc=sscc(1), weight_g=1250)
    assert (data.order_number, data.parcel_seq, data.parcel_count) == ("#1001", 1, 2)
    assert data.recipient == Address("Élodie Durand", lines=("12 rue de la République", "Bâtiment B"), zip="75011",
                                     city="Paris", phone="+33 6 12 34 56 78")
    assert (data.carrier, data.service, data.delivery_mode) == ("colissimo", "domicile", "home")
    assert data.tracking_code == "6A12345678901"
    assert data.weight_g == 1250 and data.relay is None and data.pickup_store is None
    label = shipping_label(data)
    assert "Poids : 1,25 kg" in [e.text for e in label.elements if isinstance(e, Text)]


def test_without_a_weight_the_preview_uses_the_expected_one(factory) -> None:
    with factory() as session:
        first = shipping_label_data(session, "1001", 1, sender=SENDER, sscc=sscc(1))  # "1001" means "#1001"
        second = shipping_label_data(session, "#1001", 2, sender=SENDER, sscc=sscc(2))
        order = session.query(Order).filter_by(number="#1006").one()
        unknown = expected_weight_g(session, order)
    # 2 mugs x 350 g + (3 - 1 short) teas x 120 g + the carton's 120 g tare; the gift card weighs nothing.
    assert first.weight_g == 2 * 350 + 2 * 120 + 120
    assert second.weight_g == 980  # weighed at the packing station: the scale's figure wins
    assert second.tracking_code is None
    assert unknown is None  # no product weight known: "—" rather than a made-up figure


def test_a_relay_parcel_goes_to_its_relay_point(factory) -> None:
    with factory() as session:
        data = shipping_label_data(session, "#1002", sender=SENDER, sscc=sscc(3))
    assert data.delivery_mode == "relay"
    assert data.relay == RelayPoint("FR-011842", "Tabac Presse Le Balto", zip="75011", city="Paris")
    assert (data.parcel_seq, data.parcel_count) == (1, 1)  # no parcel recorded yet: one
    assert data.weight_g == 120


def test_a_pickup_parcel_goes_to_the_store(factory) -> None:
    store = Address("Boutique Quai", lines=("8 rue Mercière",), zip="69002", city="Lyon")
    with factory() as session:
        given = shipping_label_data(session, "#1003", sender=SENDER, sscc=sscc(4), pickup_store=store)
        default = shipping_label_data(session, "#1003", sender=SENDER, sscc=sscc(4))
        unnamed = shipping_label_data(session, "#1003", sender=SENDER, sscc=sscc(4), pickup_store=Address(name=""))
    assert given.pickup_store == store and default.pickup_store == SENDER and unnamed.pickup_store == SENDER
    assert "RETRAIT MAGASIN" in [e.text for e in shipping_label(given).elements if isinstance(e, Text)]


def test_unknown_orders_and_parcels_are_clear_lookup_errors(factory) -> None:
    with factory() as session:
        with pytest.raises(LookupError, match=r"order #9999 not found: check the number"):
            shipping_label_data(session, "#9999", sender=SENDER, sscc=sscc(5))
        with pytest.raises(LookupError, match=r"order #1001 has no parcel 3 \(its parcels: 1, 2\)"):
            shipping_label_data(session, "#1001", 3, sender=SENDER, sscc=sscc(5))
        with pytest.raises(LookupError, match=r"order #1002 has no parcels yet, so no parcel 2"):
            shipping_label_data(session, "#1002", 2, sender=SENDER, sscc=sscc(5))
        with pytest.raises(LookupError, match=r"order #1004 is for a relay point but has no relay point id"):
            shipping_label_data(session, "#1004", sender=SENDER, sscc=sscc(5))
        with pytest.raises(LookupError, match="order #9999 not found"):
            packing_slip_data(session, "#9999")
        with pytest.raises(LookupError, match="location Z-99 not found"):
            location_data(session, "Z-99")
        with pytest.raises(LookupError, match="badge BDG9999 not found"):
            badge_data(session, "BDG9999")


def test_the_packing_slip_lists_what_is_in_the_parcel(factory) -> None:
    with factory() as session:
        data = packing_slip_data(session, "#1001", packer_badge="bdg0003")
    assert [(l.sku, l.quantity) for l in data.lines] == [("MUG", 2), ("TEA", 2)]  # no gift card, no short unit
    assert data.packer_first_name == "Chloé"
    assert data.gift_message == "Joyeux anniversaire maman !"
    assert data.order_date == date(2026, 11, 24)  # 23:30 UTC is already the 24th in Paris
    texts = [e.text for e in packing_slip_pages(data, "A5")[0].elements if isinstance(e, Text)]
    assert "Préparé pour vous par Chloé" in texts and "Joyeux anniversaire maman !" in texts
    with factory() as session:
        relay = packing_slip_data(session, "#1002", packer_first_name="Hugo")
    assert relay.delivery_note == "Livraison en point relais : Tabac Presse Le Balto (FR-011842)"
    assert relay.packer_first_name == "Hugo" and relay.gift_message is None


def test_a_homogeneous_b2b_carton_gets_its_content_on_the_logistic_label(factory) -> None:
    with factory() as session:
        data = logistic_label_data(session, "#1005", sender=SENDER, sscc=sscc(6))
        mixed = logistic_label_data(session, "#1001", 2, sender=SENDER, sscc=sscc(7))
    assert (data.content_gtin, data.count, data.batch, data.best_before) == (GTIN_MUG, 24, "L2611A", date(2027, 6, 30))
    assert data.recipient.company == "Le Comptoir de Léa SARL"
    assert data.recipient.lines == ("Résidence « Les Tilleuls »", "Bâtiment B, 3 allée des Tilleuls")
    assert data.weight_g == 24 * 350
    codes = [e.data for e in logistic_label(data).elements if isinstance(e, Code128)]
    assert codes[-1] == f"(00){sscc(6)}" and f"(02){GTIN_MUG}" in codes[0]
    assert (mixed.content_gtin, mixed.count, mixed.weight_g, mixed.parcel_count) == (None, None, 980, 2)


def test_locations_and_badges_are_read_as_the_scanners_know_them(factory) -> None:
    with factory() as session:
        location = location_data(session, "a-01-02-1")
        badge = badge_data(session, "BDG0003")
    assert (location.code, location.zone, location.aisle, location.level) == ("A-01-02-1", "A", "01", "1")
    assert (badge.name, badge.badge, badge.roles) == ("Chloé Dubois", "BDG0003", ("Emballeur",))


def test_batches_of_location_labels_and_badge_cards(factory) -> None:
    with transaction(factory) as session:
        session.add_all([Location(code="B-01-01-1", zone="B", aisle="01", bay="01", level="1", pick_sequence=5),
                         Location(code="A-01-01-1", zone="A", aisle="01", bay="01", level="1", pick_sequence=20)])
        add_user(session, name="Camille Martin", badge="BDG0001", roles=frozenset({Role.PICKER, Role.PACKER}),
                 station="test")
    with factory() as session:
        walk = [loc.code for loc in all_locations_data(session)]
        zone_a = [loc.code for loc in all_locations_data(session, "a")]
        badges = all_badges_data(session)
    assert walk == ["B-01-01-1", "A-01-02-1", "A-01-01-1"]  # walking order, not alphabetical
    assert zone_a == ["A-01-02-1", "A-01-01-1"]
    assert [(b.badge, b.roles) for b in badges] == [("BDG0001", ("Préparateur", "Emballeur")), ("BDG0003", ("Emballeur",))]


def test_every_demo_order_gets_a_clean_label_and_slip(sqlite_engine, tmp_path) -> None:
    """The demo's awkward orders (an address on two lines of one field, relay points, click
    & collect, gift messages with emoji, B2B shops) all lay out without an overlap."""
    from app.demo.seed import build_demo
    from app.labels.documents.packing_slip import packing_slip_thermal
    from app.labels.label_data import DEMO_SENDER
    from app.store.db import session_factory
    from tests.labels.test_documents import layout_problems

    factory = session_factory(sqlite_engine)
    build_demo(factory, workdir=tmp_path / "demo", now=datetime(2026, 11, 24, 14, 0, tzinfo=UTC))
    with factory() as session:
        numbers = list(session.scalars(select(Order.number).order_by(Order.number)))
        modes = set()
        for serial, number in enumerate(numbers, start=100):
            data = shipping_label_data(session, number, sender=DEMO_SENDER, sscc=sscc(serial))
            modes.add(data.delivery_mode)
            assert layout_problems(shipping_label(data)) == [], number
            slip = packing_slip_data(session, number, packer_first_name="Inès")
            for page in [*packing_slip_pages(slip, "A5"), packing_slip_thermal(slip)]:
                assert layout_problems(page) == [], (number, page.name)
            logistic = logistic_label_data(session, number, sender=DEMO_SENDER, sscc=sscc(serial))
            assert layout_problems(logistic_label(logistic)) == [], number
    assert len(numbers) > 40 and modes == {"home", "relay", "pickup"}


def test_parcel_n_of_n_is_never_more_than_n(factory) -> None:
    with transaction(factory) as session:
        order = _order("#1007")
        order.parcels = [Parcel(seq=1), Parcel(seq=3)]  # parcel 2 not recorded (yet): still "3/3", not "3/2"
        session.add(order)
    with factory() as session:
        data = shipping_label_data(session, "#1007", 3, sender=SENDER, sscc=sscc(8))
    assert (data.parcel_seq, data.parcel_count) == (3, 3)
