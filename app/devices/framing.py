"""Cutting a scanner's byte stream into scans (no Qt, no I/O).

A scan ends with the terminator (CR, LF, CRLF or ETX). Bytes arrive in pieces of any
size; a piece may hold the end of one scan and the start of the next. Every other byte
is kept as it came, the GS separator (0x1D) of GS1 element strings and AIM prefixes
included; an STX (0x02) framing byte before an ETX-terminated scan is dropped, and so are
the CR/LF some scanners send after the ETX.

A line left unfinished for ``partial_ms`` (line noise, or a reader thread that was late:
times are taken when bytes are read, not when they arrived) is discarded, never glued to
the next scan. What comes after it, up to the next terminator, is discarded too: it is
most likely the tail of that scan, and a truncated code must never pass for a scan. If it
was in fact a whole scan of its own, nothing in the bytes says so (except an STX opening
it, with STX/ETX framing): that one good scan is lost, the person gets no beep and scans
again, which is safe; a truncated code handed on is not.
"""

from __future__ import annotations

STX, ETX = b"\x02", b"\x03"
NEWLINES = b"\r\n"


class LineFramer:
    def __init__(self, terminator: bytes, partial_ms: int = 200) -> None:
        if not terminator:
            raise ValueError("a terminator is needed")
        self.terminator = terminator
        self.partial = partial_ms / 1000
        self._buffer = bytearray()
        self._last = 0.0  # time of the last byte in the buffer
        self._tail = False  # a partial line was discarded: its tail, up to the terminator, goes too

    def feed(self, data: bytes, now: float) -> tuple[list[bytes], list[bytes]]:
        """Add ``data`` received at ``now`` (seconds, monotonic); return the complete scans
        and what was discarded (stale partial lines, tails of them), oldest first."""
        discarded = self.expire(now)
        if not data:
            return [], discarded
        self._buffer += data
        self._last = now
        scans: list[bytes] = []
        while True:
            end = self._buffer.find(self.terminator)
            if end < 0:
                break
            line = bytes(self._buffer[:end])
            del self._buffer[: end + len(self.terminator)]
            if self.terminator == ETX:
                line = line.lstrip(NEWLINES)  # the CR/LF a scanner may send after the previous ETX
            if self._tail:
                self._tail = False
                if not (self.terminator == ETX and line.startswith(STX)):  # an STX opens a new scan
                    if line:
                        discarded.append(line)
                    continue
            if self.terminator == ETX and line.startswith(STX):
                line = line[1:]
            if self.terminator == b"\r\n":
                line = line.rstrip(b"\r")
            if line.strip(NEWLINES):
                scans.append(line.strip(NEWLINES) if self.terminator in (b"\r", b"\n") else line)
        return scans, discarded

    def expire(self, now: float) -> list[bytes]:
        """Drop a partial line older than ``partial_ms``; return it ([] if none)."""
        if not self._buffer or now - self._last <= self.partial:
            return []
        stale = bytes(self._buffer)
        self._buffer.clear()
        if not stale.strip(NEWLINES):
            return []  # the LF of a CRLF scanner read with terminator CR (or a CRLF after ETX): harmless
        self._tail = True
        return [stale]

    def reset(self) -> None:
        """The device went away: what was half read goes with it, and the next bytes start a new scan."""
        self._buffer.clear()
        self._tail = False

    @property
    def pending(self) -> bytes:
        return bytes(self._buffer)
