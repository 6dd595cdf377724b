"""Handlers of ``quai demo`` and ``quai station``, which open the station application.

``quai station`` shows its window first and fills the replica afterwards, in the
replica worker: heavy imports (SQLAlchemy, the store) stay out of its start-up path.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from app.cli.errors import CliError
from app.config import ConfigError, StationConfig, load_config
from app.paths import data_dir, sqlite_url


def demo_dir() -> Path:
    path = data_dir() / "demo"
    path.mkdir(parents=True, exist_ok=True)
    return path


def _remove_sqlite(path: Path) -> None:
    for suffix in ("", "-wal", "-shm", "-journal"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)


def demo_config(station: str) -> StationConfig:
    folder = demo_dir()
    return StationConfig(
        name=station,
        central_url=sqlite_url(folder / "central.db"),
        local_url=sqlite_url(folder / f"station-{station}.db"),
    )


def prepare_demo(config: StationConfig, *, reset: bool) -> str | None:
    """Create (or reuse) the demo's central database; return a summary if it was built."""
    from sqlalchemy import func, select

    from app.demo.seed import build_demo
    from app.store.db import make_engine, session_factory
    from app.store.migrate import upgrade
    from app.store.models import Product

    if reset:
        _remove_sqlite(demo_dir() / "central.db")
        _remove_sqlite(demo_dir() / f"station-{config.name}.db")
    central = make_engine(config.central_url)
    upgrade(central)
    factory = session_factory(central)
    with factory() as session:
        empty = not session.scalar(select(func.count()).select_from(Product))
    summary = str(build_demo(factory, workdir=demo_dir() / "import")) if empty else None
    central.dispose()
    return summary


def refresh_station(config: StationConfig) -> None:
    """Migrate the station's replica and fill it from the central database.

    The embedded central database is created on first use. Runs in the replica
    worker when a station opens (or directly for ``quai demo --no-gui``).
    """
    from app.store.db import make_engine
    from app.store.migrate import upgrade
    from app.sync.replica import refresh_replica

    local = make_engine(config.replica_url)
    upgrade(local)
    central = make_engine(config.central_url)
    try:
        if config.central_is_embedded:
            upgrade(central)
        refresh_replica(central, local)
    finally:
        central.dispose()
        local.dispose()


def _safe_refresh(config: StationConfig) -> None:
    try:
        refresh_station(config)
    except Exception as exc:  # the station works on with the replica it has
        from app.cli.common import shown_url

        print(
            f"quai: could not refresh from the central database {shown_url(config.central_url)} ({exc}); "
            "working on the station's local copy",
            file=sys.stderr,
        )
        # The replica must at least have its schema, or nothing works.
        from app.store.db import make_engine
        from app.store.migrate import upgrade

        engine = make_engine(config.replica_url)
        upgrade(engine)
        engine.dispose()


def cmd_demo(args: argparse.Namespace) -> int:
    config = demo_config(args.station)
    summary = prepare_demo(config, reset=args.reset)
    print(summary or f"demo warehouse reused from {demo_dir()} (use --reset to start again)")
    if args.sheets:
        from PySide6.QtWidgets import QApplication

        from app.labels.sheets import write_demo_sheets
        from app.store.db import make_engine, session_factory

        _app = QApplication.instance() or QApplication([])  # fonts and painting need one
        pages = write_demo_sheets(args.sheets, session_factory(make_engine(config.central_url)))
        print(f"barcode sheets: {args.sheets} ({pages} pages)")
    if args.no_gui:
        refresh_station(config)
        return 0
    from app.gui.app import run_station

    return run_station(config, prepare=lambda: _safe_refresh(config))


def cmd_station(args: argparse.Namespace) -> int:
    try:
        config = load_config(args.config) if args.config else StationConfig()
    except ConfigError as exc:
        raise CliError(str(exc), 2) from None
    if args.db:
        config = StationConfig(
            name=config.name, kind=config.kind, language=config.language, central_url=args.db,
            local_url=config.local_url, extra=config.extra,
        )
    from app.gui.app import run_station

    return run_station(config, prepare=lambda: _safe_refresh(config))
