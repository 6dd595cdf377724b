"""A serial scanner at the far end of a real pseudo-terminal, for tests."""

from __future__ import annotations

import os
from pathlib import Path


class Pty:
    """Write to ``master`` as the scanner; the station opens ``link`` by path, as a real device.

    ``link`` is a symlink to the pty, like /dev/serial/by-id/…: ``unplug`` closes the master
    (reads on the station's side then fail), and a new ``Pty(link)`` is the scanner plugged
    back in, under the same link.
    """

    def __init__(self, link: Path) -> None:
        self.master, slave = os.openpty()
        self.path = os.ttyname(slave)
        os.close(slave)
        if link.is_symlink():
            link.unlink()
        link.symlink_to(self.path)
        self.link = link

    def write(self, data: bytes) -> None:
        os.write(self.master, data)

    def unplug(self) -> None:
        os.close(self.master)
