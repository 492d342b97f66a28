"""The one place that reads configuration: config.yaml, then environment overrides.

Every key of config.yaml may be overridden by an environment variable of the
same name in upper case (nested keys joined by ``__``, e.g.
``MATCHING__WEIGHTS__AREA``). Each nested section is a frozen dataclass below,
whose field defaults are the only defaults in the code. Values are validated
once at start-up; a bad, missing or unknown key raises ConfigError naming it,
which the CLI prints as one line.
"""

from __future__ import annotations

import base64
import binascii
import os
import typing
from dataclasses import dataclass, field, fields, is_dataclass
from datetime import time
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any, TypeVar
from urllib.parse import urlparse

import yaml

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CONFIG_FILE = ROOT / "config.yaml"

# Values shipped in config.yaml for `make run`; refused outside dev.
PLACEHOLDER_PREFIX = "dev-only-"
AT_LEAST_ONE = {"min": 1}


class ConfigError(Exception):
    """A configuration value is missing or malformed; the message names the key."""


@dataclass(frozen=True)
class MatchingWeights:
    """Relative weight of each dimension in a listing's soft score."""

    area: float = 3
    region: float = 2
    price: float = 3
    ceiling_height: float = 2
    floor_load: float = 1
    power: float = 1
    features: float = 2

    def of(self, dimension: str) -> float:
        return float(getattr(self, dimension))


@dataclass(frozen=True)
class StageProbability:
    """Deal probability (percent) a client gets on entering each stage."""

    intent: int = 10
    viewing: int = 30
    negotiating: int = 60
    won: int = 100
    lost: int = 0

    def __post_init__(self) -> None:
        for f in fields(self):
            if getattr(self, f.name) > 100:
                raise ConfigError(f"{f.name} is a percentage, at most 100")

    def of(self, stage: str) -> int:
        return int(getattr(self, stage))


@dataclass(frozen=True)
class MatchingConfig:
    weights: MatchingWeights = field(default_factory=MatchingWeights)
    area_tolerance: float = 0.15
    """A listing within ±15% of the area range still matches."""
    price_tolerance: float = 0.15
    """Rent or sale price up to 15% over budget still matches (scored down)."""
    page_size: int = field(default=5, metadata=AT_LEAST_ONE)
    stage_probability: StageProbability = field(default_factory=StageProbability)


@dataclass(frozen=True)
class ReferralConfig:
    first_touch_window_days: float = 30
    """A later referrer cannot take a user within this window."""
    campaign_qr_expire_s: int = field(default=2_592_000, metadata=AT_LEAST_ONE)
    miniapp_page: str = "pages/index/index"
    follows_batch: int = field(default=500, metadata={"min": 1, "max": 5000})
    """Follows, unfollows and scans written per transaction (services/follows.py)."""
    follows_interval_s: float = 0.1


@dataclass(frozen=True)
class RemindersConfig:
    digest_time: time = time(8, 30)
    escalate_after_h: float = 24
    scan_interval_s: int = field(default=5, metadata={"min": 1, "max": 60})
    batch_size: int = field(default=200, metadata=AT_LEAST_ONE)
    max_attempts: int = field(default=5, metadata=AT_LEAST_ONE)
    quota_pause_s: float = 3600
    miniapp_client_page: str = "pages/client/detail"
    rate_pause_s: float = 60
    retry_base_s: float = 30
    lease_s: float = 120
    send_concurrency: int = field(default=32, metadata=AT_LEAST_ONE)
    poll_interval_s: float = 1
    due_lookback_h: float = 72
    first_followup_min: int = field(default=60, metadata=AT_LEAST_ONE)
    """A new lead is due for its first follow-up this many business minutes after it came in."""
    business_opens: time = time(9, 0)
    business_closes: time = time(18, 0)
    """The salespeople's working hours (business time zone, every day): first follow-ups fall inside them."""


@dataclass(frozen=True)
class InboundConfig:
    """Official-account messages whose reply missed ``reply_deadline_s`` (bot/inbound.py)."""

    lease_s: float = field(default=120, metadata=AT_LEAST_ONE)
    drain_s: float = 20
    resume_interval_s: float = field(default=30, metadata={"min": 0.1})
    retry_s: float = 30
    max_attempts: int = field(default=5, metadata=AT_LEAST_ONE)


