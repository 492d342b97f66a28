"""Configuration: config.yaml, environment overrides, and one clear line for a bad value."""

import base64
import re
from datetime import time
from decimal import Decimal

import pytest

from core.config import ConfigError, load_settings

GOOD_KEY = base64.urlsafe_b64encode(b"k" * 32).decode()
OTHER_KEY = base64.urlsafe_b64encode(b"p" * 32).decode()


def env(**overrides: str) -> dict[str, str]:
    return {"SECRET_KEY": GOOD_KEY, "PII_KEY": OTHER_KEY, **overrides}


def test_defaults_are_the_embedded_mode():
    settings = load_settings(environ=env())
    assert settings.database_url == "sqlite://data/scrm.sqlite3"
    assert settings.embedded_redis
    assert settings.wechat_api_base == "https://api.weixin.qq.com/"
    assert not settings.aes_mode


@pytest.mark.parametrize(
    "name, value, attribute",
    [
        ("DATABASE_URL", "mysql://u:p@db:3306/scrm", "database_url"),
        ("REDIS_URL", "redis://cache:6379/0", "redis_url"),
        ("WECHAT_APPID", "wx123", "wechat_appid"),
        ("WECHAT_SECRET", "s3cret", "wechat_secret"),
        ("WECHAT_TOKEN", "tok", "wechat_token"),
        ("WECHAT_AES_KEY", "a" * 43, "wechat_aes_key"),
        ("WECHAT_API_BASE", "http://127.0.0.1:9999/", "wechat_api_base"),
        ("MINIAPP_APPID", "wxmini", "miniapp_appid"),
        ("MINIAPP_SECRET", "minisecret", "miniapp_secret"),
    ],
)
def test_each_documented_key_is_overridden_by_its_environment_variable(name, value, attribute):
    assert getattr(load_settings(environ=env(**{name: value})), attribute) == value


def test_nested_keys_are_overridden_with_double_underscores():
    settings = load_settings(environ=env(MATCHING__WEIGHTS__AREA="5", REMINDERS__DIGEST_TIME="07:15"))
    assert settings.matching.weights.area == 5
    assert settings.matching.weights.region == 2
    assert settings.reminders.digest_time == time(7, 15)


def test_nested_sections_are_typed():
    settings = load_settings(environ=env())
    assert settings.matching.area_tolerance == 0.15
    assert settings.withdrawals.min_yuan == Decimal("10") and settings.commission.earner_roles == ["partner"]
    assert settings.reminders.digest_time == time(8, 30)
    assert settings.rate_limits.login_per_ip_per_min == 30
    assert settings.template("notice").fields["thing1"] == "title"


def test_a_section_left_out_of_the_file_takes_its_defaults(tmp_path):
    path = tmp_path / "config.yaml"
    path.write_text("wechat_token: t\n")
    settings = load_settings(environ=env(SCRM_CONFIG=str(path)))
    assert settings.matching.weights.area == 3
    assert settings.miniapp.viewing_minutes == 60


@pytest.mark.parametrize(
    "name, value, named",
    [
        ("MATCHING__AREA_TOLERANCE", "wide", "MATCHING__AREA_TOLERANCE"),
        ("MATCHING__WEIGHTS__AREA", "-1", "MATCHING__WEIGHTS__AREA"),
        ("MATCHING__PAGE_SIZE", "0", "MATCHING__PAGE_SIZE"),
        ("MATCHING__STAGE_PROBABILITY__WON", "120", "MATCHING__STAGE_PROBABILITY"),
        ("REMINDERS__DIGEST_TIME", "noon", "REMINDERS__DIGEST_TIME"),
        ("REMINDERS__SCAN_INTERVAL_S", "90", "REMINDERS__SCAN_INTERVAL_S"),
        ("WITHDRAWALS__MIN_YUAN", "lots", "WITHDRAWALS__MIN_YUAN"),
        ("WITHDRAWALS__MIN_YUAN", "0.1", "WITHDRAWALS"),
        ("WECHATPAY__APIV3_KEY", "short", "WECHATPAY"),
        ("RATE_LIMITS__PER_IP_PER_MIN", "1.5", "RATE_LIMITS__PER_IP_PER_MIN"),
        ("REGIONS__苏州__昆山", "花桥", "REGIONS__苏州__昆山"),
    ],
)
def test_a_malformed_nested_value_names_its_key(name, value, named):
    with pytest.raises(ConfigError, match=named):
        load_settings(environ=env(**{name: value}))


