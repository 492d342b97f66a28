"""The one place that reads configuration: config.yaml, then environment overrides.

Every key of config.yaml may be overridden by an environment variable of the
same name in upper case (nested keys joined by ``__``, e.g.
``MATCHING__WEIGHTS__AREA``). Values are validated once at start-up; a bad value
raises ConfigError naming the key, which the CLI prints as one line.
"""
from __future__ import annotations

import base64
import binascii
import os
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

import yaml

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CONFIG_FILE = ROOT / "config.yaml"

# Values shipped in config.yaml for `make run`; refused outside dev.
PLACEHOLDER_PREFIX = "dev-only-"


class ConfigError(Exception):
    """A configuration value is missing or malformed; the message names the key."""


def _secret_repr(value: str) -> str:
    return "''" if not value else "'***'"


@dataclass(frozen=True)
class TemplateConfig:
    """A WeChat template: its id and which template key shows which of our fields."""

    template_id: str = ""
    fields: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Settings:
    env: str = "dev"
    database_url: str = "sqlite://data/scrm.sqlite3"
    redis_url: str = ""
    wechat_appid: str = ""
    wechat_secret: str = field(default="", repr=False)
    wechat_token: str = field(default="", repr=False)
    wechat_aes_key: str = field(default="", repr=False)
    wechat_api_base: str = "https://api.weixin.qq.com/"
    wechat_showqrcode_base: str = "https://mp.weixin.qq.com/cgi-bin/showqrcode"
    wechat_timeout_s: float = 5.0
    miniapp_appid: str = ""
    miniapp_secret: str = field(default="", repr=False)
    secret_key: str = field(default="", repr=False)
    pii_key: str = field(default="", repr=False)
    public_base_url: str = "http://127.0.0.1:8000"
    timezone: str = "Asia/Shanghai"
    media_dir: str = "data/media"
    poster_font: str = ""
    log_level: str = "INFO"
    max_body_bytes: int = 65536
    signature_max_age_s: int = 300
    reply_deadline_s: float = 1.0
    regions: dict[str, Any] = field(default_factory=dict)
    matching: dict[str, Any] = field(default_factory=dict)
    referral: dict[str, Any] = field(default_factory=dict)
    reminders: dict[str, Any] = field(default_factory=dict)
    templates: dict[str, TemplateConfig] = field(default_factory=dict)
    rate_limits: dict[str, Any] = field(default_factory=dict)
    miniapp: dict[str, Any] = field(default_factory=dict)

    def __repr__(self) -> str:
        shown = []
        for f in fields(self):
            value = getattr(self, f.name)
            if f.name in SECRET_KEYS:
                shown.append(f"{f.name}={_secret_repr(value)}")
            elif f.name == "database_url" or f.name == "redis_url":
                shown.append(f"{f.name}={_mask_url(value)!r}")
            elif not isinstance(value, dict):
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

    def template(self, name: str) -> TemplateConfig:
        return self.templates.get(name, TemplateConfig())


SECRET_KEYS = {"wechat_secret", "wechat_token", "wechat_aes_key", "miniapp_secret", "secret_key", "pii_key"}


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
    values: dict[str, Any] = {}
    for f in fields(Settings):
        value = raw.get(f.name, f.default if not callable(f.default_factory) else f.default_factory())
        values[f.name] = _override(f.name, value, environ)
    values["templates"] = _templates(values["templates"])
    settings = Settings(**{k: _coerce(k, v) for k, v in values.items()})
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


def _override(name: str, value: Any, environ: dict[str, str]) -> Any:
    """Apply ``NAME`` for scalars and ``NAME__SUB__KEY`` for nested mappings."""
    env_name = name.upper()
    if isinstance(value, dict):
        value = dict(value)
        prefix = env_name + "__"
        for key, text in environ.items():
            if key.startswith(prefix):
                _set_path(value, key[len(prefix):].lower().split("__"), yaml.safe_load(text) if text else text)
        return value
    if env_name in environ:
        return environ[env_name]
    return value


def _set_path(tree: dict[str, Any], parts: list[str], value: Any) -> None:
    for part in parts[:-1]:
        child = tree.get(part)
        tree[part] = child = dict(child) if isinstance(child, dict) else {}
        tree = child
    tree[parts[-1]] = value


def _templates(raw: Any) -> dict[str, TemplateConfig]:
    if not isinstance(raw, dict):
        raise ConfigError("templates must be a mapping of name to {template_id, fields}")
    out = {}
    for name, spec in raw.items():
        if not isinstance(spec, dict) or not isinstance(spec.get("fields", {}), dict):
            raise ConfigError(f"templates.{name} must have template_id and a fields mapping")
        out[name] = TemplateConfig(str(spec.get("template_id") or ""), {str(k): str(v) for k, v in spec.get("fields", {}).items()})
    return out


def _coerce(name: str, value: Any) -> Any:
    default = next(f for f in fields(Settings) if f.name == name)
    kind = default.type
    if value is None:
        value = ""
    try:
        if kind == "int":
            return int(value)
        if kind == "float":
            return float(value)
        if kind == "str":
            if isinstance(value, (dict, list)):
                raise ValueError
            return str(value)
    except (TypeError, ValueError):
        raise ConfigError(f"{name.upper()} must be a {kind}, got {value!r}") from None
    if kind.startswith("dict") and not isinstance(value, dict):
        raise ConfigError(f"{name.upper()} must be a mapping")
    return value


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
    if s.wechat_aes_key:
        try:
            decoded = base64.b64decode(s.wechat_aes_key + "=", validate=True)
        except (binascii.Error, ValueError):
            decoded = b""
        if len(s.wechat_aes_key) != 43 or len(decoded) != 32:
            raise ConfigError("WECHAT_AES_KEY must be the 43-character EncodingAESKey, or empty for plain mode")
    if not s.wechat_token:
        raise ConfigError("WECHAT_TOKEN is required (the Token set in the official account's server settings)")
    if s.env == "prod":
        for key in SECRET_KEYS | {"wechat_appid"}:
            value = getattr(s, key)
            if isinstance(value, str) and value.startswith(PLACEHOLDER_PREFIX):
                raise ConfigError(f"{key.upper()} still has its dev placeholder; set a real value in prod")
        if s.embedded_redis or scheme == "sqlite":
            raise ConfigError("prod needs REDIS_URL and a mysql:// DATABASE_URL")


def _check_key(name: str, value: str) -> None:
    try:
        raw = base64.urlsafe_b64decode(value)
    except (binascii.Error, ValueError):
        raw = b""
    if len(raw) != 32:
        raise ConfigError(f"{name.upper()} must be 32 random bytes in url-safe base64; make one with `python -m app genkey`")