@dataclass(frozen=True)
class TemplateConfig:
    """A WeChat template: its id and which template key shows which of our fields."""

    template_id: str = ""
    fields: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class RateLimitsConfig:
    """Requests per minute for the mini-program API."""

    per_openid_per_min: int = field(default=120, metadata=AT_LEAST_ONE)
    per_ip_per_min: int = field(default=600, metadata=AT_LEAST_ONE)
    login_per_ip_per_min: int = field(default=30, metadata=AT_LEAST_ONE)


@dataclass(frozen=True)
class MiniappConfig:
    token_ttl_s: int = field(default=604_800, metadata=AT_LEAST_ONE)
    viewing_minutes: int = field(default=60, metadata=AT_LEAST_ONE)
    viewing_horizon_days: int = field(default=90, metadata=AT_LEAST_ONE)
    max_open_viewings: int = field(default=3, metadata=AT_LEAST_ONE)
    """Booked viewings not yet ended that one mini-program user may hold."""
    viewing_opens: time = time(9, 0)
    viewing_closes: time = time(18, 0)
    """Viewings are booked inside these hours of the business time zone, any day."""


@dataclass(frozen=True)
class H5Config:
    """The H5 pages clients open and forward in WeChat, and their tracking."""

    oauth_base: str = "https://open.weixin.qq.com/connect/oauth2/authorize"
    """Silent OAuth (snsapi_base) inside WeChat; the domain must be the account's 网页授权域名."""
    page_cache_s: float = 10
    """A listing's page content is rebuilt at most this often per process."""
    beacons_per_ip_per_min: int = field(default=600, metadata=AT_LEAST_ONE)
    consults_per_ip_per_min: int = field(default=5, metadata=AT_LEAST_ONE)
    dwell_cap_s: int = field(default=1800, metadata=AT_LEAST_ONE)
    """One page view counts at most this much reading time."""
    ingest_batch: int = field(default=1000, metadata=AT_LEAST_ONE)
    ingest_interval_s: float = 0.2
    miniapp_username: str = ""
    """The mini-program's original id (gh_...) for the "open in mini-program" button; empty: no button."""
    miniapp_listing_page: str = "pages/listing/detail"


@dataclass(frozen=True)
class S3Config:
    """Any S3-compatible store: Tencent COS, Alibaba OSS, MinIO, AWS."""

    endpoint: str = ""
    bucket: str = ""
    region: str = ""
    access_key: str = ""
    secret_key: str = field(default="", repr=False)
    addressing_style: str = "path"
    """``virtual`` (bucket.endpoint) for COS and OSS, ``path`` for MinIO."""


@dataclass(frozen=True)
class MediaConfig:
    """Listing media and generated images: where they are stored, upload limits and sizes, chat and posters."""

    storage: str = "local"
    """``local`` (files under ``media_dir``) or ``s3``."""
    public_url: str = ""
    """Where clients fetch files (a CDN); empty = ``public_base_url``/media, or endpoint/bucket."""
    s3: S3Config = field(default_factory=S3Config)
    max_image_bytes: int = field(default=20 * 1024 * 1024, metadata=AT_LEAST_ONE)
    max_image_pixels: int = field(default=60_000_000, metadata=AT_LEAST_ONE)
    max_video_bytes: int = field(default=200 * 1024 * 1024, metadata=AT_LEAST_ONE)
    web_size: int = field(default=1600, metadata={"min": 200, "max": 8000})
    panorama_web_size: int = field(default=6000, metadata={"min": 1000, "max": 16000})
    thumb_size: int = field(default=400, metadata={"min": 50, "max": 2000})
    jpeg_quality: int = field(default=82, metadata={"min": 30, "max": 95})
    ffmpeg: str = "ffmpeg"
    """Takes a video's poster frame when installed; without it videos are stored as sent."""
    chat_listing_ttl_s: int = field(default=1800, metadata=AT_LEAST_ONE)
    """Photos sent in chat attach to the listing last named (A12) for this long."""
    poster_brand: str = ""


@dataclass(frozen=True)
class CommissionConfig:
    """Referrers' commissions (services.commissions); the rules themselves are versioned rows in the database."""

    earner_roles: list[str] = field(default_factory=lambda: ["partner"])
    """Referrer roles paid through this system (add sales to pay staff referrers)."""
    release_after_days: float = 7
    """Frozen until lease start + rent-free months + this many days."""
    reward_release_days: float = 7
    clawback_days: float = 180
    level_window_days: float = field(default=365, metadata=AT_LEAST_ONE)
    default_rule: dict[str, Any] = field(default_factory=dict)
    """Version 1 of the rules, written to the database the first time one is needed (services.commissions)."""


