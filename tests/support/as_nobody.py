"""Run a scanner reader as user ``nobody`` in a forked child, to see a permission refusal
for real (the tests run as root, whom no file mode stops)."""

from __future__ import annotations

import json
import os
import pwd
import queue
from collections.abc import Callable
from typing import Any

NOBODY = pwd.getpwnam("nobody")


def first_state_as_nobody(make_reader: Callable[[Callable[[str, str], None]], Any]) -> list[str]:
    """The first (state, detail) a reader reports in a child process that is user nobody.
    ``make_reader(on_state)`` builds the reader (not started) in the child."""
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: drop root for good, then try the device
        code = 1
        try:
            os.close(read)
            os.setgroups([])
            os.setgid(NOBODY.pw_gid)
            os.setuid(NOBODY.pw_uid)
            states: queue.Queue[tuple[str, str]] = queue.Queue()
            reader = make_reader(lambda s, d: states.put((s, d))).start()
            first = states.get(timeout=5)
            reader.stop()
            os.write(write, json.dumps([os.geteuid(), *first]).encode())
            code = 0
        except BaseException as exc:  # noqa: BLE001 - said to the parent, which fails the test
            os.write(write, repr(exc).encode())
        finally:
            os._exit(code)
    os.close(write)
    with os.fdopen(read, "rb") as answer:
        said = answer.read().decode()
    _, status = os.waitpid(pid, 0)
    assert os.waitstatus_to_exitcode(status) == 0, said
    uid, *state = json.loads(said)
    assert uid == NOBODY.pw_uid
    return state
