"""What a running process holds open: database, Redis, WeChat clients, job queue.

The web app, the worker and the CLI all open the same ``Resources``; tests
open one against the fake WeChat server and share it with the app.
"""

from __future__ import annotations

from contextlib import asynccontextmanager
from dataclasses import dataclass

from arq.connections import ArqRedis
from redis.asyncio import Redis

from core import db, kv
from core.config import ConfigError, Settings
from media import storage
from models import pii
from services import listing_cache, pii_keys
from wechat import WeChatAPI
from wechatpay import WeChatPay


@dataclass
class Resources:
    settings: Settings
    redis: Redis
    queue: ArqRedis
    wechat: WeChatAPI
    """The official account's API (messages, QR codes, media, users)."""
    miniapp: WeChatAPI
    """The mini-program's API (login, mini-program codes)."""
    storage: storage.Storage
    """Where media files (gallery, QR codes, posters) are kept: a local directory or an S3 bucket."""
    wechatpay: WeChatPay
    """WeChat Pay (merchant transfers for withdrawals)."""

    @classmethod
    async def open(cls, settings: Settings, *, init_db: bool = True, check_pii_key: bool = True) -> Resources:
        """``check_pii_key``: refuse (ConfigError) when PII_KEY does not open the stored data."""
        pii.configure(settings.pii_key_bytes)
        if init_db:
            await db.init(settings)
            if check_pii_key:
                try:
                    await pii_keys.verify()
                except pii_keys.PiiKeyMismatch as exc:
                    await db.close()
                    raise ConfigError(str(exc)) from None
        redis = kv.connect(settings)
        listing_cache.use(redis)
        return cls(
            settings=settings,
            redis=redis,
            queue=ArqRedis(connection_pool=redis.connection_pool),
            wechat=WeChatAPI.from_settings(settings, redis=redis),
            miniapp=WeChatAPI.from_settings(settings, redis=redis, miniapp=True),
            storage=storage.from_settings(settings),
            wechatpay=WeChatPay.from_settings(settings),
        )

    async def close(self, *, close_db: bool = True) -> None:
        await self.wechat.close()
        await self.miniapp.close()
        self.storage.close()
        await self.wechatpay.close()
        listing_cache.stop_using(self.redis)
        await self.redis.aclose()
        if close_db:
            await db.close()


@asynccontextmanager
async def opened(settings: Settings, *, check_pii_key: bool = True):
    """``async with opened(settings) as resources``: open, and close whatever happens."""
    resources = await Resources.open(settings, check_pii_key=check_pii_key)
    try:
        yield resources
    finally:
        await resources.close()
