"""What the status bar says about a station's scanners, from each source's state (no Qt).

Sources report ``connected``, ``unplugged``, ``missing`` or ``refused`` (no permission, grabbed by another program) (app.devices.serial_source,
app.devices.evdev_source); a keyboard-wedge scanner cannot be seen by the station, so it is
``ready`` as long as the window is open. The summary names the worst source, because that
is the one a person has to do something about: an unplugged scanner first, then one that
was never found or may not be opened (refused).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

READY, CONNECTED, UNPLUGGED, MISSING, REFUSED = "ready", "connected", "unplugged", "missing", "refused"
ON_SCREEN = "on_screen"  # no scanner configured: codes are typed in
WORST_FIRST = (UNPLUGGED, REFUSED, MISSING)


@dataclass(frozen=True)
class SourceState:
    label: str  # what a person recognises: "clavier", "ttyACM0", "USB 0c2e:0b61"
    state: str | None = None  # None: not reported yet (the reader thread is starting)
    detail: str = ""

    @property
    def working(self) -> bool:
        return self.state in (READY, CONNECTED)


@dataclass(frozen=True)
class ScannerSummary:
    state: str  # on_screen | ready | unplugged | refused | missing | starting
    label: str = ""  # the source at fault, or "" when all are working
    working: int = 0  # sources that can scan now
    total: int = 0

    @property
    def bad(self) -> bool:
        return self.state in WORST_FIRST


def summarise(states: Iterable[SourceState]) -> ScannerSummary:
    states = list(states)
    if not states:
        return ScannerSummary(ON_SCREEN)
    working = sum(s.working for s in states)
    for fault in WORST_FIRST:
        for source in states:
            if source.state == fault:
                return ScannerSummary(fault, source.label, working, len(states))
    if any(s.state is None for s in states):
        return ScannerSummary("starting", "", working, len(states))
    return ScannerSummary(READY, "", working, len(states))
