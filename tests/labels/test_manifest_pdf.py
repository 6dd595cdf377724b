"""The end-of-day manifest on A4 (app.labels.documents.manifest): 120 parcels take three pages,
each with the table's header, every parcel once, the totals, the missing parcels and the
signature boxes; the PDF made by app.labels.output is read back by QtPdf (pages and text)."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from app.labels.documents import extent
from app.labels.documents.manifest import ManifestDocument, manifest_pages, rows_per_page
from app.labels.label_data import Address
from app.labels.layout import Box, Text
from app.packing.manifest import ManifestRow

WHEN = datetime(2026, 11, 24, 15, 0, tzinfo=UTC)
SENDER = Address("Quai Démo", lines=("12 rue des Entrepôts",), zip="69007", city="Lyon")


def rows(count: int, start: int = 0) -> tuple[ManifestRow, ...]:
    return tuple(
        ManifestRow(f"3760123{i:010d}9"[-18:], f"#{1000 + i // 2}", f"{i % 2 + 1}/2", f"Client {i} Éloïse Œuvray",
                    "Villeurbanne", "69100", "FR" if i % 7 else "BE", "012345 Tabac du Port" if i % 5 == 0 else "",
                    1000 + i, WHEN + timedelta(minutes=i))
        for i in range(start, start + count))


def document(count: int = 120, **changes) -> ManifestDocument:
    values = dict(carrier="colissimo", day=date(2026, 11, 24), sender=SENDER, rows=rows(count),
                  missing=rows(2, start=500), held=rows(1, start=600), closed_at=WHEN, station="DOCK-01")
    values.update(changes)
    return ManifestDocument(**values)


def page_texts(page) -> list[str]:
    return [e.text for e in page.elements if isinstance(e, Text)]


def test_120_parcels_take_three_pages_each_with_the_header_and_every_parcel_once() -> None:
    doc = document()
    pages = manifest_pages(doc)
    first, following = rows_per_page(doc)
    assert len(pages) == 3 == 1 + -(-(120 - first) // following)
    assert all((p.width_mm, p.height_mm) == (210.0, 297.0) for p in pages)
    for number, page in enumerate(pages, start=1):
        texts = page_texts(page)
        assert "SSCC" in texts and "Poids (kg)" in texts  # the header, repeated
        assert texts[-1].endswith(f"page {number}/3")
    everything = [t for p in pages for t in page_texts(p)]
    for row in doc.rows + doc.missing + doc.held:
        assert everything.count(row.sscc) == 1
    shipped_on_first = [t for t in page_texts(pages[0]) if t in {r.sscc for r in doc.rows}]
    assert len(shipped_on_first) == first


def test_the_summary_totals_missing_and_signatures_are_there() -> None:
    pages = manifest_pages(document(count=4))
    assert len(pages) == 1
    texts = page_texts(pages[0])
    assert "COLISSIMO" in texts and "Bordereau de remise transporteur du 24/11/2026" in texts
    assert "4 colis, 4,006 kg" in texts
    assert "Colis manquants : 2 (liste en fin de bordereau)" in texts
    assert "Colis manquants (2) : attendus au quai, non remis" in texts
    assert any(t.startswith("Colis mis de côté (1)") for t in texts)
    assert "Total : 4 colis — 4,006 kg" in texts
    assert {"Le transporteur", "L'entrepôt"} <= set(texts)
    assert "Relais 012345 Tabac du Port · 69100 Villeurbanne" in texts


def test_click_and_collect_is_signed_by_the_shop_and_an_empty_day_says_so() -> None:
    texts = page_texts(manifest_pages(document(count=0, carrier="click_collect", missing=(), held=()))[0])
    assert "Bordereau de remise au magasin du 24/11/2026" in texts and "Le magasin" in texts
    assert "Aucun colis remis ce jour." in texts and "Colis manquants : aucun" in texts


@pytest.mark.parametrize("count", [0, 1, 46, 47, 48, 101, 102, 120, 250])
def test_nothing_leaves_the_page_or_overprints_the_footer(count: int) -> None:
    for page in manifest_pages(document(count=count)):
        *body, footer = [e for e in page.elements if isinstance(e, (Text, Box))]
        footer_top = extent(footer).top
        for element in body:
            box = extent(element)
            assert 0 <= box.left and box.right <= 210.0 + 1e-6
            assert box.bottom <= footer_top + 1e-6, element


def test_the_pdf_renders_and_reads_back(qapp) -> None:
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice
    from PySide6.QtPdf import QPdfDocument

    from app.labels.output import pdf_bytes

    doc = document()
    data = pdf_bytes(manifest_pages(doc))
    assert data.startswith(b"%PDF")
    buffer = QBuffer()
    buffer.setData(QByteArray(data))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    pdf = QPdfDocument()
    pdf.load(buffer)
    assert pdf.pageCount() == 3
    text = "\n".join(pdf.getAllText(page).text() for page in range(3))
    for row in doc.rows + doc.missing:
        assert row.sscc in text
    assert "Éloïse Œuvray" in text and "Colis manquants" in text and "Total : 120 colis" in text
