"""A serial scale read by pyserial on a thread of its own, never the GUI thread.

``ScaleReader(url, on_reading, on_state).start()`` opens the port (app.devices.scales.url) and,
from its own thread, calls:

- ``on_reading(reading)`` with an ``app.packing.model.Reading`` for every weight the scale gives:
  stable or not (``Reading.stable``), as the packing screen shows a settling weight but accepts
  only a stable one;
- ``on_state(state, detail)`` once per change: the serial states of app.devices.reader
  (``connected``, ``unplugged``, ``missing``, ``refused``), ``silent`` (the port is open but the
  scale does not answer, or sends nothing for the URL's ``silent_ms``: switched off, cable out, wrong
  baudrate), ``manual`` (``manual://``: no scale, nothing is read), and the scale's own
  conditions from its replies (``overload``, ``underload``, ``busy``, ``syntax``,
  ``transmission``, ``logical``, ``unit``), each back to ``connected`` at the next weight.
  ``detail`` is technical (the port and what failed, or the scale's reply); what to tell a
  person is ``app.devices.scales.messages.text(state, {"detail": detail})``;
- ``on_error(error)``, if given, with every ``ScaleError`` reply, unreadable lines included
  (those do not change the state: one line of noise is not a fault).

Give it thread-safe callbacks (a Qt signal's ``emit``, a queue's ``put``). ``stop()`` may be
called from any thread: the loop notices within ``read_timeout_s`` and the call joins it.
``zero()`` and ``tare()`` may be called from any thread too: the command is queued to the
reader thread, sent between two weight requests, and the returned Future is resolved with
"done", an error code ("busy", "overload", …), "silent", "unplugged", "stopped", or
"unsupported" (a continuous scale takes no commands).

MT-SICS: ``SI`` is sent every ``poll_ms`` and its answer awaited ``reply_timeout_s`` (one
command at a time, as the balance answers in order). Continuous: every line is read. In both, a
line left unfinished for ``partial_ms`` is dropped with the rest of it (app.devices.framing),
never glued to the next; the port is reopened by path or USB ids after an unplug, as scanners are
(app.devices.serial_source).
"""

from __future__ import annotations

import logging
import queue
import time
from collections.abc import Callable
from concurrent.futures import Future

import serial

from app.devices.framing import LineFramer
from app.devices.reader import CONNECTED, MISSING, UNPLUGGED, ScannerReader
from app.devices.scales import mtsics
from app.devices.scales.continuous import parse_continuous_line
from app.devices.scales.messages import ERROR_CODES, GARBLED, MANUAL, SILENT, ScaleError
from app.devices.scales.url import ManualSpec, ScaleSpec, parse_scale_url
from app.devices.serial_source import find_port, why_open_failed
from app.packing.model import Reading

log = logging.getLogger(__name__)

COMMAND_TIMEOUT_S = 10.0  # Z and T wait for a stable weight before answering
PARITIES = {"N": serial.PARITY_NONE, "E": serial.PARITY_EVEN, "O": serial.PARITY_ODD}
CONDITIONS = tuple(code for code in ERROR_CODES if code != GARBLED)  # replies that become the state


