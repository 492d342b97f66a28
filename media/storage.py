"""Files we generate (QR codes, mini-program codes, posters) under ``settings.media_dir``.

They are served read-only at ``/media/<path>`` (app/factory.py), so a stored
file's public URL is ``public_base_url + /media/ + path``.
"""
from __future__ import annotations

import asyncio
import re
from pathlib import Path

from core.config import Settings

URL_PREFIX = "/media"
_SAFE_NAME = re.compile(r"[0-9A-Za-z._-]+")


def root(settings: Settings) -> Path:
    return Path(settings.media_dir).resolve()


def _path(settings: Settings, relpath: str) -> Path:
    if not all(_SAFE_NAME.fullmatch(part) and part not in (".", "..") for part in relpath.split("/")):
        raise ValueError(f"unsafe media path {relpath!r}")
    return root(settings) / relpath


def url(settings: Settings, relpath: str) -> str:
    return f"{settings.public_base_url.rstrip('/')}{URL_PREFIX}/{relpath}"


def exists(settings: Settings, relpath: str) -> bool:
    return _path(settings, relpath).is_file()


async def save(settings: Settings, relpath: str, data: bytes) -> str:
    """Write atomically (temp file + rename) off the event loop; returns ``relpath``."""
    target = _path(settings, relpath)

    def write() -> None:
        target.parent.mkdir(parents=True, exist_ok=True)
        tmp = target.with_suffix(target.suffix + ".tmp")
        tmp.write_bytes(data)
        tmp.replace(target)

    await asyncio.to_thread(write)
    return relpath


async def read(settings: Settings, relpath: str) -> bytes:
    return await asyncio.to_thread(_path(settings, relpath).read_bytes)
