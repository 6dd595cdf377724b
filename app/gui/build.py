"""Regenerate what the station's GUI builds from sources: ``python -m app.gui.build forms|translations|all``.

* ``forms``: ``ui/*.ui`` -> ``app/gui/forms/ui_<name>.py`` with pyside6-uic, keeping only the
  imports the form uses (see ``prune_imports``).
* ``translations``: pyside6-lupdate over ``app/gui`` and ``ui`` -> ``resources/translations/quai_<lang>.ts``
  (existing translations are kept, vanished strings dropped), then pyside6-lrelease -> ``.qm``.

Both outputs are committed; ``tests/gui/test_build_artifacts.py`` fails when they are stale.
The functions take an output directory so the tests can rebuild into a temporary one.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
UI_DIR = REPO / "ui"
FORMS_DIR = REPO / "app" / "gui" / "forms"
GUI_DIR = REPO / "app" / "gui"
TRANSLATIONS_DIR = REPO / "resources" / "translations"
LANGUAGES = ("fr", "en")
UIC_HEADER_MARK = "Created by: Qt User Interface Compiler version"


class ToolMissing(RuntimeError):
    pass


def tool(name: str) -> str:
    """A PySide6 tool: next to the running interpreter first (the venv), then on PATH."""
    candidate = Path(sys.executable).with_name(name)
    if candidate.exists():
        return str(candidate)
    found = shutil.which(name)
    if not found:
        raise ToolMissing(f"{name} not found next to {sys.executable} nor on PATH; install PySide6-Essentials")
    return found


def form_module_name(ui_file: Path) -> str:
    return f"ui_{ui_file.stem}.py"


_FROM_IMPORT = re.compile(r"^from (PySide6\.\w+) import \(?([^)]*?)\)?\n(?=\S|\n)", re.MULTILINE | re.DOTALL)


def prune_imports(source: str) -> str:
    """Keep only the PySide6 names a generated form uses.

    uic imports some thirty classes and the ``Qt`` namespace into every form. PySide6
    creates a class (and its enums) on first access, so that list alone costs the
    station's start-up ~25 ms (``Qt`` by itself 12-19 ms) before the login screen shows.
    """

    imports = list(_FROM_IMPORT.finditer(source))
    body = source[imports[-1].end():] if imports else source

    def keep_used(match: re.Match[str]) -> str:
        used = [n for n in (x.strip() for x in match[2].split(",")) if n and re.search(rf"\b{n}\b", body)]
        return f"from {match[1]} import {', '.join(used)}\n" if used else ""

    return _FROM_IMPORT.sub(keep_used, source)


def build_forms(out_dir: Path = FORMS_DIR) -> list[Path]:
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for ui_file in sorted(UI_DIR.glob("*.ui")):
        target = out_dir / form_module_name(ui_file)
        # -a: no connectSlotsByName(); the screens connect their signals explicitly.
        subprocess.run([tool("pyside6-uic"), "-a", str(ui_file), "-o", str(target)], check=True)
        target.write_text(prune_imports(target.read_text(encoding="utf-8")), encoding="utf-8")
        written.append(target)
    return written


def translatable_sources() -> list[Path]:
    sources = [p for p in sorted(GUI_DIR.rglob("*.py")) if "forms" not in p.relative_to(GUI_DIR).parts]
    return sources + sorted(UI_DIR.glob("*.ui"))


def ts_file(lang: str, directory: Path = TRANSLATIONS_DIR) -> Path:
    return directory / f"quai_{lang}.ts"


def qm_file(lang: str, directory: Path = TRANSLATIONS_DIR) -> Path:
    return directory / f"quai_{lang}.qm"


def update_ts() -> list[Path]:
    """Merge the current source strings into the .ts files (relative paths, so the files stay portable)."""
    TRANSLATIONS_DIR.mkdir(parents=True, exist_ok=True)
    sources = [str(p.relative_to(REPO)) for p in translatable_sources()]
    written = []
    for lang in LANGUAGES:
        target = ts_file(lang)
        subprocess.run(
            [
                tool("pyside6-lupdate"),
                *sources,
                "-no-obsolete",
                "-locations",
                "relative",
                "-source-language",
                "en",
                "-target-language",
                lang,
                "-ts",
                str(target.relative_to(REPO)),
            ],
            check=True,
            cwd=REPO,
        )
        written.append(target)
    return written


def release_qm(out_dir: Path = TRANSLATIONS_DIR) -> list[Path]:
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for lang in LANGUAGES:
        target = qm_file(lang, out_dir)
        subprocess.run([tool("pyside6-lrelease"), "-silent", str(ts_file(lang)), "-qm", str(target)], check=True)
        written.append(target)
    return written


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    what = args[0] if args else "all"
    if what not in ("forms", "translations", "all"):
        print("usage: python -m app.gui.build forms|translations|all", file=sys.stderr)
        return 2
    try:
        if what in ("forms", "all"):
            for path in build_forms():
                print(f"uic      {path.relative_to(REPO)}")
        if what in ("translations", "all"):
            for path in update_ts():
                print(f"lupdate  {path.relative_to(REPO)}")
            for path in release_qm():
                print(f"lrelease {path.relative_to(REPO)}")
    except (ToolMissing, subprocess.CalledProcessError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
