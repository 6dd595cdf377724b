"""``quai printer status URL [--format json]`` against the fake Zebra, through ``app.cli.main``."""

from __future__ import annotations

import json

import pytest

from app import cli
from app.cli.printer import add_printer_arguments
from tests.support.fake_printer import FakePrinter

KEYS = {"online", "paper_out", "paused", "head_open", "ribbon_out", "buffer_full", "error"}


@pytest.fixture(autouse=True)
def _printer_command(monkeypatch: pytest.MonkeyPatch) -> None:
    # The lead registers "printer" in app/cli/__init__.py; until then the test registers it the same way.
    if "printer" not in cli.COMMANDS:
        monkeypatch.setitem(cli.COMMANDS, "printer", ("printer status", add_printer_arguments))


def test_json_ok_exit_0(zebra: FakePrinter, capsys) -> None:
    assert cli.main(["printer", "status", zebra.url, "--format", "json"]) == 0
    answer = json.loads(capsys.readouterr().out)
    assert set(answer) == KEYS
    assert answer == {"online": True, "paper_out": False, "paused": False, "head_open": False,
                      "ribbon_out": False, "buffer_full": False, "error": None}


@pytest.mark.parametrize("fault", ["paper_out", "head_open", "paused", "ribbon_out", "buffer_full"])
def test_json_fault_exit_1(zebra: FakePrinter, capsys, fault: str) -> None:
    zebra.status = fault
    assert cli.main(["printer", "status", zebra.url, "--format", "json"]) == 1
    answer = json.loads(capsys.readouterr().out)
    assert answer["online"] is True and answer[fault] is True
    assert [k for k in KEYS - {"online", "error"} if answer[k]] == [fault]


def test_silence_is_offline_exit_1(zebra: FakePrinter, capsys) -> None:
    zebra.silent = True
    assert cli.main(["printer", "status", zebra.url, "--format", "json", "--timeout", "0.5"]) == 1
    answer = json.loads(capsys.readouterr().out)
    assert answer["online"] is False and answer["error"] == "no answer within 0.5 s"


def test_text_one_line_per_flag(zebra: FakePrinter, capsys) -> None:
    zebra.status = "paper_out"
    assert cli.main(["printer", "status", zebra.url]) == 1
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == f"printer: 127.0.0.1:{zebra.port}"
    assert lines[1:] == ["online: yes", "paper_out: yes", "paused: no", "head_open: no", "ribbon_out: no",
                         "buffer_full: no", "error: -"]


def test_refused_names_the_printer(zebra: FakePrinter, capsys) -> None:
    zebra.refuse()
    assert cli.main(["printer", "status", zebra.url]) == 1
    out = capsys.readouterr().out
    assert "online: no" in out and f"127.0.0.1:{zebra.port}: connection refused" in out


def test_bad_url_exit_2(capsys) -> None:
    assert cli.main(["printer", "status", "tcp://printer:70000"]) == 2
    err = capsys.readouterr().err
    assert "tcp://printer:70000" in err and "port" in err


def test_a_spool_folder_is_online(tmp_path, capsys) -> None:
    assert cli.main(["printer", "status", f"file://{tmp_path}/labels", "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out)["online"] is True
