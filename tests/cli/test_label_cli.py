"""``quai label shipping`` and ``quai label sheet``, through ``app.cli.main`` on the demo
warehouse: the SSCC comes from the central counter once per parcel, a second print is a
recorded reprint of the same number, a preview allocates nothing, every format reads back
with a real decoder (ZPL through the independent renderer), and a printer in fault gets
nothing."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import Engine, select

from app.cli import main
from app.demo.seed import build_demo
from app.domain.sscc import is_valid_sscc
from app.store.db import session_factory
from app.store.models import Event, Order, Parcel, SsccBlock
from tests.support.barcode_reading import texts
from tests.support.fake_printer import FakePrinter
from tests.support.zpl_render import render_zpl


@pytest.fixture
def demo(sqlite_engine: Engine, tmp_path: Path) -> str:
    build_demo(session_factory(sqlite_engine), workdir=tmp_path / "demo", now=datetime(2026, 11, 24, 9, 0, tzinfo=UTC))
    return sqlite_engine.url.render_as_string(hide_password=False)


def home_order(url: str) -> str:
    from app.store.db import make_engine

    engine = make_engine(url)
    with session_factory(engine)() as session:
        number = session.scalars(select(Order.number).where(Order.delivery_mode == "home").order_by(Order.number)).first()
    engine.dispose()
    return number


def pdf_page(path: Path, page: int = 0, dpi: int = 300):
    """A PDF page rasterised by QtPdf onto white paper (it renders on a transparent image)."""
    from PySide6.QtCore import QSize
    from PySide6.QtGui import QColor, QImage, QPainter
    from PySide6.QtPdf import QPdfDocument

    document = QPdfDocument()
    assert document.load(str(path)) == QPdfDocument.Error.None_
    size = document.pagePointSize(page)
    rendered = document.render(page, QSize(round(size.width() * dpi / 72), round(size.height() * dpi / 72)))
    paper = QImage(rendered.size(), QImage.Format.Format_RGB32)
    paper.fill(QColor("white"))
    painter = QPainter(paper)
    painter.drawImage(0, 0, rendered)
    painter.end()
    return paper


def rows(url: str, model) -> list:
    from app.store.db import make_engine

    engine = make_engine(url)
    with session_factory(engine)() as session:
        found = list(session.scalars(select(model)))
        for row in found:
            session.expunge(row)
    engine.dispose()
    return found


def test_a_preview_allocates_nothing_and_says_so(demo: str, tmp_path: Path, capsysbinary) -> None:
    order = home_order(demo)
    assert main(["label", "shipping", order, "--preview", "--db", demo, "--out", "-"]) == 0
    zpl = capsysbinary.readouterr().out.decode("utf-8")
    assert zpl.startswith("^XA^CI28") and "APERÇU" in zpl
    assert rows(demo, SsccBlock) == [] and all(p.sscc is None for p in rows(demo, Parcel))
    assert [e for e in rows(demo, Event) if e.kind.startswith("label.")] == []


def test_the_first_print_numbers_the_parcel_and_the_second_is_a_recorded_reprint(demo: str, tmp_path: Path, qapp) -> None:
    order = home_order(demo)
    first, second = tmp_path / "1.zpl", tmp_path / "2.zpl"
    assert main(["label", "shipping", order, "--db", demo, "--out", str(first), "--actor", "BDG0002"]) == 0
    assert main(["label", "shipping", order, "--db", demo, "--out", str(second), "--actor", "BDG0003"]) == 0
    parcel = next(p for p in rows(demo, Parcel) if p.sscc)
    assert is_valid_sscc(parcel.sscc) and parcel.sscc.startswith("33760123")  # [labels] defaults: 3 + 3760123
    assert first.read_bytes() == second.read_bytes()  # the same label: the same number
    kinds = [(e.kind, e.actor, e.payload["sscc"]) for e in rows(demo, Event) if e.kind.startswith("label.")]
    assert kinds == [("label.printed", "BDG0002", parcel.sscc), ("label.reprinted", "BDG0003", parcel.sscc)]
    assert len(rows(demo, SsccBlock)) == 1
    # What a scanner reads off the label, rendered by an independent ZPL renderer.
    image = render_zpl(first.read_text(encoding="utf-8"), 100, 150, 203)
    assert f"(00){parcel.sscc}" in texts(image)


def test_png_and_pdf_read_back_the_same_sscc(demo: str, tmp_path: Path, qapp) -> None:
    order = home_order(demo)
    png, pdf = tmp_path / "l.png", tmp_path / "l.pdf"
    assert main(["label", "shipping", order, "--db", demo, "--format", "png", "--dpi", "300", "--out", str(png)]) == 0
    assert main(["label", "shipping", order, "--db", demo, "--format", "pdf", "--out", str(pdf)]) == 0
    sscc = next(p.sscc for p in rows(demo, Parcel) if p.sscc)
    assert f"(00){sscc}" in texts(png)
    assert pdf.read_bytes().startswith(b"%PDF")
    assert f"(00){sscc}" in texts(pdf_page(pdf))


def test_sent_to_a_printer_once_and_never_to_one_in_fault(demo: str, capsys) -> None:
    order = home_order(demo)
    with FakePrinter() as printer:
        assert main(["label", "shipping", order, "--db", demo, "--printer", printer.url]) == 0
        assert printer.wait_for(lambda p: len(p.jobs) == 1, timeout=10)
        assert printer.jobs[0].startswith(b"^XA^CI28")
        printer.status = "head_open"
        assert main(["label", "shipping", order, "--db", demo, "--printer", printer.url]) == 1
        assert "tête d'impression" not in capsys.readouterr().err  # English on the command line
    assert len(printer.jobs) == 1


def test_unknown_orders_and_bad_arguments_are_clear(demo: str, capsys) -> None:
    assert main(["label", "shipping", "#404", "--db", demo]) == 1
    assert "order #404: not found" in capsys.readouterr().err
    assert main(["label", "shipping", home_order(demo), "--db", demo, "--parcel", "0"]) == 2
    assert main(["label", "shipping", home_order(demo), "--db", demo, "--printer", "lpt://1"]) == 2


def test_sheets_of_commands_locations_and_badges(demo: str, tmp_path: Path, capsys, qapp) -> None:
    for kind in ("commands", "locations", "badges"):
        out = tmp_path / f"{kind}.pdf"
        assert main(["label", "sheet", kind, "--db", demo, "--out", str(out)]) == 0
        assert out.read_bytes().startswith(b"%PDF")
    assert "commands sheet" in capsys.readouterr().out
    found = texts(pdf_page(tmp_path / "commands.pdf"))
    assert "CMD-DONE" in found and "CMD-UNDO" in found


def test_a_sheet_with_nothing_to_print_says_so(sqlite_engine: Engine, tmp_path: Path, capsys) -> None:
    from app.store.migrate import upgrade

    upgrade(sqlite_engine)
    url = sqlite_engine.url.render_as_string(hide_password=False)
    assert main(["label", "sheet", "badges", "--db", url, "--out", str(tmp_path / "b.pdf")]) == 1
    assert "badges sheet" in capsys.readouterr().err
    assert not (tmp_path / "b.pdf").exists()
