"""The print queue: jobs wait out printer faults on disk and go out exactly once, on a thread of their own.

    queue = PrintQueue(spool_dir, "tcp://192.168.1.40:9100", on_change=show).start()
    job_id = queue.submit("shipping #1042 1/2", zpl, order="#1042")     # returns at once
    queue.state()     # printer status, queued count, the message for the status bar
    queue.reprint(job_id, actor="marie")                                 # a NEW job, audited
    queue.stop()

Before each job the printer's status is read; in fault (offline, head open, paper out, ribbon out,
paused, buffer full, another error) the job waits, with a reason code the GUI translates
(``messages.REASONS``), and goes out when the fault clears.

Exactly once, case by case:

- nothing sent (connection refused, device absent, spool folder unwritable): the job waits and is
  sent again later; the printer got nothing.
- the link broke mid-job: for ZPL, when the break came before the end of the job's first format,
  the whole job is sent again. A ZPL label prints only when the printer reads the ``^XZ`` that ends
  its format: a format cut before its ``^XZ`` never prints, so what arrived cannot become a label and
  the resend is the only copy. The printer received at most the bytes the transport handed over
  (``bytes_sent``), so a cut before the first ``^XZ`` proves nothing printed. A job of several
  formats cut after its first ``^XZ`` may have printed some labels: ``uncertain``, like the other
  languages (ESC/POS, TSPL, PDF), which print as the bytes arrive.
- every byte handed over but the close failed: sent (transports.py), never resent.
- Quai killed after the job was marked ``sending`` and before it was marked ``printed``: on restart
  the job is ``uncertain``: shown with its message, not resent. ``reprint`` is the person's decision.

Threading: ``submit``, ``reprint``, ``cancel``, ``resolve``, ``jobs``, ``state`` may be called from any
thread and never wait for the printer (``submit`` writes the job's two small files and returns).
``on_change(state)`` is called from the queue's own thread, never the caller's: the GUI adapts it to a
queued signal. Printer I/O happens only on the queue's thread.
"""

from __future__ import annotations

import fcntl
import logging
import re
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from app.devices.printers.jobs import Job, JobStore, new_job_id
from app.devices.printers.printer_url import PrinterUrl, parse_printer_url
from app.devices.printers.status import printer_status
from app.devices.printers.transports import PrinterFault, PrinterOffline, SendInterrupted, send
from app.devices.printers.zpl_status import PrinterStatus

log = logging.getLogger(__name__)

StatusReader = Callable[[PrinterUrl], PrinterStatus]


def _lock_spool(spool: Path):
    """One queue per spool folder: a second would take the first one's jobs (and its half-written files)."""
    handle = open(spool / "queue.lock", "a+b")
    try:
        fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        handle.close()
        raise RuntimeError(f"{spool}: another print queue uses this spool folder (is Quai already running "
                           "on this station?)") from None
    return handle


# A format ends at ^XZ (commands are not case-sensitive) or at a lone ETX, which ZPL also takes as ^XZ.
_FORMAT_END = re.compile(rb"\^XZ|\x03", re.IGNORECASE)


def nothing_printed(language: str, data: bytes, bytes_sent: int) -> bool:
    """Whether a job cut after ``bytes_sent`` bytes certainly printed nothing (then a resend is the one copy).

    Nothing arrived, or, in ZPL, the cut came before the end of the first format: a format prints
    at its ``^XZ`` and the printer got no more than ``bytes_sent`` bytes. (A job that changes the
    format prefix with ``^CC`` is not recognised: it is then judged uncertain, the safe side.)
    """
    if bytes_sent == 0:
        return True
    if language != "zpl":
        return False
    first_end = _FORMAT_END.search(data)
    return first_end is not None and bytes_sent < first_end.end()


@dataclass(frozen=True)
class QueueState:
    """What the status bar shows: the printer, how many jobs wait, and why (a code the GUI translates)."""

    printer: PrinterStatus | None  # None until the first reading
    queued: int
    uncertain: int
    reason: str | None = None
    reason_args: dict[str, str] = field(default_factory=dict)


