"""The ``quai`` command.

Every command takes ``--db URL`` (a SQLAlchemy URL). Without it, ``QUAI_DB`` is
used, else the embedded SQLite database under the user data directory. Errors
name the file, row or database involved and exit non-zero.

Handlers are named as ``"module:function"`` and imported only when their command
runs: ``quai station`` must not pay for SQLAlchemy before its window is shown.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence
from pathlib import Path

from app.cli.errors import CliError

ORDER_STATUSES = (
    "new", "awaiting_stock", "picking", "picked", "packing", "ready_to_ship", "shipped", "on_hold", "exception",
    "cancelled",
)  # the same list as app.domain.status.OrderStatus; a test keeps them equal
IMPORT_KINDS = ("locations", "stock", "products", "orders")


def _db_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--db",
        metavar="URL",
        default=None,
        help="SQLAlchemy database URL (default: $QUAI_DB, else the embedded SQLite database)",
    )


def _add_db(db: argparse.ArgumentParser) -> None:
    db_actions = db.add_subparsers(dest="db_action", required=True, metavar="ACTION")
    up = db_actions.add_parser("upgrade", help="create or migrate the schema to the latest version")
    _db_option(up)
    up.set_defaults(handler="app.cli.admin:cmd_db_upgrade")


def _add_import(imp: argparse.ArgumentParser) -> None:
    imp.add_argument("kind", choices=IMPORT_KINDS)
    imp.add_argument("file", type=Path)
    imp.add_argument("--format", default=None, help="file format (detected from the header when omitted)")
    imp.add_argument("--rules", type=Path, default=None, help="shipping-method rules (TOML) for order imports")
    _db_option(imp)
    imp.set_defaults(handler="app.cli.admin:cmd_import")


def _add_orders(orders: argparse.ArgumentParser) -> None:
    order_actions = orders.add_subparsers(dest="orders_action", required=True, metavar="ACTION")
    listing = order_actions.add_parser("list", help="list orders, most urgent first")
    listing.add_argument("--status", choices=ORDER_STATUSES, default=None)
    listing.add_argument("--format", choices=("table", "json"), default="table")
    _db_option(listing)
    listing.set_defaults(handler="app.cli.admin:cmd_orders_list")


def _add_lookup(look: argparse.ArgumentParser) -> None:
    look.add_argument("code")
    look.add_argument("--format", choices=("text", "json"), default="text")
    _db_option(look)
    look.set_defaults(handler="app.cli.admin:cmd_lookup")


def _add_users(users: argparse.ArgumentParser) -> None:
    user_actions = users.add_subparsers(dest="users_action", required=True, metavar="ACTION")
    add = user_actions.add_parser("add", help="add a user with a badge")
    add.add_argument("--name", required=True)
    add.add_argument("--roles", required=True, help="comma-separated: picker,packer,supervisor")
    add.add_argument("--badge", required=True)
    add.add_argument(
        "--pin", action="store_true", help="ask for a PIN (read from standard input when it is not a terminal)"
    )
    _db_option(add)
    add.set_defaults(handler="app.cli.admin:cmd_users_add")


def _add_demo(demo: argparse.ArgumentParser) -> None:
    demo.add_argument("--reset", action="store_true", help="start again from a fresh demo warehouse")
    demo.add_argument("--sheets", type=Path, metavar="FILE.pdf", help="print the demo's barcode sheets to a PDF")
    demo.add_argument("--no-gui", action="store_true", help="prepare the demo (and sheets) without opening a window")
    demo.add_argument("--station", default="DEMO-01", help="station name shown in the window")
    # Not $QUAI_DB: a demo must never fill a real central database by accident.
    demo.add_argument(
        "--db",
        metavar="URL",
        default=None,
        help="central database for the demo (default: the demo's own embedded SQLite file); "
        "it must be empty or hold a demo",
    )
    demo.set_defaults(handler="app.cli.gui:cmd_demo")


def _add_central(central: argparse.ArgumentParser) -> None:
    actions = central.add_subparsers(dest="central_action", required=True, metavar="ACTION")
    init = actions.add_parser("init", help="create the central schema in an empty database")
    _db_option(init)
    init.set_defaults(handler="app.cli.admin:cmd_central_init")
    up = actions.add_parser("upgrade", help="migrate the central schema to this version of Quai")
    _db_option(up)
    up.set_defaults(handler="app.cli.admin:cmd_central_upgrade")
    station = actions.add_parser(
        "add-station", help="create or update a station's own PostgreSQL role (run again after an upgrade)"
    )
    station.add_argument("name", help="the station's name, as in its configuration (e.g. PICK-01)")
    secret = station.add_mutually_exclusive_group()
    secret.add_argument("--password-file", metavar="FILE", help="the role's password, from a file of mode 600")
    secret.add_argument("--password-env", metavar="VAR", help="the role's password, from this environment variable")
    station.add_argument(
        "--supervisor", action="store_true", help="a supervisor console: may also force-release and reassign orders"
    )
    _db_option(station)
    station.set_defaults(handler="app.cli.central_roles:cmd_central_add_station")


def _add_station(station: argparse.ArgumentParser) -> None:
    station.add_argument("--config", type=Path, help="station configuration (TOML)")
    _db_option(station)
    station.set_defaults(handler="app.cli.gui:cmd_station")


def _add_scanner_test(test: argparse.ArgumentParser) -> None:
    test.add_argument("--scanner", required=True, metavar="URL",
                      help="the scanner: serial:///dev/ttyACM0?baudrate=9600&terminator=CR or evdev:///dev/input/by-id/…-event-kbd")
    test.add_argument("--format", choices=("text", "json"), default="text", help="one line per scan (default: text)")
    test.add_argument("--count", type=int, metavar="N", help="stop after N scans (default: until Ctrl-C)")
    test.add_argument("--db", help="also look the codes up in this database (SKU, location, badge, …)")
    test.set_defaults(handler="app.cli.scanner:cmd_scanner_test")


def _add_label(label: argparse.ArgumentParser) -> None:
    from app.cli.label import add_label_arguments  # argparse only: light

    add_label_arguments(label)


def _add_printer(printer: argparse.ArgumentParser) -> None:
    from app.cli.printer import add_printer_arguments  # argparse only: light

    add_printer_arguments(printer)


COMMANDS = {  # name: (help, adds its arguments)
    "db": ("create or migrate the schema", _add_db),
    "central": ("create or migrate the central database", _add_central),
    "import": ("import locations, stock, products or orders from a file", _add_import),
    "orders": ("list orders", _add_orders),
    "lookup": ("what a station makes of a scanned code", _add_lookup),
    "users": ("manage users", _add_users),
    "demo": ("open the demo warehouse on its embedded database", _add_demo),
    "station": ("open a station", _add_station),
    "scanner-test": ("print each scan of a scanner and how Quai reads it", _add_scanner_test),
    "label": ("shipping labels and barcode sheets", _add_label),
    "printer": ("ask a label printer for its status", _add_printer),
    "scale": ("print each weight a scale gives", lambda parser: _resolve("app.cli.scale:add_scale_arguments")(parser)),
    "manifest": ("a carrier's end-of-day manifest (PDF or CSV)",
                 lambda parser: _resolve("app.cli.manifest:add_manifest_arguments")(parser)),
    "ship": ("hand a parcel over to its carrier, as a scan at the dock",
             lambda parser: _resolve("app.cli.manifest:add_ship_arguments")(parser)),
}


def build_parser(only: str | None = None) -> argparse.ArgumentParser:
    """The ``quai`` parser; with ``only``, just that command (``main`` builds only the one it runs).

    Each sub-parser costs argparse set-up and gettext look-ups, a few milliseconds in all
    that ``quai station`` would pay before its window shows. ``quai --help`` and an unknown
    command still get the full parser.
    """
    parser = argparse.ArgumentParser(prog="quai", description="Quai warehouse stations and administration.")
    parser.add_argument("--version", action="version", version=f"quai {__import__('app').__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for name, (help_text, add_arguments) in COMMANDS.items():
        if only is None or name == only:
            add_arguments(commands.add_parser(name, help=help_text))
    return parser


def _resolve(handler: str):
    module, function = handler.split(":")
    return getattr(importlib.import_module(module), function)


def main(argv: Sequence[str] | None = None) -> int:
    args_in = list(sys.argv[1:] if argv is None else argv)
    command = args_in[0] if args_in and args_in[0] in COMMANDS else None
    args = build_parser(only=command).parse_args(args_in)
    try:
        return int(_resolve(args.handler)(args) or 0)
    except CliError as exc:
        print(f"quai: {exc}", file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        print("quai: interrupted", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
