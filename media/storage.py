"""Where media files live: a local directory or an S3-compatible bucket, behind one interface.

Keys are relative paths such as ``listing/12/3f9c….jpg`` or ``qr/s4.png``.
Every stored file has a public URL that a CDN can front:

- ``local`` (default): files under ``media_dir``, served at ``/media/<key>`` by
  the app in development and by nginx in production (deploy/nginx.conf);
  the URL is ``media.public_url`` or else ``public_base_url + /media/``.
- ``s3``: any S3-compatible store (Tencent COS, Alibaba OSS, MinIO, AWS) at
  ``media.s3.endpoint``; the URL is ``media.public_url`` (the CDN or the
  bucket's public domain) or else ``endpoint/bucket/``. The bucket must allow
  public reads (a bucket policy; no per-object ACLs are sent).

The S3 client is boto3's (thread-safe, blocking), called in worker threads so
the event loop never waits on a network write.
"""

from __future__ import annotations

import asyncio
import re
from pathlib import Path
from typing import Protocol

from core.config import Settings

URL_PREFIX = "/media"
_SAFE_NAME = re.compile(r"[0-9A-Za-z._-]+")
CACHE_CONTROL = "public, max-age=31536000, immutable"
"""Keys of uploads never change content (a new upload gets a new key), so CDNs and browsers may keep them."""


class MissingFile(LookupError):
    """No file is stored under the key."""


def check_key(key: str) -> str:
    """A key is slash-separated names of letters, digits, ``._-``; nothing that climbs out of the root."""
    parts = key.split("/")
    if not key or not all(_SAFE_NAME.fullmatch(part) and part not in (".", "..") for part in parts):
        raise ValueError(f"unsafe media key {key!r}")
    return key


class Storage(Protocol):
    async def put(self, key: str, data: bytes, content_type: str) -> str:
        """Store ``data`` under ``key`` (replacing what was there); returns its public URL."""

    async def get(self, key: str) -> bytes:
        """The stored bytes; ``MissingFile`` if there are none."""

    async def exists(self, key: str) -> bool: ...

    async def delete(self, key: str) -> None:
        """Remove the file; a key with no file is not an error."""

    def url(self, key: str) -> str: ...

    def close(self) -> None: ...


class LocalStorage:
    def __init__(self, root: Path | str, public_url: str) -> None:
        self.root = Path(root).resolve()
        self.public_url = public_url.rstrip("/")

    def _path(self, key: str) -> Path:
        return self.root / check_key(key)

    def url(self, key: str) -> str:
        return f"{self.public_url}/{check_key(key)}"

    async def put(self, key: str, data: bytes, content_type: str) -> str:
        """Written to a temporary file and renamed, so a reader never sees half a file."""
        target = self._path(key)

        def write() -> None:
            target.parent.mkdir(parents=True, exist_ok=True)
            tmp = target.with_name(f".{target.name}.tmp")
            tmp.write_bytes(data)
            tmp.replace(target)

        await asyncio.to_thread(write)
        return self.url(key)

    async def get(self, key: str) -> bytes:
        try:
            return await asyncio.to_thread(self._path(key).read_bytes)
        except FileNotFoundError:
            raise MissingFile(key) from None

    async def exists(self, key: str) -> bool:
        return await asyncio.to_thread(self._path(key).is_file)

    async def delete(self, key: str) -> None:
        await asyncio.to_thread(self._path(key).unlink, missing_ok=True)

    def close(self) -> None:
        pass


class S3Storage:
    def __init__(
        self,
        *,
        endpoint: str,
        bucket: str,
        access_key: str,
        secret_key: str,
        region: str = "",
        public_url: str = "",
        addressing_style: str = "path",
        timeout_s: float = 10.0,
    ) -> None:
        import boto3
        from botocore.config import Config

        self.bucket = bucket
        self.public_url = (public_url or f"{endpoint.rstrip('/')}/{bucket}").rstrip("/")
        self._client = boto3.session.Session().client(
            "s3",
            endpoint_url=endpoint,
            region_name=region or "us-east-1",
            aws_access_key_id=access_key,
            aws_secret_access_key=secret_key,
            config=Config(
                s3={"addressing_style": addressing_style},
                connect_timeout=timeout_s,
                read_timeout=timeout_s,
                retries={"max_attempts": 3, "mode": "standard"},
                signature_version="s3v4",
                max_pool_connections=20,
            ),
        )

    def url(self, key: str) -> str:
        return f"{self.public_url}/{check_key(key)}"

    async def put(self, key: str, data: bytes, content_type: str) -> str:
        await asyncio.to_thread(
            self._client.put_object,
            Bucket=self.bucket,
            Key=check_key(key),
            Body=data,
            ContentType=content_type,
            CacheControl=CACHE_CONTROL,
        )
        return self.url(key)

    async def get(self, key: str) -> bytes:
        def read() -> bytes:
            try:
                return self._client.get_object(Bucket=self.bucket, Key=check_key(key))["Body"].read()
            except self._client.exceptions.NoSuchKey:
                raise MissingFile(key) from None

        return await asyncio.to_thread(read)

    async def exists(self, key: str) -> bool:
        from botocore.exceptions import ClientError

        def head() -> bool:
            try:
                self._client.head_object(Bucket=self.bucket, Key=check_key(key))
            except ClientError as exc:
                if exc.response.get("Error", {}).get("Code") in ("404", "NoSuchKey", "NotFound"):
                    return False
                raise
            return True

        return await asyncio.to_thread(head)

    async def delete(self, key: str) -> None:
        await asyncio.to_thread(self._client.delete_object, Bucket=self.bucket, Key=check_key(key))

    def close(self) -> None:
        self._client.close()


def from_settings(settings: Settings) -> Storage:
    """The storage ``media.storage`` names (checked at start-up by core.config)."""
    config = settings.media
    if config.storage == "s3":
        s3 = config.s3
        return S3Storage(
            endpoint=s3.endpoint,
            bucket=s3.bucket,
            access_key=s3.access_key,
            secret_key=s3.secret_key,
            region=s3.region,
            public_url=config.public_url,
            addressing_style=s3.addressing_style,
        )
    return LocalStorage(settings.media_dir, config.public_url or settings.public_base_url.rstrip("/") + URL_PREFIX)
