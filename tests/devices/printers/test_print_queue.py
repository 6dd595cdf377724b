"""The print queue against the fake Zebra: faults wait, then exactly one label; reprints only when asked."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from app.devices.printers.jobs import Job, JobStore
from app.devices.printers.messages import reason_text
from app.devices.printers.print_queue import PrintQueue, QueueState, nothing_printed
from tests.support.fake_printer import FakePrinter

from .test_transports import LABEL, big_label

WAIT = 60.0  # generous: a loaded 2-core machine


@pytest.fixture
def queues() -> Iterator[list[PrintQueue]]:
    started: list[PrintQueue] = []
    yield started
    for queue in started:
        queue.stop()


def make_queue(queues: list[PrintQueue], spool: Path, url: str, **kwargs) -> PrintQueue:
    options = {"status_poll": 0.1, "idle_poll": 0.5, "status_timeout": 1.0, **kwargs}
    queue = PrintQueue(spool, url, **options)
    queues.append(queue)
    return queue


def printed(job_id: str):
    return lambda q: q.job(job_id).state == "printed"


def test_paper_out_waits_with_a_message_then_prints_once(tmp_path: Path, zebra: FakePrinter, queues) -> None:
    zebra.status = "paper_out"
    queue = make_queue(queues, tmp_path / "spool", zebra.url).start()
    job_id = queue.submit("shipping #1042 1/1", LABEL, order="#1042")
    assert queue.wait_for(lambda q: q.job(job_id).reason == "paper_out", WAIT)
    state = queue.state()
    assert (state.queued, state.reason, state.printer.paper_out) == (1, "paper_out", True)
    assert "Chargez un nouveau rouleau" in reason_text(state.reason, state.reason_args, "fr")
    assert "Load a new roll" in reason_text(state.reason, state.reason_args, "en")
    assert zebra.wait_for(lambda z: z.questions.count(b"~HS") >= 3, WAIT)  # it kept asking, sending nothing
    assert zebra.jobs == []
    zebra.status = "ok"
    assert queue.wait_for(printed(job_id), WAIT)
    assert zebra.wait_for(lambda z: z.count(LABEL) == 1, WAIT)
    assert zebra.labels == [LABEL] and queue.state().queued == 0 and queue.state().reason is None


def test_head_open_waits_then_prints_once(tmp_path: Path, zebra: FakePrinter, queues) -> None:
    zebra.status = "head_open"
    queue = make_queue(queues, tmp_path / "spool", zebra.url).start()
    job_id = queue.submit("tote T-0042", LABEL)
    assert queue.wait_for(lambda q: q.state().reason == "head_open", WAIT)
    zebra.status = "ok"
    assert queue.wait_for(printed(job_id), WAIT)
    assert zebra.wait_for(lambda z: z.count(LABEL) == 1, WAIT) and zebra.labels == [LABEL]


def test_silence_is_offline_then_prints_once(tmp_path: Path, zebra: FakePrinter, queues) -> None:
    zebra.silent = True
    queue = make_queue(queues, tmp_path / "spool", zebra.url, status_timeout=0.3).start()
    job_id = queue.submit("label", LABEL)
    assert queue.wait_for(lambda q: q.job(job_id).reason == "offline", WAIT)
    assert queue.job(job_id).reason_args == {"error": "no answer within 0.3 s"}
    zebra.silent = False
    assert queue.wait_for(printed(job_id), WAIT)
    assert zebra.wait_for(lambda z: z.count(LABEL) == 1, WAIT) and zebra.labels == [LABEL]


def test_refused_then_back(tmp_path: Path, zebra: FakePrinter, queues) -> None:
    zebra.refuse()
    queue = make_queue(queues, tmp_path / "spool", zebra.url).start()
    job_id = queue.submit("label", LABEL)
    assert queue.wait_for(lambda q: q.job(job_id).reason == "offline" and not q.state().printer.online, WAIT)
    zebra.accept()
    assert queue.wait_for(printed(job_id), WAIT)
    assert zebra.wait_for(lambda z: z.count(LABEL) == 1, WAIT) and len(zebra.jobs) == 1


def test_slow_reader_completes_and_submit_does_not_wait(tmp_path: Path, zebra: FakePrinter, queues) -> None:
    zebra.slow = 64  # 64 bytes per 100 ms: each job takes seconds to arrive
    queue = make_queue(queues, tmp_path / "spool", zebra.url).start()
    labels = [LABEL.replace(b"1042", str(n).encode()) * 40 for n in range(3)]
    ids = [queue.submit(f"label {n}", data) for n, data in enumerate(labels)]
    assert zebra.jobs == []  # all three accepted while the printer has not finished reading the first
    assert queue.wait_for(lambda q: all(q.job(i).state == "printed" for i in ids), WAIT * 2)
    assert zebra.wait_for(lambda z: len(z.jobs) == 3, WAIT * 2)
    # each once (the fake serves connections side by side, so they may end in any order) …
    assert sorted(zebra.jobs) == sorted(labels)
    # … and the queue sent them in the order they were submitted
    sent_at = [queue.job(i).printed_at for i in ids]
    assert sent_at == sorted(sent_at)


def test_reset_mid_job_is_sent_again_whole_and_prints_once(tmp_path: Path, zebra: FakePrinter, queues) -> None:
    data = big_label(16 * 1024 * 1024)
    zebra.reset_next_job_after(100_000)
    queue = make_queue(queues, tmp_path / "spool", zebra.url + "?timeout=30").start()
    job_id = queue.submit("pallet logo label", data)
    assert queue.wait_for(printed(job_id), WAIT * 2)
    assert zebra.wait_for(lambda z: z.count(data) == 1, WAIT)
    assert len(zebra.broken) == 1 and len(zebra.jobs) == 1 and len(zebra.labels) == 1
    assert queue.job(job_id).attempts == 2


def test_reset_mid_job_in_escpos_is_uncertain_and_not_resent(tmp_path: Path, zebra: FakePrinter, queues) -> None:
    data = b"\x1b@" + b"receipt line\n" * 1_500_000
    zebra.reset_next_job_after(100_000)
    queue = make_queue(queues, tmp_path / "spool", zebra.url + "?language=escpos&timeout=30").start()
    job_id = queue.submit("packing slip #1042", data, order="#1042")
    assert queue.wait_for(lambda q: q.job(job_id).state == "uncertain", WAIT * 2)
    state = queue.state()
    assert (state.uncertain, state.reason, state.reason_args["document"]) == (1, "uncertain", "packing slip #1042")
    seen = zebra.connections
    assert zebra.wait_for(lambda z: z.connections >= seen + 2, WAIT)  # the queue carries on polling …
    assert zebra.jobs == [] and len(zebra.broken) == 1  # … and never sends the job again by itself
    assert [line["action"] for line in queue.audit_lines()] == ["uncertain"]


def test_killed_while_sending_is_uncertain_after_restart(tmp_path: Path, zebra: FakePrinter, queues) -> None:
    spool = tmp_path / "spool"
    store = JobStore(spool)
    store.create(Job(id="0001-dead", document="shipping #1042 1/2", language="zpl", size=len(LABEL),
                     created=time.time(), order="#1042", state="sending", attempts=1), LABEL)
    queue = make_queue(queues, spool, zebra.url)
    assert queue.job("0001-dead").state == "uncertain"
    queue.start()
    after = queue.submit("shipping #1042 2/2", LABEL + b"2")
    assert queue.wait_for(printed(after), WAIT)
    assert zebra.wait_for(lambda z: len(z.jobs) == 1, WAIT) and zebra.jobs == [LABEL + b"2"]
    assert queue.job("0001-dead").state == "uncertain" and queue.state().uncertain == 1
    with pytest.raises(RuntimeError, match="another print queue uses this spool folder"):
        PrintQueue(spool, zebra.url)
    queue.stop()
    again = make_queue(queues, spool, zebra.url)  # stays uncertain across restarts, until a person decides
    assert again.job("0001-dead").state == "uncertain"
    again.resolve("0001-dead", "marie", printed=True)
    assert again.job("0001-dead").state == "printed"


def test_restart_keeps_queued_jobs(tmp_path: Path, zebra: FakePrinter, queues) -> None:
    zebra.status = "paper_out"
    spool = tmp_path / "spool"
    first = make_queue(queues, spool, zebra.url).start()
    job_id = first.submit("label", LABEL)
    assert first.wait_for(lambda q: q.job(job_id).reason == "paper_out", WAIT)
    first.stop()
    zebra.status = "ok"
    second = make_queue(queues, spool, zebra.url).start()
    assert second.wait_for(printed(job_id), WAIT)
    assert zebra.wait_for(lambda z: z.count(LABEL) == 1, WAIT) and len(zebra.jobs) == 1


def test_reprint_only_when_asked_and_audited(tmp_path: Path, zebra: FakePrinter, queues) -> None:
    queue = make_queue(queues, tmp_path / "spool", zebra.url).start()
    job_id = queue.submit("shipping #1042 1/1", LABEL, order="#1042")
    assert queue.wait_for(printed(job_id), WAIT)
    seen = len(zebra.questions)
    assert zebra.wait_for(lambda z: len(z.questions) >= seen + 2, WAIT)  # idle polls go by …
    assert zebra.count(LABEL) == 1  # … and no second copy
    copy_id = queue.reprint(job_id, actor="marie")
    assert copy_id != job_id
    assert queue.wait_for(printed(copy_id), WAIT)
    assert zebra.wait_for(lambda z: z.count(LABEL) == 2, WAIT)
    copy = queue.job(copy_id)
    assert (copy.reprint_of, copy.asked_by, copy.order) == (job_id, "marie", "#1042")
    [audit] = queue.audit_lines()
    assert (audit["action"], audit["job"], audit["new_job"], audit["actor"]) == ("reprint", job_id, copy_id, "marie")


def test_cancel_a_waiting_job(tmp_path: Path, zebra: FakePrinter, queues) -> None:
    zebra.status = "paused"
    queue = make_queue(queues, tmp_path / "spool", zebra.url).start()
    cancelled = queue.submit("wrong label", b"^XA^FDwrong^FS^XZ")
    kept = queue.submit("right label", LABEL)
    assert queue.wait_for(lambda q: q.state().reason == "paused", WAIT)
    assert queue.cancel(cancelled, actor="marie") and not queue.cancel(cancelled)
    assert queue.state().queued == 1
    zebra.status = "ok"
    assert queue.wait_for(printed(kept), WAIT)
    assert zebra.wait_for(lambda z: len(z.jobs) == 1, WAIT) and zebra.jobs == [LABEL]
    assert queue.job(cancelled).state == "cancelled" and queue.audit_lines()[0]["actor"] == "marie"


def test_copies_each_once(tmp_path: Path, zebra: FakePrinter, queues) -> None:
    queue = make_queue(queues, tmp_path / "spool", zebra.url).start()
    job_id = queue.submit("location A-01-02-3", LABEL, copies=3)
    assert queue.wait_for(printed(job_id), WAIT)
    assert zebra.wait_for(lambda z: z.count(LABEL) == 3, WAIT) and queue.job(job_id).copies_done == 3


def test_spool_folder_printer_one_file_per_job(tmp_path: Path, queues) -> None:
    queue = make_queue(queues, tmp_path / "spool", "file:labels").start()  # relative to the spool
    ids = [queue.submit(f"label {n}", LABEL + bytes([48 + n])) for n in range(2)]
    assert queue.wait_for(lambda q: all(q.job(i).state == "printed" for i in ids), WAIT)
    files = sorted((tmp_path / "spool" / "labels").iterdir())
    assert [f.read_bytes() for f in files] == [LABEL + b"0", LABEL + b"1"]
    assert all(f.name.endswith(f"-{i}.zpl") for f, i in zip(files, ids))


def test_observers_are_called_from_the_queue_thread(tmp_path: Path, zebra: FakePrinter, queues) -> None:
    calls: list[tuple[str, QueueState]] = []
    heard = threading.Condition()

    def on_change(state: QueueState) -> None:
        with heard:
            calls.append((threading.current_thread().name, state))
            heard.notify_all()

    zebra.status = "paper_out"
    queue = make_queue(queues, tmp_path / "spool", zebra.url, on_change=on_change).start()
    job_id = queue.submit("label", LABEL)
    assert queue.wait_for(lambda q: q.job(job_id).reason == "paper_out", WAIT)
    zebra.status = "ok"
    assert queue.wait_for(printed(job_id), WAIT)
    with heard:
        assert heard.wait_for(lambda: calls[-1][1].queued == 0 and calls[-1][1].reason is None, WAIT)
    assert {name for name, _ in calls} == {f"print-queue {queue.url.shown}"}
    assert any(state.reason == "paper_out" and state.queued == 1 for _, state in calls)
    assert all(a[1] != b[1] for a, b in zip(calls, calls[1:]))  # changes only, not every reading


def test_several_formats_cut_after_the_first_are_uncertain(tmp_path: Path, zebra: FakePrinter, queues) -> None:
    # Parcel 1 of 2 may already be on the roll: sending the job again would print it twice.
    data = LABEL + big_label(16 * 1024 * 1024)
    zebra.reset_next_job_after(len(LABEL) + 1000)
    queue = make_queue(queues, tmp_path / "spool", zebra.url + "?timeout=30").start()
    job_id = queue.submit("shipping #1042 1/2 and 2/2", data)
    assert queue.wait_for(lambda q: q.job(job_id).state == "uncertain", WAIT * 2)
    seen = len(zebra.questions)
    assert zebra.wait_for(lambda z: len(z.questions) >= seen + 2, WAIT)  # idle polls go by, no resend
    assert zebra.labels == [LABEL] and zebra.jobs == []


def test_nothing_printed_rule() -> None:
    two = b"^XA^FDone^FS^XZ^XA^FDtwo^FS^XZ"
    assert nothing_printed("zpl", two, 0) and nothing_printed("zpl", two, 14)
    assert not nothing_printed("zpl", two, 15)  # the first ^XZ went out: label one may be printed
    assert nothing_printed("zpl", b"^xa^fdlower^fs^xz", 10) and not nothing_printed("zpl", b"^xa^fdlower^fs^xz", 17)
    assert not nothing_printed("zpl", b"^XA^FDetx\x03^XA^FDtwo^FS^XZ", 10)  # ETX ends a format too
    assert nothing_printed("escpos", b"\x1b@text", 0) and not nothing_printed("escpos", b"\x1b@text", 1)


def test_old_printed_jobs_are_pruned_at_start(tmp_path: Path, queues) -> None:
    spool = tmp_path / "spool"
    store = JobStore(spool)
    week_ago = time.time() - 8 * 86400
    store.create(Job(id="old", document="a", language="zpl", size=1, created=week_ago, state="printed",
                     printed_at=week_ago), b"x")
    store.create(Job(id="old-uncertain", document="b", language="zpl", size=1, created=week_ago,
                     state="uncertain"), b"x")
    store.create(Job(id="recent", document="c", language="zpl", size=1, created=time.time(), state="printed",
                     printed_at=time.time()), b"x")
    queue = make_queue(queues, spool, f"file://{tmp_path}/out")
    assert [job.id for job in queue.jobs()] == ["old-uncertain", "recent"]  # uncertain waits for a person
    assert sorted(p.name for p in (spool / "jobs").iterdir()) == [
        "old-uncertain.data", "old-uncertain.json", "recent.data", "recent.json"]


def test_a_job_whose_data_vanished_is_uncertain_and_the_queue_goes_on(tmp_path: Path, zebra: FakePrinter,
                                                                      queues) -> None:
    zebra.status = "paper_out"
    queue = make_queue(queues, tmp_path / "spool", zebra.url).start()
    lost = queue.submit("lost", LABEL + b"lost")
    assert queue.wait_for(lambda q: q.job(lost).reason == "paper_out", WAIT)
    (tmp_path / "spool" / "jobs" / f"{lost}.data").unlink()  # a disk fault, a person tidying up
    zebra.status = "ok"
    assert queue.wait_for(lambda q: q.job(lost).state == "uncertain", WAIT)
    assert "internal error" in queue.job(lost).reason_args["error"]
    after = queue.submit("next", LABEL)
    assert queue.wait_for(printed(after), WAIT)
    assert zebra.wait_for(lambda z: z.jobs == [LABEL], WAIT)


def test_a_job_cut_short_by_a_power_cut_is_never_printed(tmp_path: Path, queues) -> None:
    spool = tmp_path / "spool"
    JobStore(spool).create(Job(id="cut", document="a", language="zpl", size=len(LABEL), created=time.time()), LABEL)
    (spool / "jobs" / "cut.data").write_bytes(LABEL[:10])  # renamed, but only part of its bytes reached the disk
    queue = make_queue(queues, spool, f"file://{tmp_path}/out").start()
    kept = queue.submit("b", LABEL)
    assert queue.wait_for(printed(kept), WAIT)
    assert [job.id for job in queue.jobs()] == [kept] and len(list((tmp_path / "out").iterdir())) == 1
