"""Handlers of the administration subcommands: db, import, orders, lookup, users (arguments in app.cli)."""

from __future__ import annotations

import argparse
import getpass
import json
import sys

from sqlalchemy import select
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import selectinload

from app.cli.common import connect, open_database, shown_url
from app.cli.errors import CliError
from app.domain.pin import InvalidPin, validate_pin
from app.domain.roles import InvalidRoles, parse_roles
from app.store.db import session_factory, transaction
from app.store.lookup import lookup
from app.store.migrate import current_revision, head_revision
from app.store.models import Order
from app.store.users import DuplicateBadge, InvalidBadge, add_user
from app.sync.capture import installed, prepare_central

def cmd_db_upgrade(args: argparse.Namespace) -> int:
    engine = open_database(args, migrate=True)
    url = shown_url(engine.url.render_as_string(hide_password=False))
    print(f"{url}: schema at {current_revision(engine)} (latest {head_revision()})")
    return 0


def cmd_central_init(args: argparse.Namespace) -> int:
    """Create the central schema; on a database that has it already, say so and change nothing."""
    engine, revision = connect(args)
    url = shown_url(engine.url.render_as_string(hide_password=False))
    if revision is not None:
        print(f"{url}: already a Quai central database (schema {revision}); `quai central upgrade` migrates it")
        return 0
    prepare_central(engine)
    print(f"{url}: central database created (schema {head_revision()})")
    return 0


def cmd_central_upgrade(args: argparse.Namespace) -> int:
    engine, revision = connect(args)
    url = shown_url(engine.url.render_as_string(hide_password=False))
    if revision is None:
        raise CliError(f"{url} has no Quai schema: create it with `quai central init --db {url}`", 2)
    if revision == head_revision() and installed(engine):
        print(f"{url}: schema {revision} is already the latest")
        return 0
    prepare_central(engine)
    if revision == head_revision():
        print(f"{url}: schema {revision} is the latest; change capture (re)installed")
    else:
        print(f"{url}: schema migrated from {revision} to {head_revision()}")
    return 0


def cmd_import(args: argparse.Namespace) -> int:
    from app.imports import ImportFailed, run_import
    from app.imports.shipping_rules import ShippingRules

    if not args.file.is_file():
        raise CliError(f"{args.file}: no such file")
    rules = None
    if args.rules is not None:
        try:
            rules = ShippingRules.from_toml(args.rules)
        except ImportFailed as exc:  # already names the file, line and column
            raise CliError(f"{exc}\nnothing was imported from {args.file}") from None
        except (OSError, ValueError, TypeError) as exc:
            raise CliError(f"{args.rules}: {exc}\nnothing was imported from {args.file}") from None
    engine = open_database(args)
    try:
        report = run_import(session_factory(engine), args.kind, args.file, format=args.format, rules=rules)
    except ImportFailed as exc:
        raise CliError(f"{exc}\nnothing was imported from {args.file}") from None
    except SQLAlchemyError as exc:
        # The importers check every value first; this is the safety net for what they missed.
        reason = str(getattr(exc, "orig", exc)).splitlines()[0]
        raise CliError(f"{args.file}: the database refused the import ({reason})\nnothing was imported") from None
    for line in report.summary_lines():
        print(line)
    return 0


def _order_json(order: Order) -> dict:
    return {
        "number": order.number,
        "status": order.status,
        "carrier": order.carrier,
        "service": order.service,
        "delivery": order.delivery_mode,
        "relay_point_id": order.relay_point_id,
        "relay_point_name": order.relay_point_name,
        "channel": order.channel,
        "priority": order.priority,
        "cutoff_at": order.cutoff_at.isoformat() if order.cutoff_at else None,
        "hold_reason": order.hold_reason,
        "exception_reason": order.exception_reason,
        "lines": [
            {"sku": line.sku, "quantity": line.quantity, "picked": line.picked, "verified": line.verified}
            for line in order.lines
        ],
    }


def cmd_orders_list(args: argparse.Namespace) -> int:
    engine = open_database(args)
    query = select(Order).options(selectinload(Order.lines))
    if args.status:
        query = query.where(Order.status == args.status)
    # Most urgent first: earliest cutoff, then highest priority, then oldest.
    query = query.order_by(Order.cutoff_at.is_(None), Order.cutoff_at, Order.priority.desc(), Order.created_at)
    with session_factory(engine)() as session:
        orders = session.scalars(query).all()
        rows = [_order_json(order) for order in orders]
    if args.format == "json":
        json.dump(rows, sys.stdout, ensure_ascii=False, indent=2)
        print()
        return 0
    headers = ("number", "status", "carrier", "delivery", "lines", "units", "reason")
    table = [
        (
            r["number"],
            r["status"],
            r["carrier"] or "-",
            r["delivery"] + (f" ({r['relay_point_id']})" if r["relay_point_id"] else ""),
            str(len(r["lines"])),
            str(sum(line["quantity"] for line in r["lines"])),
            r["hold_reason"] or r["exception_reason"] or "",
        )
        for r in rows
    ]
    widths = [max([len(h)] + [len(row[i]) for row in table]) for i, h in enumerate(headers)]
    print("  ".join(h.ljust(w) for h, w in zip(headers, widths)).rstrip())
    for row in table:
        print("  ".join(c.ljust(w) for c, w in zip(row, widths)).rstrip())
    print(f"{len(table)} order(s)")
    return 0


def cmd_lookup(args: argparse.Namespace) -> int:
    engine = open_database(args)
    with session_factory(engine)() as session:
        result = lookup(session, args.code)
    if args.format == "json":
        print(json.dumps(result.as_json(), ensure_ascii=False, indent=2))
    elif result.found:
        print(f"{result.kind}: " + ", ".join(f"{k}={v}" for k, v in result.record.items() if v not in (None, [], "")))
        if result.message:
            print(result.message)
    if not result.found:
        print(f"quai: {args.code!r}: {result.message}", file=sys.stderr)
        return 1
    return 0


def _read_pin() -> str:
    if sys.stdin.isatty():
        pin = getpass.getpass("PIN: ")
        if getpass.getpass("PIN again: ") != pin:
            raise CliError("the two PINs differ; nothing was saved")
        return pin
    return sys.stdin.readline().strip()


def cmd_users_add(args: argparse.Namespace) -> int:
    try:
        roles = parse_roles(args.roles)
    except InvalidRoles as exc:
        raise CliError(f"--roles: {exc}") from None
    pin = None
    if args.pin:
        pin = _read_pin()
        try:
            validate_pin(pin)
        except InvalidPin as exc:
            raise CliError(f"--pin: {exc}; nothing was saved") from None
    engine = open_database(args)
    try:
        with transaction(session_factory(engine)) as session:
            user = add_user(session, name=args.name, badge=args.badge, roles=roles, pin=pin)
            summary = f"added {user.name} ({user.roles}) with badge {user.badge}" + (" and a PIN" if pin else "")
    except (DuplicateBadge, InvalidBadge, ValueError) as exc:
        raise CliError(str(exc)) from None
    print(summary)
    return 0
