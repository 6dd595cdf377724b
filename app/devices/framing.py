"""Cutting a scanner's byte stream into scans (no Qt, no I/O).

A scan ends with the terminator (CR, LF, CRLF or ETX). Bytes arrive in pieces of any
size; a piece may hold the end of one scan and the start of the next. Every other byte
is kept as it came, the GS separator (0x1D) of GS1 element strings and AIM prefixes
included; an STX (0x02) framing byte before an ETX-terminated scan is dropped. A line
left unfinished for ``partial_ms`` (a scanner unplugged mid-scan, line noise) is
discarded, never glued to the next scan.
"""

from __future__ import annotations

STX = b"\x02"


class LineFramer:
    def __init__(self, terminator: bytes, partial_ms: int = 200) -> None:
        if not terminator:
            raise ValueError("a terminator is needed")
        self.terminator = terminator
        self.partial = partial_ms / 1000
        self._buffer = bytearray()
        self._last = 0.0  # time of the last byte in the buffer

    def feed(self, data: bytes, now: float) -> tuple[list[bytes], bytes]:
        """Add ``data`` received at ``now`` (seconds, monotonic); return the complete scans
        and what was discarded as a stale partial line (b"" if nothing)."""
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
            if self.terminator == b"\x03" and line.startswith(STX):
                line = line[1:]
            if self.terminator == b"\r\n":
                line = line.rstrip(b"\r")
            if line.strip(b"\r\n"):
                scans.append(line.strip(b"\r\n") if self.terminator in (b"\r", b"\n") else line)
        return scans, discarded

    def expire(self, now: float) -> bytes:
        """Drop and return a partial line older than ``partial_ms``."""
        if self._buffer and now - self._last > self.partial:
            stale = bytes(self._buffer)
            self._buffer.clear()
            return stale
        return b""

    @property
    def pending(self) -> bytes:
        return bytes(self._buffer)
