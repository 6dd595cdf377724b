"""What goes on each document, as plain data: the layouts (``app.labels.documents``) take
these and nothing else, so a label can be drawn, tested and previewed without a database.

``app.store.label_data`` fills them from the database; tests and the preview build them by
hand. No Qt, no SQL, no I/O. Everything is immutable (frozen dataclasses, tuples).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Literal

Carrier = Literal["colissimo", "chronopost", "mondial_relay", "click_collect"]
DeliveryMode = Literal["home", "relay", "pickup"]

#: Carrier code -> (name printed in the label's black band, its brand colour for the
#: on-screen preview). Thermal labels are black and white: the colour is never printed.
CARRIERS: dict[str, tuple[str, str]] = {
    "colissimo": ("COLISSIMO", "#f2a900"),
    "chronopost": ("CHRONOPOST", "#0b3b8c"),
    "mondial_relay": ("MONDIAL RELAY", "#96154a"),
    "click_collect": ("CLICK & COLLECT", "#1b8a3a"),
}

#: Service code (``app.imports.shipping_rules``) -> what the label says.
SERVICES: dict[str, str] = {
    "domicile": "Domicile",
    "domicile_signature": "Domicile avec signature",
    "point_retrait": "Point Retrait",
    "chrono_relais": "Chrono Relais",
    "chrono13": "Chrono 13",
    "chrono18": "Chrono 18",
    "chrono10": "Chrono 10",
    "point_relais": "Point Relais",
    "store_pickup": "Retrait magasin",
}


def carrier_name(code: str | None) -> str:
    """The name printed for a carrier code; an unknown code is printed as it is, in capitals
    (a new carrier must still get a readable label, not an error at the packing bench)."""
    if not code:
        return "TRANSPORTEUR"
    return CARRIERS.get(code, (code.replace("_", " ").upper(), "#000000"))[0]


def service_name(code: str | None) -> str:
    if not code:
        return ""
    return SERVICES.get(code, code.replace("_", " ").capitalize())


@dataclass(frozen=True)
class Address:
    """A postal address as printed: ``lines`` are the street lines (one to three)."""

    name: str
    company: str = ""
    lines: tuple[str, ...] = ()
    zip: str = ""
    city: str = ""
    country: str = "FR"  # ISO 3166 alpha-2
    phone: str = ""

    @property
    def town_line(self) -> str:
        return f"{self.zip} {self.city}".strip()


#: The shipper: the warehouse (or the shop it works for). Same fields as any address.
Sender = Address

#: The demo warehouse's address (``quai demo``, previews); a site configures its own.
DEMO_SENDER = Address("Quai — entrepôt de démonstration", company="Quai Démo SAS",
                      lines=("ZA des Quatre-Vents", "12 rue des Entrepôts"), zip="69007", city="Lyon",
                      phone="+33 4 78 00 00 00")


#: The SSCC a preview label carries (``quai label shipping --preview`` allocates no serial
#: reference): 18 zeros, a valid check digit but no company's prefix, so a hub never takes it
#: for a real unit. ``shipping_label(data, preview=True)`` also marks the label "APERÇU".
PREVIEW_SSCC = "0" * 18


@dataclass(frozen=True)
class RelayPoint:
    """A relay point (Mondial Relay, Chrono Relais, Colissimo Point Retrait). Its street
    address is often not known to Quai (the shop sends only id and name): ``address`` is
    then None and only the town (``zip``/``city``) is printed."""

    id: str
    name: str
    zip: str = ""
    city: str = ""
    address: Address | None = None


@dataclass(frozen=True)
class ShippingLabelData:
    carrier: str  # colissimo | chronopost | mondial_relay | click_collect (others printed as they are)
    service: str  # service code (SERVICES), printed beside the carrier
    sender: Address
    delivery_mode: DeliveryMode
    recipient: Address  # the customer; for relay and pickup, who collects the parcel
    order_number: str
    parcel_seq: int
    parcel_count: int
    weight_g: int | None  # None: not weighed yet (printed as "—")
    sscc: str  # 18 digits, valid check digit
    tracking_code: str | None = None
    relay: RelayPoint | None = None  # delivery_mode == "relay"
    pickup_store: Address | None = None  # delivery_mode == "pickup"

    @property
    def qr_payload(self) -> str:
        """The QR code's text, stable so that any scanner app or later Quai can parse it:
        ``QUAI|<order>|<n>/<N>|<sscc>|<recipient name>``, fields separated by ``|`` (removed
        from the name). The name is what a person checks the parcel against; it is cut to 40
        characters to keep the symbol small (UTF-8, accents kept)."""
        name = self.recipient.name.replace("|", " ").strip()[:40]
        return f"QUAI|{self.order_number}|{self.parcel_seq}/{self.parcel_count}|{self.sscc}|{name}"


@dataclass(frozen=True)
class LogisticLabelData:
    """A GS1 logistic label for a B2B carton or pallet. ``content_gtin`` (a GTIN-14, AI 02)
    with ``count`` (AI 37) only for a homogeneous unit; a mixed carton has neither."""

    sender: Address
    recipient: Address
    sscc: str
    order_number: str = ""
    content_gtin: str | None = None
    content_name: str = ""
    count: int | None = None
    batch: str | None = None  # AI 10
    best_before: date | None = None  # AI 15
    weight_g: int | None = None
    parcel_seq: int = 1
    parcel_count: int = 1


@dataclass(frozen=True)
class SlipLine:
    sku: str
    name: str
    quantity: int


@dataclass(frozen=True)
class PackingSlipData:
    order_number: str
    order_date: date
    customer: str
    ship_to: Address
    lines: tuple[SlipLine, ...]
    gift_message: str | None = None
    packer_first_name: str = ""
    shop_name: str = "Quai"
    delivery_note: str = ""  # "Livraison en point relais : …", "Retrait en magasin : …"


@dataclass(frozen=True)
class LocationData:
    code: str  # exactly what the scanners expect: the location's code
    zone: str = ""
    aisle: str = ""
    bay: str = ""
    level: str = ""


@dataclass(frozen=True)
class BadgeData:
    name: str
    badge: str  # the badge's code, with its prefix (BDG0001)
    roles: tuple[str, ...] = field(default_factory=tuple)  # printed as they are (French role names)


def format_weight(weight_g: int | None) -> str:
    """Grams as French kilograms with two decimals: 1250 -> "1,25 kg", 8 -> "0,01 kg";
    None (not weighed) -> "—"."""
    if weight_g is None:
        return "—"
    hundredths = (weight_g + 5) // 10  # to the nearest 10 g, half up
    return f"{hundredths // 100},{hundredths % 100:02d} kg"
