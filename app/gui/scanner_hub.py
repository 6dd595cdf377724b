"""Every scanner of a station, one stream of scans into the GUI thread.

``ScannerHub(urls)`` starts a source per URL (app.devices.scanner_spec): a keyboard-wedge
event filter on the application (``hid://``), a pyserial reader thread (``serial://``), an
evdev reader thread (``evdev://``). Whatever the source, a scan arrives as ``scanned(text,
label)`` in the GUI thread: the reader threads emit a private signal, which Qt queues to
this object's thread, so no widget is ever touched from a reader. ``states_changed`` says
a source was plugged, unplugged or refused; ``summary()`` is what the status bar shows.

A source that fails to start (a port that does not exist yet) is not fatal: the reader
keeps trying and reports ``missing`` until the scanner is plugged in.
"""

from __future__ import annotations

import logging
import os
import re
from collections.abc import Iterable
from typing import Any

from PySide6.QtCore import QObject, Signal, Slot

from app.devices.scanner_spec import parse_scanner_url, scheme_of
from app.devices.scanner_states import READY, ScannerSummary, SourceState, summarise

log = logging.getLogger(__name__)


def source_label(url: str, spec: Any) -> str:
    """A short name a person recognises in the status bar."""
    scheme = scheme_of(url)
    if scheme == "hid":
        return "HID"
    path = getattr(spec, "path", None)
    if path:
        # /dev/serial/by-id/usb-Honeywell_1900-if00 -> Honeywell_1900: the make, not the bus plumbing
        name = re.sub(r"^usb-", "", os.path.basename(path))
        return re.sub(r"(-if\d+|-event-kbd|-port\d+)+$", "", name) or os.path.basename(path)
    shown = getattr(spec, "shown", None)
    return shown or url


class ScannerHub(QObject):
    scanned = Signal(str, str)  # text as the scanner meant it, the source's label
    states_changed = Signal()
    # From the reader threads; queued into this object's (the GUI) thread.
    _thread_scan = Signal(str, str)
    _thread_state = Signal(str, str, str)

    def __init__(self, urls: Iterable[str], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.urls = tuple(urls)
        self._states: dict[str, SourceState] = {}
        self._readers: list[Any] = []
        self._wedge: Any = None
        self.azerty_scans = 0  # wedge bursts mapped back from a French layout (see README)
        self._thread_scan.connect(self._deliver)
        self._thread_state.connect(self._state)

    # --- life ------------------------------------------------------------------------------
    def start(self) -> ScannerHub:
        for url in self.urls:
            spec = parse_scanner_url(url)  # the configuration checked it already
            label = self._unique(source_label(url, spec))
            scheme = scheme_of(url)
            if scheme == "hid":
                self._start_wedge(spec, label)
            else:
                self._states[label] = SourceState(label)
                self._readers.append(self._reader(scheme, spec, label).start())
        self.states_changed.emit()
        return self

    def stop(self) -> None:
        for reader in self._readers:
            reader.stop()
        self._readers.clear()
        if self._wedge is not None:
            self._wedge.remove()
            self._wedge = None

    def _unique(self, label: str) -> str:
        name, n = label, 2
        while name in self._states:
            name, n = f"{label} ({n})", n + 1
        return name

    def _reader(self, scheme: str, spec: Any, label: str) -> Any:
        def on_scan(text: str) -> None:
            self._thread_scan.emit(text, label)

        def on_state(state: str, detail: str) -> None:
            self._thread_state.emit(label, state, detail)

        if scheme == "serial":
            from app.devices.serial_source import SerialScanner

            return SerialScanner(spec, on_scan, on_state)
        from app.devices.evdev_source import EvdevScanner

        return EvdevScanner(spec, on_scan, on_state)

    def _start_wedge(self, spec: Any, label: str) -> None:
        from PySide6.QtWidgets import QApplication

        from app.gui.wedge_filter import install

        if self._wedge is not None:  # one keyboard, one filter (the station file refuses two)
            log.warning("a second keyboard-wedge scanner (%s) ignored", label)
            return
        self._wedge = install(QApplication.instance(), spec)

        def burst(text: str, azerty: bool) -> None:
            if azerty:
                self.azerty_scans += 1
                if self.azerty_scans == 1:
                    log.warning("a keyboard-wedge scan arrived through a French AZERTY layout and was mapped back; "
                                "set the scanner's keyboard country to France (README, Scanners)")
            self._deliver(text, label)

        self._wedge.scanned.connect(burst)
        self._states[label] = SourceState(label, READY, "keyboard wedge")

    # --- what the readers say ---------------------------------------------------------------
    @Slot(str, str)
    def _deliver(self, text: str, label: str) -> None:
        self.scanned.emit(text, label)

    @Slot(str, str, str)
    def _state(self, label: str, state: str, detail: str) -> None:
        self._states[label] = SourceState(label, state, detail)
        self.states_changed.emit()

    @property
    def states(self) -> tuple[SourceState, ...]:
        return tuple(self._states.values())

    def summary(self) -> ScannerSummary:
        return summarise(self._states.values())
