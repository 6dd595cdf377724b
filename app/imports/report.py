"""What an import did, and the one error that stops it.

``ImportReport`` is filled while a file is read and written; ``summary_lines``
is what the ``quai import`` command prints. ``ImportFailed`` carries the
position of the first problem so the person can open the file at that place.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field


@dataclass(frozen=True)
class ImportWarning:  # noqa: A001 - the public API name; shadows the builtin only inside importers
    """Something imported, but not as the file said (or not at all); ``row`` is the
    physical line where the record starts, as for errors."""

    row: int
    message: str

    def __str__(self) -> str:
        return f"row {self.row}: {self.message}"


class ImportFailed(Exception):
    """The file cannot be imported; nothing was written.

    ``line`` is the physical line where the faulty record starts (multi-line quoted
    fields count their lines), ``column`` the CSV field number or the JSON character
    column, both 1-based.
    """

    def __init__(self, file: str, line: int, column: int, message: str) -> None:
        self.file = str(file)
        self.line = line
        self.column = column
        self.message = message
        super().__init__(str(self))

    def __str__(self) -> str:
        return f"{self.file}:{self.line}:{self.column}: {self.message}"


@dataclass
class ImportReport:
    kind: str
    file: str
    format: str
    imported: int = 0
    updated: int = 0
    unchanged: int = 0
    skipped: dict[str, int] = field(default_factory=dict)
    warnings: list[ImportWarning] = field(default_factory=list)

    def skip(self, reason: str, count: int = 1) -> None:
        self.skipped[reason] = self.skipped.get(reason, 0) + count

    def warn(self, row: int, message: str) -> None:
        self.warnings.append(ImportWarning(row, message))

    @property
    def skipped_total(self) -> int:
        return sum(self.skipped.values())

    @property
    def changed(self) -> bool:
        return bool(self.imported or self.updated)

    def summary_lines(self) -> list[str]:
        skipped = f"skipped {self.skipped_total}"
        if self.skipped:
            # Most frequent reason first; ties alphabetically so the output is stable.
            reasons = sorted(Counter(self.skipped).items(), key=lambda item: (-item[1], item[0]))
            skipped += " (" + ", ".join(f"{reason}: {count}" for reason, count in reasons) + ")"
        head = (
            f"imported {self.imported}, updated {self.updated}, unchanged {self.unchanged}, "
            f"{skipped}, warnings {len(self.warnings)}"
        )
        return [head, *(str(w) for w in sorted(self.warnings, key=lambda w: w.row))]

    def as_payload(self) -> dict[str, object]:
        """The figures for the ``import.completed`` event."""
        return {
            "kind": self.kind,
            "file": self.file,
            "format": self.format,
            "imported": self.imported,
            "updated": self.updated,
            "unchanged": self.unchanged,
            "skipped": dict(self.skipped),
            "warnings": len(self.warnings),
        }
