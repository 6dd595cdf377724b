"""Products: Shopify export quirks, one file each, and Quai's own CSV."""

from __future__ import annotations

from sqlalchemy import select

from app.domain.gtin import normalise_gtin
from app.imports import run_import
from app.store.db import session_factory
from app.store.models import Product, ProductGtin
from tests.imports.helpers import DATA, count

IMG = "https://cdn.shopify.com/s/files/1/0000/0001/products/"


def product(factory, sku: str) -> Product:
    with factory() as session:
        found = session.scalars(select(Product).where(Product.sku == sku)).one()
        found.gtins  # noqa: B018 - load before the session closes
        return found


def find_by_scan(factory, scanned: str) -> str | None:
    with factory() as session:
        return session.scalar(
            select(Product.sku).join(ProductGtin).where(ProductGtin.gtin == normalise_gtin(scanned)))


def test_shopify_variants_on_both_backends(any_engine):
    factory = session_factory(any_engine)
    report = run_import(factory, "products", DATA / "products_variants.csv")
    assert (report.format, report.imported, report.warnings) == ("shopify", 4, [])
    assert product(factory, "TEE-LIN-S-BLEU").name == "Tee-shirt en lin — S / Bleu"
    assert product(factory, "TEE-LIN-M-ECRU").image_url == IMG + "tee-ecru.jpg"  # its own Variant Image
    assert product(factory, "TEE-LIN-M-BLEU").image_url == IMG + "tee-bleu.jpg"  # the product's image
    assert product(factory, "MUG-GRES").name == "Mug en grès"  # "Default Title" adds nothing
    again = run_import(factory, "products", DATA / "products_variants.csv")
    assert (again.imported, again.updated, again.unchanged) == (0, 0, 4)


def test_image_only_rows_give_the_product_its_image(factory):
    report = run_import(factory, "products", DATA / "products_image_only.csv")
    assert report.imported == 1 and count(factory, Product) == 1  # image rows are no products
    assert product(factory, "BOL-CERAM").image_url == IMG + "bol-1.jpg"  # lowest Image Position wins


def test_variant_grams_are_grams_whatever_the_weight_unit(factory):
    run_import(factory, "products", DATA / "products_grams_kg.csv")
    assert product(factory, "THEIERE-FONTE").weight_g == 1200  # unit "kg": still 1200 g, not 1.2 t
    assert product(factory, "CUILLERE").weight_g == 45  # "45.0" with unit "lb"


def test_upc_ean_and_gtin14_are_stored_as_gtin14_and_scan(factory):
    report = run_import(factory, "products", DATA / "products_barcodes.csv")
    assert report.warnings == []
    assert [g.gtin for g in product(factory, "SAVON-LAV").gtins] == ["00036000291452"]
    for scanned in ("036000291452", "0036000291452", "00036000291452"):  # UPC-A, EAN-13, GTIN-14
        assert find_by_scan(factory, scanned) == "SAVON-LAV"
    assert find_by_scan(factory, "3760123456784") == "SAVON-VER"
    assert find_by_scan(factory, "13760123456798") == "SAVON-MIEL"


def test_bad_barcode_is_a_warning_and_the_product_imports(factory):
    run_import(factory, "products", DATA / "products_barcodes.csv")  # SAVON-LAV owns the UPC
    report = run_import(factory, "products", DATA / "products_bad_barcode.csv")
    assert report.imported == 2
    rows = {w.row: w.message for w in report.warnings}
    assert "BOUGIE-FIGUE" in rows[2] and "check digit" in rows[2]
    assert "BOUGIE-CEDRE" in rows[3] and "SAVON-LAV" in rows[3]  # the GTIN belongs to another SKU
    assert product(factory, "BOUGIE-FIGUE").gtins == [] and product(factory, "BOUGIE-CEDRE").gtins == []
    assert find_by_scan(factory, "036000291452") == "SAVON-LAV"


def test_gift_cards_skipped_and_shippable_variant_without_sku_warned(factory):
    report = run_import(factory, "products", DATA / "products_gift_card.csv")
    assert report.skipped == {"gift card (no shipping)": 2, "no SKU": 1}
    assert [(w.row, "plaid" in w.message) for w in report.warnings] == [(4, True)]
    assert report.imported == 1 and product(factory, "TORCHON").requires_shipping is True
    # The summary separates its reasons with commas: a reason must not contain one.
    assert "skipped 3 (gift card (no shipping): 2, no SKU: 1)" in report.summary_lines()[0]


def test_quai_products_csv_with_several_gtins_and_update(factory, tmp_path):
    report = run_import(factory, "products", DATA / "base_products.csv")
    assert (report.format, report.imported) == ("quai", 4)
    mug = product(factory, "SKU-MUG")
    assert (mug.weight_g, mug.length_mm, mug.lot_tracked) == (350, 120, False)
    assert sorted(g.gtin for g in mug.gtins) == ["00036000291452", "03760123456784"]
    assert product(factory, "SKU-HONEY").lot_tracked is True
    assert product(factory, "SKU-HONEY").name == "Miel de lavande, 250 g"
    changed = tmp_path / "products.csv"
    changed.write_text("sku,name,weight_g\nSKU-MUG,Mug en grès,360\nSKU-CAP,Casquette,90\n", encoding="utf-8")
    again = run_import(factory, "products", changed)
    assert (again.updated, again.unchanged) == (1, 1)
    assert product(factory, "SKU-MUG").weight_g == 360
    assert product(factory, "SKU-MUG").length_mm == 120  # absent column: value kept
