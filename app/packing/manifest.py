"""The end-of-day manifest (bordereau de remise) as data: its rows, its totals, its CSV.

One ``ManifestRow`` per handling unit handed to the carrier (a parcel, a B2B carton, a
pallet). ``app.store.handover`` reads them from the database; ``app.labels.documents.manifest``
lays them out as A4 pages; ``to_csv`` writes them for the carrier's or the office's tools.

The CSV, decided for the people who open it (French offices, in Excel or LibreOffice):
- ``;`` between fields and a decimal comma in the weights: what French Excel expects when it
  opens a ``.csv`` by double-click (with ``,`` everything lands in column A, and "1.250" may be
  read as a date or as 1250);
- UTF-8, and ``to_csv_bytes`` puts a byte order mark first, or Excel reads "Société" as
  "SociÃ©tÃ©"; ``to_csv`` (text) has no BOM, for programs;
- CRLF line ends and RFC 4180 quoting (a ``;`` or a quote inside a name stays in its field);
- one header row, then one row per unit, in the order they were handed over. No totals line:
  a row that is not a parcel breaks every import; the totals are on the PDF;
- weights in kilograms with 3 decimals ("1,250"), empty when the unit was never weighed;
- the SSCC as its 18 digits (a spreadsheet may show it in scientific notation: import the
  column as text to see it whole);
- the time handed over in the warehouse's local time (Europe/Paris), "2026-11-24 16:05".

Pallets: a pallet's recorded weight is its cartons' weight, so the totals count the cartons
and not the pallet again (``ManifestTotals``: ``parcels`` and ``weight_g`` leave pallets out,
``pallets`` counts them).

Pure: no Qt, no SQL, no I/O.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from zoneinfo import ZoneInfo

LOCAL = ZoneInfo("Europe/Paris")

CSV_HEADER = (
    "SSCC", "Commande", "Colis", "Type", "Destinataire", "Code postal", "Ville", "Pays", "Point relais",
    "Poids (kg)", "Remis le",
)
KIND_NAMES = {"parcel": "colis", "carton": "carton", "pallet": "palette"}


@dataclass(frozen=True)
class ManifestRow:
    """One handling unit on the manifest. ``parcel`` is "n/N" (N: the order's parcels, the
    pallet left out), or "palette" for a pallet; ``relay_point`` "" for a home delivery."""

    sscc: str
    order: str
    parcel: str
    recipient: str
    city: str
    zip: str
    country: str
    relay_point: str
    weight_g: int | None
    shipped_at: datetime | None
    kind: str = "parcel"  # parcel | carton | pallet


@dataclass(frozen=True)
class ManifestTotals:
    parcels: int  # parcels and cartons (pallets left out: their cartons are counted)
    pallets: int
    weight_g: int  # of the parcels and cartons
    unweighed: int  # parcels and cartons with no recorded weight

    @property
    def kg(self) -> str:
        """The total weight as printed: "245,300"."""
        return kg_text(self.weight_g)


def totals(rows: Iterable[ManifestRow]) -> ManifestTotals:
    parcels = pallets = weight = unweighed = 0
    for row in rows:
        if row.kind == "pallet":
            pallets += 1
            continue
        parcels += 1
        if row.weight_g is None:
            unweighed += 1
        else:
            weight += row.weight_g
    return ManifestTotals(parcels, pallets, weight, unweighed)


def kg_text(grams: int | None) -> str:
    """Grams as kilograms with 3 decimals and a decimal comma ("1,250"); "" for None."""
    if grams is None:
        return ""
    sign = "-" if grams < 0 else ""
    whole, rest = divmod(abs(int(grams)), 1000)
    return f"{sign}{whole},{rest:03d}"


def local_time_text(when: datetime | None) -> str:
    """An aware time in the warehouse's time zone, "2026-11-24 16:05"; "" for None."""
    if when is None:
        return ""
    return when.astimezone(LOCAL).strftime("%Y-%m-%d %H:%M")


def csv_record(row: ManifestRow) -> list[str]:
    return [
        row.sscc, row.order, row.parcel, KIND_NAMES.get(row.kind, row.kind), row.recipient, row.zip, row.city,
        row.country, row.relay_point, kg_text(row.weight_g), local_time_text(row.shipped_at),
    ]


def to_csv(rows: Sequence[ManifestRow]) -> str:
    """The manifest as CSV text (module docstring): header, then one line per unit."""
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", quotechar='"', quoting=csv.QUOTE_MINIMAL, lineterminator="\r\n")
    writer.writerow(CSV_HEADER)
    for row in rows:
        writer.writerow(csv_record(row))
    return out.getvalue()


def to_csv_bytes(rows: Sequence[ManifestRow]) -> bytes:
    """``to_csv`` encoded UTF-8 with a byte order mark, as the file is written (Excel)."""
    return "\ufeff".encode() + to_csv(rows).encode("utf-8")
