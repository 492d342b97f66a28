"""``python -m app COMMAND``: each command lives in app/commands/<name>.py.

Every module there defines ``register(subparsers)``, which adds its parser and
sets ``run(settings, args) -> int`` (sync) as the parser's ``func``.
Configuration errors end in one line naming the key, never a traceback.
"""

from __future__ import annotations

import argparse
import importlib
import pkgutil
import sys

from core.config import ConfigError, load_settings
from services.errors import AppError
from wechat import WeChatError


def register_all(package: str, sub) -> None:
    """Add every module of ``package`` (each with ``register``) as a subcommand, by name."""
    path = importlib.import_module(package).__path__
    for module in sorted(m.name for m in pkgutil.iter_modules(path)):
        command = importlib.import_module(f"{package}.{module}")
        if hasattr(command, "register"):
            command.register(sub)


def parser() -> argparse.ArgumentParser:
    root = argparse.ArgumentParser(prog="python -m app", description="Industrial real-estate SCRM")
    register_all("app.commands", root.add_subparsers(dest="command", required=True, metavar="COMMAND"))
    return root


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    try:
        settings = None if getattr(args, "no_settings", False) else load_settings()
    except ConfigError as exc:
        print(f"configuration error: {exc}", file=sys.stderr)
        return 2
    if getattr(args, "dev_only", False) and settings is not None and settings.env == "prod":
        print(f"refused: `{args.command}` writes demo data or load and never runs with ENV=prod", file=sys.stderr)
        return 2
    try:
        return args.func(settings, args) or 0
    except ConfigError as exc:
        print(f"configuration error: {exc}", file=sys.stderr)
        return 2
    except AppError as exc:
        print(f"error: {exc.message}", file=sys.stderr)
        return 1
    except WeChatError as exc:
        print(f"WeChat API error: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130
