"""ZPL rendered by an independent renderer, for the label tests.

The renderer is zebrash (a Go ZPL renderer) compiled to wasm, as the npm package
``zpl-renderer-js`` pinned in ``tests/package.json``. Loading its 8 MB of wasm costs about
300 ms, so ONE node process (``tests/support/render_zpl.mjs``) is started on first use and
kept for the whole test session; it is stopped at interpreter exit, or earlier by
``stop_renderer()`` (a session fixture in the test modules calls it).

Threading: ``render_zpl`` may be called from any thread; requests are serialised by a lock
(the renderer answers one at a time anyway). A render that takes longer than
``TIMEOUT_S`` (generous: a loaded 2-core machine) kills the process and raises; the next
call starts a fresh one.
"""

from __future__ import annotations

import atexit
import base64
import json
import queue
import shutil
import subprocess
import threading
from pathlib import Path

import numpy as np

TESTS_DIR = Path(__file__).resolve().parent.parent
SCRIPT = Path(__file__).resolve().with_name("render_zpl.mjs")
PACKAGE_DIR = TESTS_DIR / "node_modules" / "zpl-renderer-js"
INSTALL_HINT = "run `make test`, which runs `npm ci --prefix tests`"
TIMEOUT_S = 120.0  # first answer includes compiling the wasm; a loaded machine is slow
_PREFIX = "ZPLR "
_DPMM = {203: 8, 300: 12, 600: 24}


class ZplRenderError(RuntimeError):
    """The renderer is missing, died, or refused the ZPL (its message is included)."""


class _Renderer:
    """The node process and its answer queue; one per session."""

    def __init__(self) -> None:
        node = shutil.which("node")
        if node is None:
            raise ZplRenderError(f"node is not installed, so ZPL cannot be rendered: install Node.js 20 and {INSTALL_HINT}")
        if not PACKAGE_DIR.is_dir():
            raise ZplRenderError(f"the npm package zpl-renderer-js is missing from {PACKAGE_DIR.parent}: {INSTALL_HINT}")
        self.process = subprocess.Popen(
            [node, str(SCRIPT)], cwd=TESTS_DIR, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
            stderr=subprocess.PIPE, text=True, encoding="utf-8", bufsize=1,
        )
        self.answers: queue.Queue[dict | None] = queue.Queue()
        self.stderr_tail: list[str] = []
        threading.Thread(target=self._read_answers, name="zpl-render-out", daemon=True).start()
        threading.Thread(target=self._read_stderr, name="zpl-render-err", daemon=True).start()
        self.next_id = 1
        ready = self._next_answer()
        if not ready.get("ready"):
            self.stop()
            raise ZplRenderError(f"the ZPL renderer did not start: {ready.get('error')}; {INSTALL_HINT}")

    def _read_answers(self) -> None:
        assert self.process.stdout is not None
        for line in self.process.stdout:
            if line.startswith(_PREFIX):
                self.answers.put(json.loads(line[len(_PREFIX):]))
        self.answers.put(None)  # EOF: the process is gone

    def _read_stderr(self) -> None:
        assert self.process.stderr is not None
        for line in self.process.stderr:
            self.stderr_tail = (self.stderr_tail + [line.rstrip()])[-20:]

    def _next_answer(self) -> dict:
        try:
            answer = self.answers.get(timeout=TIMEOUT_S)
        except queue.Empty:
            self.stop()
            raise ZplRenderError(f"the ZPL renderer gave no answer within {TIMEOUT_S:.0f} s") from None
        if answer is None:
            code = self.process.wait(timeout=10)
            raise ZplRenderError(f"the ZPL renderer exited (code {code}): " + " | ".join(self.stderr_tail))
        return answer

    def render_png(self, zpl: str, width_mm: float, height_mm: float, dpmm: int, all_labels: bool) -> list[bytes]:
        request_id, self.next_id = self.next_id, self.next_id + 1
        request = {"id": request_id, "zpl": zpl, "width_mm": width_mm, "height_mm": height_mm, "dpmm": dpmm,
                   "all": all_labels}
        assert self.process.stdin is not None
        try:
            self.process.stdin.write(json.dumps(request) + "\n")
            self.process.stdin.flush()
        except (BrokenPipeError, OSError) as exc:
            raise ZplRenderError(f"the ZPL renderer is gone: {exc}; " + " | ".join(self.stderr_tail)) from exc
        answer = self._next_answer()
        if answer.get("id") != request_id:
            self.stop()
            raise ZplRenderError(f"the ZPL renderer answered request {answer.get('id')} to request {request_id}")
        if "error" in answer:
            raise ZplRenderError(f"zebrash refused the ZPL: {answer['error'].splitlines()[0]}")
        if all_labels:
            return [base64.b64decode(png) for png in answer["pngs"]]
        return [base64.b64decode(answer["png"])]

    def alive(self) -> bool:
        return self.process.poll() is None

    def stop(self) -> None:
        if self.process.poll() is None:
            assert self.process.stdin is not None
            try:
                self.process.stdin.close()  # the script ends at EOF on stdin
                self.process.wait(timeout=10)
            except (OSError, subprocess.TimeoutExpired):
                self.process.kill()
                self.process.wait(timeout=10)


