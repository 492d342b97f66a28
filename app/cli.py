"""``python -m app COMMAND``: each command lives in app/commands/<name>.py.

A command module defines ``register(subparsers)``, which adds its parser and
sets ``run(settings, args) -> int`` (sync) as the parser's ``func``.
Configuration errors end in one line naming the key, never a traceback.
"""
from __future__ import annotations

import argparse
import importlib
import sys

from app.config import ConfigError, load_settings

COMMANDS = ["serve", "migrate", "seed", "createstaff", "genkey", "makemigrations", "bench"]


def parser() -> argparse.ArgumentParser:
    root = argparse.ArgumentParser(prog="python -m app", description="Industrial real-estate SCRM")
    sub = root.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for name in COMMANDS:
        importlib.import_module(f"app.commands.{name}").register(sub)
    return root


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    try:
        settings = None if getattr(args, "no_settings", False) else load_settings()
    except ConfigError as exc:
        print(f"configuration error: {exc}", file=sys.stderr)
        return 2
    try:
        return args.func(settings, args) or 0
    except ConfigError as exc:
        print(f"configuration error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
