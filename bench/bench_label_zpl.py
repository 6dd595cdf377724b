"""ZPL generation time per shipping-size label (100 x 150 mm), at 203 and 300 dpi.

Goal (issue 6): at most 2 ms per label, in pure Python. The label is the real shipping
label (``app.labels.documents.shipping``) when that module is there, else a representative
one built here (about 20 elements: band, addresses, rules, two Code 128, a QR code).

Two series per resolution, p50 and p99 over ``--runs`` generations (default 1000), each in
wall-clock and in CPU time of the thread (the wall-clock tail on a loaded machine is mostly
time spent waiting for a core):
- "same label": the same label again and again (the symbol encodings are cached per data,
  as when a label is previewed then printed);
- "new labels": a different order number, SSCC and tracking code each time, so every
  barcode is encoded afresh (a packing station printing parcel after parcel).

Run: ``.venv/bin/python bench/bench_label_zpl.py [--runs N]``.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from app.domain.gtin import gs1_check_digit  # noqa: E402
from app.labels.layout import Box, Code128, Label, QrCode, Text  # noqa: E402
from app.labels.zpl import to_zpl  # noqa: E402


def sscc(serial: int) -> str:
    body = f"3765432{serial:010d}"
    return body + str(gs1_check_digit(body))


def representative_label(serial: int) -> Label:
    """A 100 x 150 mm shipping label much like the real one, for when it does not exist."""
    code = sscc(serial)
    elements = (
        Box(0, 0, 100, 15, filled=True),
        Text(3, 3, 60, 9, "COLISSIMO", bold=True, inverse=True),
        Text(65, 4, 32, 5, "Domicile", align="right", inverse=True),
        Text(3, 18, 60, 3.2, "Expéditeur : Quai Démo — Entrepôt Quai"),
        Text(3, 22, 60, 3.2, "12 rue des Entrepôts, 69007 Lyon", max_lines=2),
        QrCode(74, 17, f"QUAI|#{1000 + serial}|1/2|{code}|Élodie Durand", module_mm=0.5),
        Box(2, 40, 96, 0.4),
        Text(3, 42, 30, 3.5, "DESTINATAIRE", bold=True),
        Text(3, 47, 94, 7, "Élodie Durand", bold=True),
        Text(3, 56, 94, 5.5, "Résidence Les Hauts de Sainte-Foy, Bâtiment B, escalier 3, appartement 1207",
             max_lines=2),
        Text(3, 69, 94, 7, "69110 SAINTE-FOY-LÈS-LYON", bold=True),
        Text(3, 77, 60, 4, "+33 6 12 34 56 78"),
        Box(2, 82, 96, 0.4),
        Text(3, 84, 62, 5.5, f"Commande #{1000 + serial}", bold=True),
        Text(66, 84, 31, 5.5, "Colis 1/2", bold=True, align="right"),
        Text(3, 91, 62, 4.5, "Poids : 1,25 kg"),
        Box(2, 97, 96, 0.4),
        Code128(20, 99, 18, f"6A{serial:011d}", module_mm=0.375, human_readable=False),
        Text(3, 117.4, 94, 3.2, f"6A{serial:011d}", bold=True, align="center"),
        Code128(12, 123, 20, f"(00){code}", gs1=True, module_mm=0.375, human_readable=False),
        Text(3, 143.4, 94, 3.2, f"(00) {code}", bold=True, align="center"),
    )
    return Label("shipping", 100, 150, elements)


def real_label_builder():
    """(description, builder(serial) -> Label) from app.labels.documents.shipping, or None."""
    try:
        from app.labels.documents.shipping import shipping_label
        from app.labels.label_data import Address, ShippingLabelData
    except ImportError:
        return None
    sender = Address("Quai Démo", company="Entrepôt Quai", lines=("12 rue des Entrepôts",), zip="69007", city="Lyon")
    recipient = Address("Élodie Durand", lines=("Résidence Les Hauts de Sainte-Foy, Bâtiment B", "escalier 3, appartement 1207"),
                        zip="69110", city="Sainte-Foy-lès-Lyon", phone="+33 6 12 34 56 78")

    def build(serial: int) -> Label:
        data = ShippingLabelData("colissimo", "domicile", sender, "home", recipient, f"#{1000 + serial}", 1, 2, 1250,
                                 sscc(serial), f"6A{serial:011d}")
        return shipping_label(data)

    return "app.labels.documents.shipping.shipping_label (home delivery, tracking code)", build


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(fraction * len(ordered)))]


def measure(labels: list[Label], dpi: int) -> tuple[list[float], list[float]]:
    """(wall-clock ms, this thread's CPU ms) per label. On a loaded machine the wall-clock
    tail includes time the process was not running; the CPU time is the work itself."""
    wall, cpu = [], []
    for label in labels:
        start, start_cpu = time.perf_counter(), time.thread_time()
        to_zpl(label, dpi)
        cpu.append((time.thread_time() - start_cpu) * 1000)
        wall.append((time.perf_counter() - start) * 1000)
    return wall, cpu


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=1000)
    parser.add_argument("--representative", action="store_true", help="use the label built here even if the real one exists")
    args = parser.parse_args()
    real = None if args.representative else real_label_builder()
    description, build = real if real else ("representative label built in this bench", representative_label)
    sample = build(1)
    print(f"label: {description}; {len(sample.elements)} elements, {sample.width_mm:g} x {sample.height_mm:g} mm")
    print(f"goal: <= 2 ms per label; {args.runs} runs each, python {sys.version.split()[0]}")
    for dpi in (203, 300):
        zpl = to_zpl(sample, dpi)
        for _ in range(50):  # warm-up: imports, caches of the first label
            to_zpl(sample, dpi)
        same = measure([sample] * args.runs, dpi)
        fresh = measure([build(2 + n) for n in range(args.runs)], dpi)
        for name, (wall, cpu) in (("same label", same), ("new labels", fresh)):
            print(f"{dpi} dpi, {name:10}: wall p50 {statistics.median(wall):.3f} ms  p99 {percentile(wall, 0.99):.3f} ms  "
                  f"max {max(wall):.3f} ms | cpu p50 {statistics.median(cpu):.3f} ms  p99 {percentile(cpu, 0.99):.3f} ms"
                  f"  ({len(zpl)} bytes of ZPL)")


if __name__ == "__main__":
    main()