_lock = threading.Lock()
_renderer: _Renderer | None = None


def dpmm_for(dpi: int) -> int:
    """The renderer's dots per millimetre for a printer resolution (203 -> 8, 300 -> 12)."""
    try:
        return _DPMM[dpi]
    except KeyError:
        raise ValueError(f"no Zebra resolution of {dpi} dpi: use one of {sorted(_DPMM)}") from None


def canvas_dots(size_mm: float, dpi: int) -> int:
    """The label's size in printer dots, as ``app.labels.layout.dots`` counts them."""
    return round(size_mm * dpi / 25.4)


def _render(zpl: str, width_mm: float, height_mm: float, dpi: int, all_labels: bool) -> list[bytes]:
    global _renderer
    dpmm = dpmm_for(dpi)
    width, height = canvas_dots(width_mm, dpi) / dpmm, canvas_dots(height_mm, dpi) / dpmm
    with _lock:
        if _renderer is None or not _renderer.alive():
            _renderer = _Renderer()
        return _renderer.render_png(zpl, width, height, dpmm, all_labels)


def render_zpl_png(zpl: str, width_mm: float, height_mm: float, dpi: int) -> bytes:
    """The first label of ``zpl`` as PNG bytes, one pixel per printer dot:
    ``canvas_dots(width_mm, dpi)`` x ``canvas_dots(height_mm, dpi)`` pixels.

    zebrash works in whole dots per millimetre (8 for 203 dpi, 12 for 300 dpi: 304.8 dpi)
    and centres a ``^PW`` narrower than its canvas; so it is given the canvas in the
    printer's own dots (``dots / dpmm`` millimetres), and a 100 mm label at 300 dpi is 1181
    pixels wide as on the printer, not 1200 with the label shifted by 9."""
    return _render(zpl, width_mm, height_mm, dpi, all_labels=False)[0]


def _qimage(png: bytes):
    from PySide6.QtGui import QImage

    image = QImage.fromData(png, "PNG")
    if image.isNull():
        raise ZplRenderError("the ZPL renderer answered something that is not a PNG")
    return image.convertToFormat(QImage.Format.Format_Grayscale8)


def render_zpl(zpl: str, width_mm: float, height_mm: float, dpi: int):
    """The first label of ``zpl`` rendered by zebrash, as a QImage (Format_Grayscale8), one
    pixel per printer dot: ``read_all`` from ``tests.support.barcode_reading`` takes it as is."""
    return _qimage(render_zpl_png(zpl, width_mm, height_mm, dpi))


def render_zpl_all(zpl: str, width_mm: float, height_mm: float, dpi: int) -> list:
    """Every label (``^XA…^XZ``) of a job such as ``to_zpl_many`` makes, as QImages."""
    return [_qimage(png) for png in _render(zpl, width_mm, height_mm, dpi, all_labels=True)]


def render_label(label, dpi: int):
    """``label`` (an ``app.labels.layout.Label``) written by ``app.labels.zpl.to_zpl`` and
    rendered by zebrash, as ``render_zpl`` returns it: the shortcut for document tests."""
    from app.labels.zpl import to_zpl

    return render_zpl(to_zpl(label, dpi), label.width_mm, label.height_mm, dpi)


def render_zpl_grey(zpl: str, width_mm: float, height_mm: float, dpi: int) -> np.ndarray:
    """As ``render_zpl``, as a 2-D uint8 array (rows x columns, 0 black, 255 white)."""
    from tests.support.barcode_reading import grey_pixels

    return grey_pixels(render_zpl(zpl, width_mm, height_mm, dpi))


def stop_renderer() -> None:
    """Stop the node process (it restarts on the next render)."""
    global _renderer
    with _lock:
        if _renderer is not None:
            _renderer.stop()
            _renderer = None


atexit.register(stop_renderer)
