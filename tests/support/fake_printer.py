"""A fake Zebra on a loopback TCP socket (a real socket, a thread per connection), for tests.

    with FakePrinter() as printer:              # printer.url == "tcp://127.0.0.1:PORT"
        printer.status = "paper_out"             # ~HS answers paper out (ok, head_open, paused, ribbon_out,
                                                 # buffer_full); change it at any time
        printer.silent = True                    # reads, never answers
        printer.slow = 64                        # reads 64 bytes per 100 ms
        printer.reset_next_job_after(1000)       # the next job's connection is reset (RST) after 1000 bytes
        printer.refuse()                         # nothing listens on the port any more; accept() again later

Every connection's bytes, status questions (``~HS``, ``~HQES``) taken out, are a job. ``jobs`` holds the
jobs whose connection ended cleanly (FIN); ``broken`` the bytes of connections reset mid-job. ``labels``
holds each complete ``^XA…^XZ`` format received, the way a Zebra prints: a format cut by a broken
connection is discarded (an assumption of the queue's ZPL retry, stated there).
"""

from __future__ import annotations

import re
import socket
import struct
import threading
import time
from collections.abc import Callable

STX, ETX = "\x02", "\x03"

HS_FLAGS = {  # status: (paper out, paused, buffer full, head up, ribbon out)
    "ok": (0, 0, 0, 0, 0),
    "paper_out": (1, 0, 0, 0, 0),
    "paused": (0, 1, 0, 0, 0),
    "buffer_full": (0, 0, 1, 0, 0),
    "head_open": (0, 0, 0, 1, 0),
    "ribbon_out": (0, 0, 0, 0, 1),
}
HQES_BITS = {"ok": 0, "paper_out": 0x1, "ribbon_out": 0x2, "head_open": 0x4, "paused": 0, "buffer_full": 0}


def hs_answer(status: str) -> bytes:
    """The three strings a Zebra answers to ``~HS`` in ``status`` (as in the ZPL II guide's layout)."""
    paper, paused, full, head, ribbon = HS_FLAGS[status]
    one = f"030,{paper},{paused},1218,000,{full},0,0,000,0,0,0"
    two = f"001,0,{head},{ribbon},1,2,6,0,00000000,1,000"
    three = "1234,0"
    return "".join(f"{STX}{s}{ETX}\r\n" for s in (one, two, three)).encode("ascii")


def hqes_answer(status: str) -> bytes:
    bits = HQES_BITS[status]
    return (f"{STX}\r\nPRINTER STATUS\r\n   ERRORS:         {1 if bits else 0} 00000000 {bits:08X}\r\n"
            f"   WARNINGS:       0 00000000 00000000\r\n{ETX}\r\n").encode("ascii")