class ScaleReader(ScannerReader):
    thread_prefix = "quai-scale"
    kind = "scale"

    def __init__(
        self,
        url: str | ScaleSpec | ManualSpec,
        on_reading: Callable[[Reading], None],
        on_state: Callable[[str, str | None], None] = lambda _state, _detail: None,
        *,
        on_error: Callable[[ScaleError], None] | None = None,
        retry_s: float = 0.5,
        read_timeout_s: float = 0.02,
        reply_timeout_s: float = 1.0,
    ) -> None:
        spec = parse_scale_url(url) if isinstance(url, str) else url
        super().__init__(spec, on_reading, on_state, retry_s=retry_s)
        self._on_reading = on_reading
        self._on_error = on_error or (lambda _error: None)
        self._read_timeout = read_timeout_s
        self._reply_timeout = reply_timeout_s
        self._commands: queue.Queue[tuple[bytes, str, Future[str]]] = queue.Queue()
        self._path = ""  # the port opened last (by its path or found by its USB ids)

    # --- any thread -----------------------------------------------------------------------------
    def start(self) -> ScaleReader:
        if isinstance(self.spec, ManualSpec):
            self._set_state(MANUAL, "manual://")  # nothing to read: no thread
            return self
        return super().start()

    def stop(self, timeout: float = 2.0) -> None:
        super().stop(timeout)
        self._fail_commands("stopped")

    def zero(self) -> Future[str]:
        return self._command(mtsics.ZERO, "Z")

    def tare(self) -> Future[str]:
        return self._command(mtsics.TARE, "T")

    def _command(self, data: bytes, name: str) -> Future[str]:
        future: Future[str] = Future()
        if not isinstance(self.spec, ScaleSpec) or self.spec.protocol != "mt-sics":
            _resolve(future, "unsupported")
        elif self._stop.is_set():
            _resolve(future, "stopped")
        else:
            self._commands.put((data, name, future))
        return future

    # --- the reader thread ----------------------------------------------------------------------
    def _open(self) -> serial.Serial | None:
        spec = self.spec
        path = find_port(spec)
        if path is None:
            self._set_state(MISSING, f"{spec.shown}: not plugged in")
            return None
        try:
            port = serial.Serial(path, spec.baudrate, bytesize=spec.bytesize, parity=PARITIES[spec.parity],
                                 stopbits=spec.stopbits, timeout=self._read_timeout, write_timeout=1.0,
                                 exclusive=True)  # a write stuck behind flow control is a fault, not a hang
        except (serial.SerialException, OSError) as exc:
            self._set_state(*why_open_failed(path, exc, "scale", "quai scale read"))
            return None
        try:
            # What the scale sent before Quai listened answers nothing of ours. Flushed before
            # "connected" is said, so nothing sent after that is lost.
            port.reset_input_buffer()
        except (serial.SerialException, OSError) as exc:
            port.close()
            self._set_state(MISSING, f"{path}: {_reason(exc)}")  # stays "unplugged" after an unplug
            return None
        self._path = path
        self._set_state(CONNECTED, path)
        return port

    def _run(self) -> None:
        while not self._stop.is_set():
            port = self._open()
            if port is None:
                self._fail_commands("unplugged")
                self._stop.wait(self._retry)
                continue
            framer = LineFramer(self.spec.terminator, self.spec.partial_ms)
            try:
                if self.spec.protocol == "mt-sics":
                    self._poll(port, framer)
                else:
                    self._listen(port, framer)
            except (serial.SerialException, OSError) as exc:
                self._set_state(UNPLUGGED, f"{self.spec.shown}: {_reason(exc)}")
                self._fail_commands("unplugged")
            finally:
                port.close()
            self._stop.wait(self._retry)

    def _lines(self, port: serial.Serial, framer: LineFramer) -> list[str]:
        data = port.read(port.in_waiting or 1)
        lines, dropped = framer.feed(data, time.monotonic())
        for stale in dropped:
            self._discard(stale.strip(b"\r\n"), "an unfinished line")  # the LF of the CR LF before it
        return [line.decode("latin-1").strip("\r\n") for line in lines]

    def _poll(self, port: serial.Serial, framer: LineFramer) -> None:
        """MT-SICS: ask SI every poll_ms; a queued Z or T goes between two requests."""
        poll_s = self.spec.poll_ms / 1000
        waiting: tuple[str, float, Future[str] | None] | None = None  # command, deadline, its future
        next_poll = time.monotonic()
        unreadable = False  # the last unanswered request got lines Quai could not read
        try:
            while not self._stop.is_set():
                now = time.monotonic()
                if waiting is None:
                    try:
                        data, name, future = self._commands.get_nowait()
                    except queue.Empty:
                        if now >= next_poll:
                            port.write(mtsics.WEIGHT_NOW)
                            waiting, next_poll = ("S", now + self._reply_timeout, None), now + poll_s
                    else:
                        port.write(data)
                        waiting = (name, now + COMMAND_TIMEOUT_S, future)
                for line in self._lines(port, framer):
                    if waiting is None:
                        self._discard(line.encode("latin-1"), "a line nothing was asked for")
                        continue
                    name, _deadline, future = waiting
                    if name == "S":
                        result: Reading | ScaleError | str | None = mtsics.parse_weight_reply(line, self.spec.unit)
                    else:
                        result = mtsics.parse_command_reply(line, name)
                    if result is None or (name == "S" and _answers_another(line)):
                        continue  # a late answer to an earlier command: keep waiting for ours
                    if isinstance(result, ScaleError) and result.code == GARBLED:
                        unreadable = True
                        self._garbled(result)
                        continue
                    waiting, unreadable = None, False
                    if future is not None:
                        _resolve(future, result.code if isinstance(result, ScaleError) else "done")
                    if isinstance(result, (Reading, ScaleError)):
                        self._deliver(result)
                    elif isinstance(result, str) and self.state == SILENT:
                        self._set_state(CONNECTED, self._path)
                if waiting is not None and time.monotonic() > waiting[1]:
                    name, _deadline, future = waiting
                    waiting = None
                    if future is not None:
                        _resolve(future, SILENT)
                    how = "answers Quai cannot read" if unreadable else f"no answer to {'SI' if name == 'S' else name}"
                    self._set_state(SILENT, f"{self.spec.shown}: {how}")
        finally:  # unplugged or stopped while Z or T was awaited: its caller is not left waiting
            if waiting is not None and waiting[2] is not None:
                _resolve(waiting[2], "stopped" if self._stop.is_set() else "unplugged")

    def _listen(self, port: serial.Serial, framer: LineFramer) -> None:
        """Continuous: every line the scale sends; silent when none comes for silent_ms (0: never)."""
        silent_s = self.spec.silent_ms / 1000
        last = time.monotonic()
        while not self._stop.is_set():
            for line in self._lines(port, framer):
                result = parse_continuous_line(line, self.spec.unit)
                if isinstance(result, ScaleError) and result.code == GARBLED:
                    self._garbled(result)
                    continue
                last = time.monotonic()
                if result is not None:
                    self._deliver(result)
                elif self.state == SILENT:
                    self._set_state(CONNECTED, self._path)
            if silent_s and time.monotonic() - last > silent_s:
                self._set_state(SILENT, f"{self.spec.shown}: nothing sent for {silent_s:g} s")

    def _deliver(self, result: Reading | ScaleError) -> None:
        if isinstance(result, Reading):
            self._set_state(CONNECTED, self._path)
            self._on_reading(result)
            return
        if result.code in CONDITIONS:
            # The unit first for "unit": messages.text says "the scale weighs in {detail}".
            unit = result.args.get("unit")
            self._set_state(result.code, f"{unit} ({result.raw})" if unit else result.raw)
        self._on_error(result)

    def _garbled(self, error: ScaleError) -> None:
        self._discard(error.raw.encode("latin-1", "replace"), "an unreadable line")
        self._on_error(error)

    def _discard(self, data: bytes, what: str) -> None:
        self.discarded.append(data)
        log.info("scale %s: dropped %s %r", self.spec.shown, what, data)

    def _fail_commands(self, why: str) -> None:
        while True:
            try:
                _data, _name, future = self._commands.get_nowait()
            except queue.Empty:
                return
            _resolve(future, why)


def _resolve(future: Future[str], outcome: str) -> None:
    if not future.done():  # a caller may have cancelled it
        future.set_result(outcome)


def _answers_another(line: str) -> bool:
    """A reply to Z, T, @ … arriving late while a weight is awaited (not a weight, not an error)."""
    reply = mtsics.split_reply(line)
    return reply is not None and reply.command not in ("S", *mtsics.GENERAL_ERRORS)


def _reason(exc: BaseException) -> str:
    return str(exc).splitlines()[0] if str(exc) else type(exc).__name__
