"""``backup [--out FILE]``: an encrypted, compressed snapshot of the database, taken while the service runs."""

import asyncio
from datetime import datetime, timezone
from pathlib import Path

from services import backups


def register(sub) -> None:
    p = sub.add_parser("backup", help="write an encrypted backup of the database (BACKUP_KEY)")
    p.add_argument("--out", type=Path, help="file to write (default: backup.dir/scrm-<time>.backup)")
    p.set_defaults(func=run)


def run(settings, args) -> int:
    out = args.out or backups.backup_dir(settings) / backups.scheduled_name(datetime.now(timezone.utc))
    try:
        manifest = asyncio.run(backups.backup(settings, out))
    except backups.BackupError as exc:
        print(f"backup failed: {exc}")
        return 1
    print(
        f"schema {manifest.schema_version}, {len(manifest.tables)} tables, "
        f"{sum(manifest.tables.values())} rows, checksum in {out.name}.sha256"
    )
    print(out)
    return 0