@pytest.mark.parametrize(
    "text, named",
    [
        ("matching:\n  area_tolerence: 0.2\n", "'matching.area_tolerence'"),
        ("matching:\n  weights: {arae: 3}\n", "'matching.weights.arae'"),
        ("templates:\n  notice: {template: x}\n", "'templates.notice.template'"),
        ("rate_limits:\n  per_ip: 5\n", "'rate_limits.per_ip'"),
    ],
)
def test_an_unknown_nested_key_in_the_file_is_refused(tmp_path, text, named):
    path = tmp_path / "config.yaml"
    path.write_text("wechat_token: t\n" + text)
    with pytest.raises(ConfigError, match=re.escape(named)) as refused:
        load_settings(environ=env(SCRM_CONFIG=str(path)))
    assert "\n" not in str(refused.value)


def test_an_unknown_nested_key_in_the_environment_is_refused():
    with pytest.raises(ConfigError, match=re.escape("'reminders.digest_hour'")):
        load_settings(environ=env(REMINDERS__DIGEST_HOUR="8"))


def test_the_same_key_for_signing_and_for_personal_data_is_refused():
    with pytest.raises(ConfigError, match="SECRET_KEY and PII_KEY must be different"):
        load_settings(environ=env(PII_KEY=GOOD_KEY))


@pytest.mark.parametrize(
    "name, value, named",
    [
        ("DATABASE_URL", "postgres://x/y", "DATABASE_URL"),
        ("REDIS_URL", "memcached://x", "REDIS_URL"),
        ("WECHAT_AES_KEY", "too-short", "WECHAT_AES_KEY"),
        ("WECHAT_API_BASE", "ftp://x/", "WECHAT_API_BASE"),
        ("WECHAT_TOKEN", "", "WECHAT_TOKEN"),
        ("SECRET_KEY", "not-base64-32-bytes", "SECRET_KEY"),
        ("PII_KEY", "", "PII_KEY"),
        ("WECHAT_TIMEOUT_S", "soon", "WECHAT_TIMEOUT_S"),
    ],
)
def test_a_malformed_value_names_its_key(name, value, named):
    with pytest.raises(ConfigError, match=named):
        load_settings(environ=env(**{name: value}))


def test_prod_refuses_the_dev_placeholders():
    with pytest.raises(ConfigError, match="placeholder"):
        load_settings(environ=env(ENV="prod", DATABASE_URL="mysql://u@h/db", REDIS_URL="redis://h"))


PROD = dict(
    ENV="prod",
    DATABASE_URL="mysql://u@h/db",
    REDIS_URL="redis://h",
    WECHAT_APPID="wx1",
    WECHAT_SECRET="s",
    WECHAT_TOKEN="t",
    MINIAPP_SECRET="m",
    BACKUP_KEY="YmJiYmJiYmJiYmJiYmJiYmJiYmJiYmJiYmJiYmJiYmI=",
)


def test_prod_refuses_to_start_without_an_aes_key():
    with pytest.raises(ConfigError, match="WECHAT_AES_KEY"):
        load_settings(environ=env(**PROD))
    assert load_settings(environ=env(**PROD, WECHAT_AES_KEY="a" * 43)).aes_mode


def test_prod_runs_in_plain_mode_only_when_allowed_explicitly():
    settings = load_settings(environ=env(**PROD, WECHAT_ALLOW_PLAIN="1"))
    assert settings.wechat_allow_plain and not settings.aes_mode
    with pytest.raises(ConfigError, match="WECHAT_ALLOW_PLAIN"):
        load_settings(environ=env(**PROD, WECHAT_ALLOW_PLAIN="maybe"))


def test_secrets_never_appear_in_repr():
    settings = load_settings(environ=env(WECHAT_SECRET="topsecret", DATABASE_URL="mysql://u:dbpass@h:3306/d"))
    shown = repr(settings)
    assert "topsecret" not in shown and "dbpass" not in shown and GOOD_KEY not in shown


def test_a_broken_config_file_is_one_clear_error(tmp_path):
    path = tmp_path / "config.yaml"
    path.write_text("regions: [unclosed\n")
    with pytest.raises(ConfigError, match="not valid YAML"):
        load_settings(environ=env(SCRM_CONFIG=str(path)))


def test_an_unknown_key_in_the_file_is_refused(tmp_path):
    path = tmp_path / "config.yaml"
    path.write_text("wechat_tokn: x\n")
    with pytest.raises(ConfigError, match="wechat_tokn"):
        load_settings(environ=env(SCRM_CONFIG=str(path)))
