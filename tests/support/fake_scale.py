"""A serial scale at the far end of a real pseudo-terminal, for tests.

``FakeScale(link, protocol="mt-sics")`` answers MT-SICS commands (S, SI, Z, T, anything else ES)
from a thread of its own, with the weight, stability and error it is given; with
``protocol="continuous"`` it sends ``ST,GS,…`` lines every ``interval_s`` by itself. The station
opens ``link`` (a symlink, like /dev/serial/by-id/…) as a real device. ``unplug()`` closes the
pty (reads on the station's side then fail); ``replug()`` is a new pty behind the same link.
``write(bytes)`` sends raw bytes (split lines, garbage) as the scale.
"""

from __future__ import annotations

import os
import select
import threading
import time
from pathlib import Path

from tests.support.serial_pty import Pty

MTSICS_ERRORS = {"overload": "+", "underload": "-", "busy": "I"}


class FakeScale:
    def __init__(self, link: Path, protocol: str = "mt-sics", *, grams: int = 0, stable: bool = True,
                 interval_s: float = 0.05, unit: str = "kg") -> None:
        self.link = link
        self.protocol = protocol
        self.grams = grams
        self.stable = stable
        self.unit = unit
        self.error: str | None = None  # overload | underload | busy | syntax (ES) | logical (EL) | transmission (ET)
        self.answering = True  # False: commands are read and ignored (switched off, wrong baudrate)
        self.streaming = True  # continuous: False stops the lines (the scale's print mode changed)
        self.interval_s = interval_s
        self.commands: list[str] = []  # every command received, in order
        self.zero_offset = 0
        self._lock = threading.Lock()
        self._pty: Pty | None = None
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self.replug()

    # --- the cable --------------------------------------------------------------------------
    def replug(self) -> FakeScale:
        self._pty = Pty(self.link)
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name=f"fake scale {self.link.name}", daemon=True)
        self._thread.start()
        return self

    def unplug(self) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(2)
        if self._pty is not None:
            self._pty.unplug()
            self._pty = None

    @property
    def path(self) -> str:
        assert self._pty is not None
        return self._pty.path

    def write(self, data: bytes) -> None:
        with self._lock:  # never in the middle of an answer
            assert self._pty is not None
            try:
                self._pty.write(data)
            except BlockingIOError:  # nobody reads (the station is away): the line is lost, as on a wire
                pass

    def set(self, grams: int, stable: bool = True) -> None:
        self.grams, self.stable, self.error = grams, stable, None

    # --- what it says -------------------------------------------------------------------------
    def weight_text(self) -> str:
        grams = self.grams - self.zero_offset
        if self.unit == "g":
            return f"{grams:.0f} g"
        return f"{grams / 1000:.3f} {self.unit}"

    def continuous_line(self) -> bytes:
        if self.error == "overload":
            return b"OL,GS,  ------ kg\r\n"
        if self.error == "underload":
            return b"OL,GS,-  0.500kg\r\n"
        grams = self.grams - self.zero_offset
        status = "ST" if self.stable else "US"
        return f"{status},GS,{grams / 1000:+010.3f}kg\r\n".encode()

    def answer(self, command: str) -> bytes | None:
        if command in ("S", "SI"):
            if self.error in MTSICS_ERRORS:
                return f"S {MTSICS_ERRORS[self.error]}\r\n".encode()
            if self.error in ("syntax", "logical", "transmission"):
                return {"syntax": b"ES\r\n", "logical": b"EL\r\n", "transmission": b"ET\r\n"}[self.error]
            status = "S" if self.stable or command == "S" else "D"
            return f"S {status} {self.weight_text():>13}\r\n".encode()
        if command == "Z":
            if not self.stable or self.error:
                return b"Z I\r\n"
            self.zero_offset = self.grams
            return b"Z A\r\n"
        if command == "T":
            if not self.stable or self.error:
                return b"T I\r\n"
            self.zero_offset = self.grams  # the tare is what was on the platter
            return f"T S {self.grams / 1000:>10.3f} kg\r\n".encode()
        return b"ES\r\n"

    # --- its thread -----------------------------------------------------------------------------
    def _run(self) -> None:
        assert self._pty is not None
        master, buffer, next_line = self._pty.master, b"", time.monotonic()
        os.set_blocking(master, False)
        while not self._stop.is_set():
            ready, _, _ = select.select([master], [], [], 0.01)
            if ready:
                try:
                    data = os.read(master, 1024)
                except OSError:  # the station closed the port: wait for it to open it again
                    time.sleep(0.01)
                    continue
                buffer += data
                while b"\r\n" in buffer:
                    line, buffer = buffer.split(b"\r\n", 1)
                    command = line.decode("latin-1").strip()
                    self.commands.append(command)
                    reply = self.answer(command) if self.answering and self.protocol == "mt-sics" else None
                    if reply is not None:
                        self.write(reply)
            if self.protocol == "continuous" and self.streaming and time.monotonic() >= next_line:
                self.write(self.continuous_line())
                next_line = time.monotonic() + self.interval_s
