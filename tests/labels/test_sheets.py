"""The demo's barcode sheets, decoded by a real decoder (zxing-cpp) from the painted pages."""

from __future__ import annotations

from datetime import UTC, datetime
import re
from pathlib import Path

import numpy as np
import pytest
import zxingcpp
from sqlalchemy import Engine, select

from app.demo.seed import build_demo
from app.labels.sheet_pages import TOTE_COUNT, build_pages
from app.labels.sheets import render_page, write_demo_sheets
from app.scanning.commands import Command
from app.store.db import session_factory
from app.store.models import Location, Product, ProductGtin, Stock

pytestmark = pytest.mark.gui


@pytest.fixture
def demo_factory(sqlite_engine: Engine, tmp_path: Path):
    factory = session_factory(sqlite_engine)
    build_demo(factory, workdir=tmp_path / "demo", now=datetime(2026, 11, 24, 14, 0, tzinfo=UTC))
    return factory


def decode(image) -> set[str]:
    width, height = image.width(), image.height()
    buffer = np.frombuffer(image.constBits(), dtype=np.uint8, count=image.bytesPerLine() * height)
    pixels = buffer.reshape(height, image.bytesPerLine())[:, :width].copy()
    return {result.text for result in zxingcpp.read_barcodes(pixels)}


def test_every_barcode_on_the_sheets_decodes(qapp, demo_factory) -> None:
    pages = build_pages(demo_factory)
    decoded: set[str] = set()
    printed: set[str] = set()
    for page in pages:
        found = decode(render_page(page, dpi=300))
        wanted = {cell.pattern.data for cell in page.cells}
        assert wanted <= found, f"page {page.number} ({page.title_fr}): not decoded {sorted(wanted - found)}"
        decoded |= found
        printed |= wanted

    assert {command.barcode for command in Command} <= decoded
    assert {"BDG0001", "BDG0006"} <= decoded
    assert {f"TOT{n:03d}" for n in range(1, TOTE_COUNT + 1)} <= decoded
    with demo_factory() as session:
        stocked = set(session.scalars(select(Location.code).join(Stock, Stock.location_id == Location.id)))
        gtins = set(session.scalars(select(ProductGtin.gtin)))
        skus = set(session.scalars(select(Product.sku)))
    assert stocked <= decoded
    # Every product's GTIN, as a scanner reports it (EAN-13 drops the GTIN-14's leading zero).
    assert {g[1:] if g.startswith("0") else g for g in gtins} <= decoded
    assert len(skus) == len([c for p in pages if p.title_fr == "Produits" for c in p.cells])


def test_pdf_has_one_page_per_sheet(qapp, demo_factory, tmp_path: Path) -> None:
    path = tmp_path / "sheets" / "demo.pdf"
    pages = write_demo_sheets(path, demo_factory)
    assert pages == len(build_pages(demo_factory)) >= 6
    data = path.read_bytes()
    assert data.startswith(b"%PDF")
    assert len(re.findall(rb"/Type\s*/Page(?!s)", data)) == pages


def test_one_sheet_per_kind_holds_only_its_section(qapp, demo_factory, tmp_path: Path) -> None:
    from app.labels.sheet_pages import build_sheet
    from app.labels.sheets import write_pages

    commands = build_sheet(demo_factory, "commands")
    assert {page.title_fr for page in commands} == {"Commandes"}
    assert [(p.number, p.total) for p in commands] == [(n, len(commands)) for n in range(1, len(commands) + 1)]
    assert {command.barcode for command in Command} <= decode(render_page(commands[0], dpi=300))

    badges = build_sheet(demo_factory, "badges")
    assert {page.title_fr for page in badges} == {"Badges"}
    assert {"BDG0001", "BDG0006"} <= decode(render_page(badges[0], dpi=300))

    locations = build_sheet(demo_factory, "locations")
    assert {page.title_fr for page in locations} == {"Emplacements"}
    with demo_factory() as session:
        stocked = set(session.scalars(select(Location.code).join(Stock, Stock.location_id == Location.id)))
    assert {cell.pattern.data for page in locations for cell in page.cells} == stocked

    path = tmp_path / "commands.pdf"
    assert write_pages(path, commands) == len(commands)
    assert len(re.findall(rb"/Type\s*/Page(?!s)", path.read_bytes())) == len(commands)
    with pytest.raises(ValueError, match="unknown sheet 'pallets'"):
        build_sheet(demo_factory, "pallets")


def test_an_empty_section_is_refused_rather_than_printed_blank(qapp, sqlite_engine: Engine) -> None:
    from app.labels.sheet_pages import build_sheet

    factory = session_factory(sqlite_engine)
    with pytest.raises(LookupError, match="nothing to print on the badges sheet: no active user has a badge"):
        build_sheet(factory, "badges")
    assert build_sheet(factory, "commands")  # commands need no data
