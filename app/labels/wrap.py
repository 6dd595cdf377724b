"""Text wrapped once for every output: the same lines in ZPL, on screen and on paper.

Printers' own wrapping (ZPL's ``^FB``) cannot be asked how many lines it made, and an
address it wraps into one line too many overprints the line below. So lines are decided
here, from a width model of a condensed bold sans-serif that errs wide: a line that fits
here fits on every printer (ZPL font 0, measured at about 0.43 of its height per
character on average; the raster output narrows its font to the box when needed).
"""

from __future__ import annotations

ELLIPSIS = "…"

# Advance widths as fractions of the line height, by character class; erring wide (measured
# on DejaVu Sans Condensed Bold, the raster font, which is wider than ZPL's font 0).
_NARROW = set("iljI.,:;'|!()[]ftr \\/-")
_WIDE = set("mwMW@%&ŒœÆæ…—")


def char_width(ch: str) -> float:
    if ch in _NARROW:
        return 0.34
    if ch in _WIDE:
        return 0.88
    if ch.isupper() or ch.isdigit() or ch in "#+<=>^~{}_":
        return 0.66
    return 0.56


def text_width_mm(text: str, size_mm: float) -> float:
    return sum(char_width(ch) for ch in text) * size_mm


def _shortened(line: str, width_mm: float, size_mm: float) -> str:
    """``line`` cut so that it and "…" fit ``width_mm``."""
    while line and text_width_mm(line + ELLIPSIS, size_mm) > width_mm:
        line = line[:-1]
    return line.rstrip() + ELLIPSIS


def wrap(text: str, width_mm: float, size_mm: float, max_lines: int = 1) -> list[str]:
    """``text`` in at most ``max_lines`` lines no wider than ``width_mm``: broken at spaces
    (and explicit newlines), a word longer than a line broken inside it; when the text
    needs more lines, the last one ends with "…"."""
    if max_lines < 1:
        return []
    lines: list[str] = []
    for paragraph in text.splitlines() or [""]:
        current = ""
        for word in paragraph.split():
            candidate = f"{current} {word}" if current else word
            if text_width_mm(candidate, size_mm) <= width_mm:
                current = candidate
                continue
            if current:
                lines.append(current)
            current = ""
            while text_width_mm(word, size_mm) > width_mm:  # a word wider than the box
                cut = len(word)
                while cut > 1 and text_width_mm(word[:cut], size_mm) > width_mm:
                    cut -= 1
                lines.append(word[:cut])
                word = word[cut:]
            current = word
        lines.append(current)
    while len(lines) > 1 and not lines[-1]:
        lines.pop()
    if len(lines) > max_lines:
        return lines[: max_lines - 1] + [_shortened(lines[max_lines - 1] + " " + lines[max_lines], width_mm, size_mm)]
    return lines
