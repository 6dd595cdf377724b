"""Where a scan goes, whichever scanner it came from. GUI thread only.

``ScanRouter.route(text, source)`` (connected to ScannerHub.scanned) types the scan with
the site's prefix rules (app.scanning.classify) and hands it on, first match wins:

1. A dialog open over the station: the dialog takes the scan if it has ``take_scan(scan)
   -> bool`` and answers True; otherwise the scan is refused out loud (error sound, red
   flash, a banner saying to answer the dialog or scan what it asks for), never typed into
   it. The next scan goes to the dialog again (the banner is behind it, out of reach of a
   tap), and the banner goes when the dialog is answered.
2. An error banner on screen: the scan acknowledges it and is used for nothing else (the
   person was looking at the message, not at the next task).
3. The screen on show: ``screen_handler(scan, source)``, which the main window gives.

``routed(scan, outcome)`` says what happened to each scan (tests and the latency bench).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QObject, Signal, Slot
from PySide6.QtWidgets import QApplication, QDialog, QWidget

from app.scanning.rules import DEFAULT_RULES, PrefixRules

if TYPE_CHECKING:
    from app.scanning.classify import Scan

log = logging.getLogger(__name__)
translate = QCoreApplication.translate

ACKNOWLEDGED, DIALOG, REFUSED, SCREEN = "acknowledged", "dialog", "refused", "screen"


class ScanRouter(QObject):
    routed = Signal(object, str)  # the Scan, and ACKNOWLEDGED | DIALOG | REFUSED | SCREEN

    def __init__(
        self,
        window: QWidget,
        feedback: Any,  # app.gui.feedback.ScanFeedback
        screen_handler: Callable[[Scan, str], None],
        rules: PrefixRules = DEFAULT_RULES,
    ) -> None:
        super().__init__(window)
        self.window = window
        self.feedback = feedback
        self.screen_handler = screen_handler
        self.rules = rules

    @Slot(str, str)
    def route(self, text: str, source: str = "") -> None:
        # Imported here, not before the first paint (biip); warm_up() loads it once the window shows.
        from app.scanning.classify import classify

        scan = classify(text, self.rules)
        dialog = self._open_dialog()
        if dialog is not None:
            take = getattr(dialog, "take_scan", None)
            if take is not None and take(scan):
                self.routed.emit(scan, DIALOG)
                return
            log.info("scan %r refused: a dialog is open (%s)", text, type(dialog).__name__)
            if take is not None:
                message = translate("Scan", "This window does not take this scan: scan what it asks for, or answer it on the screen.")
            else:
                message = translate("Scan", "Scan not used: a window is open. Answer it on the screen, then scan again.")
            self.feedback.bad(message)
            self._hide_when_closed(dialog, message)
            self.routed.emit(scan, REFUSED)
            return
        if self.feedback.banner_showing:
            log.info("scan %r acknowledged the message on screen; it is used for nothing else", text)
            self.feedback.acknowledge()
            self.routed.emit(scan, ACKNOWLEDGED)
            return
        self.screen_handler(scan, source)
        self.routed.emit(scan, SCREEN)

    @staticmethod
    def warm_up() -> None:
        """Load the classifier (and biip) now, so the first scan does not wait for the imports."""
        from app.scanning.classify import classify

        for text in ("", "4006381333931", "]d20104006381333931" + "10LOT\x1d17271231"):
            classify(text)  # each path once: biip builds its GS1 tables on first use

    def _hide_when_closed(self, dialog: QWidget, message: str) -> None:
        """The refusal is about the dialog: once it is answered, the banner has said its piece
        (the person was told to scan again then, and that scan must not just dismiss it)."""
        if not isinstance(dialog, QDialog) or dialog.property("quaiRefusalHooked"):
            return
        dialog.setProperty("quaiRefusalHooked", True)

        def closed(_result: int) -> None:
            if self.feedback.banner_showing and self.feedback.banner_text.startswith(message):
                self.feedback.acknowledge()

        dialog.finished.connect(closed)

    def _open_dialog(self) -> QWidget | None:
        """A modal window over the station (a message box, a dialog), if one is open."""
        modal = QApplication.activeModalWidget()
        if modal is None or modal is self.window:
            return None
        return modal
