"""Qt Virtual Keyboard at a station: asking for it, its first layout, and letting it go.

The keyboard (PySide6-Addons' ``qtvirtualkeyboard`` input context) is Qt's own on-screen
keyboard: a window of its own docked at the bottom of the screen, shown on a tap into a
text field. Three things about it need doing at the right moment, all here:

- ``virtual_keyboard_environment``: ask for it before the QApplication exists (Qt reads
  QT_IM_MODULE once, when the application is created);
- ``default_locale_before_application``: its first layout comes from the default locale at
  that same moment (AZERTY for French), so the station's language is set first;
- ``release_keyboard_panel``: its Qt Quick items must go while the application still
  exists. Left to the application's own teardown, an item unsetting its cursor after the
  application is gone aborts the process ("QPixmap: Must construct a QGuiApplication
  before a QPixmap", exit 134) at every stop of a supervisor station.

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

    QLocale.setDefault(QLocale("fr_FR" if language == "fr" else "en_GB"))


def release_keyboard_panel() -> int:
    """Delete the keyboard's Qt Quick items now, while the application exists (see above).

    After the station's window has closed, before the QApplication goes. Returns how many
    top-level items were deleted (0 when the keyboard was never loaded). GUI thread only."""
    from PySide6.QtCore import QCoreApplication, QEvent
    from PySide6.QtGui import QGuiApplication
    from PySide6.QtQuick import QQuickWindow

    released = 0
    for window in QGuiApplication.topLevelWindows():
        if isinstance(window, QQuickWindow) and window.metaObject().className() in PANEL_WINDOW_CLASSES:
            root = window.contentItem()  # held: the items' wrappers go with it
            for item in root.childItems():
                item.deleteLater()
                released += 1
    if released:
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    return released
