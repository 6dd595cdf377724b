"""Generate the station's feedback sounds: ``python packaging/make_sounds.py [--out DIR] [NAME...]``.

Writes ``resources/sounds/<name>.wav`` (16-bit PCM, mono, 44.1 kHz) for ``ok``, ``error`` and
``attention`` (all three by default). The output is deterministic: the committed files are
exactly what this script writes, and tests/gui/test_feedback.py checks that they still are.

The three must be told apart without looking, over a noisy floor and by ear alone:

* ``ok``: one short high beep (a plain sine, 1.76 kHz): "done, next".
* ``error``: a low buzz in two pulses (a square-ish 220 Hz wave, rich in harmonics, so it
  carries through conveyor noise and does not sound like the beep): "stop, look".
* ``attention``: two rising tones (660 Hz then 880 Hz): "look at the screen", without the
  alarm of the buzz.

Every tone fades in and out over a few milliseconds: a tone cut abruptly clicks.
"""

from __future__ import annotations

import argparse
import math
import struct
import sys
import wave
from collections.abc import Callable, Iterable
from pathlib import Path

RATE = 44_100
PEAK = 0.7  # of full scale: loud, with headroom so no sample clips
FADE_S = 0.008
SOUNDS_DIR = Path(__file__).resolve().parents[1] / "resources" / "sounds"

Wave = Callable[[float], float]  # phase in cycles -> sample in [-1, 1]


def sine(phase: float) -> float:
    return math.sin(2 * math.pi * phase)


def buzz(phase: float) -> float:
    """A square wave from its first odd harmonics (band-limited: a true square would alias)."""
    harmonics = (1, 3, 5, 7, 9, 11)
    total = sum(math.sin(2 * math.pi * k * phase) / k for k in harmonics)
    return total / 0.93  # this partial sum peaks near 0.93 (pi/4 plus the Gibbs overshoot)


def chime(phase: float) -> float:
    """A sine with some octave: rounder than the ok beep, so the two are not confused."""
    return (math.sin(2 * math.pi * phase) + 0.3 * math.sin(4 * math.pi * phase)) / 1.15  # its peak


def tone(frequency: float, seconds: float, shape: Wave = sine) -> list[float]:
    count = round(seconds * RATE)
    fade = round(FADE_S * RATE)
    samples = []
    for i in range(count):
        # Raised-cosine fade at both ends: no click when the tone starts or stops.
        edge = min(i, count - 1 - i)
        gain = 0.5 - 0.5 * math.cos(math.pi * edge / fade) if edge < fade else 1.0
        samples.append(gain * shape(frequency * i / RATE))
    return samples


def silence(seconds: float) -> list[float]:
    return [0.0] * round(seconds * RATE)


def ok() -> list[float]:
    return tone(1760, 0.15)


def error() -> list[float]:
    pulse = tone(220, 0.18, buzz)
    return pulse + silence(0.08) + pulse


def attention() -> list[float]:
    return tone(660, 0.11, chime) + silence(0.03) + tone(880, 0.11, chime)


SOUNDS: dict[str, Callable[[], list[float]]] = {"ok": ok, "error": error, "attention": attention}


def pcm16(samples: Iterable[float]) -> bytes:
    return b"".join(struct.pack("<h", round(max(-1.0, min(1.0, s)) * PEAK * 32767)) for s in samples)


def write(name: str, out_dir: Path = SOUNDS_DIR) -> Path:
    target = out_dir / f"{name}.wav"
    with wave.open(str(target), "wb") as wav:
        wav.setnchannels(1)
        wav.setsampwidth(2)
        wav.setframerate(RATE)
        wav.writeframes(pcm16(SOUNDS[name]()))
    return target


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Generate the station's feedback sounds.")
    parser.add_argument("names", nargs="*", help=f"some of {', '.join(SOUNDS)} (default: all)")
    parser.add_argument("--out", type=Path, default=SOUNDS_DIR, help=f"default: {SOUNDS_DIR}")
    args = parser.parse_args(argv)
    unknown = sorted(set(args.names) - set(SOUNDS))
    if unknown:
        parser.error(f"unknown sound(s): {', '.join(unknown)}")
    args.out.mkdir(parents=True, exist_ok=True)
    for name in args.names or SOUNDS:
        print(write(name, args.out))
    return 0


if __name__ == "__main__":
    sys.exit(main())
