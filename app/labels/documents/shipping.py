"""The parcel's shipping label, 100x150 mm portrait, as one ``Label``.

From top to bottom, in the order a person's eye and a sorting hub's scanner look for them:

    0-15    black band: carrier (big, white) and service
    16-39   sender (small) | QR code (order, parcel, SSCC, recipient: ``qr_payload``)
    40-81   recipient, the biggest text: or the relay point, or the store for a pickup.
            Its town line has a fixed place at the bottom of the zone; the name and street
            lines above it are wrapped and cut (with "…") to the room left, so a long
            address never overprints the town or what follows.
    82-97   order number, "Colis n/N", weight ("1,25 kg")
    98-150  the carrier's tracking code (Code 128, when there is one) and, lowest, the SSCC
            as GS1-128 "(00)…", each >= 20 mm tall with its human-readable line under it.

Barcodes use the widest module (0.5 mm down to 0.33 mm) with which the symbol and its
10-module quiet zones fit inside the label at 203 and 300 dpi.
"""

from __future__ import annotations

from app.labels.documents import Column, centred_code128, extent, human_readable_gs1, qr_modules, widest_module_mm, QR_QUIET
from app.labels.label_data import Address, ShippingLabelData, carrier_name, format_weight, service_name
from app.labels.layout import Box, Element, Label, QrCode, Text
from app.labels.wrap import text_width_mm

WIDTH, HEIGHT = 100.0, 150.0
MARGIN = 3.0
BAND = 15.0
# The QR's module: the largest of these with which the symbol and its quiet zone fit the
# sender's band (0.5 mm is 4 dots at 203 dpi; 0.33 mm, 3 dots at 203 and 4 at 300 dpi,
# still reads with any phone or imager).
QR_MODULES = (0.5, 0.45, 0.4, 0.33)
RECIPIENT_TOP, RECIPIENT_BOTTOM = 40.0, 81.5
INFO_TOP = 82.0
CODES_TOP = 98.0
BAR_HEIGHT = 20.0  # the minimum for a handheld at arm's length; taller when there is room
HR_SIZE = 3.2
RULE = 0.4


def _rule(y: float) -> Box:
    return Box(MARGIN, y, WIDTH - 2 * MARGIN, RULE, filled=True)


def _band(data: ShippingLabelData) -> list[Element]:
    name = carrier_name(data.carrier)
    service = service_name(data.service)
    inner = WIDTH - 2 * MARGIN
    service_size = 4.5
    # The service takes the room it needs on the right (up to 40 mm), the carrier the rest,
    # as big as fits, at most 9 mm: "MONDIAL RELAY" shrinks, "COLISSIMO" does not.
    service_width = min(40.0, text_width_mm(service, service_size) + 1.0) if service else 0.0
    name_width = inner - (service_width + 2.0 if service else 0.0)
    size = min(9.0, name_width / max(text_width_mm(name, 1.0), 1e-6) * 0.98)
    elements: list[Element] = [
        Box(0.0, 0.0, WIDTH, BAND, filled=True),
        Text(MARGIN, (BAND - size) / 2, name_width, size, name, bold=True, inverse=True),
    ]
    if service:
        elements.append(Text(WIDTH - MARGIN - service_width, (BAND - service_size) / 2, service_width, service_size,
                             service, bold=True, inverse=True, align="right"))
    return elements


def _qr(data: ShippingLabelData) -> QrCode:
    room = RECIPIENT_TOP - 1.0 - (BAND + 0.5)
    cells = qr_modules(data.qr_payload)
    for wanted in QR_MODULES:
        module = widest_module_mm(wanted)
        if (cells + 2 * QR_QUIET) * module <= room or wanted == QR_MODULES[-1]:
            break
    side, quiet = cells * module, QR_QUIET * module
    return QrCode(round(WIDTH - 1.0 - quiet - side, 2), round(BAND + 0.5 + quiet, 2), data.qr_payload, module_mm=wanted)


def _address_lines(column: Column, address: Address, size: float) -> None:
    """Company and street lines of ``address`` (not its name or town: the caller places those)."""
    column.text(address.company, size, max_lines=1)
    for line in address.lines:
        column.text(line, size, max_lines=2)


def _sender(data: ShippingLabelData, right: float) -> tuple[list[Element], float]:
    column = Column(MARGIN, BAND + 1.5, right - MARGIN, RECIPIENT_TOP - 1.5)
    column.text("Expéditeur", 2.6, gap=0.6)
    sender = data.sender
    column.text(sender.name, 3.4, bold=True)
    _address_lines(column, sender, 3.0)
    column.text(" ".join(part for part in (sender.town_line, sender.country if sender.country != "FR" else "") if part),
                3.4, bold=True)
    return column.elements, column.y


