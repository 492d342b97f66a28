"""What deploy/ ships: the production settings and nginx in front of the app."""

import base64
import re
from pathlib import Path

from core.config import load_settings

DEPLOY = Path(__file__).resolve().parents[2] / "deploy"
KEYS = {
    "SECRET_KEY": base64.urlsafe_b64encode(b"s" * 32).decode(),
    "PII_KEY": base64.urlsafe_b64encode(b"p" * 32).decode(),
}


def production_environ() -> dict[str, str]:
    """deploy/scrm.env.example as systemd reads it."""
    lines = (DEPLOY / "scrm.env.example").read_text().splitlines()
    return dict(line.split("=", 1) for line in lines if line.strip() and not line.startswith("#"))


def test_the_app_trusts_exactly_the_nginx_in_front_of_it():
    environ = production_environ()
    assert environ["PROXIES_COUNT"] == "1"
    nginx = (DEPLOY / "nginx.conf").read_text()
    assert "proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;" in nginx
    assert environ["WEB_HOST"] == "127.0.0.1"
    assert "--host ${WEB_HOST}" in (DEPLOY / "scrm-web.service").read_text()


def test_proxy_settings_are_read_from_the_environment():
    settings = load_settings(environ={**KEYS, "PROXIES_COUNT": "1", "REAL_IP_HEADER": "X-Real-IP"})
    assert (settings.proxies_count, settings.real_ip_header) == (1, "X-Real-IP")


QUERY_VARIABLES = ("$request ", '$request"', "$request_uri", "$args", "$query_string", "$arg_", "$is_args")


def test_nginx_never_writes_a_wechat_query_string_to_its_logs():
    nginx = (DEPLOY / "nginx.conf").read_text()
    formats = {name: body for name, body in re.findall(r"log_format\s+(\w+)\s+(.*?);", nginx, re.S)}
    access_logs = re.findall(r"access_log\s+([^;]*);", nginx)
    assert access_logs, "without its own access_log the server logs nginx's default format, query included"
    for directive in access_logs:
        path, *name = directive.split()
        assert path == "off" or (name and name[0] in formats), f"access_log {directive} uses the default format"
    for name, body in formats.items():
        assert not any(variable in body for variable in QUERY_VARIABLES), f"log_format {name} logs query strings"
    wechat = nginx[nginx.index("location = /wechat") :]
    assert re.search(r"error_log\s+\S+\s+crit;", wechat[: wechat.index("}")]), "error lines quote the request"
