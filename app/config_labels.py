"""The station file's ``[printing]`` and ``[labels]`` sections: where labels go, and what
is printed on them (sender, pickup store, SSCC numbering).

Kept apart from ``app.config`` (which reads the rest of the file) because it is one idea:
printing. No Qt, no I/O except checking the values.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from app.paths import data_dir

DPIS = (203, 300)
SLIP_PAPERS = ("A5", "A4", "80mm")


def default_spool(station_name: str, kind: str) -> str:
    """The demo's printers: spool folders beside the station's database, one file per job."""
    safe = "".join(c if c.isalnum() or c in "-_" else "_" for c in station_name)
    return f"file://{data_dir() / 'spool' / safe / kind}"


@dataclass(frozen=True)
class SenderSettings:
    """Who sends the parcels: printed on every shipping label."""

    name: str = "Quai Démo"
    address: str = "12 rue des Entrepôts"
    zip: str = "69007"
    city: str = "Lyon"
    country: str = "FR"
    phone: str = ""


@dataclass(frozen=True)
class LabelSettings:
    label_printer: str = ""  # thermal label printer URL (app.devices.printers); "" = the spool folder
    document_printer: str = ""  # packing slips; "" = the spool folder (PDF)
    dpi: int = 203
    slip_paper: str = "A5"  # A5 | A4 | 80mm (thermal receipt printer)
    sender: SenderSettings = field(default_factory=SenderSettings)
    pickup_store: str = "Quai Boutique, 3 place des Terreaux, 69001 Lyon"  # click & collect
    # SSCC: extension digit + GS1 company prefix + serial reference + check digit.
    sscc_extension: int = 3
    gs1_company_prefix: str = "3760123"  # the demo's; a real site puts the one GS1 France assigned
    sscc_block_size: int = 200  # serial references a station holds, to label while offline

    def label_printer_url(self, station: str) -> str:
        return self.label_printer or default_spool(station, "labels")

    def document_printer_url(self, station: str) -> str:
        return self.document_printer or default_spool(station, "documents") + "?language=pdf"


class LabelConfigError(ValueError):
    pass


def parse_label_settings(data: dict[str, Any], path: Path | str) -> LabelSettings:
    """``[printing]`` and ``[labels]`` of a station file; a wrong value is a LabelConfigError
    naming the file, the section and the key."""
    printing = _section(data, "printing", path)
    labels = _section(data, "labels", path)
    _only(printing, ("label_printer", "document_printer", "dpi", "slip_paper"), "printing", path)
    _only(labels, ("sender", "pickup_store", "sscc_extension", "gs1_company_prefix", "sscc_block_size"), "labels", path)
    values: dict[str, Any] = {}
    for key in ("label_printer", "document_printer"):
        if key in printing:
            url = printing[key]
            if not isinstance(url, str):
                raise LabelConfigError(f"{path}: [printing] {key} must be a printer URL in quotes")
            _check_printer_url(url, key, path)
            values[key] = url
    if "dpi" in printing:
        if printing["dpi"] not in DPIS:
            raise LabelConfigError(f"{path}: [printing] dpi = {printing['dpi']!r}; expected 203 or 300")
        values["dpi"] = printing["dpi"]
    if "slip_paper" in printing:
        if printing["slip_paper"] not in SLIP_PAPERS:
            raise LabelConfigError(f"{path}: [printing] slip_paper = {printing['slip_paper']!r}; expected one of {', '.join(SLIP_PAPERS)}")
        values["slip_paper"] = printing["slip_paper"]
    if "sender" in labels:
        sender = labels["sender"]
        if not isinstance(sender, dict):
            raise LabelConfigError(f"{path}: [labels] sender must be a table: sender = {{ name = \"…\", address = \"…\", zip = \"…\", city = \"…\" }}")
        known = SenderSettings.__dataclass_fields__
        _only(sender, tuple(known), "labels.sender", path)
        if any(not isinstance(v, str) for v in sender.values()):
            raise LabelConfigError(f"{path}: [labels] sender: every value is text in quotes")
        values["sender"] = SenderSettings(**sender)
    if "pickup_store" in labels:
        if not isinstance(labels["pickup_store"], str):
            raise LabelConfigError(f"{path}: [labels] pickup_store must be text in quotes")
        values["pickup_store"] = labels["pickup_store"]
    if "sscc_extension" in labels:
        ext = labels["sscc_extension"]
        if not isinstance(ext, int) or isinstance(ext, bool) or not 0 <= ext <= 9:
            raise LabelConfigError(f"{path}: [labels] sscc_extension = {ext!r}; expected one digit, 0 to 9")
        values["sscc_extension"] = ext
    if "gs1_company_prefix" in labels:
        prefix = labels["gs1_company_prefix"]
        if not isinstance(prefix, str) or not re.fullmatch(r"\d{7,10}", prefix):
            raise LabelConfigError(
                f"{path}: [labels] gs1_company_prefix = {prefix!r}; expected the 7 to 10 digits GS1 assigned, in quotes")
        values["gs1_company_prefix"] = prefix
    if "sscc_block_size" in labels:
        size = labels["sscc_block_size"]
        if not isinstance(size, int) or isinstance(size, bool) or not 10 <= size <= 100_000:
            raise LabelConfigError(f"{path}: [labels] sscc_block_size = {size!r}; expected a whole number from 10 to 100000")
        values["sscc_block_size"] = size
    return LabelSettings(**values)


def _check_printer_url(url: str, key: str, path: Path | str) -> None:
    from app.devices.printers.printer_url import parse_printer_url

    try:
        parse_printer_url(url)
    except ValueError as exc:
        raise LabelConfigError(f"{path}: [printing] {key}: {exc}") from None


def _section(data: dict[str, Any], key: str, path: Path | str) -> dict[str, Any]:
    value = data.get(key, {})
    if not isinstance(value, dict):
        raise LabelConfigError(f"{path}: {key} must be a section [{key}], not a single value")
    return value


def _only(table: dict[str, Any], known: tuple[str, ...], section: str, path: Path | str) -> None:
    unknown = sorted(set(table) - set(known))
    if unknown:
        raise LabelConfigError(f"{path}: [{section}] {unknown[0]} is not a setting here (known: {', '.join(known)})")
