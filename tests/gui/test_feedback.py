"""Scan feedback (app.gui.feedback, issue 4): flash, banner and sounds, on a plain window, offscreen.

The window is any QWidget, themed as the station is: the feature must not need MainWindow.
Colours are checked on the window's own rendering (``QWidget.grab()``), not on attributes.
"""

from __future__ import annotations

import logging
import subprocess
import sys
import time
import wave
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QObject, QPoint, Qt, QTranslator
from PySide6.QtGui import QColor
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QLabel, QMainWindow, QPushButton, QVBoxLayout, QWidget

from app.gui import assets
from app.gui.feedback import BANNER_COLOUR, BANNER_MARGIN, FLASH_COLOUR, INK, ScanFeedback

REPO = Path(__file__).resolve().parents[2]
WHITE = "#ffffff"


class RecordingSounds:
    """A test double for the player only: remembers what it was asked to play."""

    def __init__(self) -> None:
        self.played: list[str] = []

    def play(self, name: str) -> None:
        self.played.append(name)


@pytest.fixture
def themed(qapp):
    before = qapp.styleSheet()
    qapp.setStyleSheet(assets.theme())
    yield qapp
    qapp.setStyleSheet(before)


@pytest.fixture
def window(qtbot, themed):
    """A station-like window: a button at the top (under where the banner goes) and one below."""
    window = QMainWindow()
    central = QWidget()
    layout = QVBoxLayout(central)
    window.top_button = QPushButton("Haut")
    layout.addWidget(window.top_button)
    title = QLabel("Commande #1042")
    title.setProperty("quaiRole", "instruction")
    layout.addWidget(title)
    layout.addStretch()
    window.bottom_button = QPushButton("Bas")
    layout.addWidget(window.bottom_button)
    window.setCentralWidget(central)
    window.resize(1280, 800)
    window.show()
    qtbot.waitExposed(window)
    yield window
    window.close()


@pytest.fixture
def sounds() -> RecordingSounds:
    return RecordingSounds()


@pytest.fixture
def feedback(window, sounds) -> ScanFeedback:
    return ScanFeedback(window, sounds)


class EventCounter(QObject):
    def __init__(self, kind: QEvent.Type) -> None:
        super().__init__()
        self.kind = kind
        self.count = 0

    def eventFilter(self, _watched, event) -> bool:
        if event.type() == self.kind:
            self.count += 1
        return False


def colours(widget: QWidget, points: list[tuple[int, int]]) -> set[str]:
    image = widget.grab().toImage()
    return {image.pixelColor(x, y).name() for x, y in points}


