"""A Zebra's status answers, read into one ``PrinterStatus`` (pure: bytes in, values out).

``~HS`` (host status) answers three strings, each ``<STX>…<ETX><CR><LF>``:

    1: aaa,b,c,dddd,eee,f,g,h,iii,j,k,l     b paper out, c paused, f receive buffer full,
                                            h partial format in progress, l over temperature
    2: mmm,n,o,p,q,r,s,t,uuuuuuuu,v,www     o head up (open), p ribbon out
    3: xxxx,y

``~HQES`` (host query, errors and warnings) answers::

    <STX><CR><LF>PRINTER STATUS<CR><LF>   ERRORS:         1 00000000 00000005<CR><LF>
       WARNINGS:       0 00000000 00000000<CR><LF><ETX><CR><LF>

where the first digit says whether any is set and the last group of eight hexadecimal digits holds the
flags (media out 1, ribbon out 2, head open 4, cutter fault 8, printhead over temperature 0x10, motor
over temperature 0x20, …).

A garbled or partial answer raises ``StatusAnswerError``: it is never read as "online".
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, replace

STX, ETX = b"\x02", b"\x03"


class StatusAnswerError(ValueError):
    """The printer's answer is not a status answer (garbled, cut short, or another device)."""


@dataclass(frozen=True)
class PrinterStatus:
    """What a printer says of itself. ``error`` says in words what is wrong when that is not a flag alone."""

    online: bool
    paper_out: bool = False
    paused: bool = False
    head_open: bool = False
    ribbon_out: bool = False
    buffer_full: bool = False
    error: str | None = None

    def to_json(self) -> dict[str, bool | str | None]:
        """Exactly the keys of ``quai printer status --format json``."""
        return asdict(self)

    @property
    def ready(self) -> bool:
        """True when a job can go out now."""
        return self.reason() is None

    def reason(self) -> tuple[str, dict[str, str]] | None:
        """Why a job must wait, as a reason code and its arguments (the GUI translates), or None.

        The order is the order a person fixes things in: a printer that does not answer first,
        then what they see on the printer.
        """
        if not self.online:
            return ("offline", {"error": self.error or ""})
        for flag in ("head_open", "paper_out", "ribbon_out", "paused", "buffer_full"):
            if getattr(self, flag):
                return (flag, {})
        if self.error:
            return ("printer_error", {"error": self.error})
        return None


OFFLINE = PrinterStatus(online=False)


def hs_complete(answer: bytes) -> bool:
    """True once the three strings of a ``~HS`` answer are in (the reader stops waiting then)."""
    return answer.count(ETX) >= 3


def hqes_complete(answer: bytes) -> bool:
    return b"WARNINGS" in answer and ETX in answer[answer.find(b"WARNINGS"):]


def parse_hs(answer: bytes) -> PrinterStatus:
    """The status in a ``~HS`` answer; ``StatusAnswerError`` when it is not one."""
    strings = re.findall(rb"\x02([^\x02\x03]*)\x03", answer)
    if len(strings) < 3:
        raise StatusAnswerError(f"~HS answer has {len(strings)} of its 3 strings: {_shown(answer)}")
    first = strings[0].decode("ascii", "replace").split(",")
    second = strings[1].decode("ascii", "replace").split(",")
    if len(first) != 12 or len(second) != 11:
        raise StatusAnswerError(f"~HS answer has {len(first)} and {len(second)} fields "
                                f"where 12 and 11 are expected: {_shown(answer)}")
    flags1 = [_flag(first, i, answer) for i in (1, 2, 5, 7, 9, 10, 11)]
    paper_out, paused, buffer_full, _partial, _corrupt_ram, _under_temp, over_temp = flags1
    head_up = _flag(second, 2, answer)
    ribbon_out = _flag(second, 3, answer)
    for index in (0, 3, 4):  # communication settings, label length, formats in buffer: numbers
        if not first[index].strip().isdigit():
            raise StatusAnswerError(f"~HS answer field {index + 1} is not a number: {_shown(answer)}")
    return PrinterStatus(
        online=True, paper_out=paper_out, paused=paused, head_open=head_up, ribbon_out=ribbon_out,
        buffer_full=buffer_full, error="printhead over temperature" if over_temp else None,
    )


# ~HQES error flags (the low group of eight hexadecimal digits)
MEDIA_OUT, RIBBON_OUT, HEAD_OPEN = 0x1, 0x2, 0x4
OTHER_ERRORS = {
    0x8: "cutter fault",
    0x10: "printhead over temperature",
    0x20: "motor over temperature",
    0x40: "bad printhead element",
    0x80: "printhead detection error",
}


def parse_hqes(answer: bytes) -> PrinterStatus:
    """The errors in a ``~HQES`` answer (paper out, ribbon out, head open, others in words)."""
    text = answer.decode("ascii", "replace")
    match = re.search(r"ERRORS:\s*([01])\s+([0-9A-Fa-f]{8})\s+([0-9A-Fa-f]{8})", text)
    if not match or "PRINTER STATUS" not in text or "WARNINGS" not in text:
        raise StatusAnswerError(f"~HQES answer not understood: {_shown(answer)}")
    any_error, flags = match.group(1) == "1", int(match.group(3), 16)
    if any_error != bool(flags) and not int(match.group(2), 16):
        raise StatusAnswerError(f"~HQES answer contradicts itself (error flag {match.group(1)}, "
                                f"errors {match.group(3)}): {_shown(answer)}")
    words = [name for bit, name in OTHER_ERRORS.items() if flags & bit]
    unknown = flags & ~(MEDIA_OUT | RIBBON_OUT | HEAD_OPEN | sum(OTHER_ERRORS))
    if unknown or int(match.group(2), 16):
        words.append(f"printer error {match.group(2)} {unknown:08X}")
    return PrinterStatus(online=True, paper_out=bool(flags & MEDIA_OUT), ribbon_out=bool(flags & RIBBON_OUT),
                         head_open=bool(flags & HEAD_OPEN), error=", ".join(words) or None)


def merge(hs: PrinterStatus, hqes: PrinterStatus) -> PrinterStatus:
    """Both answers together: a fault either reports is a fault."""
    errors = [e for e in (hs.error, hqes.error) if e]
    return replace(
        hs, paper_out=hs.paper_out or hqes.paper_out, head_open=hs.head_open or hqes.head_open,
        ribbon_out=hs.ribbon_out or hqes.ribbon_out, error=", ".join(dict.fromkeys(errors)) or None,
    )


def _flag(fields: list[str], index: int, answer: bytes) -> bool:
    value = fields[index].strip()
    if value not in ("0", "1"):
        raise StatusAnswerError(f"~HS answer field {index + 1} is {value!r} where 0 or 1 is expected: {_shown(answer)}")
    return value == "1"


def _shown(answer: bytes) -> str:
    text = repr(answer[:120])
    return text + ("…" if len(answer) > 120 else "")
