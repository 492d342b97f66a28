"""``rotate-pii-key``: re-encrypt every stored phone, WeChat id, email and note under PII_KEY_NEW.

Stop the web processes and workers first (they would write under the old key meanwhile), run this, then
set PII_KEY to the new value and start again. Interrupted, it is simply run again: values already under the
new key are skipped. The command checks at the end that every value opens with the new key.
"""

import base64
import binascii
import os
import sys

from app.commands import command
from core.config import ConfigError
from models.pii import Keyring
from services import pii_keys


def register(sub) -> None:
    p = sub.add_parser("rotate-pii-key", help="re-encrypt personal data with the key in PII_KEY_NEW (resumable)")
    p.add_argument("--batch", type=int, default=pii_keys.BATCH, help="rows per transaction")
    p.set_defaults(func=run)


def run(settings, args) -> int:
    new_key = _new_key(os.environ.get("PII_KEY_NEW", ""))
    if new_key == settings.pii_key_bytes:
        raise ConfigError("PII_KEY_NEW is the same as PII_KEY; make a new one with `python -m app genkey`")
    if new_key == settings.secret_key_bytes:
        raise ConfigError("PII_KEY_NEW must differ from SECRET_KEY")
    args.new_keys = Keyring.from_secret(new_key)
    return command(_rotate, check_pii_key=False)(settings, args)


def _new_key(text: str) -> bytes:
    try:
        raw = base64.urlsafe_b64decode(text)
    except (binascii.Error, ValueError):
        raw = b""
    if len(raw) != 32:
        raise ConfigError("PII_KEY_NEW must be set to 32 random bytes in url-safe base64 (`python -m app genkey`)")
    return raw


async def _rotate(resources, args) -> int:
    old = Keyring.from_secret(resources.settings.pii_key_bytes)
    report = await pii_keys.rotate(
        old,
        args.new_keys,
        batch=args.batch,
        progress=lambda table, last_id: print(f"{table}: up to id {last_id}", file=sys.stderr),
    )
    checked = await pii_keys.verify_all(args.new_keys)
    print(
        f"rows: {report.rows}, values re-encrypted: {report.rotated}, already under the new key: {report.already}, "
        f"checked under the new key: {checked}"
    )
    print("done: now set PII_KEY to the value of PII_KEY_NEW and start the service")
    return 0