def edges(widget: QWidget, top: int = 0) -> list[tuple[int, int]]:
    """Corners and edge midpoints of the part of ``widget`` below ``top``: away from the mark."""
    w, h = widget.width(), widget.height()
    mid = (top + h) // 2
    return [(1, top + 1), (w - 2, top + 1), (1, h - 2), (w - 2, h - 2), (w // 2, h - 2), (1, mid), (w - 2, mid)]


def ink_points(widget: QWidget, ink: str, step: int = 4) -> set[tuple[int, int]]:
    image = widget.grab().toImage()
    return {(x, y) for y in range(0, image.height(), step) for x in range(0, image.width(), step) if image.pixelColor(x, y).name() == ink}


def contrast(a: str, b: str) -> float:
    """WCAG contrast ratio of two colours."""

    def luminance(name: str) -> float:
        channels = [c / 255 for c in QColor(name).getRgb()[:3]]
        r, g, b = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
        return 0.2126 * r + 0.7152 * g + 0.0722 * b

    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


# --- the flash ---------------------------------------------------------------------------------
def test_good_flashes_the_whole_window_green(window, feedback):
    assert colours(window, edges(window)) == {WHITE}  # the theme's background before
    feedback.good()
    assert colours(window, edges(window)) == {FLASH_COLOUR["good"]}
    assert feedback.overlay.geometry() == window.rect()


@pytest.mark.parametrize("kind", ["bad", "attention"])
def test_bad_and_attention_flash_red_and_amber_around_their_banner(window, feedback, kind):
    getattr(feedback, kind)("Texte")
    below_banner = feedback.banner.geometry().bottom() + 1
    assert colours(window, edges(window, top=below_banner)) == {FLASH_COLOUR[kind]}
    assert colours(window, [(1, 1), (window.width() - 2, 1)]) == {FLASH_COLOUR[kind]}  # above the banner's margin too


def test_the_flash_carries_a_mark_distinct_per_kind_not_only_a_colour(window, feedback):
    marks = {}
    for kind in ("good", "bad", "attention"):
        feedback.acknowledge()
        getattr(feedback, kind)("")
        top = feedback.banner.geometry().bottom() + 1 if feedback.banner_showing else 0
        marks[kind] = {p for p in ink_points(window, INK[kind]) if p[1] > top}
        assert len(marks[kind]) > 300, f"no {kind} mark on the flash"
    assert len(marks["good"] ^ marks["bad"]) > 300  # a tick is not a cross


def test_good_text_is_written_on_the_flash(window, feedback):
    feedback.good()
    plain = ink_points(window, INK["good"])
    feedback.good("Article ajouté")
    assert len(ink_points(window, INK["good"]) - plain) > 100


def test_the_flash_is_painted_before_the_call_returns(window, feedback):
    painted: list[float] = []
    feedback.painted.connect(painted.append)
    feedback.prepare()  # as after the first paint
    before = time.perf_counter()
    feedback.good()
    # No event loop has run since: repaint(), not update().
    assert len(painted) == 1
    assert before <= painted[0] <= time.perf_counter()
    assert feedback.painted_at == painted[0]
    feedback.bad("Encore")
    assert len(painted) == 2  # a flash over a flash is painted at once as well


def test_the_banner_is_painted_with_the_flash_before_the_call_returns(window, feedback):
    counter = EventCounter(QEvent.Type.Paint)
    feedback.banner.text_label.installEventFilter(counter)
    feedback.bad("Mauvais article")
    assert counter.count >= 1


def test_the_flash_hides_after_its_duration(qtbot, window, sounds):
    feedback = ScanFeedback(window, sounds, flash_ms=120)
    started = time.monotonic()
    feedback.good()
    assert feedback.flash_showing
    qtbot.waitUntil(lambda: not feedback.flash_showing, timeout=2000)
    assert time.monotonic() - started >= 0.9 * 0.120  # a coarse QTimer may fire up to 5% early
    qtbot.wait(20)  # the window repaints under it
    assert colours(window, edges(window)) == {WHITE}


def test_the_default_flash_lasts_about_a_quarter_second(window, feedback):
    assert 150 <= feedback.flash_ms <= 400


def tap(window: QWidget, widget: QWidget, point: QPoint | None = None) -> None:
    """Click as the screen would: through the window, which finds the widget under the point.

    (QTest's widget overload sends the events straight to the widget, past anything on top.)
    """
    at = widget.mapTo(window, point if point is not None else widget.rect().center())
    QTest.mouseClick(window.windowHandle(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, at)


def test_taps_go_through_the_flash(qtbot, window, feedback):
    feedback.good()
    assert feedback.flash_showing
    with qtbot.waitSignal(window.bottom_button.clicked, timeout=1000):
        tap(window, window.bottom_button)


def test_the_flash_and_the_banner_follow_a_resized_window(qtbot, window, feedback):
    feedback.bad("Mauvais article")
    window.resize(900, 600)
    qtbot.waitUntil(lambda: feedback.overlay.geometry() == window.rect(), timeout=2000)
    assert feedback.banner.width() == 900 - 2 * BANNER_MARGIN
    below_banner = feedback.banner.geometry().bottom() + 1
    assert colours(window, edges(window, top=below_banner)) == {FLASH_COLOUR["bad"]}


def test_flash_bad_is_a_red_flash_with_its_sound_and_no_banner(window, feedback, sounds):
    feedback.flash_bad()
    assert colours(window, edges(window)) == {FLASH_COLOUR["bad"]}
    feedback.flash_good()
    assert colours(window, edges(window)) == {FLASH_COLOUR["good"]}
    assert not feedback.banner_showing
    assert sounds.played == ["error", "ok"]


# --- the banner --------------------------------------------------------------------------------
def test_bad_shows_a_banner_that_stays_after_the_flash(qtbot, window, sounds):
    feedback = ScanFeedback(window, sounds, flash_ms=50)
    text = "Mauvais article : reposez-le et scannez le mug blanc."
    feedback.bad(text)
    assert feedback.banner_showing and feedback.banner_kind == "bad"
    assert feedback.banner.text_label.text() == text == feedback.banner_text
    qtbot.waitUntil(lambda: not feedback.flash_showing, timeout=2000)
    qtbot.wait(400)  # time passes: nobody acknowledged it
    assert feedback.banner_showing
    banner = feedback.banner.geometry()
    inside = [(banner.left() + 10, banner.center().y()), (banner.right() - 10, banner.bottom() - 10)]
    assert colours(window, inside) == {BANNER_COLOUR["bad"]}
    assert colours(window, edges(window, top=banner.bottom() + 1)) == {WHITE}  # the flash is gone


def test_attention_shows_an_amber_banner_that_stays_too(qtbot, window, feedback):
    feedback.attention("Dernier article : posez le bac sur le tapis.")
    assert feedback.banner_kind == "attention"
    qtbot.wait(400)
    assert feedback.banner_showing
    banner = feedback.banner.geometry()
    assert colours(window, [(banner.left() + 10, banner.center().y())]) == {BANNER_COLOUR["attention"]}


def test_acknowledge_hides_the_banner_and_says_whether_one_showed(qtbot, window, feedback):
    assert feedback.acknowledge() is False  # nothing yet: the scan is not used up
    feedback.bad("Mauvais article")
    with qtbot.waitSignal(feedback.acknowledged, timeout=1000):
        assert feedback.acknowledge() is True
    assert not feedback.banner_showing and feedback.banner_text == ""
    with qtbot.assertNotEmitted(feedback.acknowledged):
        assert feedback.acknowledge() is False


def test_good_leaves_a_banner_for_the_acknowledgement(window, feedback):
    feedback.bad("Mauvais article")
    feedback.good()
    assert feedback.banner_showing


@pytest.mark.parametrize("where", ["banner", "hint"])
def test_a_tap_on_the_banner_acknowledges_it_and_clicks_nothing_under_it(qtbot, window, feedback, where):
    feedback.bad("Mauvais article")
    assert feedback.banner.geometry().contains(window.top_button.mapTo(window, window.top_button.rect().center()))
    target = feedback.banner if where == "banner" else feedback.banner.hint_label
    clicked: list[bool] = []
    window.top_button.clicked.connect(lambda: clicked.append(True))
    presses = EventCounter(QEvent.Type.MouseButtonPress)
    window.installEventFilter(presses)
    with qtbot.waitSignal(feedback.acknowledged, timeout=1000):
        tap(window, target)
    assert not feedback.banner_showing
    qtbot.wait(20)
    assert clicked == []
    assert presses.count == 0  # the banner took the press: the window behind it saw nothing


def test_the_banner_leaves_the_focus_where_a_wedge_scanner_types(window, feedback):
    window.bottom_button.setFocus()
    assert window.focusWidget() is window.bottom_button
    feedback.bad("Mauvais article")
    assert window.focusWidget() is window.bottom_button
    feedback.acknowledge()
    assert window.focusWidget() is window.bottom_button


def test_the_banner_is_big_and_readable_at_a_metre(window, feedback):
    feedback.bad("Mauvais article")
    banner = feedback.banner
    assert banner.height() >= 48 and banner.width() >= 48  # a gloved tap target
    assert banner.text_label.font().pixelSize() >= 36
    assert banner.hint_label.font().pixelSize() >= 24
    assert banner.text_label.font().bold()
    for kind in ("bad", "attention"):
        assert contrast(BANNER_COLOUR[kind], INK[kind]) >= 7  # WCAG AAA


def test_a_long_text_wraps_and_the_banner_grows_within_the_window(window, feedback):
    feedback.bad("Mauvais article")
    short = feedback.banner.height()
    feedback.bad("Mauvais article : " + "le code scanné n'est pas dans cette commande, " * 4 + "appelez un responsable.")
    assert feedback.banner.height() > short + 40
    assert feedback.banner.width() == window.width() - 2 * BANNER_MARGIN
    assert feedback.banner.geometry().bottom() < window.height()


def test_a_newer_banner_replaces_the_older_one(window, feedback):
    feedback.bad("Mauvais article")
    feedback.attention("Commande en attente")
    assert (feedback.banner_kind, feedback.banner_text) == ("attention", "Commande en attente")
    banner = feedback.banner.geometry()
    assert colours(window, [(banner.left() + 10, banner.center().y())]) == {BANNER_COLOUR["attention"]}


def test_the_banner_hint_follows_a_language_switch(qtbot, qapp, window, feedback):
    class French(QTranslator):
        def translate(self, context, source, disambiguation=None, n=-1):
            return "Scannez ou touchez ici pour continuer" if context == "Feedback" else None

        def isEmpty(self) -> bool:
            return False  # else installing it sends no LanguageChange

    feedback.bad("Mauvais article")
    assert feedback.banner.hint_label.text() == "Scan or tap here to continue"  # no .qm entry in this test
    french = French()
    qapp.installTranslator(french)
    try:
        qtbot.waitUntil(lambda: feedback.banner.hint_label.text() == "Scannez ou touchez ici pour continuer", timeout=1000)
    finally:
        qapp.removeTranslator(french)


def test_works_over_a_plain_widget_built_before_the_feedback_is(qtbot, themed, sounds):
    window = QWidget()
    window.resize(640, 480)
    feedback = ScanFeedback(window, sounds)
    window.show()
    qtbot.waitExposed(window)
    feedback.attention("Regardez l'écran")
    assert colours(window, edges(window, top=feedback.banner.geometry().bottom() + 1)) == {FLASH_COLOUR["attention"]}
    window.close()


# --- sounds ------------------------------------------------------------------------------------
def test_each_kind_plays_its_sound(window, feedback, sounds):
    feedback.good()
    feedback.bad("Mauvais article")
    feedback.attention("Regardez")
    assert sounds.played == ["ok", "error", "attention"]


def test_the_player_can_be_swapped_after_the_first_paint(window, feedback, sounds):
    later = RecordingSounds()
    feedback.sounds = later  # app.gui.app swaps QtSounds in after the window is shown
    feedback.good()
    assert (sounds.played, later.played) == ([], ["ok"])


def test_qt_sounds_never_raise_and_warn_once_when_they_cannot_play(qtbot, caplog):
    caplog.set_level(logging.WARNING, logger="app.gui.assets")
    player = assets.QtSounds()
    for _ in range(10):
        for name in assets.SOUND_NAMES:
            player.play(name)
    qtbot.wait(300)  # QSoundEffect reports a device that refuses the sound asynchronously
    for _ in range(10):
        for name in assets.SOUND_NAMES:
            player.play(name)
    warnings = [r for r in caplog.records if r.name == "app.gui.assets" and r.levelno == logging.WARNING]
    # Here (offscreen, no audio) it cannot play: one warning. With a sound card: none.
    assert len(warnings) == (0 if player.available else 1), [r.getMessage() for r in warnings]
    if warnings:
        assert "silently" in warnings[0].getMessage()


def test_both_players_refuse_a_misspelt_sound(monkeypatch):
    with pytest.raises(ValueError, match="oops"):
        assets.SilentSounds().play("oops")
    with pytest.raises(ValueError, match="oops"):
        assets.QtSounds().play("oops")
    monkeypatch.setenv(assets.ENV_SILENT, "1")
    assert isinstance(assets.sounds(), assets.SilentSounds)


DURATIONS = {"ok": (0.08, 0.25), "error": (0.3, 0.7), "attention": (0.2, 0.35)}


def _frames(path: Path) -> tuple[wave._wave_params, bytes]:
    with wave.open(str(path), "rb") as wav:
        return wav.getparams(), wav.readframes(wav.getnframes())


def test_the_three_sounds_are_distinct_short_16_bit_mono_wavs():
    import array

    seen = {}
    for name in assets.SOUND_NAMES:
        params, frames = _frames(assets.sound_path(name))
        assert (params.nchannels, params.sampwidth, params.framerate, params.comptype) == (1, 2, 44_100, "NONE")
        low, high = DURATIONS[name]
        assert low <= params.nframes / params.framerate <= high, name
        samples = array.array("h", frames)
        assert max(abs(s) for s in samples) > 0.5 * 32767, f"{name} is too quiet"
        assert abs(samples[0]) < 300 and abs(samples[-1]) < 300, f"{name} starts or ends with a click"
        seen[name] = frames
    assert len(set(seen.values())) == 3


def test_the_committed_sounds_are_what_make_sounds_writes(tmp_path: Path):
    done = subprocess.run(
        [sys.executable, str(REPO / "packaging" / "make_sounds.py"), "--out", str(tmp_path)],
        capture_output=True, text=True, timeout=120,
    )
    assert done.returncode == 0, done.stderr
    for name in assets.SOUND_NAMES:
        assert (tmp_path / f"{name}.wav").read_bytes() == assets.sound_path(name).read_bytes(), f"run packaging/make_sounds.py: {name}.wav"


# --- start-up ----------------------------------------------------------------------------------
BUILD_BEFORE_SHOW = """
import sys
import PySide6.QtCore as QtCore
from PySide6.QtWidgets import QApplication, QWidget
from app.gui.assets import SilentSounds
from app.gui.feedback import ScanFeedback

app = QApplication([])
window = QWidget()
feedback = ScanFeedback(window, SilentSounds())
window.resize(640, 480)
window.show()
print("Qt" in vars(QtCore), "PySide6.QtMultimedia" in sys.modules)
deadline = QtCore.QDeadlineTimer(5000)
while feedback._flash is None and not deadline.hasExpired():
    app.processEvents()
print(feedback._flash is not None)
"""


def test_the_feedback_costs_the_start_up_nothing_and_is_ready_after_the_first_paint():
    done = subprocess.run([sys.executable, "-c", BUILD_BEFORE_SHOW], capture_output=True, text=True, timeout=60, cwd=REPO)
    assert done.returncode == 0, done.stderr
    before_show, built = done.stdout.splitlines()
    assert before_show == "False False", "the Qt namespace or QtMultimedia loaded before the window was shown"
    assert built == "True", "the flash and the banner were not built after the first paint"
