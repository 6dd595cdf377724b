"""Reading import files: UTF-8 (with or without BOM) and CSV records that know their line.

Every record remembers the physical line where it starts, so an error in a
record whose address spans three lines still points at the right place.
"""

from __future__ import annotations

import codecs
import csv
import io
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from app.imports.report import ImportFailed


def read_text(path: Path) -> str:
    """The file's text; a BOM is dropped, anything that is not UTF-8 is an error at its place."""
    data = Path(path).read_bytes()
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8) :]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line_start = data.rfind(b"\n", 0, exc.start) + 1
        line = data.count(b"\n", 0, exc.start) + 1
        # The column counts characters, not bytes: decode what precedes the bad byte on its line.
        column = len(data[line_start : exc.start].decode("utf-8", errors="replace")) + 1
        raise ImportFailed(
            str(path), line, column,
            f"not UTF-8 (byte 0x{data[exc.start]:02x}); save the file as UTF-8 (CSV UTF-8 in a spreadsheet)",
        ) from None
    if not text.strip():
        raise ImportFailed(str(path), 1, 1, "the file is empty")
    return text


@dataclass(slots=True)
class Record:
    line: int  # physical line where the record starts, 1-based
    values: list[str]


class Column:
    """One named column of a table; calling it on a record gives the stripped value ('' if absent)."""

    __slots__ = ("name", "index")

    def __init__(self, name: str, index: int | None) -> None:
        self.name = name
        self.index = index

    @property
    def number(self) -> int:
        """1-based field number for error positions (1 when the column is absent)."""
        return self.index + 1 if self.index is not None else 1

    def __call__(self, record: Record) -> str:
        i = self.index
        if i is None or i >= len(record.values):
            return ""
        return record.values[i].strip()

    def raw(self, record: Record) -> str:
        i = self.index
        if i is None or i >= len(record.values):
            return ""
        return record.values[i]


class CsvTable:
    def __init__(self, file: str, header: list[str], header_line: int, records: list[Record]) -> None:
        self.file = file
        self.header = header
        self.header_line = header_line
        self.records = records
        self._index: dict[str, int] = {}
        for i, name in enumerate(header):
            # Headers match case-insensitively; the first of two equal headers wins.
            self._index.setdefault(name.strip().lower(), i)

    def has(self, name: str) -> bool:
        return name.lower() in self._index

    def column(self, name: str) -> Column:
        return Column(name, self._index.get(name.lower()))

    def require(self, names: Iterable[str]) -> None:
        missing = [n for n in names if not self.has(n)]
        if missing:
            raise ImportFailed(
                self.file, self.header_line, len(self.header) + 1,
                "missing required column " + ", ".join(repr(n) for n in missing),
            )

    def fail(self, record: Record, column: Column, message: str) -> ImportFailed:
        return ImportFailed(self.file, record.line, column.number, message)


_BLANK = " \t,;\"'"  # what a spreadsheet's empty row is made of


def first_filled_line(text: str) -> str:
    """The first line with something in it: the header, for sniffing and format detection alike.

    Spreadsheets leave blank lines, or lines of bare delimiters, above the header;
    the CSV reader skips those records, so detection must skip them too.
    """
    for line in text.splitlines():
        if line.strip(_BLANK):
            return line
    return ""


def sniff_delimiter(first_line: str) -> str:
    # French spreadsheets save "CSV" with semicolons; Shopify always uses commas.
    return ";" if first_line.count(";") > first_line.count(",") else ","


def parse_csv(file: str, text: str) -> CsvTable:
    delimiter = sniff_delimiter(first_filled_line(text))
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    header: list[str] | None = None
    header_line = 1
    records: list[Record] = []
    consumed = 0  # physical lines read so far
    append = records.append
    try:
        for values in reader:
            start = consumed + 1
            consumed = reader.line_num
            if not any(v.strip() for v in values):
                continue  # blank line, or a spreadsheet's row of bare delimiters (",,,,,")
            if header is None:
                header, header_line = [v.strip() for v in values], start
                continue
            if len(values) > len(header):
                extra = values[len(header) :]
                if any(v.strip() for v in extra):
                    raise ImportFailed(
                        file, start, len(header) + 1,
                        f"this row has {len(values)} fields but the header has {len(header)} "
                        "(a comma in an unquoted field?)",
                    )
                values = values[: len(header)]
            append(Record(start, values))
    except csv.Error as exc:
        start = consumed + 1
        raise ImportFailed(file, start, _open_quote_field(text, start, delimiter), f"malformed CSV: {exc}") from None
    if header is None:
        raise ImportFailed(file, 1, 1, "the file is empty")
    return CsvTable(file, header, header_line, records)


def _open_quote_field(text: str, line: int, delimiter: str) -> int:
    """Field number (1-based) of the quote left open in the record starting at ``line``."""
    lines = text.splitlines()
    if line > len(lines):
        return 1
    field, in_quotes, open_field = 1, False, 1
    for ch in "\n".join(lines[line - 1 :]):
        if ch == '"':
            in_quotes = not in_quotes
            if in_quotes:
                open_field = field
        elif ch == delimiter and not in_quotes:
            field += 1
        elif ch == "\n" and not in_quotes:
            break
    return open_field
