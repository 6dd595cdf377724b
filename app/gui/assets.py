"""Icons, sounds, themes and translations, loaded by name from ``<repo>/resources``.

Sound is optional: when QtMultimedia (or libpulse under it) cannot load, or there is no
audio output, the player goes silent (one warning in the log) and the station works on.
"""

from __future__ import annotations

import logging
import os
from functools import cache
from pathlib import Path

import app

log = logging.getLogger(__name__)

RESOURCES = Path(app.__file__).resolve().parents[1] / "resources"
ICONS = RESOURCES / "icons"
SOUNDS = RESOURCES / "sounds"
THEMES = RESOURCES / "themes"
TRANSLATIONS = RESOURCES / "translations"
DEFAULT_THEME = "high_contrast"
ENV_SILENT = "QUAI_SILENT"


class AssetMissing(FileNotFoundError):
    pass


def _existing(path: Path) -> Path:
    if not path.exists():
        raise AssetMissing(f"{path} is missing; the resources folder is incomplete")
    return path


def icon_path(name: str) -> Path:
    return _existing(ICONS / f"{name}.svg")


@cache
def icon(name: str):
    """A QIcon from ``resources/icons/<name>.svg`` (needs a QGuiApplication)."""
    from PySide6.QtGui import QIcon

    return QIcon(str(icon_path(name)))


def pixmap(name: str, size: int):
    return icon(name).pixmap(size, size)


def theme(name: str = DEFAULT_THEME) -> str:
    return _existing(THEMES / f"{name}.qss").read_text(encoding="utf-8")


def translation_file(lang: str) -> Path:
    return TRANSLATIONS / f"quai_{lang}.qm"


def sound_path(name: str) -> Path:
    return _existing(SOUNDS / f"{name}.wav")


SOUND_NAMES = ("ok", "error", "attention")  # resources/sounds/<name>.wav, made by packaging/make_sounds.py


def _known(name: str) -> None:
    # A misspelt name would otherwise be a silent station: fail where the tests see it.
    if name not in SOUND_NAMES:
        raise ValueError(f"no sound named {name!r}; expected one of {', '.join(SOUND_NAMES)}")


class SilentSounds:
    """The player used when there is no sound: every call is a no-op."""

    available = False

    def play(self, name: str) -> None:
        _known(name)


class QtSounds:
    """Short feedback sounds through QSoundEffect; must be created and used in the GUI thread.

    Sound is a help, never a condition: when QtMultimedia cannot load (no libpulse), there is
    no audio output, or QSoundEffect reports an error (no PulseAudio server; under Xvfb it
    says the format is unsupported), the player goes silent and logs one warning, the first
    time it finds out, not at every scan. ``available`` then turns False. QtMultimedia is imported here,
    never at module import: the station builds this player after its window is shown.
    """

    available = True

    def __init__(self) -> None:
        self._effects: dict[str, object] = {}
        self._warned = False
        try:
            from PySide6.QtCore import QUrl
            from PySide6.QtMultimedia import QMediaDevices, QSoundEffect
        except ImportError as exc:  # the wheel's QtMultimedia needs libpulse.so.0
            self._go_silent(f"QtMultimedia cannot load ({exc})")
            return
        if QMediaDevices.defaultAudioOutput().isNull():
            self._go_silent("no audio output device")
            return
        self._error_status = QSoundEffect.Status.Error
        for name in SOUND_NAMES:
            effect = QSoundEffect()
            effect.setSource(QUrl.fromLocalFile(str(sound_path(name))))
            self._effects[name] = effect

    def _go_silent(self, why: str) -> None:
        self.available = False
        if not self._warned:
            self._warned = True
            log.warning("sound disabled, the station carries on silently: %s", why)

    def play(self, name: str) -> None:
        _known(name)
        effect = self._effects.get(name)
        if effect is None:  # silent from the start
            return
        # Loading is asynchronous: a device that refuses the sound says so a moment after
        # setSource, so it is asked here. (Not through statusChanged: a slot holding the
        # effect would make a cycle, which the garbage collector might free in a worker thread.)
        if effect.status() == self._error_status:
            self._go_silent(f"the audio output cannot play {name}.wav")
            return
        effect.play()


def sounds() -> SilentSounds | QtSounds:
    """The sound player; silent when QUAI_SILENT=1 (a QtSounds goes silent by itself when it cannot play)."""
    if os.environ.get(ENV_SILENT) == "1":
        return SilentSounds()
    try:
        return QtSounds()
    except Exception as exc:  # anything unforeseen in QtMultimedia: run silent rather than fail
        log.warning("sound disabled: %s", exc)
        return SilentSounds()
