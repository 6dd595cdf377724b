"""Handlers of ``quai demo`` and ``quai station``, which open the station application.

``quai station`` shows its window first and fills the replica afterwards, in the
replica worker: heavy imports (SQLAlchemy, the store) stay out of its start-up path.
"""

from __future__ import annotations

import argparse
import dataclasses
import sys
from pathlib import Path

from app.cli.errors import CliError
from app.config import ConfigError, StationConfig, load_config
from app.paths import data_dir, sqlite_url, station_file_name


def demo_dir() -> Path:
    path = data_dir() / "demo"
    path.mkdir(parents=True, exist_ok=True)
    return path


def _remove_sqlite(path: Path) -> None:
    for suffix in ("", "-wal", "-shm", "-journal"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)


DEMO_BUILT = "demo.built"  # event recorded once the whole demo is in: a marker that survives restarts


def demo_config(station: str, central_url: str | None = None) -> StationConfig:
    folder = demo_dir()
    return StationConfig(
        name=station,
        central_url=central_url or sqlite_url(folder / "central.db"),
        local_url=sqlite_url(folder / station_file_name(station)),
    )


def prepare_demo(config: StationConfig, *, reset: bool, owned: bool = True) -> str | None:
    """Create (or reuse) the demo's central database; return a summary if it was built.

    A demo whose build was interrupted (products in, no ``demo.built`` marker) is
    built again rather than reused half-filled. ``owned`` is False for a database
    given with --db: one that holds data which is not the demo's is never touched.
    """
    from sqlalchemy import func, select

    from app.demo.seed import build_demo
    from app.store.db import make_engine, session_factory, transaction
    from app.store.events import record
    from app.store.migrate import downgrade
    from app.store.models import Event, Location, Order, Product, User
    from app.sync.capture import prepare_central

    if reset:
        _remove_sqlite(demo_dir() / station_file_name(config.name))
    central = make_engine(config.central_url)
    try:
        prepare_central(central)
        factory = session_factory(central)
        with factory() as session:
            has_data = any(
                session.scalar(select(func.count()).select_from(model)) for model in (Product, Location, Order, User)
            )
            built = session.scalar(select(func.count()).select_from(Event).where(Event.kind == DEMO_BUILT))
        if has_data and not built:
            if not owned:
                raise CliError(f"{_shown(config.central_url)} holds data that is not the demo's; "
                               "quai demo only fills an empty database (or one it built)", 2)
            print("the last demo build was interrupted: building it again")
        if has_data and (reset or not built):
            downgrade(central, "base")  # the demo's own database: start from nothing
            prepare_central(central)
            has_data = False
        if has_data:
            return None
        summary = build_demo(factory, workdir=demo_dir() / "import")
        with transaction(factory) as session:
            record(session, DEMO_BUILT, {"summary": str(summary)}, station=config.name)
        return str(summary)
    finally:
        central.dispose()


def refresh_station(config: StationConfig) -> None:
    """Migrate the station's replica and bring it up to date from the central database
    (a snapshot the first time, then the changes since its cursor: app.sync.pull).

    The embedded central database is created on first use. Runs in the replica
    worker when a station opens (or directly for ``quai demo --no-gui``).
    """
    from app.store.db import make_engine
    from app.store.migrate import upgrade
    from app.sync.capture import prepare_central
    from app.sync.pull import pull

    local = make_engine(config.replica_url)
    upgrade(local)
    central = make_engine(config.central_url)
    try:
        if config.central_is_embedded:
            prepare_central(central)
        pull(central, local, config.name)
    finally:
        central.dispose()
        local.dispose()


def _refresh_or_keep_local(config: StationConfig) -> None:
    """The station's start-up job: refresh the replica, or keep the copy it has.

    Failing to refresh is not fatal (the station works offline on its replica), but
    it is raised again so the status area says the local copy is not up to date.
    """
    try:
        refresh_station(config)
    except Exception as exc:
        print(
            f"quai: could not refresh from the central database {_shown(config.central_url)} ({exc}); "
            "working on the station's local copy",
            file=sys.stderr,
        )
        # The replica must at least have its schema, or nothing works.
        from app.store.db import make_engine
        from app.store.migrate import upgrade

        engine = make_engine(config.replica_url)
        upgrade(engine)
        engine.dispose()
        raise


def _shown(url: str) -> str:
    from app.cli.common import shown_url

    return shown_url(url)


def cmd_demo(args: argparse.Namespace) -> int:
    db = getattr(args, "db", None)
    config = demo_config(args.station, central_url=db)
    summary = prepare_demo(config, reset=args.reset, owned=db is None)
    print(summary or f"demo warehouse reused from {demo_dir()} (use --reset to start again)")
    if args.sheets:
        from PySide6.QtWidgets import QApplication

        from app.labels.sheets import write_demo_sheets
        from app.store.db import make_engine, session_factory

        _app = QApplication.instance() or QApplication([])  # fonts and painting need one
        try:
            pages = write_demo_sheets(args.sheets, session_factory(make_engine(config.central_url)))
        except OSError as exc:
            raise CliError(f"{args.sheets}: cannot write the barcode sheets ({exc.strerror or exc})") from None
        print(f"barcode sheets: {args.sheets} ({pages} pages)")
    if args.no_gui:
        refresh_station(config)
        return 0
    from app.gui.app import run_station

    return run_station(config, prepare=lambda: _refresh_or_keep_local(config))


def cmd_station(args: argparse.Namespace) -> int:
    try:
        config = load_config(args.config) if args.config else StationConfig()
    except ConfigError as exc:
        raise CliError(str(exc), 2) from None
    if args.db:
        config = dataclasses.replace(config, central_url=args.db)
    from app.gui.app import run_station

    return run_station(config, prepare=lambda: _refresh_or_keep_local(config))
