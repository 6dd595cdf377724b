"""Any scanner URL of a station's configuration, read into its source's settings (no Qt, no I/O).

    hid://?gap_ms=30&min_length=4          a keyboard-wedge scanner typing into the station window
    serial:///dev/ttyACM0?terminator=CR    a serial or USB-CDC scanner (app.devices.serial_source)
    evdev:///dev/input/by-id/…-event-kbd   a keyboard scanner read raw, grabbed (app.devices.evdev_source)

Each scheme's own parser checks its options; this only picks the parser, so a station's
configuration is refused at start-up with the URL and the part to fix.
"""

from __future__ import annotations

from typing import Any

from app.devices.scanner_url import ScannerUrlError

SCHEMES = ("hid", "serial", "evdev")


def scheme_of(url: str) -> str:
    return url.split(":", 1)[0].lower() if ":" in url else ""


def parse_scanner_url(url: str) -> Any:
    """A ``WedgeSpec``, ``SerialSpec`` or ``EvdevSpec``; ``ScannerUrlError`` when it cannot be used."""
    if not isinstance(url, str) or not url.strip():
        raise ScannerUrlError("a scanner URL is empty; e.g. hid:// or serial:///dev/ttyACM0")
    url = url.strip()
    scheme = scheme_of(url)
    if scheme == "hid":
        from app.devices.wedge import parse_hid_url

        return parse_hid_url(url)
    if scheme == "serial":
        from app.devices.scanner_url import parse_serial_url

        return parse_serial_url(url)
    if scheme == "evdev":
        from app.devices.scanner_url import parse_evdev_url

        return parse_evdev_url(url)
    raise ScannerUrlError(f"{url}: unknown kind of scanner {scheme!r}; use hid://, serial:///dev/… or evdev:///dev/input/…")
