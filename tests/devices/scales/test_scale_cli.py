"""``quai scale read`` in a process of its own, against the fake scale on a real pty."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from tests.support.fake_scale import FakeScale


def quai(*args: str, env: dict[str, str] | None = None, timeout: float = 30) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "app.cli", "scale", *args], capture_output=True, text=True,
                          timeout=timeout, env={**os.environ, **(env or {})})


def test_json_lines_for_weights_and_errors(tmp_path: Path) -> None:
    link = tmp_path / "scale"
    scale = FakeScale(link, grams=1234)
    scale.error = "overload"  # the first answers are errors...
    try:
        proc = subprocess.Popen([sys.executable, "-m", "app.cli", "scale", "read", f"serial://{link}?poll_ms=50",
                                 "--format", "json", "--count", "4"], stdout=subprocess.PIPE,
                                stderr=subprocess.PIPE, text=True, env={**os.environ, "LANG": "C"})
        try:
            first = json.loads(proc.stdout.readline())
            scale.set(1234, stable=False)  # ...then it settles
            out, err = proc.communicate(timeout=20)
        finally:
            if proc.poll() is None:
                proc.kill()
    finally:
        scale.unplug()
    assert proc.returncode == 0, err
    assert first == {"grams": None, "stable": False, "raw": "S +", "error": "overload",
                     "message": first["message"]}
    assert "overloaded" in first["message"]
    rest = [json.loads(line) for line in out.splitlines()]
    assert len(rest) == 3 and all(set(line) == {"grams", "stable", "raw", "error", "message"} for line in rest)
    moving = rest[-1]
    assert moving == {"grams": 1234, "stable": False, "raw": "S D      1.234 kg", "error": None, "message": None}
    assert "scale: connected" in err


def test_text_lines_from_a_continuous_scale_in_french(tmp_path: Path) -> None:
    link = tmp_path / "scale"
    scale = FakeScale(link, "continuous", grams=2500, interval_s=0.02)
    try:
        result = quai("read", f"serial://{link}?protocol=continuous", "--count", "2", env={"LANG": "fr_FR.UTF-8"})
        scale.error = "overload"
        overload = quai("read", f"serial://{link}?protocol=continuous", "--count", "1", env={"LANG": "fr_FR.UTF-8"})
    finally:
        scale.unplug()
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == ["2500 g stable  (ST,GS,+00002.500kg)"] * 2
    assert overload.stdout.startswith("overload: La balance est en surcharge")


def test_no_scale_within_the_timeout_exits_1(tmp_path: Path) -> None:
    result = quai("read", f"serial://{tmp_path}/nothing", "--count", "1", "--timeout", "0.5")
    assert result.returncode == 1
    assert f"scale: missing ({tmp_path}/nothing: not plugged in)" in result.stderr
    assert "0 of 1 readings within 0.5 s" in result.stderr


def test_a_bad_url_or_manual_exits_2() -> None:
    bad = quai("read", "serial:///dev/ttyUSB1?protocol=sics")
    assert bad.returncode == 2 and "protocol 'sics' unknown" in bad.stderr
    manual = quai("read", "manual://")
    assert manual.returncode == 2 and "manual:// is no scale" in manual.stderr
