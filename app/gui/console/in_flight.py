"""The console's one action at a time. GUI thread only, no widget.

A supervisor's double tap must not send an action twice (the second answer, "refused: already
held", would replace the first). ``InFlight`` holds the action sent until its answer; while it
does, ``busy_changed(True)`` tells the screen to disable its keys and cards, and ``start``
refuses a second action. The answer, a refusal or an error ends it (``answered``); so does
``ANSWER_WAIT_MS`` without news (``given_up``), past the central worker's own timeouts (its
PostgreSQL connect timeout is 3 s), so a statement stuck on a lock does not lock the console.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer, Signal

ANSWER_WAIT_MS = 60_000


class InFlight(QObject):
    busy_changed = Signal(bool)
    given_up = Signal()  # no answer after ANSWER_WAIT_MS: usable again, the action may still land

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.action: object | None = None
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(ANSWER_WAIT_MS)
        self.timer.timeout.connect(self._give_up)

    def start(self, action) -> bool:
        """``action`` is on its way; False (and nothing changes) while another one is."""
        if self.action is not None:
            return False
        self.action = action
        self.timer.start()
        self.busy_changed.emit(True)
        return True

    def answered(self, action=None) -> bool:
        """The answer to ``action`` (None: to whatever was sent) came. False for a late answer
        to an action given up on while another is on its way: that one still waits."""
        if action is not None and self.action is not None and action is not self.action:
            return False
        was_busy = self.action is not None
        self.action = None
        self.timer.stop()
        if was_busy:
            self.busy_changed.emit(False)
        return True

    def _give_up(self) -> None:
        if self.action is not None:
            self.answered()
            self.given_up.emit()
