"""A real X server for a test that needs real windows (Qt Virtual Keyboard's panel is one).

``xvfb_display(width, height)`` starts ``Xvfb`` on a free display number (the server picks
it and writes it to a pipe: ``-displayfd``), yields ``":N"``, and stops the server.
Without ``Xvfb`` installed, the test skips on a developer's machine and fails under
``CI=true`` (CI must never pass on a skip; ``.ci/run`` installs the ``xvfb`` package).
"""

from __future__ import annotations

import os
import select
import shutil
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager

import pytest

START_TIMEOUT_S = 20


def _missing(message: str) -> None:
    if os.environ.get("CI", "").lower() in ("1", "true", "yes"):
        pytest.fail(message + " (CI=true: this test must run)")
    pytest.skip(message)


@contextmanager
def xvfb_display(width: int = 1280, height: int = 800) -> Iterator[str]:
    binary = shutil.which("Xvfb")
    if binary is None:
        _missing("Xvfb is not installed (Debian: apt-get install xvfb)")
    read_end, write_end = os.pipe()
    server = subprocess.Popen(
        [binary, "-displayfd", str(write_end), "-screen", "0", f"{width}x{height}x24", "-nolisten", "tcp"],
        pass_fds=(write_end,), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    os.close(write_end)
    try:
        ready, _, _ = select.select([read_end], [], [], START_TIMEOUT_S)
        number = os.read(read_end, 16).decode().strip() if ready else ""
        if not number:
            raise RuntimeError(f"Xvfb did not start within {START_TIMEOUT_S} s")
        yield f":{number}"
    finally:
        os.close(read_end)
        server.terminate()
        try:
            server.wait(10)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()
