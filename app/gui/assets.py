"""Icons, sounds, themes and translations, loaded by name from ``<repo>/resources``.

Sound is optional: when QtMultimedia (or libpulse under it) cannot load, ``sounds()``
returns a silent player and the station works on without it.
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


class SilentSounds:
    """The player used when there is no sound: every call is a no-op."""

    available = False

    def play(self, name: str) -> None:
        pass


class QtSounds:
    """Short feedback sounds through QSoundEffect; must be created and used in the GUI thread."""

    available = True

    def __init__(self) -> None:
        from PySide6.QtCore import QUrl
        from PySide6.QtMultimedia import QSoundEffect

        self._effects = {}
        for path in sorted(SOUNDS.glob("*.wav")):
            effect = QSoundEffect()
            effect.setSource(QUrl.fromLocalFile(str(path)))
            self._effects[path.stem] = effect

    def play(self, name: str) -> None:
        effect = self._effects.get(name)
        if effect is not None:
            effect.play()


def sounds() -> SilentSounds | QtSounds:
    """The sound player; silent when QUAI_SILENT=1 or QtMultimedia cannot load."""
    if os.environ.get(ENV_SILENT) == "1":
        return SilentSounds()
    try:
        return QtSounds()
    except Exception as exc:  # ImportError, missing libpulse: run silent rather than fail
        log.warning("sound disabled: %s", exc)
        return SilentSounds()
