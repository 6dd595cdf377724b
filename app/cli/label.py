"""``quai label shipping ORDER`` and ``quai label sheet KIND``: labels from the command line.

``shipping`` prints (or writes) the shipping label of one parcel. Without ``--preview`` the
parcel gets its SSCC: a new serial reference from the central database's counter the first
time, the same SSCC again afterwards (a reprint, recorded as such in the event log: the label
on a parcel and the one in the carrier's system must stay one number). ``--preview`` uses the
expected weight and the all-zero SSCC, allocates nothing and is marked APERÇU.

Exit codes: 0 done, 1 the order or parcel cannot be labelled (unknown, nothing to ship) or the
printer refused, 2 bad arguments, database or configuration.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from app.cli.errors import CliError

FORMATS = ("zpl", "png", "pdf")
SHEETS = ("commands", "locations", "badges")
CLI_STATION = "quai-cli"  # the "station" the central SSCC log names for labels made here


def add_label_arguments(label: argparse.ArgumentParser) -> None:
    kinds = label.add_subparsers(dest="label_kind", required=True, metavar="KIND")
    shipping = kinds.add_parser("shipping", help="the shipping label of one parcel of an order")
    shipping.add_argument("order", metavar="ORDER", help="the order number, e.g. #1042")
    shipping.add_argument("--parcel", type=int, default=1, metavar="N", help="parcel n of the order (default: 1)")
    shipping.add_argument("--format", choices=FORMATS, default=None,
                          help="zpl (default), png or pdf; with --printer, the printer's language by default")
    shipping.add_argument("--dpi", type=int, choices=(203, 300), default=None,
                          help="printer resolution (default: the configuration's, 203)")
    shipping.add_argument("--out", metavar="FILE|-", help="write the label to FILE, or to standard output with -")
    shipping.add_argument("--printer", metavar="URL", help="send it to this printer (tcp://HOST:9100, file:///dir, …)")
    shipping.add_argument("--preview", action="store_true",
                          help="expected weight, no SSCC allocated, marked APERÇU: to check a label before packing")
    shipping.add_argument("--config", type=Path, metavar="station.toml",
                          help="take the sender, GS1 prefix and resolution from a station's configuration")
    shipping.add_argument("--actor", metavar="BADGE", help="who asks (recorded with the label in the event log)")
    shipping.add_argument("--db", metavar="URL", default=None,
                          help="SQLAlchemy database URL (default: $QUAI_DB, else the embedded SQLite database)")
    shipping.set_defaults(handler="app.cli.label:cmd_label_shipping")

    sheet = kinds.add_parser("sheet", help="a PDF sheet of barcodes: commands, locations or badges")
    sheet.add_argument("sheet", choices=SHEETS, metavar="commands|locations|badges")
    sheet.add_argument("--out", required=True, type=Path, metavar="FILE.pdf", help="the PDF to write")
    sheet.add_argument("--db", metavar="URL", default=None,
                       help="SQLAlchemy database URL (default: $QUAI_DB, else the embedded SQLite database)")
    sheet.set_defaults(handler="app.cli.label:cmd_label_sheet")


def _gui_application():
    """Painting text needs a QGuiApplication (fonts); a terminal without a display gets Qt's
    offscreen platform rather than its "could not connect to display" abort."""
    if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication

    return QGuiApplication.instance() or QGuiApplication(["quai"])


def _settings(args: argparse.Namespace):
    from app.config import ConfigError, load_config
    from app.config_labels import LabelSettings

    if args.config is None:
        return LabelSettings()
    try:
        return load_config(args.config).labels
    except ConfigError as exc:
        raise CliError(str(exc), 2) from None


def _sender(settings):
    from app.labels.label_data import Address

    s = settings.sender
    return Address(name=s.name, lines=(s.address,) if s.address else (), zip=s.zip, city=s.city, country=s.country,
                   phone=s.phone)


def _pickup_store(settings):
    """``[labels] pickup_store`` is one line, "Name, street, zip city": the first part is the name."""
    from app.labels.label_data import Address

    name, _, rest = settings.pickup_store.partition(",")
    parts = [p.strip() for p in rest.split(",") if p.strip()]
    town = parts.pop() if parts else ""
    zip_code, _, city = town.partition(" ")
    return Address(name=name.strip(), lines=tuple(parts), zip=zip_code, city=city)


def _sscc_settings(settings):
    from app.domain.sscc import SsccSettings

    return SsccSettings.for_block_size(settings.sscc_extension, settings.gs1_company_prefix, settings.sscc_block_size)


def cmd_label_shipping(args: argparse.Namespace) -> int:
    from app.cli.common import open_database
    from app.devices.printers.printer_url import PrinterUrlError, parse_printer_url

    settings = _settings(args)
    dpi = args.dpi or settings.dpi
    printer = None
    if args.printer:
        try:
            printer = parse_printer_url(args.printer)
        except PrinterUrlError as exc:
            raise CliError(f"--printer: {exc}", 2) from None
    fmt = args.format or (printer.language if printer is not None and printer.language in FORMATS else "zpl")
    if args.parcel < 1:
        raise CliError(f"--parcel {args.parcel}: parcels count from 1", 2)
    engine = open_database(args)
    label, sscc, reprint = _shipping_label(engine, args, settings)
    if fmt != "zpl":
        _gui_application()
    from app.labels.output import encode

    data = encode([label], fmt, dpi)
    if printer is not None:
        _send(printer, data, f"{args.order}-{args.parcel}")
    if args.out or printer is None:
        _write(args.out or "-", data)
    if not args.preview:
        _record(engine, args, sscc, reprint, fmt, printer.shown if printer is not None else None)
    note = "preview, nothing allocated" if args.preview else ("reprint" if reprint else "new SSCC")
    print(f"shipping label {args.order} parcel {args.parcel}: SSCC {sscc} ({note})", file=sys.stderr)
    return 0


def _shipping_label(engine, args: argparse.Namespace, settings):
    """The label, its SSCC and whether the parcel had one already (a reprint)."""
    from sqlalchemy import select

    from app.labels.documents.shipping import shipping_label
    from app.labels.label_data import PREVIEW_SSCC
    from app.store.db import session_factory
    from app.store.label_data import shipping_label_data
    from app.store.models import Order, Parcel
    from app.sync.sscc import SsccExhausted, allocate_one

    sessions = session_factory(engine)
    reprint = False
    with sessions() as session:
        order = session.scalars(select(Order).where(Order.number == args.order)).one_or_none()
        if order is None:
            raise CliError(f"order {args.order}: not found (see `quai orders list`)", 1)
        parcel = session.scalars(select(Parcel).where(Parcel.order_id == order.id, Parcel.seq == args.parcel)).one_or_none()
        if args.preview:
            sscc = PREVIEW_SSCC
        elif parcel is not None and parcel.sscc:
            sscc, reprint = parcel.sscc, True
        else:
            try:
                sscc = allocate_one(engine, CLI_STATION, _sscc_settings(settings))
            except SsccExhausted as exc:
                raise CliError(str(exc), 1) from None
            if parcel is None:
                parcel = Parcel(order_id=order.id, seq=args.parcel)
                session.add(parcel)
            parcel.sscc = sscc
            session.commit()
        try:
            data = shipping_label_data(session, args.order, args.parcel, sender=_sender(settings), sscc=sscc,
                                       pickup_store=_pickup_store(settings))
            return shipping_label(data, preview=args.preview), sscc, reprint
        except (LookupError, ValueError) as exc:
            raise CliError(f"order {args.order} parcel {args.parcel}: {exc}", 1) from None


def _send(printer, data: bytes, job_id: str) -> None:
    from app.devices.printers.status import printer_status
    from app.devices.printers.transports import PrinterError, send

    status = printer_status(printer) if printer.answers_status else None
    if status is not None and not status.ready:
        from app.devices.printers.messages import reason_text

        code, reason_args = status.reason() or ("printer_error", {"error": status.error or "?"})
        raise CliError(f"printer {printer.shown}: {reason_text(code, reason_args)} Nothing was sent.", 1)
    try:
        send(printer, data, job_id=job_id)
    except PrinterError as exc:
        raise CliError(f"printer {printer.shown}: {exc}", 1) from None


def _write(out: str, data: bytes) -> None:
    if out == "-":
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
        return
    try:
        Path(out).write_bytes(data)
    except OSError as exc:
        raise CliError(f"{out}: cannot write the label ({exc.strerror or exc})", 1) from None


def _record(engine, args: argparse.Namespace, sscc: str, reprint: bool, fmt: str, printer: str | None) -> None:
    """The audit line: who labelled which parcel with which SSCC, and whether it was a reprint."""
    from app.domain.events import LABEL_PRINTED, LABEL_REPRINTED
    from app.store.db import session_factory
    from app.store.events import record

    with session_factory(engine)() as session:
        record(session, LABEL_REPRINTED if reprint else LABEL_PRINTED,
               {"order": args.order, "parcel": args.parcel, "sscc": sscc, "format": fmt, "printer": printer,
                "document": "shipping"},
               station=CLI_STATION, actor=args.actor, order_number=args.order)
        session.commit()


def cmd_label_sheet(args: argparse.Namespace) -> int:
    from app.cli.common import open_database
    from app.labels.sheet_pages import build_sheet
    from app.store.db import session_factory

    engine = open_database(args)
    try:
        pages = build_sheet(session_factory(engine), args.sheet)
    except LookupError as exc:
        raise CliError(f"{args.sheet} sheet: {exc}", 1) from None
    _gui_application()
    from app.labels.sheets import write_pages

    try:
        count = write_pages(args.out, pages)
    except OSError as exc:
        raise CliError(str(exc), 1) from None
    print(f"{args.sheet} sheet: {args.out} ({count} page{'s' if count != 1 else ''})")
    return 0