@dataclass(frozen=True)
class WithdrawalsConfig:
    """Withdrawals of released commission (services.withdrawals, services.payouts); amounts in yuan."""

    min_yuan: Decimal = Decimal("10")
    max_per_request_yuan: Decimal = Decimal("20000")
    max_per_day_yuan: Decimal = Decimal("50000")
    fee_percent: Decimal = Decimal("0")
    fee_min_yuan: Decimal = Decimal("0")
    second_approval_above_yuan: Decimal = Decimal("5000")
    real_name_from_yuan: Decimal = Decimal("2000")
    """WeChat Pay requires the payee's real name from this amount."""
    confirm_expire_h: float = field(default=24, metadata=AT_LEAST_ONE)
    transfer_scene_id: str = "1005"
    transfer_remark: str = "佣金提现"
    reconcile_time: time = time(2, 30)

    def __post_init__(self) -> None:
        if self.min_yuan < Decimal("0.3"):
            raise ConfigError("min_yuan must be at least 0.3 (WeChat Pay's smallest transfer)")
        if self.fee_percent >= 100:
            raise ConfigError("fee_percent must be below 100")


@dataclass(frozen=True)
class WeChatPayConfig:
    """The WeChat Pay merchant for 商家转账 (API v3); empty mchid = not configured."""

    mchid: str = ""
    appid: str = ""
    serial_no: str = ""
    private_key: str = field(default="", repr=False)
    platform_public_key: str = ""
    platform_public_key_id: str = ""
    apiv3_key: str = field(default="", repr=False)
    api_base: str = "https://api.mch.weixin.qq.com/"
    notify_url: str = ""
    timeout_s: float = field(default=10, metadata=AT_LEAST_ONE)

    def __post_init__(self) -> None:
        if self.apiv3_key and len(self.apiv3_key.encode()) != 32:
            raise ConfigError("apiv3_key must be the 32-character APIv3 key")
        if urlparse(self.api_base).scheme not in ("http", "https") or not self.api_base.endswith("/"):
            raise ConfigError("api_base must be an http(s) URL ending with /")


@dataclass(frozen=True)
class BackupConfig:
    """Scheduled backups by the worker (``python -m app backup`` by hand)."""

    time: time = time(3, 30)
    """Daily, in the business time zone."""
    keep: int = 14
    """The newest this many backups stay in ``dir``; 0 = no scheduled backups."""
    dir: str = "data/backups"


@dataclass(frozen=True)
class BackofficeConfig:
    """The web back office (/bo): sign-in and sessions."""

    cookie_secure: str = "auto"
    """``auto`` (Secure when public_base_url is https), ``true`` or ``false`` (local http only)."""
    idle_timeout_s: int = field(default=7200, metadata={"min": 60})
    """A session unused this long ends."""
    max_age_s: int = field(default=43_200, metadata={"min": 60})
    """A session ends this long after sign-in, however busy."""
    login_ttl_s: int = field(default=300, metadata={"min": 30, "max": 3600})
    """How long a sign-in QR code and a one-time link stay valid."""

    def __post_init__(self) -> None:
        if self.cookie_secure not in ("auto", "true", "false"):
            raise ConfigError(f"cookie_secure must be auto, true or false, got {self.cookie_secure!r}")


Regions = dict[str, dict[str, list[str]]]
"""city > district > towns, names without 市/区/县/镇."""


