"""Subcommands that open the station application: ``quai demo`` and ``quai station``."""

from __future__ import annotations

import argparse
from pathlib import Path

from app.cli.common import CliError, add_db_option, shown_url
from app.config import ConfigError, StationConfig, load_config
from app.store.db import data_dir, make_engine, session_factory, sqlite_url
from app.store.migrate import upgrade

DEMO_STATION = "DEMO-01"


def register(commands: argparse._SubParsersAction) -> None:
    demo = commands.add_parser("demo", help="open the demo warehouse on its embedded database")
    demo.add_argument("--reset", action="store_true", help="start again from a fresh demo warehouse")
    demo.add_argument("--sheets", type=Path, metavar="FILE.pdf", help="print the demo's barcode sheets to a PDF")
    demo.add_argument("--no-gui", action="store_true", help="prepare the demo (and sheets) without opening a window")
    demo.add_argument("--station", default=DEMO_STATION, help="station name shown in the window")
    demo.set_defaults(handler=cmd_demo)

    station = commands.add_parser("station", help="open a station")
    station.add_argument("--config", type=Path, help="station configuration (TOML)")
    add_db_option(station)
    station.set_defaults(handler=cmd_station)


def demo_dir() -> Path:
    path = data_dir() / "demo"
    path.mkdir(parents=True, exist_ok=True)
    return path


def _remove_sqlite(path: Path) -> None:
    for suffix in ("", "-wal", "-shm", "-journal"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)


def prepare_demo(*, reset: bool, station: str = DEMO_STATION) -> tuple[StationConfig, str | None]:
    """Create (or reuse) the demo's central database and the station's replica.

    Returns the station configuration and a summary of what was built, or None
    when an existing demo warehouse was reused.
    """
    from sqlalchemy import func, select

    from app.demo.seed import build_demo
    from app.store.models import Product

    folder = demo_dir()
    central_path = folder / "central.db"
    config = StationConfig(
        name=station,
        central_url=sqlite_url(central_path),
        local_url=sqlite_url(folder / f"station-{station}.db"),
    )
    if reset:
        _remove_sqlite(central_path)
        _remove_sqlite(folder / f"station-{station}.db")
    central = make_engine(config.central_url)
    upgrade(central)
    factory = session_factory(central)
    summary = None
    with factory() as session:
        empty = not session.scalar(select(func.count()).select_from(Product))
    if empty:
        summary = str(build_demo(factory, workdir=folder / "import"))
    _refresh_station(config)
    central.dispose()
    return config, summary


def _refresh_station(config: StationConfig) -> None:
    from app.sync.replica import refresh_replica

    central = make_engine(config.central_url)
    if config.central_is_embedded:
        upgrade(central)  # the embedded central database is created on first use
    local = make_engine(config.replica_url)
    upgrade(local)
    refresh_replica(central, local)
    central.dispose()
    local.dispose()


def _qt_app():
    from PySide6.QtWidgets import QApplication

    return QApplication.instance() or QApplication([])


def cmd_demo(args: argparse.Namespace) -> int:
    config, summary = prepare_demo(reset=args.reset, station=args.station)
    if summary:
        print(summary)
    else:
        print(f"demo warehouse reused from {demo_dir()} (use --reset to start again)")
    if args.sheets:
        from app.labels.sheets import write_demo_sheets

        _qt_app()
        pages = write_demo_sheets(args.sheets, session_factory(make_engine(config.central_url)))
        print(f"barcode sheets: {args.sheets} ({pages} pages)")
    if args.no_gui:
        return 0
    from app.gui.app import run_station

    return run_station(config)


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
    try:
        _refresh_station(config)
    except Exception as exc:  # the station still opens on the replica it has
        print(f"quai: central database {shown_url(config.central_url)} not reachable ({exc}); "
              "working on the station's local copy")
    from app.gui.app import run_station

    return run_station(config)
