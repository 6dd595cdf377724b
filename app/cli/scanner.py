"""``quai scanner-test``: each scan of a scanner, as Quai reads it, one line per scan."""

from __future__ import annotations

import argparse
import json
import queue
import sys

from app.cli.errors import CliError


def cmd_scanner_test(args: argparse.Namespace) -> int:
    from app.devices.scanner_url import ScannerUrlError, parse_serial_url
    from app.devices.serial_source import SerialScanner
    from app.scanning.report import scan_report

    if not args.scanner.startswith("serial:"):
        scheme = args.scanner.split(":", 1)[0]
        raise CliError(f"--scanner {args.scanner}: {scheme!r} scanners are not supported yet; this version reads "
                       "serial:// scanners (serial:///dev/ttyACM0?baudrate=9600)", 2)
    try:
        spec = parse_serial_url(args.scanner)
    except ScannerUrlError as exc:
        raise CliError(f"--scanner {exc}", 2) from None
    if args.count is not None and args.count < 1:
        raise CliError("--count must be at least 1", 2)
    lookup = None
    session = None
    if args.db:
        from app.cli.common import open_database
        from app.store.db import session_factory
        from app.store.lookup import lookup as store_lookup

        session = session_factory(open_database(args))()
        lookup = lambda raw: store_lookup(session, raw)  # noqa: E731

    scans: queue.Queue[str] = queue.Queue()

    def state(name: str, detail: str) -> None:
        print(f"scanner: {name} ({detail})", file=sys.stderr, flush=True)

    scanner = SerialScanner(spec, scans.put, state).start()
    seen = 0
    try:
        while args.count is None or seen < args.count:
            try:
                raw = scans.get(timeout=0.5)
            except queue.Empty:
                continue
            report = scan_report(raw, lookup)
            seen += 1
            if args.format == "json":
                print(json.dumps(report, ensure_ascii=False), flush=True)
            else:
                shown = {k: v for k, v in report.items() if v is not None and k not in ("raw", "kind", "error")}
                line = f"{report['raw']!r}: {report['kind']}"
                if shown:
                    line += " " + ", ".join(f"{k}={v}" for k, v in shown.items())
                if report["error"]:
                    line += f" — {report['error']}"
                print(line, flush=True)
    except KeyboardInterrupt:
        pass
    finally:
        scanner.stop()
        if session is not None:
            session.close()
    return 0