@dataclass(frozen=True)
class Settings:
    env: str = "dev"
    database_url: str = "sqlite://data/scrm.sqlite3"
    redis_url: str = ""
    wechat_appid: str = ""
    wechat_secret: str = field(default="", repr=False)
    wechat_token: str = field(default="", repr=False)
    wechat_aes_key: str = field(default="", repr=False)
    wechat_allow_plain: bool = False
    wechat_api_base: str = "https://api.weixin.qq.com/"
    wechat_showqrcode_base: str = "https://mp.weixin.qq.com/cgi-bin/showqrcode"
    wechat_timeout_s: float = 5.0
    miniapp_appid: str = ""
    miniapp_secret: str = field(default="", repr=False)
    secret_key: str = field(default="", repr=False)
    pii_key: str = field(default="", repr=False)
    backup_key: str = field(default="", repr=False)
    metrics_token: str = field(default="", repr=False)
    """Bearer token of GET /metrics; empty: only direct connections from the same host."""
    public_base_url: str = "http://127.0.0.1:8000"
    timezone: str = "Asia/Shanghai"
    media_dir: str = "data/media"
    poster_font: str = ""
    log_level: str = "INFO"
    max_body_bytes: int = 65536
    signature_max_age_s: int = 300
    reply_deadline_s: float = 1.0
    proxies_count: int = 0
    real_ip_header: str = ""
    regions: Regions = field(default_factory=dict)
    matching: MatchingConfig = field(default_factory=MatchingConfig)
    referral: ReferralConfig = field(default_factory=ReferralConfig)
    reminders: RemindersConfig = field(default_factory=RemindersConfig)
    inbound: InboundConfig = field(default_factory=InboundConfig)
    templates: dict[str, TemplateConfig] = field(default_factory=dict)
    rate_limits: RateLimitsConfig = field(default_factory=RateLimitsConfig)
    miniapp: MiniappConfig = field(default_factory=MiniappConfig)
    h5: H5Config = field(default_factory=H5Config)
    media: MediaConfig = field(default_factory=MediaConfig)
    commission: CommissionConfig = field(default_factory=CommissionConfig)
    withdrawals: WithdrawalsConfig = field(default_factory=WithdrawalsConfig)
    wechatpay: WeChatPayConfig = field(default_factory=WeChatPayConfig)
    backup: BackupConfig = field(default_factory=BackupConfig)
    backoffice: BackofficeConfig = field(default_factory=BackofficeConfig)

    def __repr__(self) -> str:
        shown = []
        for f in fields(self):
            value = getattr(self, f.name)
            if f.name in SECRET_KEYS:
                shown.append(f"{f.name}={_secret_repr(value)}")
            elif f.name in ("database_url", "redis_url"):
                shown.append(f"{f.name}={_mask_url(value)!r}")
            elif not isinstance(value, dict) and not is_dataclass(value):
                shown.append(f"{f.name}={value!r}")
        return f"Settings({', '.join(shown)})"

    @property
    def embedded_redis(self) -> bool:
        return not self.redis_url

    @property
    def aes_mode(self) -> bool:
        return bool(self.wechat_aes_key)

    @property
    def pii_key_bytes(self) -> bytes:
        return base64.urlsafe_b64decode(self.pii_key)

    @property
    def secret_key_bytes(self) -> bytes:
        return base64.urlsafe_b64decode(self.secret_key)

    @property
    def secure_cookies(self) -> bool:
        if self.backoffice.cookie_secure == "auto":
            return self.public_base_url.startswith("https://")
        return self.backoffice.cookie_secure == "true"

    def template(self, name: str) -> TemplateConfig:
        return self.templates.get(name, TemplateConfig())


SECRET_KEYS = {
    "wechat_secret",
    "wechat_token",
    "wechat_aes_key",
    "miniapp_secret",
    "secret_key",
    "pii_key",
    "backup_key",
    "metrics_token",
}
"""Top-level secrets; nested ones (wechatpay.private_key, apiv3_key) are hidden by their section's repr."""


def _secret_repr(value: str) -> str:
    return "''" if not value else "'***'"


def _mask_url(url: str) -> str:
    parsed = urlparse(url)
    if parsed.password:
        return url.replace(f":{parsed.password}@", ":***@")
    return url


def load_settings(path: Path | str | None = None, environ: dict[str, str] | None = None) -> Settings:
    """Read config.yaml (or ``path``), apply environment overrides, validate."""
    environ = dict(os.environ if environ is None else environ)
    path = Path(environ.get("SCRM_CONFIG") or path or DEFAULT_CONFIG_FILE)
    raw = _read_yaml(path)
    for f in fields(Settings):
        _override(raw, f.name, environ)
    settings = _build(Settings, raw, ())
    _validate(settings)
    return settings


