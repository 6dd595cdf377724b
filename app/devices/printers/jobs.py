"""Print jobs on disk: one folder per queue, two files per job, every change an atomic rename.

    <spool>/jobs/<id>.data     the bytes to print (written once)
    <spool>/jobs/<id>.json     the job: state, copies done, message, who asked (replaced atomically)
    <spool>/audit.log          one JSON line per reprint, cancel and uncertain job

States: ``queued`` (waiting for the printer, possibly with a message), ``sending`` (bytes may be on
their way: written BEFORE the first byte goes out), ``printed``, ``uncertain`` (the printer may or may
not have printed it: shown, never resent by itself), ``cancelled``.

Threading: plain functions on files; the queue serialises calls for one job.
"""

from __future__ import annotations

import json
import os
import time
import uuid
from dataclasses import asdict, dataclass, field
from pathlib import Path

STATES = ("queued", "sending", "printed", "uncertain", "cancelled")


@dataclass
class Job:
    id: str
    document: str
    language: str
    size: int
    created: float
    order: str | None = None
    copies: int = 1
    copies_done: int = 0
    state: str = "queued"
    attempts: int = 0
    reason: str | None = None  # why it waits or why it is uncertain: a code the GUI translates
    reason_args: dict[str, str] = field(default_factory=dict)
    printed_at: float | None = None
    reprint_of: str | None = None
    asked_by: str | None = None

    def snapshot(self) -> Job:
        return Job(**{**asdict(self), "reason_args": dict(self.reason_args)})


def new_job_id() -> str:
    # Sorts by creation time (FIFO after a restart), unique without a counter file.
    return f"{time.time_ns():x}-{uuid.uuid4().hex[:8]}"


class JobStore:
    def __init__(self, spool: Path) -> None:
        self.folder = spool / "jobs"
        self.audit_path = spool / "audit.log"
        self.folder.mkdir(parents=True, exist_ok=True)

    def create(self, job: Job, data: bytes, *, durable: bool = True) -> None:
        """Data first, then the job file: a job file always has its data.

        ``durable=False`` leaves the fsyncs to a later ``sync``: the files survive the process being
        killed (they are in the page cache) but not a power cut until then.
        """
        _atomic_write(self.folder / f"{job.id}.data", data, sync=durable)
        _atomic_write(self.folder / f"{job.id}.json", _encoded(job), sync=durable)

    def sync(self, job_id: str) -> None:
        """Make a job written with ``durable=False`` survive a power cut."""
        for suffix in (".data", ".json"):
            fd = os.open(self.folder / f"{job_id}{suffix}", os.O_RDONLY)
            try:
                os.fsync(fd)
            finally:
                os.close(fd)
        _fsync_dir(self.folder)

    def save(self, job: Job) -> None:
        _atomic_write(self.folder / f"{job.id}.json", _encoded(job))

    def delete(self, job_id: str) -> None:
        """The job file first: a job file without its data would be skipped, never half-printed."""
        (self.folder / f"{job_id}.json").unlink(missing_ok=True)
        (self.folder / f"{job_id}.data").unlink(missing_ok=True)

    def data(self, job_id: str) -> bytes:
        return (self.folder / f"{job_id}.data").read_bytes()

    def load_all(self) -> list[Job]:
        """Every job on disk, oldest first; leftovers of an interrupted write are removed."""
        for leftover in self.folder.glob(".*.part"):
            leftover.unlink(missing_ok=True)
        jobs = []
        for path in self.folder.glob("*.json"):
            try:
                raw = json.loads(path.read_text(encoding="utf-8"))
                job = Job(**raw)
            except (OSError, ValueError, TypeError):
                continue  # not ours or unreadable: left alone, never printed
            data = self.folder / f"{job.id}.data"
            # A power cut can leave a renamed file without its bytes: such a job is never printed.
            if job.state in STATES and data.exists() and data.stat().st_size == job.size:
                jobs.append(job)
        return sorted(jobs, key=lambda job: (job.created, job.id))

    def audit(self, action: str, job: Job, **details: object) -> None:
        line = {"time": time.strftime("%Y-%m-%dT%H:%M:%S%z"), "action": action, "job": job.id,
                "document": job.document, "order": job.order, **details}
        with open(self.audit_path, "a", encoding="utf-8") as out:
            out.write(json.dumps(line, ensure_ascii=False) + "\n")
            out.flush()
            os.fsync(out.fileno())

    def audit_lines(self) -> list[dict]:
        if not self.audit_path.exists():
            return []
        return [json.loads(line) for line in self.audit_path.read_text(encoding="utf-8").splitlines() if line]


def _encoded(job: Job) -> bytes:
    return json.dumps(asdict(job), ensure_ascii=False).encode()


def _atomic_write(path: Path, content: bytes, *, sync: bool = True) -> None:
    temporary = path.with_name(f".{path.name}.part")
    with open(temporary, "wb") as out:
        out.write(content)
        out.flush()
        if sync:
            os.fsync(out.fileno())
    os.replace(temporary, path)  # a reader (or a restart) sees the old file or the new, never half
    if sync:
        _fsync_dir(path.parent)


def _fsync_dir(folder: Path) -> None:
    fd = os.open(folder, os.O_RDONLY | os.O_DIRECTORY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
