"""What a scan feels like at the station: a sound, a full-window colour flash, and for a bad or
odd scan a banner that stays until the picker acknowledges it.

``ScanFeedback(window, sounds)`` works over any QWidget (MainWindow and the scan routing use it):

* ``good(text="")``: green flash with a tick (and ``text`` on it, if any), ``ok`` sound.
* ``bad(text)``: red flash with a cross, ``error`` sound, and a red banner with ``text``.
* ``attention(text)``: amber flash with a "!", ``attention`` sound, and an amber banner with
  ``text``. It stays too: "attention" means "read this", and a message that vanished on its
  own may not have been read by someone looking at the shelf.
* ``flash_good()``, ``flash_bad()``: flash and sound only, for a screen that shows the
  outcome itself (the scanner test screen): no banner to acknowledge there.
* ``acknowledge() -> bool``: hides the banner; True when one was showing, so the scan that
  acknowledged it can be consumed (it must not also count as a pick). A tap anywhere on the
  banner acknowledges it too. Either way ``acknowledged`` is emitted.

A newer banner replaces an older one (the newest message is the one that applies). ``good()``
leaves a banner alone: only an acknowledgement hides it. Texts are passed translated and
should say what happened and what to do; the banner adds "scan or tap here to continue".

Within one frame: the flash (and the banner above it) is painted synchronously, with
``repaint()``, before the call returns; ``painted`` (and ``painted_at``) give the
``time.perf_counter()`` at the end of the flash's paint, for benchmarks. The picture comes
before the sound: ``QSoundEffect.play()`` only starts a playback that takes tens of ms anyway.

Marks (tick, cross, "!") as well as colours: about one man in twelve cannot tell the red
flash from the green one. They are drawn with QPainter, so no font or icon file can lack them.

Start-up: nothing here touches PySide6's ``Qt`` namespace until the window has been painted
once (see app.gui.alignment: 12-19 ms the login screen does not wait for). The flash and the
banner are built just after the window's first paint (or at the first feedback, or by
``prepare()``), so the first scan does not pay for it either.
"""

from __future__ import annotations

import time
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QPointF, QRectF, QTimer, Signal
from PySide6.QtGui import QColor, QFont, QPainter, QPen
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QVBoxLayout, QWidget

SOUND_OF = {"good": "ok", "bad": "error", "attention": "attention"}
# Saturated enough to be seen from the corner of the eye; the ink is the mark's colour on it.
FLASH_COLOUR = {"good": "#12a53c", "bad": "#d3001c", "attention": "#ffb000"}
INK = {"good": "#ffffff", "bad": "#ffffff", "attention": "#111111"}
# Text on the banner reads at a metre: white on a red darker than the flash, black on amber
# (both above 7:1). A black border sets the banner off from a flash of its own colour.
BANNER_COLOUR = {"bad": "#a8001a", "attention": "#ffb000"}
FLASH_MS = 250
BANNER_MARGIN = 16


def paint_mark(painter: QPainter, box: QRectF, kind: str, ink: QColor) -> None:
    """Draw the kind's mark (tick, cross, "!") in the square ``box``, in thick round strokes."""
    from PySide6.QtCore import Qt

    side = min(box.width(), box.height())
    left = box.center().x() - side / 2
    top = box.center().y() - side / 2

    def at(x: float, y: float) -> QPointF:
        return QPointF(left + x * side, top + y * side)

    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(QPen(ink, side * 0.13, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap, Qt.PenJoinStyle.RoundJoin))
    painter.setBrush(Qt.BrushStyle.NoBrush)
    if kind == "good":
        painter.drawPolyline([at(0.18, 0.52), at(0.40, 0.74), at(0.82, 0.28)])
    elif kind == "bad":
        painter.drawLine(at(0.22, 0.22), at(0.78, 0.78))
        painter.drawLine(at(0.78, 0.22), at(0.22, 0.78))
    else:
        painter.drawLine(at(0.5, 0.14), at(0.5, 0.58))
        painter.drawPoint(at(0.5, 0.84))


