"""A fake Zebra per test (real loopback socket), stopped afterwards."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.support.fake_printer import FakePrinter


@pytest.fixture
def zebra() -> Iterator[FakePrinter]:
    printer = FakePrinter()
    yield printer
    printer.stop()
