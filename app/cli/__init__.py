"""The ``quai`` command.

Every command takes ``--db URL`` (a SQLAlchemy URL). Without it, ``QUAI_DB`` is
used, else the embedded SQLite database under the user data directory. Errors
name the file, row or database involved and exit non-zero.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from app.cli import admin, gui
from app.cli.common import CliError


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="quai", description="Quai warehouse stations and administration.")
    parser.add_argument("--version", action="version", version=f"quai {__import__('app').__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    admin.register(commands)
    gui.register(commands)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return int(args.handler(args) or 0)
    except CliError as exc:
        print(f"quai: {exc}", file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        print("quai: interrupted", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