def _read_yaml(path: Path) -> dict[str, Any]:
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ConfigError(f"config file {path} not found") from None
    try:
        data = yaml.safe_load(text) or {}
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" at line {mark.line + 1}" if mark else ""
        raise ConfigError(f"config file {path} is not valid YAML{where}") from None
    if not isinstance(data, dict):
        raise ConfigError(f"config file {path} must be a mapping of keys to values")
    unknown = set(data) - {f.name for f in fields(Settings)}
    if unknown:
        raise ConfigError(f"unknown key {sorted(unknown)[0]!r} in {path}")
    return data


def _override(raw: dict[str, Any], name: str, environ: dict[str, str]) -> None:
    """Apply ``NAME`` to a top-level key and ``NAME__SUB__KEY`` to a nested one (text, typed later)."""
    env_name = name.upper()
    if env_name in environ:
        raw[name] = environ[env_name]
    prefix = env_name + "__"
    for key, text in environ.items():
        if key.startswith(prefix):
            parts = [name, *key[len(prefix) :].lower().split("__")]
            tree = raw
            for part in parts[:-1]:
                child = tree.get(part)
                tree[part] = child = dict(child) if isinstance(child, dict) else {}
                tree = child
            tree[parts[-1]] = text


T = TypeVar("T")


def _build(cls: type[T], raw: Any, path: tuple[str, ...]) -> T:
    """A section dataclass from a mapping: unknown keys refused, each value converted to its field's type."""
    if raw is None:
        raw = {}
    if not isinstance(raw, dict):
        raise ConfigError(f"{_name(path)} must be a mapping of keys to values")
    known = {f.name: f for f in fields(cls)}  # type: ignore[arg-type]
    unknown = sorted(str(key) for key in raw if key not in known)
    if unknown:
        raise ConfigError(f"unknown key {'.'.join((*path, unknown[0]))!r}; {_name(path)} has: {', '.join(known)}")
    hints = typing.get_type_hints(cls)
    values = {}
    for key, value in raw.items():
        values[key] = _convert(hints[key], value, (*path, key), known[key].metadata)
    try:
        return cls(**values)
    except ConfigError as exc:
        raise ConfigError(f"{_name(path)}: {exc}") from None


def _convert(kind: Any, value: Any, path: tuple[str, ...], limits: Any = None) -> Any:
    """``value`` (from YAML, or text from the environment) as ``kind``."""
    origin = typing.get_origin(kind)
    if kind is Any:  # free-form (a commission rule), checked where it is used
        return _parsed(value)
    if isinstance(kind, type) and is_dataclass(kind):
        return _build(kind, _parsed(value), path)
    if origin is dict:
        _, item_kind = typing.get_args(kind)
        value = _parsed(value)
        if value is None:
            return {}
        if not isinstance(value, dict):
            raise ConfigError(f"{_name(path)} must be a mapping")
        return {str(k): _convert(item_kind, v, (*path, str(k))) for k, v in value.items()}
    if origin is list:
        (item_kind,) = typing.get_args(kind)
        value = _parsed(value)
        if value is None:
            return []
        if not isinstance(value, list):
            raise ConfigError(f"{_name(path)} must be a list")
        return [_convert(item_kind, v, (*path, str(i))) for i, v in enumerate(value)]
    converted = _scalar(kind, value, path)
    if isinstance(converted, (int, float, Decimal)):
        if converted < (limits or {}).get("min", 0):
            raise ConfigError(f"{_name(path)} must be at least {(limits or {}).get('min', 0)}, got {value!r}")
        if "max" in (limits or {}) and converted > limits["max"]:
            raise ConfigError(f"{_name(path)} must be at most {limits['max']}, got {value!r}")
    return converted


def _parsed(value: Any) -> Any:
    """Environment text for a mapping or list is YAML (``REGIONS__苏州__昆山='[花桥, 陆家]'``)."""
    return yaml.safe_load(value) if isinstance(value, str) else value


def _scalar(kind: Any, value: Any, path: tuple[str, ...]) -> Any:
    try:
        if kind is bool:
            return _bool(value)
        if kind is str:
            if isinstance(value, (dict, list)):
                raise ValueError
            return "" if value is None else str(value)
        if isinstance(value, bool) or isinstance(value, (dict, list)) or value is None:
            raise ValueError
        if kind is int:
            if isinstance(value, float) and not value.is_integer():
                raise ValueError
            return int(value)
        if kind is float:
            return float(value)
        if kind is Decimal:
            amount = Decimal(str(value))
            if not amount.is_finite():
                raise ValueError
            return amount
        if kind is time:
            hour, minute = str(value).split(":")
            return time(int(hour), int(minute))
    except (TypeError, ValueError, InvalidOperation):
        what = {
            bool: "1 or 0",
            int: "an integer",
            float: "a number",
            Decimal: "an amount",
            str: "text",
            time: 'a time "HH:MM" (quoted in YAML)',
        }[kind]
        raise ConfigError(f"{_name(path)} must be {what}, got {value!r}") from None
    raise TypeError(f"no conversion to {kind!r}")


