"""``quai manifest CARRIER`` and ``quai ship SSCC``: the dock from the command line.

``manifest`` writes a carrier's end-of-day manifest (PDF or CSV, see app.packing.manifest for
the CSV's form) for the parcels handed over that day, and lists the parcels still expected
(missing) on standard error. It only reads, unless ``--close`` is given: then the day is
closed (``manifest.closed`` recorded, as the dock's "Clôturer la journée" does).

``ship`` hands one parcel over (app.store.handover.ship_parcel), as a scan at the dock does.

Exit codes: 0 done (a parcel handed over already is not an error), 1 the parcel cannot leave
(unknown, order on hold, other carrier…) or the file cannot be written, 2 bad arguments,
database or configuration.
"""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path

from app.cli.errors import CliError

CARRIERS = ("colissimo", "chronopost", "mondial_relay", "click_collect")
CLI_STATION = "quai-cli"


def _db(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--db", metavar="URL", default=None,
                        help="SQLAlchemy database URL (default: $QUAI_DB, else the embedded SQLite database)")


def _day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date: write it YYYY-MM-DD, e.g. 2026-11-24") from None


def add_manifest_arguments(manifest: argparse.ArgumentParser) -> None:
    manifest.add_argument("carrier", choices=CARRIERS, metavar="CARRIER", help=" | ".join(CARRIERS))
    manifest.add_argument("--date", type=_day, default=None, metavar="YYYY-MM-DD",
                          help="the day handed over (default: today, in the warehouse's time zone)")
    manifest.add_argument("--format", choices=("pdf", "csv"), default="pdf", help="pdf (default) or csv")
    manifest.add_argument("--out", required=True, metavar="FILE|-", help="write to FILE, or to standard output with -")
    manifest.add_argument("--close", action="store_true",
                          help="also close the day: record manifest.closed with the parcels and the missing ones")
    manifest.add_argument("--config", type=Path, metavar="station.toml",
                          help="take the sender from a station's configuration")
    manifest.add_argument("--actor", metavar="BADGE", help="who closes the day (recorded with --close)")
    _db(manifest)
    manifest.set_defaults(handler="app.cli.manifest:cmd_manifest")


def add_ship_arguments(ship: argparse.ArgumentParser) -> None:
    ship.add_argument("sscc", metavar="SSCC", help="the parcel's SSCC: 18 digits, or (00) and 18 digits")
    ship.add_argument("--carrier", choices=CARRIERS, default=None, metavar="CARRIER",
                      help="refuse a parcel of another carrier (" + " | ".join(CARRIERS) + ")")
    ship.add_argument("--actor", metavar="BADGE", help="who hands it over (recorded with the event)")
    _db(ship)
    ship.set_defaults(handler="app.cli.manifest:cmd_ship")


def _sender(args: argparse.Namespace):
    from app.cli.label import _sender, _settings

    return _sender(_settings(args))


def cmd_manifest(args: argparse.Namespace) -> int:
    from app.cli.common import open_database
    from app.packing.manifest import kg_text, to_csv_bytes, totals
    from app.store.db import session_factory
    from app.store.handover import close_manifest, dock_state, local_day

    day = args.date or local_day()
    sender = _sender(args) if args.format == "pdf" else None
    sessions = session_factory(open_database(args))
    closed_at = None
    if args.close:
        closed = close_manifest(sessions, CLI_STATION, args.actor, args.carrier, day)
        rows, missing, held, closed_at = closed.rows, closed.missing, closed.held, closed.closed_at
    else:
        with sessions() as session:
            state = dock_state(session, args.carrier, day)
        rows, missing, held = (tuple(p.manifest_row() for p in group) for group in (state.shipped, state.missing, state.held))
    if args.format == "csv":
        data = to_csv_bytes(rows)
    else:
        from app.cli.label import _gui_application
        from app.labels.documents.manifest import ManifestDocument, manifest_pages

        _gui_application()
        from app.labels.output import pdf_bytes

        data = pdf_bytes(manifest_pages(ManifestDocument(args.carrier, day, sender, rows, missing, held, closed_at)))
    _write(args.out, data)
    total = totals(rows)
    print(f"manifest {args.carrier} {day.isoformat()}: {total.parcels} parcel{'s' if total.parcels != 1 else ''}"
          f", {kg_text(total.weight_g).replace(',', '.')} kg{', day closed' if args.close else ''}", file=sys.stderr)
    for title, group in (("missing (expected, not handed over)", missing), ("set aside (order stopped)", held)):
        if group:
            print(f"{len(group)} {title}:", file=sys.stderr)
            for row in group:
                print(f"  {row.sscc}  {row.order} {row.parcel}  {row.recipient}", file=sys.stderr)
    return 0


def cmd_ship(args: argparse.Namespace) -> int:
    from app.cli.common import open_database
    from app.store.db import session_factory
    from app.store.handover import HandoverError, ship_parcel
    from app.packing.manifest import LOCAL

    sessions = session_factory(open_database(args))
    try:
        result = ship_parcel(sessions, CLI_STATION, args.actor, args.sscc, args.carrier)
    except HandoverError as exc:
        raise CliError(str(exc), 1) from None
    parcel = result.parcel
    what = f"pallet of {parcel.order}" if parcel.kind == "pallet" else f"parcel {parcel.number_text} of {parcel.order}"
    if result.already:
        when = parcel.shipped_at.astimezone(LOCAL) if parcel.shipped_at else None
        print(f"{what} (SSCC {parcel.sscc}) was already handed over"
              + (f" at {when:%H:%M} on {when:%Y-%m-%d}" if when else "") + ": nothing recorded")
        return 0
    line = f"{what} handed over (SSCC {parcel.sscc}, {parcel.carrier or 'no carrier'})"
    if result.with_pallet:
        line += f" with {len(result.with_pallet)} carton{'s' if len(result.with_pallet) > 1 else ''}"
    line += f"; order {parcel.order} shipped" if result.order_shipped else f"; {result.left} more of {parcel.order} to go"
    print(line)
    return 0


def _write(out: str, data: bytes) -> None:
    if out == "-":
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
        return
    try:
        Path(out).write_bytes(data)
    except OSError as exc:
        raise CliError(f"{out}: cannot write the manifest ({exc.strerror or exc})", 1) from None
