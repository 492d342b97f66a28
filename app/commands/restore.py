"""``restore FILE [--force]``: load a backup into the configured database (empty unless --force)."""

import asyncio
from pathlib import Path

from services import backups, pii_keys


def register(sub) -> None:
    p = sub.add_parser("restore", help="restore a backup written by `backup` into the configured database")
    p.add_argument("file", type=Path)
    p.add_argument("--force", action="store_true", help="replace the data of a database that is not empty")
    p.set_defaults(func=run)


def run(settings, args) -> int:
    if not args.file.is_file():
        print(f"restore failed: {args.file} not found")
        return 1
    try:
        manifest = asyncio.run(backups.restore(settings, args.file, force=args.force))
    except (backups.BackupError, pii_keys.PiiKeyMismatch) as exc:
        print(f"restore failed: {exc}")
        return 1
    print(
        f"restored {sum(manifest.tables.values())} rows in {len(manifest.tables)} tables "
        f"(backup of {manifest.created_at}, schema {manifest.schema_version}); row counts and checksums match"
    )
    return 0