def _name(path: tuple[str, ...]) -> str:
    """The environment variable that sets this key: MATCHING__WEIGHTS__AREA."""
    return "__".join(path).upper() if path else "configuration"


def _bool(value: Any) -> bool:
    if isinstance(value, bool):
        return value
    text = str(value).strip().lower()
    if text in ("1", "true", "yes", "on"):
        return True
    if text in ("", "0", "false", "no", "off"):
        return False
    raise ValueError(value)


def _validate(s: Settings) -> None:
    if s.env not in ("dev", "test", "prod"):
        raise ConfigError(f"ENV must be dev, test or prod, got {s.env!r}")
    scheme = urlparse(s.database_url).scheme
    if scheme not in ("sqlite", "mysql"):
        raise ConfigError(f"DATABASE_URL must start with sqlite:// or mysql://, got {_mask_url(s.database_url)!r}")
    if s.redis_url and urlparse(s.redis_url).scheme not in ("redis", "rediss"):
        raise ConfigError("REDIS_URL must be empty (embedded) or start with redis://")
    if urlparse(s.wechat_api_base).scheme not in ("http", "https") or not s.wechat_api_base.endswith("/"):
        raise ConfigError("WECHAT_API_BASE must be an http(s) URL ending with /")
    for key in ("secret_key", "pii_key"):
        _check_key(key, getattr(s, key))
    if s.secret_key == s.pii_key:
        raise ConfigError(
            "SECRET_KEY and PII_KEY must be different keys; make a second one with `python -m app genkey`"
        )
    if s.backup_key:
        _check_key("backup_key", s.backup_key)
        if s.backup_key in (s.pii_key, s.secret_key):
            raise ConfigError("BACKUP_KEY must differ from PII_KEY and SECRET_KEY: a backup must not open with them")
    if s.wechat_aes_key:
        try:
            decoded = base64.b64decode(s.wechat_aes_key + "=", validate=True)
        except (binascii.Error, ValueError):
            decoded = b""
        if len(s.wechat_aes_key) != 43 or len(decoded) != 32:
            raise ConfigError("WECHAT_AES_KEY must be the 43-character EncodingAESKey, or empty for plain mode")
    if s.media.storage not in ("local", "s3"):
        raise ConfigError(f"MEDIA__STORAGE must be local or s3, got {s.media.storage!r}")
    if s.media.storage == "s3":
        for key in ("endpoint", "bucket", "access_key", "secret_key"):
            if not getattr(s.media.s3, key):
                raise ConfigError(f"MEDIA__STORAGE is s3 but MEDIA__S3__{key.upper()} is not set")
    if not s.wechat_token:
        raise ConfigError("WECHAT_TOKEN is required (the Token set in the official account's server settings)")
    if s.env == "prod":
        for key in sorted(SECRET_KEYS | {"wechat_appid"}):
            value = getattr(s, key)
            if isinstance(value, str) and value.startswith(PLACEHOLDER_PREFIX):
                raise ConfigError(f"{key.upper()} still has its dev placeholder; set a real value in prod")
        if s.embedded_redis or scheme == "sqlite":
            raise ConfigError("prod needs REDIS_URL and a mysql:// DATABASE_URL")
        if not s.wechat_aes_key and not s.wechat_allow_plain:
            raise ConfigError(
                "prod needs WECHAT_AES_KEY (safe mode: plain callbacks can be forged with a leaked "
                "callback URL); set WECHAT_ALLOW_PLAIN=1 to run in plain mode knowingly"
            )


def _check_key(name: str, value: str) -> None:
    try:
        raw = base64.urlsafe_b64decode(value)
    except (binascii.Error, ValueError):
        raw = b""
    if len(raw) != 32:
        raise ConfigError(
            f"{name.upper()} must be 32 random bytes in url-safe base64; make one with `python -m app genkey`"
        )
