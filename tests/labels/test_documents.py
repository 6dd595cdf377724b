"""The documents as layouts, checked purely (no renderer): every element inside its label,
barcodes with their quiet zones clear of everything else, text blocks never overlapping,
long texts cut within their lines, the right block for home, relay and pickup."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from app.domain.gtin import gs1_check_digit
from app.labels.documents import Extent, extent
from app.labels.documents.logistic import logistic_label
from app.labels.documents.packing_slip import packing_slip_pages, packing_slip_thermal, printable
from app.labels.documents.shipping import shipping_label
from app.labels.documents.small import badge_card, location_label, tote_label
from app.labels.label_data import (
    Address,
    LogisticLabelData,
    PackingSlipData,
    RelayPoint,
    ShippingLabelData,
    SlipLine,
    format_weight,
)
from app.labels.layout import Box, Code128, DataMatrix, Label, QrCode, Text
from app.labels.wrap import ELLIPSIS, wrap


def sscc(serial: int) -> str:
    body = f"3{'7654321'}{serial:09d}"  # extension 3, company prefix 7654321 (test), serial reference
    return body + str(gs1_check_digit(body))


def gtin14(body13: str) -> str:
    return body13 + str(gs1_check_digit(body13))


SENDER = Address("Quai Démo", company="Entrepôt Quai", lines=("12 rue des Entrepôts",), zip="69007", city="Lyon")
RECIPIENT = Address("Élodie Durand", lines=("12 rue de la République", "Bâtiment B"), zip="75011", city="Paris",
                    phone="+33 6 12 34 56 78")
LONG = Address(
    "Marie-Françoise-Ségolène de La Rochefoucauld-Montmorency d'Aubigné-Châteaubriand",
    company="Société Anonyme des Établissements Réunis de Céramique et de Faïencerie du Val-de-Loire",
    lines=("Résidence « Les Tilleuls » Bâtiment B escalier C quatrième étage porte gauche au fond du couloir",
           "147 avenue du Maréchal-de-Lattre-de-Tassigny prolongée, zone artisanale des Quatre-Chemins",
           "Lieu-dit La Croix-Blanche-des-Champs-Élysées-du-Bas"),
    zip="63000", city="Clermont-Ferrand", phone="+33 6 98 76 54 32",
)


def shipping(**changes) -> ShippingLabelData:
    data = ShippingLabelData(
        carrier="colissimo", service="domicile", sender=SENDER, delivery_mode="home", recipient=RECIPIENT,
        order_number="#1001", parcel_seq=1, parcel_count=2, weight_g=1250, sscc=sscc(1), tracking_code="6A12345678901",
    )
    return replace(data, **changes)


RELAY = RelayPoint("FR-011842", "Tabac Presse Le Balto", zip="75011", city="Paris")
STORE = Address("Boutique Quai", company="Boutique Quai Lyon Presqu'île", lines=("8 rue Mercière",), zip="69002",
                city="Lyon")


def logistic(**changes) -> LogisticLabelData:
    data = LogisticLabelData(
        sender=SENDER, recipient=Address("Léa Fournier", company="Le Comptoir de Léa SARL",
                                         lines=("3 place du Marché",), zip="44000", city="Nantes"),
        sscc=sscc(2), order_number="#1004", content_gtin=gtin14("1376000000101"), content_name="Mug bleu en grès",
        count=24, batch="L2611A", best_before=date(2027, 6, 30), weight_g=12340, parcel_seq=1, parcel_count=3,
    )
    return replace(data, **changes)


def slip(lines: int = 3, gift: str | None = "Joyeux anniversaire maman ! Plein de bisous, Julie 🏡") -> PackingSlipData:
    return PackingSlipData(
        order_number="#1001", order_date=date(2026, 11, 24), customer="Élodie Durand", ship_to=RECIPIENT,
        lines=tuple(SlipLine(f"SKU-{i:03d}", f"Produit {i} : bol en grès émaillé, fait main à Digoin, lot de deux", 1 + i % 3)
                    for i in range(lines)),
        gift_message=gift, packer_first_name="Chloé",
    )


def documents() -> dict[str, Label]:
    labels = {
        "shipping-home": shipping_label(shipping()),
        "shipping-no-tracking": shipping_label(shipping(tracking_code=None, weight_g=None)),
        "shipping-preview": shipping_label(shipping(weight_g=980), preview=True),
        "shipping-relay": shipping_label(shipping(carrier="mondial_relay", service="point_relais", delivery_mode="relay",
                                                  relay=RELAY, tracking_code=None)),
        "shipping-pickup": shipping_label(shipping(carrier="click_collect", service="store_pickup",
                                                   delivery_mode="pickup", pickup_store=STORE, tracking_code=None)),
        "shipping-long": shipping_label(shipping(recipient=LONG, sender=replace(LONG, phone=""),
                                                 carrier="chronopost", service="chrono13", tracking_code="XY123456789FR")),
        "logistic": logistic_label(logistic()),
        "logistic-mixed": logistic_label(logistic(content_gtin=None, count=None, batch=None, best_before=None)),
        "logistic-long": logistic_label(logistic(recipient=LONG, sender=LONG, batch="LOT-2026-11-ABCDEFGH")),
        "slip-thermal": packing_slip_thermal(slip(12)),
        "location": location_label("A-01-02-1", zone="A", aisle="01", level="1"),
        "tote": tote_label("TOT001"),
        "badge": badge_card("Nathalie Laurent-Beaumarchais de Saint-Exupéry", "BDG0006", ("Superviseur", "Emballeur")),
    }
    for paper in ("A5", "A4"):
        for number, page in enumerate(packing_slip_pages(slip(60), paper), start=1):
            labels[f"slip-{paper}-{number}"] = page
    return labels


DOCUMENTS = documents()
BARCODES = (Code128, QrCode, DataMatrix)


def layout_problems(label: Label) -> list[str]:
    """What is wrong with a layout: an element outside the label, anything over a barcode or
    its quiet zone, two text blocks over each other. Empty when all is well."""
    problems = []
    whole = Extent(0.0, 0.0, label.width_mm, label.height_mm)
    elements = label.elements
    for element in elements:
        box = extent(element)
        if box.left < whole.left or box.right > whole.right + 1e-6 or box.top < whole.top or box.bottom > whole.bottom + 1e-6:
            problems.append(f"outside the label: {element}")
    for i, first in enumerate(elements):
        for second in elements[i + 1:]:
            if not extent(first).overlaps(extent(second)):
                continue
            if isinstance(first, BARCODES) or isinstance(second, BARCODES):
                problems.append(f"over a barcode: {first} / {second}")
            elif isinstance(first, Text) and isinstance(second, Text):
                problems.append(f"texts overlap: {first.text!r} / {second.text!r}")
    return problems


def texts(label: Label) -> list[str]:
    return [e.text for e in label.elements if isinstance(e, Text)]


@pytest.mark.parametrize("name", sorted(DOCUMENTS))
def test_every_element_is_inside_its_label_with_its_quiet_zones(name: str) -> None:
    label = DOCUMENTS[name]
    whole = Extent(0.0, 0.0, label.width_mm, label.height_mm)
    for element in label.elements:
        box = extent(element)
        assert whole.left <= box.left and box.right <= whole.right + 1e-6, (name, element, box)
        assert whole.top <= box.top and box.bottom <= whole.bottom + 1e-6, (name, element, box)


@pytest.mark.parametrize("name", sorted(DOCUMENTS))
def test_nothing_touches_a_barcode_or_its_quiet_zone(name: str) -> None:
    elements = DOCUMENTS[name].elements
    for code in (e for e in elements if isinstance(e, BARCODES)):
        for other in elements:
            if other is not code:
                assert not extent(code).overlaps(extent(other)), (name, code, other)


@pytest.mark.parametrize("name", sorted(DOCUMENTS))
def test_text_blocks_never_overlap(name: str) -> None:
    elements = [e for e in DOCUMENTS[name].elements if isinstance(e, Text)]
    for i, first in enumerate(elements):
        for second in elements[i + 1:]:
            assert not extent(first).overlaps(extent(second)), (name, first.text, second.text)


@pytest.mark.parametrize("name", sorted(DOCUMENTS))
def test_layout_problems_finds_none(name: str) -> None:
    assert layout_problems(DOCUMENTS[name]) == []


def test_layout_problems_finds_a_text_over_a_barcode_and_off_the_label() -> None:
    label = DOCUMENTS["tote"]
    code = next(e for e in label.elements if isinstance(e, Code128))
    broken = replace(label, elements=(*label.elements, Text(code.x_mm - 2, code.y_mm + 1, 10, 3, "x"),
                                      Text(95, 2, 10, 3, "off")))
    found = layout_problems(broken)
    assert any(p.startswith("over a barcode") for p in found)
    assert any(p.startswith("outside the label") and "'off'" in p for p in found)


@pytest.mark.parametrize("name", sorted(DOCUMENTS))
def test_texts_on_black_are_inverse_and_others_are_not(name: str) -> None:
    """White text on a filled box, black text elsewhere: a black text on the band would vanish."""
    label = DOCUMENTS[name]
    bands = [extent(e) for e in label.elements if isinstance(e, Box) and e.filled and e.height_mm > 1]
    for text in (e for e in label.elements if isinstance(e, Text)):
        on_band = any(extent(text).overlaps(band) for band in bands)
        assert on_band == text.inverse, (name, text.text)


def test_shipping_barcodes_are_big_enough_for_a_handheld() -> None:
    for name in ("shipping-home", "shipping-no-tracking", "shipping-long", "shipping-relay"):
        codes = [e for e in DOCUMENTS[name].elements if isinstance(e, Code128)]
        assert codes, name
        for code in codes:
            assert code.height_mm >= 20.0 and 0.375 <= code.module_mm <= 0.5, (name, code)
    home = [e for e in DOCUMENTS["shipping-home"].elements if isinstance(e, Code128)]
    assert [(c.data, c.gs1) for c in home] == [("6A12345678901", False), (f"(00){sscc(1)}", True)]
    assert "(00) " + sscc(1) in texts(DOCUMENTS["shipping-home"])


def test_shipping_home_label_says_who_where_and_what() -> None:
    shown = texts(DOCUMENTS["shipping-home"])
    for wanted in ("COLISSIMO", "Domicile", "Expéditeur", "Quai Démo", "Destinataire", "Élodie Durand",
                   "12 rue de la République", "Bâtiment B", "75011 Paris", "Commande #1001", "Colis 1/2",
                   "Poids : 1,25 kg", "6A12345678901"):
        assert wanted in shown, wanted
    assert not any("RELAIS" in t or "RETRAIT" in t for t in shown)
    qr = [e for e in DOCUMENTS["shipping-home"].elements if isinstance(e, QrCode)]
    assert [q.data for q in qr] == [f"QUAI|#1001|1/2|{sscc(1)}|Élodie Durand"]


def test_relay_label_shows_the_relay_point_and_who_collects() -> None:
    shown = texts(DOCUMENTS["shipping-relay"])
    assert "POINT RELAIS  FR-011842" in shown
    assert "Tabac Presse Le Balto" in shown
    assert "Pour : Élodie Durand" in shown
    assert "75011 Paris" in shown
    assert "12 rue de la République" not in shown  # the customer's street is not where the parcel goes
    assert "MONDIAL RELAY" in shown


def test_pickup_label_shows_the_store() -> None:
    shown = texts(DOCUMENTS["shipping-pickup"])
    assert "RETRAIT MAGASIN" in shown
    assert "Boutique Quai Lyon Presqu'île" in shown and "8 rue Mercière" in shown and "69002 Lyon" in shown
    assert "Client : Élodie Durand" in shown
    assert "12 rue de la République" not in shown


@pytest.mark.parametrize("mode", ["relay", "pickup"])
def test_who_collects_is_never_cut_for_a_long_relay_or_store_address(mode: str) -> None:
    long_place = replace(LONG, name="Magasin")
    label = shipping_label(shipping(delivery_mode=mode, recipient=RECIPIENT, tracking_code=None,
                                    relay=RelayPoint("FR-1", LONG.company, address=long_place),
                                    pickup_store=long_place))
    shown = texts(label)
    assert ("Pour : Élodie Durand" if mode == "relay" else "Client : Élodie Durand") in shown
    assert "63000 Clermont-Ferrand" in shown
    assert layout_problems(label) == []


def test_a_long_address_is_cut_within_its_lines_and_keeps_the_town() -> None:
    label = DOCUMENTS["shipping-long"]
    by_text = {e.text: e for e in label.elements if isinstance(e, Text)}
    name = by_text[LONG.name]
    lines = wrap(name.text, name.width_mm, name.size_mm, name.max_lines)
    assert len(lines) == name.max_lines == 2 and lines[-1].endswith(ELLIPSIS)
    for line in lines:
        from app.labels.wrap import text_width_mm
        assert text_width_mm(line, name.size_mm) <= name.width_mm
    assert "63000 Clermont-Ferrand" in by_text  # the town line is never what gets dropped
    town = by_text["63000 Clermont-Ferrand"]
    assert extent(town).bottom <= 82.0  # above the order rule
    # Every block of the recipient ends above the order number.
    order = by_text["Commande #1001"]
    for element in label.elements:
        if isinstance(element, Text) and 40 < element.y_mm < order.y_mm:
            assert extent(element).bottom <= order.y_mm


def test_a_preview_is_marked_and_carries_the_preview_sscc() -> None:
    from app.labels.label_data import PREVIEW_SSCC

    label = shipping_label(shipping(sscc=PREVIEW_SSCC, weight_g=1180), preview=True)
    assert "APERÇU" in texts(label) and "APERÇU" not in texts(DOCUMENTS["shipping-home"])
    assert f"(00){PREVIEW_SSCC}" in [e.data for e in label.elements if isinstance(e, Code128)]
    assert layout_problems(label) == []


def test_weights_print_in_french_kilograms() -> None:
    assert format_weight(1250) == "1,25 kg"
    assert format_weight(1000) == "1,00 kg"
    assert format_weight(5) == "0,01 kg"
    assert format_weight(12344) == "12,34 kg"
    assert format_weight(None) == "—"
    assert "Poids : —" in texts(DOCUMENTS["shipping-no-tracking"])


def test_a_bad_sscc_is_refused() -> None:
    with pytest.raises(ValueError, match="18 digits"):
        shipping_label(shipping(sscc="12345"))
    with pytest.raises(ValueError, match="18 digits"):
        logistic_label(logistic(sscc="3765432100000000AB"))


def test_logistic_label_has_the_sscc_in_the_lowest_barcode() -> None:
    label = DOCUMENTS["logistic"]
    codes = sorted((e for e in label.elements if isinstance(e, Code128)), key=lambda c: c.y_mm)
    assert all(c.gs1 for c in codes)
    assert codes[-1].data == f"(00){sscc(2)}"
    content = "".join(c.data for c in codes[:-1])
    for ai in (f"(02){gtin14('1376000000101')}", "(37)24", "(10)L2611A", "(15)270630"):
        assert ai in content
    shown = texts(label)
    for title in ("SSCC", "CONTENT", "COUNT", "BATCH/LOT", "BEST BEFORE (dd.mm.yy)", "30.06.27", "12,34 kg"):
        assert title in shown


def test_a_mixed_carton_has_its_sscc_only() -> None:
    codes = [e for e in DOCUMENTS["logistic-mixed"].elements if isinstance(e, Code128)]
    assert [c.data for c in codes] == [f"(00){sscc(2)}"]
    assert "CONTENT" not in texts(DOCUMENTS["logistic-mixed"])


def test_a_60_line_slip_takes_several_numbered_pages_with_every_line_once() -> None:
    for paper in ("A5", "A4"):
        pages = packing_slip_pages(slip(60), paper)
        assert len(pages) > 1
        for number, page in enumerate(pages, start=1):
            assert f"#1001 · page {number}/{len(pages)}" in texts(page)
        skus = [t for page in pages for t in texts(page) if t.startswith("SKU-")]
        assert skus == [f"SKU-{i:03d}" for i in range(60)]
        last = texts(pages[-1])
        assert "Préparé pour vous par Chloé" in last and "Message cadeau" in last
        assert not any("Préparé" in t for page in pages[:-1] for t in texts(page))
    assert len(packing_slip_pages(slip(60), "A4")) < len(packing_slip_pages(slip(60), "A5"))
    assert len(packing_slip_pages(slip(3), "A5")) == 1


def test_the_gift_message_is_printed_without_emoji_and_wrapped() -> None:
    page = packing_slip_pages(slip(2), "A5")[0]
    assert "Joyeux anniversaire maman ! Plein de bisous, Julie" in texts(page)
    assert printable("Félicitations 🏡 « œ » 20 €\u200d") == "Félicitations « œ » 20 €"
    long = "Très chère Agnès, " + "avec toute notre affection et nos vœux de bonheur " * 12
    message = next(e for e in packing_slip_pages(slip(2, long), "A5")[0].elements
                   if isinstance(e, Text) and e.text.startswith("Très chère"))
    lines = wrap(message.text, message.width_mm, message.size_mm, message.max_lines)
    assert 1 < len(lines) <= 8 and lines[-1].endswith(ELLIPSIS)
    no_gift = texts(packing_slip_pages(slip(2, None), "A5")[0])
    assert "Message cadeau" not in no_gift and "Préparé pour vous par Chloé" in no_gift


def test_the_thermal_slip_grows_with_its_lines() -> None:
    short, long = packing_slip_thermal(slip(2)), packing_slip_thermal(slip(30))
    assert short.width_mm == long.width_mm == 72.0
    assert long.height_mm > short.height_mm + 100
    assert "Préparé pour vous par Chloé" in texts(long)
    bottom = max(extent(e).bottom for e in long.elements)
    assert bottom < long.height_mm


def test_small_labels_carry_what_the_scanners_expect() -> None:
    def codes(label: Label) -> list[str]:
        return [e.data for e in label.elements if isinstance(e, Code128)]

    assert codes(DOCUMENTS["location"]) == ["A-01-02-1"]
    assert codes(DOCUMENTS["tote"]) == ["TOT001"]
    assert codes(tote_label("7")) == ["TOT007"]
    assert codes(DOCUMENTS["badge"]) == ["BDG0006"]
    assert (DOCUMENTS["badge"].width_mm, DOCUMENTS["badge"].height_mm) == (85.6, 54.0)
    with pytest.raises(ValueError, match="tote"):
        tote_label("BAC-7")
    with pytest.raises(ValueError, match="badge"):
        badge_card("Camille Martin", "1234", ())


@pytest.mark.parametrize("level", ["L", "M", "Q", "H"])
def test_the_qr_size_reserved_is_what_an_encoder_makes(level: str) -> None:
    """At each version's capacity and one byte past it, the table agrees with the qrcode
    package's byte mode (the data and two bytes for an ECI header), and the raster's
    (denser when it can) symbol is never larger."""
    import qrcode

    from app.labels.documents import _QR_BYTES, ECI_BYTES, qr_modules
    from app.labels.symbols import qr_matrix

    levels = {"L": qrcode.constants.ERROR_CORRECT_L, "M": qrcode.constants.ERROR_CORRECT_M,
              "Q": qrcode.constants.ERROR_CORRECT_Q, "H": qrcode.constants.ERROR_CORRECT_H}
    for capacity in _QR_BYTES[level]:
        for size in (capacity, capacity + 1):
            data = "é" * (size // 2) + "A" * (size % 2)  # exactly ``size`` bytes of UTF-8
            code = qrcode.QRCode(error_correction=levels[level], border=0)
            code.add_data(qrcode.util.QRData(data.encode("utf-8") + b"E" * ECI_BYTES, mode=qrcode.util.MODE_8BIT_BYTE))
            code.make(fit=True)
            assert qr_modules(data, level) == 17 + 4 * code.version, (level, size)
            assert len(qr_matrix(data, level)) <= qr_modules(data, level)
