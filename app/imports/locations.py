"""Quai locations CSV: ``code,zone,aisle,bay,level,pick_sequence``, upserted by code."""

from __future__ import annotations

from sqlalchemy import insert, select, update
from sqlalchemy.orm import Session

from app.imports.csvsource import CsvTable
from app.imports import lengths
from app.imports.fields import as_int, text_at
from app.imports.report import ImportReport
from app.store.models import Location

COLUMNS = ("code", "zone", "aisle", "bay", "level", "pick_sequence")


def parse_locations(table: CsvTable) -> list[tuple[int, dict]]:
    table.require(COLUMNS)
    cols = {name: table.column(name) for name in COLUMNS}
    seen: dict[str, int] = {}
    rows: list[tuple[int, dict]] = []
    for rec in table.records:
        values: dict = {name: text_at(table, rec, cols[name], lengths.LOCATION[name]) for name in COLUMNS[:-1]}
        # Scans and lookups compare codes in upper case: store them so ("r-01-01-1" is R-01-01-1).
        values["code"] = values["code"].upper()
        if not values["code"]:
            raise table.fail(rec, cols["code"], "code is empty")
        if values["code"] in seen:
            raise table.fail(rec, cols["code"], f"location {values['code']} already given on line {seen[values['code']]}")
        seen[values["code"]] = rec.line
        values["pick_sequence"] = as_int(table, rec, cols["pick_sequence"], minimum=0)
        if values["pick_sequence"] is None:
            raise table.fail(rec, cols["pick_sequence"], "pick_sequence is empty")
        rows.append((rec.line, values))
    return rows


def write_locations(session: Session, rows: list[tuple[int, dict]], report: ImportReport) -> None:
    existing = {
        r.code: r for r in session.execute(select(Location.id, *(getattr(Location, c) for c in COLUMNS)))
    }
    inserts, updates = [], []
    for _line, values in rows:
        old = existing.get(values["code"])
        if old is None:
            inserts.append(values)
        elif any(getattr(old, c) != values[c] for c in COLUMNS):
            updates.append({"id": old.id, **values})
        else:
            report.unchanged += 1
    if inserts:
        session.execute(insert(Location), inserts)
    if updates:
        session.execute(update(Location), updates)
    report.imported += len(inserts)
    report.updated += len(updates)

