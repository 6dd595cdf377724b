"""Raster label figures: a 100x150 mm shipping label painted at 203 dpi, and PDF pages.

Times, after a warm-up (fonts loaded, symbols encoded once, the canvas allocated):

- render: ``app.labels.raster.render_label(label, 203)``, the 1-bit image a raster thermal
  printer gets (paint on a reused grey canvas, threshold to Format_Mono); goal p50 and p99
  at most 30 ms;
- render + ESC/POS: the above, ``packed_rows`` and the ``GS v 0`` job (what the print queue
  does for an ESC/POS printer);
- PDF page: ``write_pdf`` of one label into memory at 600 dpi (a QBuffer), per page.

The label is ``app.labels.documents.shipping.shipping_label`` on a home-delivery parcel
with French accents, a GS1-128 SSCC, a tracking code and a QR code; a hand-built label of
the same make-up stands in when that module is missing.

    QT_QPA_PLATFORM=offscreen .venv/bin/python bench/bench_label_raster.py [--runs 200]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from PySide6.QtCore import QBuffer, QByteArray, QIODevice  # noqa: E402
from PySide6.QtGui import QGuiApplication  # noqa: E402

from app.labels.layout import Box, Code128, Label, QrCode, Text  # noqa: E402
from app.labels.raster import packed_rows, render_label, write_pdf  # noqa: E402
from app.labels.thermal import escpos_raster  # noqa: E402


def sscc(serial: int) -> str:
    body = f"3{'3760123456'}{serial:06d}"  # extension digit, company prefix, serial reference
    total = sum(int(d) * (3 if i % 2 == 0 else 1) for i, d in enumerate(reversed(body)))
    return body + str((10 - total % 10) % 10)


def shipping_label() -> tuple[Label, str]:
    """The real shipping label when its module is there, else a stand-in; and which."""
    try:
        from app.labels.documents.shipping import shipping_label as build  # noqa: PLC0415
        from app.labels.label_data import Address, ShippingLabelData  # noqa: PLC0415
    except ImportError:
        return _stand_in(), "stand-in (app.labels.documents.shipping missing)"
    sender = Address("Quai — entrepôt de démonstration", lines=("12 quai Saint-Antoine",), zip="69002", city="Lyon")
    recipient = Address("Élodie Bérénice Lefèvre-Çaglar", company="Atelier « Les Œillets »",
                        lines=("221 boulevard Saint-Germain-des-Prés", "Bâtiment B, 3e étage à droite"),
                        zip="75007", city="Paris", phone="+33 6 12 34 56 78")
    data = ShippingLabelData(carrier="colissimo", service="domicile", sender=sender, delivery_mode="home",
                             recipient=recipient, order_number="#1042", parcel_seq=1, parcel_count=2,
                             weight_g=2350, sscc=sscc(42), tracking_code="6A12345678901")
    return build(data), "app.labels.documents.shipping.shipping_label"


def _stand_in() -> Label:
    return Label("shipping", 100, 150, (
        Box(1, 1, 98, 148, thickness_mm=0.5),
        Text(3, 3, 60, 7, "COLISSIMO", bold=True, inverse=True),
        Text(3, 13, 94, 3.5, "Expéditeur : Quai — entrepôt de démonstration, 12 quai Saint-Antoine, 69002 Lyon"),
        Text(3, 21, 94, 5, "Élodie Bérénice Lefèvre-Çaglar, Atelier « Les Œillets », 221 boulevard "
                           "Saint-Germain-des-Prés, bâtiment B, 3e étage, 75007 Paris", bold=True, max_lines=4),
        Box(1, 48, 98, 0.5, filled=True),
        Text(3, 51, 94, 4, "Commande #1042 · colis 1/2 · 2,35 kg", bold=True),
        Code128(8, 62, 25, f"(00){sscc(42)}", gs1=True),
        Code128(8, 100, 15, "6A12345678901"),
        QrCode(8, 122, f"QUAI|#1042|1/2|{sscc(42)}|Élodie Bérénice Lefèvre-Çaglar"),
    ))


def percentiles(samples: list[float]) -> str:
    ordered = sorted(samples)
    p99 = ordered[min(len(ordered) - 1, round(0.99 * (len(ordered) - 1)))]
    return f"p50 {statistics.median(ordered) * 1000:6.2f} ms   p99 {p99 * 1000:6.2f} ms   max {ordered[-1] * 1000:6.2f} ms"


def timed(action, runs: int) -> list[float]:
    for _ in range(10):
        action()
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        samples.append(time.perf_counter() - start)
    return samples


def pdf_page(label: Label) -> None:
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    write_pdf([label], buffer, dpi=600)
    buffer.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=200)
    args = parser.parse_args()
    app = QGuiApplication.instance() or QGuiApplication(sys.argv)  # noqa: F841 - fonts need it
    label, source = shipping_label()
    print(f"label: {source}, {label.width_mm:g}x{label.height_mm:g} mm, {len(label.elements)} elements")
    image = render_label(label, 203)
    print(f"image: {image.width()}x{image.height()} dots at 203 dpi, 1 bit")
    print(f"render 203 dpi          {percentiles(timed(lambda: render_label(label, 203), args.runs))}   (goal: 30 ms)")
    print(f"render 300 dpi          {percentiles(timed(lambda: render_label(label, 300), args.runs))}")
    print(f"render + ESC/POS 203    "
          f"{percentiles(timed(lambda: escpos_raster(*packed_rows(render_label(label, 203))), args.runs))}")
    print(f"PDF page 600 dpi        {percentiles(timed(lambda: pdf_page(label), max(20, args.runs // 4)))}")


if __name__ == "__main__":
    main()
