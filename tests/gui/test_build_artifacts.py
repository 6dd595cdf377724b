"""Generated files are committed: fail when they are stale, or when a translation is missing."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from app.gui import build

UIC_HEADER = build.UIC_HEADER_MARK


def _without_header(text: str) -> list[str]:
    return [line for line in text.splitlines() if UIC_HEADER not in line]


def test_ui_forms_exist():
    assert {p.stem for p in build.UI_DIR.glob("*.ui")} >= {"login", "main_window"}


def test_generated_forms_are_up_to_date(tmp_path: Path):
    fresh = build.build_forms(tmp_path)
    assert fresh
    stale = [
        p.name
        for p in fresh
        if not (build.FORMS_DIR / p.name).exists()
        or _without_header((build.FORMS_DIR / p.name).read_text(encoding="utf-8")) != _without_header(p.read_text(encoding="utf-8"))
    ]
    assert stale == [], f"stale forms {stale}: run `make forms` and commit app/gui/forms/"


def test_compiled_translations_are_up_to_date(tmp_path: Path):
    for fresh in build.release_qm(tmp_path):
        committed = build.qm_file(fresh.stem.split("_")[1])
        assert committed.exists(), f"{committed} missing: run `make translations`"
        assert committed.read_bytes() == fresh.read_bytes(), f"{committed.name} is stale: run `make translations`"


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_every_message_is_translated(lang: str):
    root = ET.parse(build.ts_file(lang)).getroot()
    problems = []
    for context in root.iter("context"):
        for message in context.iter("message"):
            source = message.findtext("source")
            translation = message.find("translation")
            kind = translation.get("type")
            forms = [f.text for f in translation.findall("numerusform")] if message.get("numerus") == "yes" else [translation.text]
            if kind in ("unfinished", "obsolete", "vanished") or not all(f and f.strip() for f in forms):
                problems.append(f"{context.findtext('name')}: {source!r}")
    assert problems == [], f"quai_{lang}.ts: untranslated messages (run `make translations`, then Linguist): {problems}"


def test_ts_covers_the_sources(tmp_path: Path):
    """Every string in the code is in quai_fr.ts: lupdate into a scratch copy finds nothing new."""
    import shutil
    import subprocess

    scratch = tmp_path / "quai_fr.ts"
    shutil.copy(build.ts_file("fr"), scratch)
    sources = [str(p) for p in build.translatable_sources()]
    out = subprocess.run(
        [build.tool("pyside6-lupdate"), *sources, "-no-obsolete", "-locations", "none", "-ts", str(scratch)],
        check=True, capture_output=True, text=True,
    ).stdout
    assert "(0 new" in out, f"strings missing from quai_fr.ts, run `make translations`:\n{out}"