class FakePrinter:
    """Threading: configure from the test thread at any time; the fake's threads read the settings live."""

    def __init__(self, status: str = "ok") -> None:
        self.status = status
        self.silent = False
        self.slow: int | None = None
        self.answer_override: bytes | None = None  # answered to ~HS instead of the status (garbled answers)
        self._reset_after: int | None = None
        self.jobs: list[bytes] = []
        self.broken: list[bytes] = []
        self.labels: list[bytes] = []
        self.questions: list[bytes] = []
        self.connections = 0
        self._changed = threading.Condition()
        self._threads: list[threading.Thread] = []
        self._stopping = False
        self._listener: socket.socket | None = None
        self.port = 0
        self.accept()

    @property
    def url(self) -> str:
        return f"tcp://127.0.0.1:{self.port}"

    def accept(self) -> None:
        """Listen (again, on the same port after ``refuse``)."""
        listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        # A small receive buffer, inherited by each connection: a large job cannot sit whole in the
        # kernel's buffers, so a reset mid-job reaches the sender while it is still sending.
        listener.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)
        listener.bind(("127.0.0.1", self.port))
        self.port = listener.getsockname()[1]
        listener.listen(8)
        self._listener = listener
        thread = threading.Thread(target=self._accept_loop, args=(listener,), daemon=True, name="fake-printer")
        thread.start()
        self._threads.append(thread)

    def refuse(self) -> None:
        """Nothing listens any more: connections are refused (the printer is off)."""
        listener, self._listener = self._listener, None
        if listener is not None:
            try:
                listener.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass
            listener.close()

    def reset_next_job_after(self, nbytes: int) -> None:
        self._reset_after = nbytes

    def stop(self) -> None:
        self._stopping = True
        self.refuse()
        for thread in self._threads:
            thread.join(timeout=10)

    def __enter__(self) -> FakePrinter:
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def wait_for(self, predicate: Callable[[FakePrinter], bool], timeout: float = 30.0) -> bool:
        """Wait until ``predicate(self)`` holds (checked on every change), at most ``timeout`` seconds."""
        with self._changed:
            return self._changed.wait_for(lambda: predicate(self), timeout=timeout)

    def count(self, data: bytes) -> int:
        """How many complete jobs equal ``data`` (exactly once: 1)."""
        with self._changed:
            return sum(1 for job in self.jobs if job == data)

    # --- the printer's side ---

    def _accept_loop(self, listener: socket.socket) -> None:
        while True:
            try:
                conn, _ = listener.accept()
            except OSError:
                return  # refused or stopped
            with self._changed:
                self.connections += 1
                self._changed.notify_all()
            thread = threading.Thread(target=self._serve, args=(conn,), daemon=True, name="fake-printer-conn")
            thread.start()
            self._threads.append(thread)

    def _serve(self, conn: socket.socket) -> None:
        payload = bytearray()
        pending = b""
        reset_after: int | None = None
        conn.settimeout(0.1)
        try:
            while not self._stopping:
                size = self.slow or 65536
                try:
                    chunk = conn.recv(size)
                except TimeoutError:
                    continue
                except OSError:
                    self._record(bytes(payload), broken=True)
                    return
                if not chunk:
                    break
                pending += chunk
                pending = self._answer_questions(conn, pending)
                # keep back a tail that may be a question cut between two reads ("~H" then "S")
                cut = len(pending) - _question_start(pending)
                payload += pending[:cut]
                pending = pending[cut:]
                if payload and reset_after is None and self._reset_after is not None:
                    reset_after, self._reset_after = self._reset_after, None
                if reset_after is not None and len(payload) >= reset_after:
                    conn.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
                    conn.close()  # linger 0: RST, the sender's next write fails
                    self._record(bytes(payload), broken=True)
                    return
                if self.slow:
                    time.sleep(0.1)
            payload += pending
            self._record(bytes(payload), broken=False)
        finally:
            conn.close()

    def _answer_questions(self, conn: socket.socket, pending: bytes) -> bytes:
        while True:
            match = re.search(rb"~HQES|~HS", pending)
            if match is None:
                return pending
            question = match.group(0)
            with self._changed:
                self.questions.append(question)
                self._changed.notify_all()
            if not self.silent:
                if question == b"~HS":
                    answer = self.answer_override if self.answer_override is not None else hs_answer(self.status)
                else:
                    answer = hqes_answer(self.status)
                try:
                    conn.sendall(answer)
                except OSError:
                    pass
            pending = pending[:match.start()] + pending[match.end():]

    def _record(self, payload: bytes, *, broken: bool) -> None:
        if not payload:
            return
        with self._changed:
            (self.broken if broken else self.jobs).append(payload)
            # each whole format prints, even on a connection reset later; a format cut short does not
            self.labels.extend(re.findall(rb"\^XA.*?\^XZ", payload, flags=re.S))
            self._changed.notify_all()


def _question_start(pending: bytes) -> int:
    """Length of the longest tail of ``pending`` that begins a status question."""
    for size in (4, 3, 2, 1):
        if len(pending) >= size and any(q.startswith(pending[-size:]) for q in (b"~HQES", b"~HS")):
            return size
    return 0
