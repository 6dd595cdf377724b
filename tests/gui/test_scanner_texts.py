"""What the floor reads about its scanners, in French, from the readers' own English details."""

from __future__ import annotations

import errno

import pytest

from app.devices.evdev_source import permission_advice, why_grab_failed
from app.gui import texts


@pytest.fixture
def french(services):  # the services fixture installs the French translator
    return services


def test_a_permission_problem_names_the_group_and_the_command(french) -> None:
    detail = permission_advice("/dev/input/by-id/usb-Zebra-event-kbd")
    text = texts.refusal_text(detail)
    assert "n'est pas dans le groupe input" in text and "sudo usermod -aG input" in text
    assert "permission denied" not in text


@pytest.mark.parametrize(("code", "fragment"), [(errno.EBUSY, "Un autre programme"), (errno.ENOTTY, "pas un périphérique d'entrée")])
def test_a_grab_problem_says_what_to_do(french, code: int, fragment: str) -> None:
    _state, detail = why_grab_failed("/dev/input/event3", OSError(code, "x"))
    assert fragment in texts.refusal_text(detail)


def test_an_unknown_detail_is_shown_as_it_is(french) -> None:
    assert texts.refusal_text("/dev/ttyS0: something odd") == "/dev/ttyS0: something odd"


def test_the_status_bar_sends_the_floor_to_a_supervisor_not_to_a_screen_it_cannot_open(french) -> None:
    assert texts.scanner_text("refused", "Zebra") == "Scanner Zebra inutilisable : appelez un responsable"


@pytest.mark.parametrize("reason", ["empty", "unreadable", "unknown_command", "check_digit", "parcel_check_digit",
                                    "gs1_not_understood", "gs1_no_key", None])
def test_every_misread_reason_reads_in_french(french, reason) -> None:
    text = texts.misread_text(reason, "]C1010\x1d")
    assert text and "again" not in text and "barcode" not in text  # French, not the English source
    assert "\x1d" not in text