class PrintQueue:
    def __init__(
        self,
        spool_dir: Path | str,
        url: str | PrinterUrl,
        *,
        status_poll: float = 2.0,
        idle_poll: float = 15.0,
        status_timeout: float = 2.0,
        on_change: Callable[[QueueState], None] | None = None,
        read_status: StatusReader | None = None,
        keep_days: float = 7.0,
    ) -> None:
        """``status_poll``: seconds between status readings while a job waits (and before a resend);
        ``idle_poll``: between readings with nothing to print (the status bar stays current).
        ``keep_days``: printed and cancelled jobs stay this long (for reprints), then go at a start.
        A relative ``file:`` printer folder is taken relative to ``spool_dir``."""
        self.url = parse_printer_url(url, base=Path(spool_dir))
        self._store = JobStore(Path(spool_dir))
        self._spool_lock = _lock_spool(Path(spool_dir))
        self._status_poll = status_poll
        self._idle_poll = idle_poll
        self._read_status = read_status or (lambda printer: printer_status(printer, timeout=status_timeout))
        self._on_change = on_change
        self._cond = threading.Condition()  # guards the jobs in memory: held only for memory work
        # Serialises writes to the spool (fsyncs, slow on an SD card) outside _cond, so that state()
        # and jobs() from the GUI thread never wait for a disk. Order: _disk, then _cond, never back.
        self._disk = threading.Lock()
        self._wake = False
        self._stopping = False
        self._printer: PrinterStatus | None = None
        self._emitted: QueueState | None = None
        self._thread: threading.Thread | None = None
        self._jobs: dict[str, Job] = {}
        self._unsynced: list[str] = []  # submitted, not yet fsynced (the queue thread does it)
        too_old = time.time() - keep_days * 86400
        for job in self._store.load_all():
            if job.state in ("printed", "cancelled") and (job.printed_at or job.created) < too_old:
                self._store.delete(job.id)
                continue
            if job.state == "sending":
                # Killed between the first byte and "printed": it may be on the label roll already.
                self._mark_uncertain(job, "Quai stopped while sending it")
            self._jobs[job.id] = job

    # --- any thread ---

    def start(self) -> PrintQueue:
        self._thread = threading.Thread(target=self._run, name=f"print-queue {self.url.shown}", daemon=True)
        self._thread.start()
        return self

    def stop(self, timeout: float = 10.0) -> None:
        """Stop after the send in progress, if any (bounded by the printer URL's timeout)."""
        with self._cond:
            self._stopping = True
            self._cond.notify_all()
        if self._thread is not None:
            self._thread.join(timeout)
        if self._thread is None or not self._thread.is_alive():
            self._spool_lock.close()  # another queue may take the spool now

    def submit(self, document_name: str, data: bytes, *, order: str | None = None, copies: int = 1,
               reprint_of: str | None = None, asked_by: str | None = None) -> str:
        """Queue ``data`` (already in the printer's language) and return the job's id at once."""
        if copies < 1:
            raise ValueError("copies must be at least 1")
        job = Job(id=new_job_id(), document=document_name, language=self.url.language, size=len(data),
                  created=time.time(), order=order, copies=copies, reprint_of=reprint_of, asked_by=asked_by)
        # Written before the caller hears of it (a restart keeps it); the fsyncs, tens of milliseconds
        # on a loaded disk, are the queue thread's, right away, so the GUI thread never waits for them.
        self._store.create(job, data, durable=False)
        with self._cond:
            self._jobs[job.id] = job
            self._unsynced.append(job.id)
            self._poke()
        return job.id

    def reprint(self, job_id: str, actor: str) -> str:
        """A new job with the bytes of ``job_id``, asked by ``actor`` (audited in the spool)."""
        with self._cond:
            original = self._job(job_id)
        data = self._store.data(job_id)
        new_id = self.submit(original.document, data, order=original.order, copies=1, reprint_of=job_id,
                             asked_by=actor)
        self._store.audit("reprint", original, actor=actor, new_job=new_id)
        return new_id

    def cancel(self, job_id: str, actor: str | None = None) -> bool:
        """Cancel a job still waiting; False when it is already sending, sent or settled."""
        with self._cond:
            job = self._job(job_id)
        if not self._update(job, only_if="queued", state="cancelled"):
            return False
        self._store.audit("cancel", job, actor=actor)
        with self._cond:
            self._poke()
        return True

    def resolve(self, job_id: str, actor: str, *, printed: bool) -> None:
        """A person looked at the printer for an ``uncertain`` job: it printed, or it did not (then
        they reprint if they want it). Audited."""
        with self._cond:
            job = self._job(job_id)
        if not self._update(job, only_if="uncertain", state="printed" if printed else "cancelled",
                            reason=None, reason_args={}):
            raise ValueError(f"job {job_id} is {job.state}, not uncertain")
        self._store.audit("resolve", job, actor=actor, printed=printed)
        with self._cond:
            self._poke()

    def jobs(self) -> list[Job]:
        """A snapshot of every job, oldest first (copies: the caller may keep them)."""
        with self._cond:
            return [job.snapshot() for job in sorted(self._jobs.values(), key=lambda j: (j.created, j.id))]

    def job(self, job_id: str) -> Job:
        with self._cond:
            return self._job(job_id).snapshot()

    def audit_lines(self) -> list[dict]:
        return self._store.audit_lines()

    def state(self) -> QueueState:
        with self._cond:
            return self._state()

    def wait_for(self, predicate: Callable[[PrintQueue], bool], timeout: float = 30.0) -> bool:
        """Wait until ``predicate(self)`` holds, re-checked on every change (tests, shutdown)."""
        with self._cond:
            return self._cond.wait_for(lambda: predicate(self), timeout=timeout)

    # --- the queue's thread ---

    def _run(self) -> None:
        next_idle_reading = 0.0
        while True:
            with self._cond:
                if self._stopping:
                    return
                unsynced, self._unsynced = self._unsynced, []
                job = self._next_job()
            self._sync(unsynced)
            self._emit()
            if job is None:
                if time.monotonic() >= next_idle_reading:
                    self._set_printer(self._read())
                    next_idle_reading = time.monotonic() + self._idle_poll
                    continue
                self._pause(max(0.0, next_idle_reading - time.monotonic()))
                continue
            status = self._read()
            self._set_printer(status)
            reason = status.reason()
            if reason is not None:
                self._wait_job(job, *reason)
                self._pause(self._status_poll)
                continue
            try:
                sent = self._send(job)
            except Exception as exc:  # a bug or a full disk must not stop the queue, nor resend blindly
                log.exception("print job %s failed", job.id)
                self._give_up(job, exc)
                sent = False
            if not sent:
                self._pause(self._status_poll)  # a resend after a broken link: not in a tight loop
            next_idle_reading = time.monotonic() + self._idle_poll

    def _send(self, job: Job) -> bool:
        """Send ``job``; False when it must be tried again later."""
        # On disk before the first byte: a crash from here on leaves the job uncertain, never resent.
        if not self._update(job, only_if="queued", state="sending", attempts=job.attempts + 1):
            return True  # cancelled while the status was read
        self._emit()
        data = self._store.data(job.id)
        while job.copies_done < job.copies:
            # each copy its own id: a spool folder keeps one file per copy, never two of one
            part = job.id if job.copies == 1 else f"{job.id}-{job.copies_done + 1}"
            try:
                send(self.url, data, job_id=part)
            except PrinterOffline as exc:
                self._set_printer(PrinterStatus(online=False, error=str(exc)))
                self._requeue(job, "offline", str(exc))
                return False
            except PrinterFault as exc:
                self._requeue(job, "printer_error", str(exc))
                return False
            except SendInterrupted as exc:
                if nothing_printed(self.url.language, data, exc.bytes_sent):
                    self._requeue(job, "retrying", str(exc))
                    return False
                self._mark_uncertain(job, str(exc))
                self._emit()
                return True
            self._update(job, copies_done=job.copies_done + 1)
        self._update(job, state="printed", printed_at=time.time(), reason=None, reason_args={})
        self._emit()
        return True

    def _requeue(self, job: Job, reason: str, error: str) -> None:
        log.warning("print job %s (%s) waits: %s", job.id, job.document, error)
        self._update(job, state="queued", reason=reason, reason_args={"error": error})
        self._emit()

    def _wait_job(self, job: Job, reason: str, args: dict[str, str]) -> None:
        with self._cond:
            if (job.reason, job.reason_args) == (reason, args):
                return  # the same fault as at the last reading: nothing to write or tell
        if self._update(job, only_if="queued", reason=reason, reason_args=dict(args)):
            self._emit()

    def _mark_uncertain(self, job: Job, error: str) -> None:
        self._update(job, state="uncertain", reason="uncertain", reason_args={"document": job.document, "error": error})
        self._store.audit("uncertain", job, error=error)

    def _sync(self, job_ids: list[str]) -> None:
        for job_id in job_ids:
            try:
                with self._disk:
                    self._store.sync(job_id)
            except OSError:
                log.exception("print job %s could not be made durable", job_id)

    def _give_up(self, job: Job, exc: Exception) -> None:
        """After an unexpected error, the job may have gone out: uncertain, as after a crash."""
        try:
            self._mark_uncertain(job, f"internal error: {exc}")
        except Exception:
            log.exception("print job %s could not be marked uncertain on disk", job.id)
            with self._cond:
                job.state, job.reason = "uncertain", "uncertain"
                job.reason_args = {"document": job.document, "error": f"internal error: {exc}"}
                self._cond.notify_all()
        self._emit()

    def _update(self, job: Job, *, only_if: str | None = None, **changes: object) -> bool:
        """Change ``job`` in memory and on disk (False, unchanged, when it is not in state ``only_if``).

        Returns once the change is on disk; other threads see it in memory a moment before.
        """
        with self._disk:
            with self._cond:
                if only_if is not None and job.state != only_if:
                    return False
                for name, value in changes.items():
                    setattr(job, name, value)
                snapshot = job.snapshot()
                self._cond.notify_all()
            self._store.save(snapshot)
        return True

    def _read(self) -> PrinterStatus:
        try:
            return self._read_status(self.url)
        except Exception as exc:  # a status reader must not end the queue's thread
            log.exception("printer status of %s failed", self.url.shown)
            return PrinterStatus(online=False, error=f"status reading failed: {exc}")

    def _set_printer(self, status: PrinterStatus) -> None:
        with self._cond:
            if status == self._printer:
                return
            self._printer = status
            self._cond.notify_all()
        self._emit()

    def _pause(self, seconds: float) -> None:
        with self._cond:
            self._cond.wait_for(lambda: self._stopping or self._wake, timeout=seconds)
            self._wake = False

    def _emit(self) -> None:
        if self._on_change is None:
            return
        state = self.state()
        if state == self._emitted:
            return  # observers hear of changes, not of every status reading
        self._emitted = state
        try:
            self._on_change(state)
        except Exception:  # an observer's bug must not stop the printing
            log.exception("print queue observer failed")

    # --- under the lock ---

    def _poke(self) -> None:
        self._wake = True
        self._cond.notify_all()

    def _job(self, job_id: str) -> Job:
        try:
            return self._jobs[job_id]
        except KeyError:
            raise KeyError(f"no print job {job_id}") from None

    def _next_job(self) -> Job | None:
        waiting = [job for job in self._jobs.values() if job.state == "queued"]
        return min(waiting, key=lambda job: (job.created, job.id)) if waiting else None

    def _state(self) -> QueueState:
        queued = [job for job in self._jobs.values() if job.state in ("queued", "sending")]
        uncertain = [job for job in self._jobs.values() if job.state == "uncertain"]
        reason, args = None, {}
        first = min(queued, key=lambda job: (job.created, job.id)) if queued else None
        if first is not None and first.reason:
            reason, args = first.reason, dict(first.reason_args)
        elif uncertain:
            latest = max(uncertain, key=lambda job: (job.created, job.id))
            reason, args = latest.reason, dict(latest.reason_args)
        elif self._printer is not None and self._printer.reason() is not None:
            reason, args = self._printer.reason()  # type: ignore[misc]
        return QueueState(self._printer, len(queued), len(uncertain), reason, args)
