"""``quai scanner-test``: each scan of a scanner (serial:// or evdev://), as Quai reads it, one line per scan."""

from __future__ import annotations

import argparse
import json
import queue
import sys
from collections.abc import Callable
from typing import Protocol

from app.cli.errors import CliError


def cmd_scanner_test(args: argparse.Namespace) -> int:
    from app.scanning.report import scan_report

    open_scanner = _scanner_opener(args.scanner)
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

    scanner = open_scanner(scans.put, state)
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


class _Scanner(Protocol):  # SerialScanner, EvdevScanner: started, and stopped at the end
    def stop(self, timeout: float = 2.0) -> None: ...


def _scanner_opener(url: str) -> Callable[[Callable[[str], None], Callable[[str, str], None]], _Scanner]:
    """What starts the scanner ``url`` names (given on_scan and on_state); CliError if none can."""
    from app.devices.scanner_url import ScannerUrlError, parse_evdev_url, parse_serial_url

    scheme = url.split(":", 1)[0] if ":" in url else ""
    try:
        if scheme == "serial":
            from app.devices.serial_source import SerialScanner

            serial_spec = parse_serial_url(url)
            return lambda on_scan, on_state: SerialScanner(serial_spec, on_scan, on_state).start()
        if scheme == "evdev":
            from app.devices.evdev_source import EvdevScanner

            evdev_spec = parse_evdev_url(url)
            return lambda on_scan, on_state: EvdevScanner(evdev_spec, on_scan, on_state).start()
    except ScannerUrlError as exc:
        raise CliError(f"--scanner {exc}", 2) from None
    if scheme == "hid":
        # A wedge types its scans as keys into the focused window: only the station's window gets them.
        raise CliError(f"--scanner {url}: a hid:// scanner is a keyboard wedge, read only inside the station "
                       "window; to test it here, read the same scanner as evdev:///dev/input/by-id/usb-…-event-kbd "
                       "(see ls /dev/input/by-id/)", 2)
    raise CliError(f"--scanner {url}: {scheme or url!r} scanners are not supported; use "
                   "serial:///dev/ttyACM0?baudrate=9600 or evdev:///dev/input/by-id/usb-…-event-kbd", 2)
