"""SSCC (Serial Shipping Container Code, GS1 AI 00): how one is built, checked and read back.

An SSCC is 18 digits: the extension digit, the GS1 company prefix (7 to 10 digits, assigned by
GS1 and configured per site), a serial reference (the rest: 16 - len(prefix) digits) and the
GS1 mod-10 check digit. The serial references come from a counter on the central database
that never gives a number twice (app.sync.sscc); a station that may go offline holds blocks
of them (app.store.sscc_pool). This module is the pure part: no SQL, no I/O, no Qt; every
function is a plain computation, safe from any thread.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from app.domain.gtin import gs1_check_digit

SSCC_LENGTH = 18
FIRST_SERIAL = 1  # serial 0 is left unused: an all-zero serial field never reads as a real parcel
_PREFIX = re.compile(r"\d{7,10}")


def _whole(value: object) -> bool:
    """An int that is not a bool (True would otherwise pass for 1)."""
    return isinstance(value, int) and not isinstance(value, bool)


class InvalidSscc(ValueError):
    """Text that is not a valid SSCC, or settings that cannot build one; the message says why."""


@dataclass(frozen=True)
class SsccSettings:
    """How this site numbers its SSCCs.

    ``block_size``: serial references a station takes from the central database at once;
    ``low_water``: below this many left, the station asks for another block.
    """

    extension_digit: int
    company_prefix: str
    block_size: int = 200
    low_water: int = 50

    def __post_init__(self) -> None:
        if not _whole(self.extension_digit) or not 0 <= self.extension_digit <= 9:
            raise InvalidSscc(f"SSCC extension digit {self.extension_digit!r}: expected one digit, 0 to 9")
        if not isinstance(self.company_prefix, str) or not _PREFIX.fullmatch(self.company_prefix):
            raise InvalidSscc(
                f"GS1 company prefix {self.company_prefix!r}: expected the 7 to 10 digits GS1 assigned"
            )
        if not _whole(self.block_size) or self.block_size < 1:
            raise InvalidSscc(f"SSCC block size {self.block_size!r}: expected a whole number of at least 1")
        if not _whole(self.low_water) or not 0 <= self.low_water <= self.block_size:
            raise InvalidSscc(
                f"SSCC low water mark {self.low_water!r}: "
                f"expected a whole number from 0 to the block size ({self.block_size})"
            )

    @classmethod
    def for_block_size(cls, extension_digit: int, company_prefix: str, block_size: int) -> SsccSettings:
        """Settings from a station file's ``[labels]`` (which sets the block size only): refill
        when a quarter of a block is left (50 of the default 200)."""
        return cls(extension_digit, company_prefix, block_size, low_water=block_size // 4 if _whole(block_size) else 0)

    @property
    def serial_length(self) -> int:
        """Digits of the serial reference: 16 - len(company_prefix) (9 for a 7-digit prefix)."""
        return SSCC_LENGTH - 2 - len(self.company_prefix)

    @property
    def max_serial(self) -> int:
        """The highest serial reference this prefix allows (999 999 999 for a 7-digit prefix)."""
        return 10**self.serial_length - 1


@dataclass(frozen=True)
class Block:
    """Serial references ``first`` to ``last`` (both included) handed to one station for one
    (extension digit, company prefix): the central database gave them to nobody else."""

    first: int
    last: int
    extension_digit: int
    company_prefix: str

    def __post_init__(self) -> None:
        if self.first < FIRST_SERIAL or self.last < self.first:
            raise InvalidSscc(f"SSCC block {self.first}-{self.last} is empty or starts below {FIRST_SERIAL}")

    @property
    def size(self) -> int:
        return self.last - self.first + 1

    def matches(self, settings: SsccSettings) -> bool:
        return (self.extension_digit, self.company_prefix) == (settings.extension_digit, settings.company_prefix)


def check_digit(digits17: str) -> str:
    """The GS1 mod-10 check digit of the first 17 digits of an SSCC (weights 3,1,3… from the right)."""
    if len(digits17) != SSCC_LENGTH - 1 or not digits17.isdigit():
        raise InvalidSscc(f"{digits17!r}: an SSCC's check digit is computed over exactly 17 digits")
    return str(gs1_check_digit(digits17))


def build_sscc(settings: SsccSettings, serial: int) -> str:
    """The 18-digit SSCC of serial reference ``serial`` under ``settings``."""
    if not _whole(serial) or not 0 <= serial <= settings.max_serial:
        raise InvalidSscc(
            f"serial reference {serial!r} does not fit the {settings.serial_length} digits left by "
            f"company prefix {settings.company_prefix} (0 to {settings.max_serial})"
        )
    body = f"{settings.extension_digit}{settings.company_prefix}{serial:0{settings.serial_length}d}"
    return body + check_digit(body)


def normalise_sscc(text: str) -> str:
    """The 18 digits of an SSCC as typed or scanned: ``376…``, ``(00)376…`` or ``00376…`` (the
    element string of a GS1-128 barcode). Raises InvalidSscc saying what is wrong."""
    raw = text
    text = text.strip().replace(" ", "")
    if text.startswith("(00)"):
        text = text[4:]
    elif len(text) == SSCC_LENGTH + 2 and text.startswith("00"):
        text = text[2:]
    if not text:
        raise InvalidSscc("the SSCC is empty: scan or type its 18 digits")
    if not text.isdigit():
        raise InvalidSscc(f"SSCC {raw!r} has characters that are not digits")
    if len(text) != SSCC_LENGTH:
        raise InvalidSscc(f"SSCC {raw!r} has {len(text)} digits; an SSCC has 18")
    expected = check_digit(text[:-1])
    if text[-1] != expected:
        raise InvalidSscc(f"SSCC {raw!r} has a wrong check digit (expected {expected}, found {text[-1]})")
    return text


def is_valid_sscc(text: str) -> bool:
    """Whether ``text`` is 18 digits (optionally after ``(00)``) with a right check digit."""
    try:
        normalise_sscc(text)
    except InvalidSscc:
        return False
    return True


def parse_sscc(text: str, company_prefix: str) -> tuple[int, int]:
    """(extension digit, serial reference) of an SSCC numbered under ``company_prefix``.

    The prefix is needed: nothing in the 18 digits says where the prefix ends and the
    serial reference begins. Raises InvalidSscc for a malformed SSCC or another prefix.
    """
    digits = normalise_sscc(text)
    if not _PREFIX.fullmatch(company_prefix):
        raise InvalidSscc(f"GS1 company prefix {company_prefix!r}: expected the 7 to 10 digits GS1 assigned")
    if digits[1 : 1 + len(company_prefix)] != company_prefix:
        raise InvalidSscc(f"SSCC {digits} was not numbered under company prefix {company_prefix}")
    return int(digits[0]), int(digits[1 + len(company_prefix) : -1])