class FlashOverlay(QWidget):
    """A flat colour over the whole window, with the kind's mark; the mouse goes through it."""

    painted = Signal(float)  # time.perf_counter() at the end of paintEvent

    def __init__(self, window: QWidget) -> None:
        from PySide6.QtCore import Qt

        super().__init__(window)
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        # Opaque: the repaint manager skips the widgets under it, so the flash paints fast.
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        self.kind = "good"
        self.text = ""
        self.clear_top = 0  # the mark is centred below this (the banner's bottom, when it shows)
        self.painted_at: float | None = None
        self.hide()

    def flash(self, kind: str, text: str = "", clear_top: int = 0) -> None:
        self.kind, self.text, self.clear_top = kind, text, clear_top
        self.setGeometry(self.parentWidget().rect())
        self.show()
        self.raise_()

    def paintEvent(self, _event) -> None:
        from PySide6.QtCore import Qt

        painter = QPainter(self)
        painter.fillRect(self.rect(), QColor(FLASH_COLOUR[self.kind]))
        ink = QColor(INK[self.kind])
        free = QRectF(0, self.clear_top, self.width(), max(0, self.height() - self.clear_top))
        side = min(free.width(), free.height()) * 0.4
        mark = QRectF(free.center().x() - side / 2, free.center().y() - side * 0.65, side, side)
        paint_mark(painter, mark, self.kind, ink)
        if self.text:
            font = QFont(painter.font())
            font.setPixelSize(56)
            font.setBold(True)
            painter.setFont(font)
            painter.setPen(ink)
            below = QRectF(32, mark.bottom() + 24, self.width() - 64, self.height() - mark.bottom() - 24)
            painter.drawText(below, int(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop) | int(Qt.TextFlag.TextWordWrap), self.text)
        painter.end()
        self.painted_at = time.perf_counter()
        self.painted.emit(self.painted_at)


class _BannerMark(QWidget):
    """The banner's cross or "!" (the same drawing as the flash's, on the banner's colour)."""

    SIZE = 96

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.kind = "bad"
        self.setFixedSize(self.SIZE, self.SIZE)

    def paintEvent(self, _event) -> None:
        painter = QPainter(self)
        paint_mark(painter, QRectF(self.rect()), self.kind, QColor(INK[self.kind]))
        painter.end()


def _banner_style(kind: str) -> str:
    # Its own style sheet wins over the application's theme (which paints every QWidget white).
    ink = INK[kind]
    return f"""
        QFrame#feedbackBanner {{ background: {BANNER_COLOUR[kind]}; border: 6px solid #111111; border-radius: 12px; }}
        QLabel {{ background: transparent; color: {ink}; border: none; }}
        QLabel#feedbackText {{ font-size: 40px; font-weight: 800; }}
        QLabel#feedbackHint {{ font-size: 30px; font-weight: 600; border-top: 3px solid {ink}; padding-top: 8px; }}
    """


class Banner(QFrame):
    """A message across the top of the window, above everything, until tapped or acknowledged."""

    tapped = Signal()

    def __init__(self, window: QWidget) -> None:
        from PySide6.QtCore import Qt

        super().__init__(window)
        self.setObjectName("feedbackBanner")
        self.kind: str | None = None
        self.mark = _BannerMark(self)
        self.text_label = QLabel(self)
        self.text_label.setObjectName("feedbackText")
        self.text_label.setWordWrap(True)
        self.hint_label = QLabel(self)
        self.hint_label.setObjectName("feedbackHint")
        self.hint_label.setWordWrap(True)
        self.hint_label.setIndent(0)  # a framed label indents its text: keep it in line with the message
        column = QVBoxLayout()
        column.setSpacing(12)
        column.addWidget(self.text_label)
        column.addWidget(self.hint_label)
        row = QHBoxLayout(self)
        row.setContentsMargins(24, 20, 28, 20)
        row.setSpacing(24)
        row.addWidget(self.mark, 0, Qt.AlignmentFlag.AlignTop)
        row.addLayout(column, 1)
        self.retranslate()
        self.hide()

    def retranslate(self) -> None:
        self.hint_label.setText(QCoreApplication.translate("Feedback", "Scan or tap here to continue"))

    def show_message(self, kind: str, text: str) -> None:
        if kind != self.kind:  # re-styling costs a little: only when the colour changes
            self.kind = kind
            self.mark.kind = kind
            self.setStyleSheet(_banner_style(kind))
        self.text_label.setText(text)
        self.place()
        self.show()
        self.raise_()

    def place(self) -> None:
        """Across the top of the window, as tall as its wrapped text needs."""
        window = self.parentWidget()
        width = max(0, window.width() - 2 * BANNER_MARGIN)
        self.ensurePolished()  # the style sheet's font sizes count in the height
        needed = self.heightForWidth(width)
        height = needed if needed > 0 else self.sizeHint().height()
        self.setGeometry(BANNER_MARGIN, BANNER_MARGIN, width, min(height, window.height() - 2 * BANNER_MARGIN))

    def mousePressEvent(self, event) -> None:
        event.accept()  # a press on the banner is for the banner, not for the window behind it

    def mouseReleaseEvent(self, event) -> None:
        # Anywhere, even if a gloved finger slid off the banner: the press began on it.
        event.accept()
        self.tapped.emit()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