def _recipient(data: ShippingLabelData) -> list[Element]:
    width = WIDTH - 2 * MARGIN
    # The town (what sorting reads first) and the phone always keep their room at the bottom
    # of the zone: the lines above are cut to what is left, never the other way round.
    town_size = 7.0
    phone_size = 3.2
    town_room = town_size * 1.15 + 0.3 + phone_size * 1.15
    column = Column(MARGIN, RECIPIENT_TOP + 1.0, width, RECIPIENT_BOTTOM - town_room)
    elements: list[Element] = []
    recipient = data.recipient
    if data.delivery_mode == "relay" and data.relay is not None:
        relay = data.relay
        elements.append(Box(MARGIN, column.y, width, 6.2, filled=True))
        elements.append(Text(MARGIN + 1.5, column.y + 0.9, width - 3, 4.5, f"POINT RELAIS  {relay.id}", bold=True, inverse=True))
        column.skip(7.0)
        column.text(relay.name, 6.0, bold=True, max_lines=2)
        # Who collects comes before the street lines: when room runs out, a street is cut, never the name.
        column.text(f"Pour : {recipient.name}", 4.5, bold=True, max_lines=1)
        if relay.address is not None:
            _address_lines(column, relay.address, 4.5)
        town = relay.address.town_line if relay.address is not None else f"{relay.zip} {relay.city}".strip()
        country = relay.address.country if relay.address is not None else "FR"
    elif data.delivery_mode == "pickup" and data.pickup_store is not None:
        store = data.pickup_store
        elements.append(Box(MARGIN, column.y, width, 6.2, filled=True))
        elements.append(Text(MARGIN + 1.5, column.y + 0.9, width - 3, 4.5, "RETRAIT MAGASIN", bold=True, inverse=True))
        column.skip(7.0)
        column.text(store.company or store.name, 6.0, bold=True, max_lines=2)
        column.text(f"Client : {recipient.name}", 4.5, bold=True, max_lines=1)
        _address_lines(column, Address(name="", lines=store.lines), 4.5)
        town, country = store.town_line, store.country
    else:
        column.text("Destinataire", 2.6, gap=0.8)
        column.text(recipient.name, 6.0, bold=True, max_lines=2)
        _address_lines(column, recipient, 5.0)
        town, country = recipient.town_line, recipient.country
    elements += column.elements
    if country and country != "FR":
        town = f"{town} {country}"
    town_y = column.y + 0.5
    elements.append(Text(MARGIN, town_y, width, town_size, town, bold=True))
    if recipient.phone:
        elements.append(Text(MARGIN, town_y + town_size * 1.15 + 0.3, width, phone_size, f"Tél. {recipient.phone}"))
    return elements


def _info(data: ShippingLabelData, preview: bool) -> list[Element]:
    y = INFO_TOP + 1.2
    elements: list[Element] = [
        Text(MARGIN, y, 62.0, 5.5, f"Commande {data.order_number}", bold=True),
        Text(66.0, y, WIDTH - MARGIN - 66.0, 5.5, f"Colis {data.parcel_seq}/{data.parcel_count}", bold=True, align="right"),
        Text(MARGIN, y + 7.2, 50.0, 4.5, f"Poids : {format_weight(data.weight_g)}"),
        _rule(CODES_TOP - 1.0),
    ]
    if preview:
        # A preview carries the expected weight and no real SSCC: marked so that a printed one
        # is never stuck on a parcel.
        elements += [Box(56.0, y + 6.6, WIDTH - MARGIN - 56.0, 6.4, filled=True),
                     Text(57.0, y + 7.4, WIDTH - MARGIN - 58.0, 4.5, "APERÇU", bold=True, inverse=True, align="center")]
    return elements


def _codes(data: ShippingLabelData) -> list[Element]:
    left, right = 1.0, WIDTH - 1.0
    elements: list[Element] = []
    sscc = f"(00){data.sscc}"
    hr_height = HR_SIZE * 1.15
    if data.tracking_code:
        bars = BAR_HEIGHT
        y = CODES_TOP + 1.0
        elements.append(centred_code128(data.tracking_code, left=left, right=right, y=y, height=bars))
        elements.append(Text(MARGIN, y + bars + 0.4, WIDTH - 2 * MARGIN, HR_SIZE, data.tracking_code, bold=True, align="center"))
        y += bars + 0.4 + hr_height + 1.2
    else:
        bars = 28.0  # one barcode only: taller, easier to hit
        y = CODES_TOP + (HEIGHT - CODES_TOP - bars - 0.4 - hr_height) / 2
    elements.append(centred_code128(sscc, left=left, right=right, y=y, height=bars, gs1=True))
    elements.append(Text(MARGIN, y + bars + 0.4, WIDTH - 2 * MARGIN, HR_SIZE, human_readable_gs1(sscc), bold=True, align="center"))
    return elements


def shipping_label(data: ShippingLabelData, *, preview: bool = False) -> Label:
    """The shipping label of one parcel; ``preview`` marks it "APERÇU" (the CLI's
    ``--preview``: expected weight, ``PREVIEW_SSCC``, not to be shipped). Raises ValueError
    for an SSCC that is not 18 digits (the label would carry a barcode no hub can read)."""
    if len(data.sscc) != 18 or not data.sscc.isdigit():
        raise ValueError(f"SSCC {data.sscc!r} is not 18 digits")
    qr = _qr(data)
    sender, _ = _sender(data, extent(qr).left - 2.0)
    elements: list[Element] = [*_band(data), qr, *sender, _rule(RECIPIENT_TOP - 0.6), *_recipient(data),
                               _rule(INFO_TOP), *_info(data, preview), *_codes(data)]
    return Label("shipping", WIDTH, HEIGHT, tuple(elements))
