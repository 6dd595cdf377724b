"""The station's scale, brought into the GUI thread: ``ScaleHub``, and what the screen says of it.

``ScaleHub.start(url)`` starts an app.devices.scales.reader.ScaleReader (its own thread). The
reader's callbacks emit private signals of the hub, which Qt queues to the hub's thread (the GUI
thread, where the hub is made), so a slot connected to ``reading`` or ``state_changed`` never
runs in the reader's thread and may touch widgets.

- ``reading(object)``: every weight the scale gives, as an ``app.packing.model.Reading``, stable
  or not. Only a stable one may be accepted by packing (``Reading.stable``; PackSession.weigh
  refuses the others); the moving ones let the screen follow the parcel settling.
- ``state_changed(str, str)``: the scale's state (``connected``, ``unplugged``, ``missing``,
  ``refused``, ``silent``, ``manual``, ``overload``, ``underload``, ``busy``, ``syntax``,
  ``transmission``, ``logical``, ``unit``) and its technical detail; ``status_text(state)`` is
  the status bar's short line, ``message(state, detail)`` the sentence a person acts on.
- ``last_stable``: the weight on the scale now, if it is stable: the last reading when it was
  stable and nothing since has put it in doubt (a moving reading, an error, an unplug); else None.

All of the hub's methods are for the GUI thread.
"""

from __future__ import annotations

import logging
from concurrent.futures import Future

from PySide6.QtCore import QCoreApplication, QLocale, QObject, Signal, Slot

from app.devices.reader import CONNECTED
from app.devices.scales.messages import MANUAL, text
from app.devices.scales.reader import ScaleReader
from app.packing.model import Reading

log = logging.getLogger(__name__)
translate = QCoreApplication.translate


class ScaleHub(QObject):
    reading = Signal(object)  # an app.packing.model.Reading; accept it only if .stable
    state_changed = Signal(str, str)  # state, technical detail
    # From the reader thread, queued into this object's (the GUI) thread. The int is the
    # reader's generation: what an old reader queued before a restart is dropped.
    _thread_reading = Signal(int, object)
    _thread_state = Signal(int, str, str)

    def __init__(self, parent: QObject | None = None, *, retry_s: float = 0.5) -> None:
        super().__init__(parent)
        self._retry_s = retry_s
        self._reader: ScaleReader | None = None
        self._generation = 0
        self.url: str | None = None
        self.state: str | None = None  # None: no scale started, or its first state not in yet
        self.detail = ""
        self.last_stable: Reading | None = None
        self._thread_reading.connect(self._deliver)
        self._thread_state.connect(self._state)

    # --- life -------------------------------------------------------------------------------------
    def start(self, url: str) -> ScaleHub:
        """Read the scale ``url`` (a serial:// URL or manual://); a scale already read is stopped first.
        A URL that cannot be used raises app.devices.scales.url.ScaleUrlError."""
        self.stop()
        self._generation += 1
        generation = self._generation
        reader = ScaleReader(
            url,
            lambda reading: self._thread_reading.emit(generation, reading),
            lambda state, detail: self._thread_state.emit(generation, state, detail or ""),
            retry_s=self._retry_s,
        )
        self.url = url
        self._reader = reader.start()
        return self

    def stop(self) -> None:
        if self._reader is not None:
            self._reader.stop()
            self._reader = None
        self._generation += 1  # what the stopped reader still had queued is dropped
        self.state, self.detail, self.last_stable = None, "", None

    def zero(self) -> Future[str] | None:
        """Zero the scale (MT-SICS ``Z``); the Future says "done" or why not. None with no scale."""
        return self._reader.zero() if self._reader is not None else None

    def tare(self) -> Future[str] | None:
        """Tare the scale (MT-SICS ``T``); the Future says "done" or why not. None with no scale."""
        return self._reader.tare() if self._reader is not None else None

    @property
    def manual(self) -> bool:
        """No scale: the weight is keyed in."""
        return self._reader is None or self.state == MANUAL

    # --- what the reader says ---------------------------------------------------------------------
    @Slot(int, object)
    def _deliver(self, generation: int, reading: Reading) -> None:
        if generation != self._generation:
            return
        self.last_stable = reading if reading.stable else None
        self.reading.emit(reading)

    @Slot(int, str, str)
    def _state(self, generation: int, state: str, detail: str) -> None:
        if generation != self._generation:
            return
        if state != CONNECTED:
            self.last_stable = None  # unplugged, overloaded, silent…: what it said before no longer holds
        self.state, self.detail = state, detail
        self.state_changed.emit(state, detail)


def is_fault(state: str | None) -> bool:
    """A state someone has to do something about (shown in yellow until it is over)."""
    return state not in (None, CONNECTED, MANUAL, "busy")


def status_text(state: str | None) -> str:
    """The status bar's line: ``Balance : prête``, ``Balance débranchée : rebranchez-la``."""
    texts = {
        None: translate("Scale", "Scale: starting…"),
        CONNECTED: translate("Scale", "Scale: ready"),
        "unplugged": translate("Scale", "Scale unplugged: plug it back in"),
        "missing": translate("Scale", "Scale: not found"),
        "refused": translate("Scale", "Scale: cannot be opened"),
        "silent": translate("Scale", "Scale: not answering"),
        MANUAL: translate("Scale", "Scale: none (weight keyed in)"),
        "overload": translate("Scale", "Scale: overloaded"),
        "underload": translate("Scale", "Scale: below zero"),
        "busy": translate("Scale", "Scale: busy"),
    }
    return texts.get(state, translate("Scale", "Scale: settings to check"))


def message(state: str, detail: str = "") -> str:
    """What happened and what to do, in the window's language (app.devices.scales.messages)."""
    french = QLocale().language() == QLocale.Language.French
    return text(state, {"detail": detail}, "fr" if french else "en")
