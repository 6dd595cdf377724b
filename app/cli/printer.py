"""``quai printer status URL [--format json]``: what the printer says of itself.

Exit codes: 0 online and no fault, 1 a fault or offline, 2 a printer URL that cannot be used.
This module stays light (argparse only at import): ``app.cli`` imports it to build its parser.
"""

from __future__ import annotations

import argparse
import json

from app.cli.errors import CliError

FLAGS = ("online", "paper_out", "paused", "head_open", "ribbon_out", "buffer_full")


def add_printer_arguments(printer: argparse.ArgumentParser) -> None:
    """``quai printer ACTION``: the actions (today ``status``)."""
    actions = printer.add_subparsers(dest="printer_action", required=True, metavar="ACTION")
    add_printer_status_arguments(actions.add_parser("status", help="ask a printer for its status (~HS on Zebra)"))


def add_printer_status_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("url", metavar="URL",
                        help="the printer: tcp://HOST:9100, serial:///dev/ttyUSB0?baudrate=9600, usb:///dev/usb/lp0, "
                             "cups://QUEUE or file:///spool/folder (options: language=, timeout=, status=hs|hqes)")
    parser.add_argument("--format", choices=("text", "json"), default="text", help="text (default) or JSON")
    parser.add_argument("--timeout", type=float, default=2.0, metavar="SECONDS",
                        help="no answer within this long is offline (default: 2)")
    parser.set_defaults(handler="app.cli.printer:cmd_printer_status")


def cmd_printer_status(args: argparse.Namespace) -> int:
    from app.devices.printers.printer_url import PrinterUrlError, parse_printer_url
    from app.devices.printers.status import printer_status

    try:
        printer = parse_printer_url(args.url)
    except PrinterUrlError as exc:
        raise CliError(f"printer {exc}", 2) from None
    if not 0.1 <= args.timeout <= 600:
        raise CliError("--timeout must be between 0.1 and 600 seconds", 2)
    status = printer_status(printer, timeout=args.timeout)
    if args.format == "json":
        print(json.dumps(status.to_json(), ensure_ascii=False))
    else:
        print(f"printer: {printer.shown}")
        for flag in FLAGS:
            print(f"{flag}: {'yes' if getattr(status, flag) else 'no'}")
        print(f"error: {status.error or '-'}")
    return 0 if status.ready else 1