class ScanFeedback(QObject):
    """Sound, flash and banner over ``window``. GUI thread only.

    ``sounds`` is anything with ``play(name)`` (app.gui.assets.QtSounds or SilentSounds); it is
    read at each call: the station swaps its real player in after the first paint (app.gui.app),
    so either rebind ``feedback.sounds`` then or pass a player that looks it up at each call.
    """

    acknowledged = Signal()
    painted = Signal(float)  # time.perf_counter() when the flash's paint ended

    def __init__(self, window: QWidget, sounds: Any, *, flash_ms: int = FLASH_MS) -> None:
        super().__init__(window)
        self.window = window
        self.sounds = sounds
        self.flash_ms = flash_ms
        self._flash: FlashOverlay | None = None
        self._banner: Banner | None = None
        self._prepare_scheduled = False
        self._flash_timer = QTimer(self)
        self._flash_timer.setSingleShot(True)
        self._flash_timer.timeout.connect(self._end_flash)
        window.installEventFilter(self)

    # --- what the station calls -----------------------------------------------------------
    def good(self, text: str = "") -> None:
        self._flash_now("good", text)
        self.sounds.play(SOUND_OF["good"])

    def bad(self, text: str) -> None:
        self._banner_now("bad", text)
        self._flash_now("bad")
        self.sounds.play(SOUND_OF["bad"])

    def attention(self, text: str) -> None:
        self._banner_now("attention", text)
        self._flash_now("attention")
        self.sounds.play(SOUND_OF["attention"])

    def flash_good(self) -> None:
        """Green flash and ``ok`` sound, for a screen that shows the outcome itself (the scanner test)."""
        self.good()

    def flash_bad(self) -> None:
        """Red flash and ``error`` sound, no banner: the screen itself says what was wrong."""
        self._flash_now("bad")
        self.sounds.play(SOUND_OF["bad"])

    def acknowledge(self) -> bool:
        """Hide the banner; True when one was showing (the scan or tap is then used up)."""
        if not self.banner_showing:
            return False
        assert self._banner is not None
        self._banner.hide()
        self.acknowledged.emit()
        return True

    # --- state, for the scan routing and the tests ------------------------------------------
    @property
    def banner_showing(self) -> bool:
        return self._banner is not None and self._banner.isVisible()

    @property
    def banner_kind(self) -> str | None:
        return self._banner.kind if self.banner_showing else None

    @property
    def banner_text(self) -> str:
        return self._banner.text_label.text() if self.banner_showing else ""

    @property
    def flash_showing(self) -> bool:
        return self._flash is not None and self._flash.isVisible()

    @property
    def painted_at(self) -> float | None:
        return self._flash.painted_at if self._flash is not None else None

    @property
    def overlay(self) -> FlashOverlay:
        return self.prepare()[0]

    @property
    def banner(self) -> Banner:
        return self.prepare()[1]

    # --- inside -------------------------------------------------------------------------------
    def prepare(self) -> tuple[FlashOverlay, Banner]:
        """Build the flash and the banner now (done by itself after the window's first paint)."""
        if self._flash is None or self._banner is None:
            self._flash = FlashOverlay(self.window)
            self._flash.painted.connect(self.painted)
            self._banner = Banner(self.window)
            self._banner.tapped.connect(self.acknowledge)
            self._warm_up(self._flash)
        return self._flash, self._banner

    def _warm_up(self, flash: FlashOverlay) -> None:
        """Paint each flash once off screen: the first real one would otherwise pay for
        polishing and glyph caches (43 ms under X11, measured), three frames late."""
        from PySide6.QtGui import QPixmap

        flash.blockSignals(True)  # not a feedback: nobody is told it was painted
        try:
            flash.setGeometry(self.window.rect())
            for kind in FLASH_COLOUR:
                flash.kind = kind
                flash.render(QPixmap(flash.size()))
        finally:
            flash.blockSignals(False)
            flash.painted_at = None

    def _flash_now(self, kind: str, text: str = "") -> None:
        flash, banner = self.prepare()
        showing = banner.isVisible()
        flash.flash(kind, text, clear_top=banner.geometry().bottom() + 1 if showing else 0)
        if showing:
            banner.raise_()  # readable during the flash too
        # Now, not at the next event-loop turn: this paints the banner above the flash as well.
        flash.repaint()
        self._flash_timer.start(self.flash_ms)

    def _banner_now(self, kind: str, text: str) -> None:
        _flash, banner = self.prepare()
        banner.show_message(kind, text)

    def _end_flash(self) -> None:
        if self._flash is not None:
            self._flash.hide()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # getattr: when the garbage collector frees a window together with this object, it may
        # clear this one's attributes first, and Qt still sends the window its last events.
        window = getattr(self, "window", None)
        if window is not None and watched is window:
            kind = event.type()
            if kind == QEvent.Type.Resize:
                self._follow_window()
            elif kind == QEvent.Type.Paint and self._flash is None and not self._prepare_scheduled:
                self._prepare_scheduled = True
                QTimer.singleShot(0, self.prepare)  # after the first paint, not before it
        return False

    def _follow_window(self) -> None:
        if self._flash is not None and self._banner is not None:
            self._flash.setGeometry(self.window.rect())
            if self._banner.isVisible():
                self._banner.place()
