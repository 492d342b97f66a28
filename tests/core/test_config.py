"""Configuration: config.yaml, environment overrides, and one clear line for a bad value."""
import base64

import pytest

from core.config import ConfigError, load_settings

GOOD_KEY = base64.urlsafe_b64encode(b"k" * 32).decode()


def env(**overrides: str) -> dict[str, str]:
    return {"SECRET_KEY": GOOD_KEY, "PII_KEY": GOOD_KEY, **overrides}


def test_defaults_are_the_embedded_mode():
    settings = load_settings(environ=env())
    assert settings.database_url == "sqlite://data/scrm.sqlite3"
    assert settings.embedded_redis
    assert settings.wechat_api_base == "https://api.weixin.qq.com/"
    assert not settings.aes_mode


@pytest.mark.parametrize("name, value, attribute", [
    ("DATABASE_URL", "mysql://u:p@db:3306/scrm", "database_url"),
    ("REDIS_URL", "redis://cache:6379/0", "redis_url"),
    ("WECHAT_APPID", "wx123", "wechat_appid"),
    ("WECHAT_SECRET", "s3cret", "wechat_secret"),
    ("WECHAT_TOKEN", "tok", "wechat_token"),
    ("WECHAT_AES_KEY", "a" * 43, "wechat_aes_key"),
    ("WECHAT_API_BASE", "http://127.0.0.1:9999/", "wechat_api_base"),
    ("MINIAPP_APPID", "wxmini", "miniapp_appid"),
    ("MINIAPP_SECRET", "minisecret", "miniapp_secret"),
])
def test_each_documented_key_is_overridden_by_its_environment_variable(name, value, attribute):
    assert getattr(load_settings(environ=env(**{name: value})), attribute) == value


def test_nested_keys_are_overridden_with_double_underscores():
    settings = load_settings(environ=env(MATCHING__WEIGHTS__AREA="5"))
    assert settings.matching["weights"]["area"] == 5
    assert settings.matching["weights"]["region"] == 2


@pytest.mark.parametrize("name, value, named", [
    ("DATABASE_URL", "postgres://x/y", "DATABASE_URL"),
    ("REDIS_URL", "memcached://x", "REDIS_URL"),
    ("WECHAT_AES_KEY", "too-short", "WECHAT_AES_KEY"),
    ("WECHAT_API_BASE", "ftp://x/", "WECHAT_API_BASE"),
    ("WECHAT_TOKEN", "", "WECHAT_TOKEN"),
    ("SECRET_KEY", "not-base64-32-bytes", "SECRET_KEY"),
    ("PII_KEY", "", "PII_KEY"),
    ("WECHAT_TIMEOUT_S", "soon", "WECHAT_TIMEOUT_S"),
])
def test_a_malformed_value_names_its_key(name, value, named):
    with pytest.raises(ConfigError, match=named):
        load_settings(environ=env(**{name: value}))


def test_prod_refuses_the_dev_placeholders():
    with pytest.raises(ConfigError, match="placeholder"):
        load_settings(environ=env(ENV="prod", DATABASE_URL="mysql://u@h/db", REDIS_URL="redis://h"))


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
