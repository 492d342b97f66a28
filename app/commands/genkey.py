"""``genkey``: a fresh random value for SECRET_KEY or PII_KEY."""

import base64
import os

from core.config import Settings


def register(sub) -> None:
    p = sub.add_parser("genkey", help="print a new random SECRET_KEY / PII_KEY value")
    p.set_defaults(func=run, no_settings=True)


def run(settings: Settings | None, args) -> int:
    print(
        "# 32 random bytes, url-safe base64; use it as SECRET_KEY or PII_KEY (keep PII_KEY forever: it decrypts stored phones)"
    )
    print(base64.urlsafe_b64encode(os.urandom(32)).decode())
    return 0
