"""Language: which one to use at start-up, and switching at run time.

Source strings are English; ``resources/translations/quai_<lang>.qm`` carries the French
(and the English plural forms). Installing a translator makes Qt send ``QEvent.LanguageChange``
to every widget, and each screen re-renders its texts in ``changeEvent``.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication, QEvent, QLibraryInfo, QLocale, QObject, QTranslator, Signal

from app.gui.assets import translation_file

log = logging.getLogger(__name__)

SUPPORTED = ("fr", "en")
FALLBACK = "fr"  # the floor speaks French first


def resolve_language(setting: str, system_locale: str | None = None) -> str:
    """``fr``/``en`` as configured; for ``system``, the locale's language if supported, else French.

    ``system_locale`` is a name like ``fr_CA`` or ``en-GB`` (default: QLocale.system()).
    """
    if setting in SUPPORTED:
        return setting
    name = system_locale if system_locale is not None else QLocale.system().name()
    language = name.replace("-", "_").split("_")[0].lower()
    return language if language in SUPPORTED else FALLBACK


def locale_for(language: str) -> QLocale:
    """The station's locale for a supported language: France's French, Britain's English."""
    return QLocale("fr_FR" if language == "fr" else "en_GB")


class LanguageSwitcher(QObject):
    """Owns the installed translators. GUI thread only."""

    changed = Signal(str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.language: str | None = None
        self._installed: list[QTranslator] = []

    def switch(self, language: str) -> bool:
        if language not in SUPPORTED:
            raise ValueError(f"unsupported language {language!r}; expected one of {', '.join(SUPPORTED)}")
        if language == self.language:
            return True
        app = QCoreApplication.instance()
        # The locale first: the screens re-render (plurals, dates) while the LanguageChange is delivered.
        QLocale.setDefault(locale_for(language))
        for translator in self._installed:
            app.removeTranslator(translator)
        self._installed = []
        ok = True
        quai = QTranslator(self)
        if quai.load(str(translation_file(language))):
            self._installed.append(quai)
        else:
            log.warning("cannot load %s", translation_file(language))
            ok = False
        qt_base = QTranslator(self)  # Qt's own strings (context menus of the line edit)
        if language != "en" and qt_base.load(f"qtbase_{language}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
            self._installed.append(qt_base)
        for translator in self._installed:
            app.installTranslator(translator)
        # Deliver the LanguageChange now, so every screen is retranslated when switch() returns.
        QCoreApplication.sendPostedEvents(None, QEvent.Type.LanguageChange)
        self.language = language
        self.changed.emit(language)
        return ok

    def uninstall(self) -> None:
        app = QCoreApplication.instance()
        for translator in self._installed:
            app.removeTranslator(translator)
        self._installed = []
        self.language = None
