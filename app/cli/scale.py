"""``quai scale read URL [--count N] [--format json] [--timeout S]``: each weight a scale gives,
one line per reading (and per error reply), as the packing station reads them.

Text: ``1234 g stable  (S S      1.234 kg)``; JSON: ``{"grams", "stable", "raw", "error",
"message"}`` with ``error`` null for a weight, else its code (overload, underload, busy, syntax,
transmission, logical, garbled, unit) and ``message`` what to do. The scale's state (connected,
unplugged, silent…) goes to standard error. Exit codes: 0 when N lines were printed (or Ctrl-C),
1 when ``--timeout`` passed first, 2 for a URL that cannot be used.
This module stays light (argparse only at import): ``app.cli`` imports it to build its parser.
"""

from __future__ import annotations

import argparse
import json
import os
import queue
import sys
import time
from typing import Any

from app.cli.errors import CliError


def add_scale_arguments(scale: argparse.ArgumentParser) -> None:
    """``quai scale ACTION``: the actions (today ``read``)."""
    actions = scale.add_subparsers(dest="scale_action", required=True, metavar="ACTION")
    read = actions.add_parser("read", help="print each weight the scale gives")
    read.add_argument("url", metavar="URL",
                      help="the scale: serial:///dev/ttyUSB1?protocol=mt-sics|continuous&baudrate=9600&unit=kg "
                           "(or ?vid=…&pid=…&serial=… instead of the path)")
    read.add_argument("--count", type=int, metavar="N", help="stop after N lines (default: until Ctrl-C)")
    read.add_argument("--format", choices=("text", "json"), default="text", help="one line per reading (default: text)")
    read.add_argument("--timeout", type=float, metavar="SECONDS",
                      help="give up (exit 1) if N lines have not come by then (default: wait)")
    read.set_defaults(handler="app.cli.scale:cmd_scale_read")


def cmd_scale_read(args: argparse.Namespace) -> int:
    from app.devices.scales.reader import ScaleReader
    from app.devices.scales.url import ManualSpec, ScaleUrlError, parse_scale_url

    try:
        spec = parse_scale_url(args.url)
    except ScaleUrlError as exc:
        raise CliError(f"scale {exc}", 2) from None
    if isinstance(spec, ManualSpec):
        raise CliError(f"{args.url}: manual:// is no scale (the weight is keyed in at the station); "
                       "give the scale's serial:// URL", 2)
    if args.count is not None and args.count < 1:
        raise CliError("--count must be at least 1", 2)
    if args.timeout is not None and args.timeout <= 0:
        raise CliError("--timeout must be a number of seconds above 0", 2)
    language = _language()
    lines: queue.Queue[dict[str, Any]] = queue.Queue()

    def state(name: str, detail: str | None) -> None:
        print(f"scale: {name} ({detail or ''})", file=sys.stderr, flush=True)

    reader = ScaleReader(
        spec,
        lambda r: lines.put({"grams": r.grams, "stable": r.stable, "raw": r.raw, "error": None, "message": None}),
        state,
        on_error=lambda e: lines.put({"grams": None, "stable": False, "raw": e.raw, "error": e.code,
                                      "message": e.message(language)}),
    ).start()
    deadline = None if args.timeout is None else time.monotonic() + args.timeout
    printed = 0
    try:
        while args.count is None or printed < args.count:
            if deadline is not None and time.monotonic() > deadline:
                print(f"quai: {printed} of {args.count or 'the'} readings within {args.timeout:g} s from "
                      f"{spec.shown}", file=sys.stderr)
                return 1
            try:
                line = lines.get(timeout=0.1)
            except queue.Empty:
                continue
            print(json.dumps(line, ensure_ascii=False) if args.format == "json" else _text(line), flush=True)
            printed += 1
    except KeyboardInterrupt:
        pass
    finally:
        reader.stop()
    return 0


def _text(line: dict[str, Any]) -> str:
    if line["error"]:
        return f"{line['error']}: {line['message']}"
    return f"{line['grams']} g {'stable' if line['stable'] else 'moving'}  ({line['raw']})"


def _language() -> str:
    """French when the person's locale is French (LC_ALL, LC_MESSAGES, LANG, as gettext looks)."""
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(name)
        if value:
            return "fr" if value.lower().startswith("fr") else "en"
    return "en"
