"""MT-SICS (Mettler Toledo Standard Interface Command Set, levels 0 and 1): commands and replies.

Quai sends a command in capitals ended by CR LF; the scale answers one line ended by CR LF:

    SI   ->  S S      1.234 kg     the weight now, stable          (S: the same, but waits for stability)
             S D      1.236 kg     the weight now, still moving (dynamic)
             S I                   cannot answer now (zeroing, taring; for S: no stability in time)
             S +   /   S -         above the capacity (overload) / below zero (underload)
    Z    ->  Z A  (zeroed), Z I, Z +, Z -        T  ->  T S  0.250 kg  (tared), T I, T +, T -
    any  ->  ES (not a command it knows), ET (garbled: parity, overrun), EL (not possible now)

The fields are separated by one or more spaces (the weight is right-aligned in 10 characters
with its sign); the unit is the balance's display unit. Replies are read without Qt or I/O here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from app.devices.scales.messages import (
    BUSY, GARBLED, LOGICAL, OVERLOAD, SYNTAX, TRANSMISSION, UNDERLOAD, UNIT, ScaleError,
)
from app.devices.scales.units import to_grams, unit_name
from app.packing.model import Reading

WEIGHT_NOW = b"SI\r\n"  # immediate: stable or dynamic, so the screen follows the parcel settling
WEIGHT_STABLE = b"S\r\n"
ZERO = b"Z\r\n"
TARE = b"T\r\n"

GENERAL_ERRORS = {"ES": SYNTAX, "ET": TRANSMISSION, "EL": LOGICAL}
STATUS_ERRORS = {"I": BUSY, "+": OVERLOAD, "-": UNDERLOAD}
_REPLY = re.compile(r"\s*(?P<command>[A-Z][A-Z0-9]{0,4})(?:\s+(?P<status>\S))?(?:\s+(?P<rest>.*?))?\s*")
_WEIGHT = re.compile(r"(?P<sign>[+-]?)\s*(?P<number>\d{1,10}(?:\.\d{0,8})?|\.\d{1,8})(?:\s*(?P<unit>[A-Za-z]{1,5}))?")


@dataclass(frozen=True)
class Reply:
    """One line from the balance: the command it answers, its status character, the rest."""

    command: str
    status: str
    rest: str
    raw: str

    @property
    def general_error(self) -> ScaleError | None:
        """ES, ET, EL: the answer to whatever command was sent last."""
        if self.command in GENERAL_ERRORS and not self.status:
            return ScaleError(GENERAL_ERRORS[self.command], self.raw)
        return None


def split_reply(line: str) -> Reply | None:
    """The parts of a reply; None for a line that is not one (noise, a half line)."""
    match = _REPLY.fullmatch(line)
    if match is None:
        return None
    return Reply(match["command"], match["status"] or "", match["rest"] or "", line.strip())


def parse_weight_reply(line: str, default_unit: str = "kg") -> Reading | ScaleError:
    """The answer to ``S`` or ``SI``: a Reading (stable for ``S S``, not for ``S D``) or why not."""
    reply = split_reply(line)
    if reply is None:
        return ScaleError(GARBLED, line.strip())
    if reply.general_error is not None:
        return reply.general_error
    if reply.command != "S":
        return ScaleError(GARBLED, reply.raw)
    if reply.status in STATUS_ERRORS and not reply.rest:
        return ScaleError(STATUS_ERRORS[reply.status], reply.raw)
    if reply.status not in ("S", "D"):
        return ScaleError(GARBLED, reply.raw)
    return weight_of(reply.rest, default_unit, stable=reply.status == "S", raw=reply.raw)


def parse_command_reply(line: str, command: str) -> str | ScaleError | None:
    """The answer to ``Z`` or ``T``: "done", why it was not done, or None when ``line`` answers
    another command (a late weight reply, say): the caller keeps waiting."""
    reply = split_reply(line)
    if reply is None:
        return ScaleError(GARBLED, line.strip())
    if reply.general_error is not None:
        return reply.general_error
    if reply.command != command:
        return None
    if reply.status in STATUS_ERRORS:
        return ScaleError(STATUS_ERRORS[reply.status], reply.raw)
    if (command, reply.status) in (("Z", "A"), ("T", "S")):
        return "done"
    return ScaleError(GARBLED, reply.raw)


def weight_of(text: str, default_unit: str, *, stable: bool, raw: str) -> Reading | ScaleError:
    """``"  -1.234 kg"`` (sign, number, optional unit) as a Reading; ScaleError if it is not one."""
    match = _WEIGHT.fullmatch(text.strip())
    if match is None:
        return ScaleError(GARBLED, raw)
    unit = default_unit
    if match["unit"]:
        named = unit_name(match["unit"])
        if named is None:
            return ScaleError(UNIT, raw, {"unit": match["unit"]})
        unit = named
    try:
        grams = to_grams(match["sign"] + match["number"], unit)
    except ValueError:
        return ScaleError(GARBLED, raw)
    return Reading(grams=grams, stable=stable, source="scale", raw=raw)
