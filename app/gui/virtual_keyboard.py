"""Qt Virtual Keyboard at a station: asking for it, its first layout, and letting it go.

The keyboard (PySide6-Addons' ``qtvirtualkeyboard`` input context) is Qt's own on-screen
keyboard: a window of its own docked at the bottom of the screen, shown on a tap into a
text field. Three things about it need doing at the right moment, all here:

- ``virtual_keyboard_environment``: ask for it before the QApplication exists (Qt reads
  QT_IM_MODULE once, when the application is created);
- ``default_locale_before_application``: its first layout comes from the default locale at
  that same moment (AZERTY for French), so the station's language is set first;
- ``exit_skipping_keyboard_teardown``: Qt Virtual Keyboard does not survive Qt's own
  teardown. Left to the application's destruction, its Qt Quick items unset their cursor
  after the application is gone, and the process aborts ("QPixmap: Must construct a
  QGuiApplication before a QPixmap", exit 134). Deleting those items first only moves the
  crash (now and then a heap corruption at exit). So a station that loaded the keyboard
  ends its process once its own work is done (the window closed, the logout written, the
  workers stopped): logs and output flushed, then ``os._exit`` with the station's code,
  without Qt's teardown, which has nothing left to save.

Dialogs keep clear of it with app.gui.keyboard_room.
"""

from __future__ import annotations

from collections.abc import MutableMapping

VIRTUAL_KEYBOARD = "qtvirtualkeyboard"
PANEL_WINDOW_CLASSES = ("QtVirtualKeyboard::InputView",)  # the keyboard's window (its desktop panel)


def virtual_keyboard_environment(config, environ: MutableMapping[str, str]) -> bool:
    """Ask Qt for its on-screen keyboard when the station wants one (``[station]
    virtual_keyboard``; on by default at a supervisor station). An input method already chosen
    in the environment (a site's own) is left alone. Returns whether the keyboard is asked for.
    Before the QApplication exists only."""
    if not config.wants_virtual_keyboard:
        return False
    environ.setdefault("QT_IM_MODULE", VIRTUAL_KEYBOARD)
    return environ["QT_IM_MODULE"] == VIRTUAL_KEYBOARD


def default_locale_before_application(language: str) -> None:
    """Give the process the station's locale before the QApplication exists.

    The keyboard takes its first layout from it; later language switches do not move the
    layout (its globe key does). app.gui.i18n sets the same default again at run time."""
    from PySide6.QtCore import QLocale

    from app.gui.i18n import locale_for

    QLocale.setDefault(locale_for(language))


def keyboard_loaded() -> bool:
    """Whether Qt Virtual Keyboard made its window in this process (a tap into a text field)."""
    from PySide6.QtGui import QGuiApplication

    return any(window.metaObject().className() in PANEL_WINDOW_CLASSES for window in QGuiApplication.topLevelWindows())


def exit_skipping_keyboard_teardown(code: int) -> None:
    """End the process now with ``code`` if the keyboard was loaded (see above); else return.

    Only once the station's work is over: nothing after this call runs, no atexit handler,
    no finaliser. Logging and standard output are flushed first."""
    if not keyboard_loaded():
        return
    import logging
    import os
    import sys

    logging.shutdown()
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (OSError, ValueError):
            pass  # a closed or broken stream: nothing more can be said on it
    os._exit(code)
