"""The KPIs as CSV files, one per KPI, for the office's spreadsheets (French Excel first).

Same choices as the manifest (app.packing.manifest): ``;`` between fields, a decimal comma,
CRLF line ends, RFC 4180 quoting, UTF-8 with a byte order mark in the files written
(``write_csv``; ``to_csv`` gives the texts without it). Times in the warehouse's time zone.
Rates are percentages with one decimal ("87,5"); a figure with no data is an empty field.

``to_csv(kpis)`` -> {file name: CSV text}:
- ``kpi_picks_<day>.csv``: one row per picker and hour (Heure;Badge;Préparateur;Unités),
  then nothing else (a totals row breaks imports: ``kpi_pickers`` has the totals);
- ``kpi_pickers_<day>.csv``: per picker, units, hours picked, units per hour;
- ``kpi_shipping_<day>.csv``, ``kpi_packing_errors_<day>.csv``, ``kpi_fulfilment_<day>.csv``,
  ``kpi_returns_<day>.csv``, ``kpi_cycle_time_<day>.csv``: a header and one row.

Pure (no Qt, no SQL) but ``write_csv``, which writes the files.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

from app.store.kpis_data import Kpis


def decimal_text(value: float | None, places: int = 1) -> str:
    """1234.56 -> "1234,6" (no thousands separator: spreadsheets read it as a number); None -> ""."""
    if value is None:
        return ""
    return f"{value:.{places}f}".replace(".", ",")


def percent_text(rate: float | None) -> str:
    return decimal_text(None if rate is None else rate * 100)


def _csv(header: tuple[str, ...], rows: list[list[str]]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", quotechar='"', quoting=csv.QUOTE_MINIMAL, lineterminator="\r\n")
    writer.writerow(header)
    writer.writerows(rows)
    return out.getvalue()


def to_csv(kpis: Kpis) -> dict[str, str]:
    day = kpis.day.isoformat()
    hours = kpis.hours
    picks = [
        [hours[row.hour].strftime("%Y-%m-%d %H:%M") if row.hour < len(hours) else "", row.badge, row.name,
         str(row.units)]
        for row in kpis.picks
    ]
    pickers = [[r.badge, r.name, str(r.units), str(r.hours), decimal_text(r.per_hour)] for r in kpis.pickers()]
    s, p, f, r, c = kpis.shipping, kpis.packing, kpis.fulfilment, kpis.returns, kpis.cycle
    return {
        f"kpi_picks_{day}.csv": _csv(("Heure", "Badge", "Préparateur", "Unités"), picks),
        f"kpi_pickers_{day}.csv": _csv(("Badge", "Préparateur", "Unités", "Heures", "Unités par heure"), pickers),
        f"kpi_shipping_{day}.csv": _csv(
            ("Jour", "Dues (cutoff du jour)", "Dues expédiées", "Expédiées ce jour", "Dues expédiées (%)"),
            [[day, str(s.due), str(s.due_shipped), str(s.shipped), percent_text(s.due_rate)]],
        ),
        f"kpi_packing_errors_{day}.csv": _csv(
            ("Jour", "Écarts de scan", "Poids hors tolérance", "Forçages de vérification", "Erreurs",
             "Commandes emballées", "Erreurs par commande (%)"),
            [[day, str(p.mismatches), str(p.weight), str(p.overrides), str(p.errors), str(p.packed),
              percent_text(p.rate)]],
        ),
        f"kpi_fulfilment_{day}.csv": _csv(
            ("Jour", "Expédiées", "Expédiées complètes", "Taux de service (%)"),
            [[day, str(f.shipped), str(f.complete), percent_text(f.rate)]],
        ),
        f"kpi_returns_{day}.csv": _csv(
            ("Jour", "Fenêtre (jours)", "Expédiées sur la fenêtre", "Retournées", "Taux de retour (%)", "Données"),
            [[day, str(r.window_days), "" if r.shipped is None else str(r.shipped), str(r.returned), percent_text(r.rate),
              "oui" if r.recorded else "aucun retour enregistré"]],
        ),
        f"kpi_cycle_time_{day}.csv": _csv(
            ("Jour", "Commandes", "Moyenne (h)", "Médiane (h)", "Sans événement d'import"),
            [[day, str(c.orders), decimal_text(c.mean_h, 2), decimal_text(c.median_h, 2), str(c.without_import)]],
        ),
    }


def write_csv(kpis: Kpis, folder: Path) -> list[Path]:
    """Write ``to_csv`` into ``folder`` (created if needed), UTF-8 with a BOM; the paths written."""
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name, text in to_csv(kpis).items():
        path = folder / name
        path.write_bytes("\ufeff".encode() + text.encode("utf-8"))
        written.append(path)
    return written
