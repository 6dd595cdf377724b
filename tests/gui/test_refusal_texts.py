"""Every reason the domain gives for refusing a supervisor, and every usual reason on the
console's keys, reaches the French screen in French.

The domain keeps its refusal texts without Qt (app.supervision.texts) and the console
translates them by looking them up, which Qt's lupdate cannot see: app.gui.console.
refusal_texts writes each one literally. These tests keep the two lists in step and read
the French out of the released translation file itself."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest
from PySide6.QtCore import QTranslator

from app.gui.assets import translation_file
from app.gui.console import reason_dialog, refusal_texts
from app.supervision.texts import CONTEXT, NOT_AUTHORIZED, REFUSALS


def literal_sources(module) -> list[tuple[str, str]]:
    """(context, source) of each translate("Context", "source") written in ``module``."""
    tree = ast.parse(Path(module.__file__).read_text(encoding="utf-8"))
    found = []
    for node in ast.walk(tree):
        if (isinstance(node, ast.Call) and getattr(node.func, "id", "") == "translate" and len(node.args) >= 2
                and all(isinstance(a, ast.Constant) for a in node.args[:2])):
            found.append((node.args[0].value, node.args[1].value))
    return found


@pytest.fixture(scope="module")
def french() -> QTranslator:
    translator = QTranslator()
    assert translator.load(str(translation_file("fr")))
    return translator


def test_each_refusal_of_the_domain_is_written_out_for_lupdate_under_its_context():
    written = {source for context, source in literal_sources(refusal_texts) if context == CONTEXT}
    assert written == set(REFUSALS.values()) | set(NOT_AUTHORIZED.values())
    assert set(refusal_texts.refusal_texts()) == set(REFUSALS) | set(NOT_AUTHORIZED)


def test_each_refusal_and_usual_reason_has_its_french(french):
    sources = literal_sources(refusal_texts) + literal_sources(reason_dialog)
    assert len(sources) > 30
    missing = [(context, source) for context, source in sources
               if not french.translate(context, source) or french.translate(context, source) == source]
    assert missing == []


def test_the_console_shows_a_refusal_in_french(qapp, french):
    from PySide6.QtCore import QCoreApplication

    QCoreApplication.installTranslator(french)
    try:
        assert refusal_texts.refusal("already_held") == "Cette commande est déjà bloquée."
        assert refusal_texts.refusal("no_such_code") == "no_such_code"
        keys = [text for _stored, text in reason_dialog._reasons("hold")]
        assert "Suspicion de fraude" in keys and "Suspected fraud" not in keys
    finally:
        QCoreApplication.removeTranslator(french)
