"""A fake WeChat server API for tests and benchmarks.

A real HTTP server on 127.0.0.1 (threaded stdlib ``http.server``, keep-alive,
no per-request logging) that answers the endpoints ``wechat/`` calls, checks
access tokens like WeChat does, records every call and lets a test inject
errcodes, latency and token expiry::

    with FakeWeChat() as fake:
        api = WeChatAPI(appid="wxapp", secret="s", redis=redis, api_base=fake.url,
                        showqrcode_base=fake.showqrcode_base)
        fake.fail("cgi-bin/message/template/send", errcode=45009, times=2)
        fake.delay("cgi-bin/user/info", 0.5)
        fake.expire_tokens()              # next call gets 42001, the client refreshes
        fake.calls("cgi-bin/stable_token")

Standalone (benchmarks, multi-process tests)::

    python -m tests.fakewechat --port 8701      # prints http://127.0.0.1:8701/

and from any process: ``GET /_stats``, ``POST /_reset``, ``GET /_calls?path=``,
``POST /_fail`` (the arguments of ``fail`` as JSON), ``POST /_delay``
(``{"path", "seconds", "times"?}``), ``POST /_expire_tokens`` (``{"errcode"?}``);
``remote_stats(url)`` and ``remote_reset(url)`` wrap the first two.

Behaviour worth knowing:

- ``stable_token`` returns the same token while it is valid, a new one with
  ``force_refresh``, which invalidates the old one (40001); ``token`` issues a
  new one each call and the previous one expires 5 minutes later.
- ``message/template/send`` delivers a repeated ``(touser, client_msg_id)``
  once and answers the same msgid; ``/_stats`` counts it under ``duplicates``.
- ``sns/jscode2session``: code ``alice`` or ``alice:2`` -> openid ``o_alice``,
  unionid ``u_alice`` when ``with_unionid``; a code used twice -> 40163, a code
  starting with ``invalid`` -> 40029.
- ``ticket/getticket`` (``type=jsapi``) returns the same ticket for an appid
  until ``expire_tickets()``; ``fake.jsapi_tickets`` maps appid to it.
- ``sns/oauth2/access_token`` (H5 OAuth): code ``bob`` or ``bob:2`` -> openid
  ``o_bob``, scope ``snsapi_base``; used twice -> 40163, ``invalid...`` -> 40029.
- ``user/info`` answers ``subscribe=0`` for openids in ``fake.unsubscribed``.
- ``showqrcode`` serves a PNG for tickets issued by ``qrcode/create``, under
  ``cgi-bin/showqrcode`` and ``showqrcode_path``.
- ``media/get`` serves what ``fake.add_media(data, kind)`` holds (what a user's
  image or video message refers to): an image as its bytes, a video as
  ``{"video_url"}`` pointing at ``media-download/<media_id>``; an unknown or
  expired (``fake.expire_media(media_id)``) id answers 40007.
"""

from __future__ import annotations

import argparse
import base64
import hashlib
import itertools
import json
import re
import secrets
import signal
import socketserver
import struct
import sys
import threading
import time
import urllib.request
import zlib
from collections import Counter, defaultdict
from dataclasses import asdict, dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qsl, urlsplit

TOKEN_PATHS = frozenset({"cgi-bin/stable_token", "cgi-bin/token"})
NO_TOKEN_PATHS = TOKEN_PATHS | {"sns/jscode2session", "sns/oauth2/access_token"}
_WXA_SCENE = re.compile(r"[0-9A-Za-z!#$&'()*+,/:;=?@\-._~]{1,32}")
_DISPOSITION = re.compile(rb'(\w+)="([^"]*)"')


def _png(modules: int = 21, scale: int = 4) -> bytes:
    """A small, valid, QR-looking grey-scale PNG."""

    def dark(x: int, y: int) -> bool:
        for fx, fy in ((0, 0), (modules - 7, 0), (0, modules - 7)):
            if fx <= x < fx + 7 and fy <= y < fy + 7:
                dx, dy = x - fx, y - fy
                return dx in (0, 6) or dy in (0, 6) or (2 <= dx <= 4 and 2 <= dy <= 4)
        return (x * 7 + y * 13 + x * y) % 3 == 0

    rows = []
    for y in range(modules * scale):
        row = bytes(0 if dark(x // scale, y // scale) else 255 for x in range(modules * scale))
        rows.append(b"\x00" + row)

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    size = modules * scale
    header = struct.pack(">IIBBBBB", size, size, 8, 0, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(b"".join(rows)))
        + chunk(b"IEND", b"")
    )


QR_PNG = _png(21)
WXA_PNG = _png(25)


@dataclass
class Call:
    """One request the fake received (internal ``/_...`` paths are not recorded)."""

    method: str
    path: str  # without leading '/' or query, e.g. "cgi-bin/message/template/send"
    query: dict[str, str]
    json: Any  # the parsed JSON body, or None
    time: float  # time.time() on arrival
    files: dict[str, tuple[str, int]] = field(default_factory=dict)  # multipart: name -> (filename, size)
    errcode: int | None = None  # what the fake answered (0 for success, None for images)

    @property
    def access_token(self) -> str | None:
        return self.query.get("access_token")

    @property
    def openid(self) -> str | None:
        if isinstance(self.json, dict) and "touser" in self.json:
            return self.json["touser"]
        return self.query.get("openid")


@dataclass
class _Rule:
    path: str
    times: int | None  # None: until reset
    openid: str | None = None
    errcode: int = -1
    status: int = 200
    errmsg: str | None = None
    seconds: float = 0.0

    def matches(self, call: Call) -> bool:
        return (self.path == "*" or self.path == call.path) and (self.openid is None or self.openid == call.openid)


class _Reply(Exception):
    """Raised by endpoint code to answer an errcode."""

    def __init__(self, errcode: int, errmsg: str = "", status: int = 200) -> None:
        super().__init__(errcode, errmsg)
        self.errcode, self.errmsg, self.status = errcode, errmsg, status


def _normalise(path: str) -> str:
    return urlsplit(path).path.lstrip("/")


class FakeWeChat:
    def __init__(
        self,
        host: str = "127.0.0.1",
        port: int = 0,
        *,
        showqrcode_path: str = "cgi-bin/showqrcode",
        token_ttl: int = 7200,
    ) -> None:
        self.host, self.port = host, port
        self.showqrcode_path = _normalise(showqrcode_path)
        self.token_ttl = token_ttl
        self._lock = threading.Lock()
        self._server: ThreadingHTTPServer | None = None
        self._thread: threading.Thread | None = None
        self.reset()

    # ---- life cycle -------------------------------------------------------

    @property
    def url(self) -> str:
        """The API base, ending in '/': pass it as ``WECHAT_API_BASE``."""
        return f"http://{self.host}:{self.port}/"

    @property
    def showqrcode_base(self) -> str:
        """Pass it as ``WECHAT_SHOWQRCODE_BASE``."""
        return self.url + self.showqrcode_path

    def start(self) -> FakeWeChat:
        self._server = _Server((self.host, self.port), _Handler)
        self._server.fake = self
        self.port = self._server.server_address[1]
        self._thread = threading.Thread(
            target=self._server.serve_forever, kwargs={"poll_interval": 0.05}, name="fake-wechat", daemon=True
        )
        self._thread.start()
        return self

    def stop(self) -> None:
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
            self._thread.join(timeout=5)
            self._server = self._thread = None

    def __enter__(self) -> FakeWeChat:
        return self.start()

    def __exit__(self, *exc_info: object) -> None:
        self.stop()

    # ---- what tests use ---------------------------------------------------

    def reset(self) -> None:
        """Forget calls, tokens, rules, deliveries and settings (the port stays)."""
        with self._lock:
            self._calls: list[Call] = []
            self._counts: Counter[str] = Counter()
            self._errors: defaultdict[str, Counter[int]] = defaultdict(Counter)
            self._fail_rules: list[_Rule] = []
            self._delay_rules: list[_Rule] = []
            self._tokens: dict[str, list] = {}  # token -> [appid, expires_at, revoked_errcode]
            self._stable: dict[str, str] = {}  # appid -> current stable token
            self._plain: dict[str, str] = {}  # appid -> latest cgi-bin/token token
            self._tokens_issued = 0
            self._ids = itertools.count(1)
            self._msgids: dict[tuple[str, str], int] = {}  # (touser, client_msg_id) -> msgid
            self._templates: list[dict[str, Any]] = []  # delivered bodies, duplicates excluded
            self._duplicates = 0
            self._used_codes: set[str] = set()
            self.tickets: dict[str, dict[str, Any]] = {}  # ticket -> {"scene", "permanent", "expires_at"}
            self.media: dict[str, dict[str, Any]] = {}  # media_id -> {"type", "filename", "size"}
            self.message_media: dict[str, tuple[str, bytes]] = {}  # media_id -> (kind, data), for media/get
            self.unsubscribed: set[str] = set()
            self.with_unionid = False
            self.jsapi_tickets: dict[str, str] = {}  # appid -> current jsapi_ticket

    def calls(self, path: str | None = None) -> list[Call]:
        """Recorded calls, oldest first; only those to ``path`` if given."""
        with self._lock:
            if path is None:
                return list(self._calls)
            path = _normalise(path)
            return [c for c in self._calls if c.path == path]

    def fail(
        self,
        path: str,
        errcode: int = -1,
        *,
        times: int | None = 1,
        openid: str | None = None,
        status: int = 200,
        errmsg: str | None = None,
    ) -> None:
        """Answer the next ``times`` calls to ``path`` ("*" for any; only those
        for ``openid`` if given; ``times=None`` until reset) with ``errcode``,
        under HTTP ``status`` (e.g. 502 with any errcode)."""
        rule = _Rule(_normalise(path) if path != "*" else "*", times, openid, errcode, status, errmsg)
        with self._lock:
            self._fail_rules.append(rule)

    def delay(self, path: str, seconds: float, *, times: int | None = None, openid: str | None = None) -> None:
        """Sleep ``seconds`` before answering calls to ``path`` ("*" for any)."""
        rule = _Rule(_normalise(path) if path != "*" else "*", times, openid, seconds=seconds)
        with self._lock:
            self._delay_rules.append(rule)

    def expire_tokens(self, errcode: int = 42001) -> None:
        """Every token issued so far is refused from now on: expired (42001)
        or invalid (40001). ``stable_token`` then issues new ones."""
        with self._lock:
            now = time.time()
            for entry in self._tokens.values():
                if errcode == 42001:
                    entry[1] = min(entry[1], now)
                else:
                    entry[2] = errcode

    def expire_tickets(self) -> None:
        """The next ``getticket`` issues a new jsapi_ticket."""
        with self._lock:
            self.jsapi_tickets.clear()

    def add_media(self, data: bytes, kind: str = "image") -> str:
        """Media a user sent in a message (``kind`` image or video); returns its media_id for the message XML."""
        media_id = f"MSGMEDIA_{kind}_{secrets.token_hex(8)}"
        with self._lock:
            self.message_media[media_id] = (kind, data)
        return media_id

    def expire_media(self, media_id: str) -> None:
        """The 3 days are over: ``media/get`` answers 40007 for it from now on."""
        with self._lock:
            self.message_media.pop(media_id, None)

    def templates(self, openid: str | None = None) -> list[dict[str, Any]]:
        """Template messages delivered (each ``client_msg_id`` once), as sent."""
        with self._lock:
            return [t for t in self._templates if openid is None or t["touser"] == openid]

    def stats(self) -> dict[str, Any]:
        """What ``GET /_stats`` answers."""
        with self._lock:
            return {
                "calls": dict(self._counts),
                "errors": {path: {str(code): n for code, n in codes.items()} for path, codes in self._errors.items()},
                "total": sum(self._counts.values()),
                "tokens_issued": self._tokens_issued,
                "delivered": len(self._templates),
                "delivered_client_msg_ids": len(self._msgids),
                "duplicates": self._duplicates,
            }

    # ---- request handling -------------------------------------------------

    def _handle(self, method: str, target: str, headers, body: bytes) -> tuple[int, str, bytes]:
        parts = urlsplit(target)
        path = parts.path.lstrip("/")
        query = dict(parse_qsl(parts.query))
        if path.startswith("_"):
            return self._internal(method, path, query, body)
        payload, files = None, {}
        content_type = headers.get("Content-Type", "")
        if content_type.startswith("multipart/form-data"):
            files = _multipart(content_type, body)
        elif body:
            try:
                payload = json.loads(body)
            except ValueError:
                payload = None
        call = Call(method, path, query, payload, time.time(), {k: (v[0], len(v[1])) for k, v in files.items()})
        with self._lock:
            self._calls.append(call)
            self._counts[path] += 1
            delay = _take(self._delay_rules, call)
            rule = _take(self._fail_rules, call)
        if delay is not None:
            time.sleep(delay.seconds)
        try:
            if rule is not None:
                raise _Reply(rule.errcode, rule.errmsg or "injected by fake", rule.status)
            if path == self.showqrcode_path or path.endswith("showqrcode"):
                return self._showqrcode(call)
            if path.startswith("media-download/"):
                return self._media_download(path.removeprefix("media-download/"))
            handler = _ENDPOINTS.get(path)
            if handler is None:
                raise _Reply(40066, "invalid url", 404)
            if path not in NO_TOKEN_PATHS:
                self._check_token(call)
            result = handler(self, call, files)
        except _Reply as reply:
            call.errcode = reply.errcode
            if reply.errcode:
                with self._lock:
                    self._errors[path][reply.errcode] += 1
            return reply.status, "application/json", _json({"errcode": reply.errcode, "errmsg": reply.errmsg})
        if isinstance(result, bytes):
            return 200, "image/png", result
        call.errcode = result.get("errcode", 0)
        return 200, "application/json", _json(result)

    def _internal(self, method: str, path: str, query: dict[str, str], body: bytes) -> tuple[int, str, bytes]:
        args = json.loads(body) if body else {}
        if path == "_stats":
            return 200, "application/json", _json(self.stats())
        if path == "_calls":
            calls = [asdict(c) for c in self.calls(query.get("path"))]
            return 200, "application/json", _json(calls)
        if method != "POST":
            return 405, "application/json", _json({"errcode": -1, "errmsg": "POST only"})
        if path == "_reset":
            self.reset()
        elif path == "_fail":
            self.fail(**args)
        elif path == "_delay":
            self.delay(**args)
        elif path == "_expire_tokens":
            self.expire_tokens(**args)
        else:
            return 404, "application/json", _json({"errcode": 40066, "errmsg": "invalid url"})
        return 200, "application/json", _json({"errcode": 0, "errmsg": "ok"})

    def _check_token(self, call: Call) -> None:
        token = call.access_token
        if not token:
            raise _Reply(41001, "access_token missing")
        with self._lock:
            entry = self._tokens.get(token)
        if entry is None:
            raise _Reply(40001, "invalid credential, access_token is invalid or not latest")
        if entry[2]:
            raise _Reply(entry[2], "invalid credential, access_token is invalid or not latest")
        if entry[1] <= time.time():
            raise _Reply(42001, "access_token expired")

    def _issue(self, appid: str) -> tuple[str, int]:
        """Under the lock: a new token for ``appid``."""
        token = f"FAKE_{appid}_{secrets.token_urlsafe(24)}"
        self._tokens[token] = [appid, time.time() + self.token_ttl, 0]
        self._tokens_issued += 1
        return token, self.token_ttl

    def _valid(self, token: str | None) -> int:
        """Under the lock: the seconds ``token`` has left, 0 if refused."""
        entry = self._tokens.get(token) if token else None
        if entry is None or entry[2]:
            return 0
        return max(0, int(entry[1] - time.time()))

    # ---- endpoints ----------------------------------------------------------

    def _stable_token(self, call: Call, files) -> dict[str, Any]:
        body = call.json if isinstance(call.json, dict) else {}
        appid = _credentials(body.get("grant_type"), body.get("appid"), body.get("secret"))
        with self._lock:
            current = self._stable.get(appid)
            left = self._valid(current)
            if body.get("force_refresh") or not left:
                if current in self._tokens:
                    self._tokens[current][2] = 40001
                current, left = self._issue(appid)
                self._stable[appid] = current
        return {"access_token": current, "expires_in": left}

    def _token(self, call: Call, files) -> dict[str, Any]:
        q = call.query
        appid = _credentials(q.get("grant_type"), q.get("appid"), q.get("secret"))
        with self._lock:
            previous = self._tokens.get(self._plain.get(appid, ""))
            if previous is not None:
                previous[1] = min(previous[1], time.time() + 300)
            token, ttl = self._issue(appid)
            self._plain[appid] = token
        return {"access_token": token, "expires_in": ttl}

    def _qrcode_create(self, call: Call, files) -> dict[str, Any]:
        body = _body(call)
        action = body.get("action_name")
        scene = (body.get("action_info") or {}).get("scene") or {}
        if action in ("QR_STR_SCENE", "QR_LIMIT_STR_SCENE"):
            value = scene.get("scene_str")
            if not isinstance(value, str) or not 1 <= len(value) <= 64:
                raise _Reply(40169, "invalid length for scene_str")
        elif action in ("QR_SCENE", "QR_LIMIT_SCENE"):
            value = scene.get("scene_id")
            if not isinstance(value, int) or value < 1 or (action == "QR_LIMIT_SCENE" and value > 100_000):
                raise _Reply(40169, "invalid scene_id")
        else:
            raise _Reply(40009, "invalid action_name")
        permanent = "LIMIT" in action
        expire = None if permanent else int(body.get("expire_seconds") or 30)
        if expire is not None and not 60 <= expire <= 2_592_000:
            expire = min(max(expire, 60), 2_592_000)
        ticket = "gQ" + base64.b64encode(secrets.token_bytes(40)).decode()
        with self._lock:
            self.tickets[ticket] = {
                "scene": value,
                "permanent": permanent,
                "expires_at": None if permanent else time.time() + expire,
            }
        result = {"ticket": ticket, "url": f"http://weixin.qq.com/q/{secrets.token_hex(12)}"}
        if expire is not None:
            result["expire_seconds"] = expire
        return result

    def _showqrcode(self, call: Call) -> tuple[int, str, bytes]:
        with self._lock:
            ticket = self.tickets.get(call.query.get("ticket", ""))
        if ticket is None or (ticket["expires_at"] is not None and ticket["expires_at"] < time.time()):
            return 404, "text/plain", b"ticket not found"
        return 200, "image/png", QR_PNG

    def _template_send(self, call: Call, files) -> dict[str, Any]:
        body = _body(call)
        touser = body.get("touser")
        if not touser:
            raise _Reply(40003, "invalid openid")
        if not body.get("template_id"):
            raise _Reply(40037, "invalid template_id")
        data = body.get("data")
        if not isinstance(data, dict) or not all(isinstance(v, dict) and "value" in v for v in data.values()):
            raise _Reply(47001, "data format error")
        mp = body.get("miniprogram")
        if mp is not None and not (isinstance(mp, dict) and mp.get("appid")):
            raise _Reply(47001, "data format error: miniprogram.appid")
        key = body.get("client_msg_id")
        with self._lock:
            if key and (touser, key) in self._msgids:
                self._duplicates += 1
                return {"errcode": 0, "errmsg": "ok", "msgid": self._msgids[(touser, key)]}
            msgid = 2_000_000_000 + next(self._ids)
            if key:
                self._msgids[(touser, key)] = msgid
            self._templates.append(body)
        return {"errcode": 0, "errmsg": "ok", "msgid": msgid}

    def _custom_send(self, call: Call, files) -> dict[str, Any]:
        body = _body(call)
        if not body.get("touser"):
            raise _Reply(40003, "invalid openid")
        msgtype = body.get("msgtype")
        content = body.get(msgtype) if isinstance(msgtype, str) else None
        if not isinstance(content, dict):
            raise _Reply(40008, "invalid message type")
        if msgtype == "text" and not content.get("content"):
            raise _Reply(44003, "empty news data")
        if msgtype == "image" and not content.get("media_id"):
            raise _Reply(40007, "invalid media_id")
        return {"errcode": 0, "errmsg": "ok"}

    def _subscribe_send(self, call: Call, files) -> dict[str, Any]:
        body = _body(call)
        if not body.get("touser"):
            raise _Reply(40003, "invalid openid")
        if not body.get("template_id") or not isinstance(body.get("data"), dict):
            raise _Reply(47003, "argument invalid")
        return {"errcode": 0, "errmsg": "ok", "msgid": 3_000_000_000 + next(self._ids)}

    def _media_upload(self, call: Call, files) -> dict[str, Any]:
        kind = call.query.get("type")
        if kind not in ("image", "voice", "video", "thumb"):
            raise _Reply(40004, "invalid media type")
        if "media" not in files or not files["media"][1]:
            raise _Reply(41005, "media data missing")
        filename, data = files["media"]
        media_id = f"MEDIA_{kind}_{next(self._ids)}_{secrets.token_hex(8)}"
        with self._lock:
            self.media[media_id] = {"type": kind, "filename": filename, "size": len(data)}
        id_key = "thumb_media_id" if kind == "thumb" else "media_id"
        return {"type": kind, id_key: media_id, "created_at": int(time.time())}

    def _media_get(self, call: Call, files) -> dict[str, Any] | bytes:
        media_id = call.query.get("media_id", "")
        with self._lock:
            found = self.message_media.get(media_id)
        if found is None:
            raise _Reply(40007, "invalid media_id")
        kind, data = found
        if kind == "video":
            return {"video_url": f"{self.url}media-download/{media_id}"}
        return data

    def _media_download(self, media_id: str) -> tuple[int, str, bytes]:
        with self._lock:
            found = self.message_media.get(media_id)
        if found is None:
            return 404, "text/plain", b"not found"
        return 200, "video/mp4", found[1]

    def _jscode2session(self, call: Call, files) -> dict[str, Any]:
        q = call.query
        if not q.get("appid"):
            raise _Reply(41002, "appid missing")
        if not q.get("secret"):
            raise _Reply(41004, "appsecret missing")
        code = q.get("js_code", "")
        if not code:
            raise _Reply(41008, "missing code")
        if code.startswith("invalid"):
            raise _Reply(40029, "invalid code")
        with self._lock:
            if code in self._used_codes:
                raise _Reply(40163, "code been used")
            self._used_codes.add(code)
        user = code.split(":", 1)[0]
        key = base64.b64encode(hashlib.sha256(f"{q['appid']}:{code}".encode()).digest()[:16]).decode()
        result = {"openid": f"o_{user}", "session_key": key}
        if self.with_unionid:
            result["unionid"] = f"u_{user}"
        return result

    def _getticket(self, call: Call, files) -> dict[str, Any]:
        if call.query.get("type") != "jsapi":
            raise _Reply(40097, "invalid args")
        with self._lock:
            appid = self._tokens[call.access_token][0]
            ticket = self.jsapi_tickets.setdefault(appid, f"TICKET_{appid}_{secrets.token_urlsafe(24)}")
        return {"errcode": 0, "errmsg": "ok", "ticket": ticket, "expires_in": 7200}

    def _oauth2_access_token(self, call: Call, files) -> dict[str, Any]:
        q = call.query
        if not q.get("appid") or not q.get("secret"):
            raise _Reply(41002, "appid or secret missing")
        if q.get("grant_type") != "authorization_code":
            raise _Reply(40097, "invalid grant_type")
        code = q.get("code", "")
        if not code:
            raise _Reply(41008, "missing code")
        if code.startswith("invalid"):
            raise _Reply(40029, "invalid code")
        with self._lock:
            if code in self._used_codes:
                raise _Reply(40163, "code been used")
            self._used_codes.add(code)
        return {
            "access_token": f"SNS_{secrets.token_urlsafe(16)}",
            "expires_in": 7200,
            "refresh_token": secrets.token_urlsafe(16),
            "openid": f"o_{code.split(':', 1)[0]}",
            "scope": "snsapi_base",
            "is_snapshotuser": 0,
        }

    def _wxacode(self, call: Call, files) -> bytes:
        body = _body(call)
        if not isinstance(body.get("scene"), str) or not _WXA_SCENE.fullmatch(body["scene"]):
            raise _Reply(40169, "invalid length for scene, or the data is not json string")
        page = body.get("page")
        if page is not None and (not isinstance(page, str) or page.startswith("/")):
            raise _Reply(41030, "invalid page rule")
        if body.get("env_version", "release") not in ("release", "trial", "develop"):
            raise _Reply(40097, "invalid args")
        return WXA_PNG

    def _user_info(self, call: Call, files) -> dict[str, Any]:
        openid = call.query.get("openid")
        if not openid:
            raise _Reply(40003, "invalid openid")
        with self._lock:
            unsubscribed = openid in self.unsubscribed
        if unsubscribed:
            return {"subscribe": 0, "openid": openid}
        result = {
            "subscribe": 1,
            "openid": openid,
            "language": call.query.get("lang", "zh_CN"),
            "subscribe_time": 1_700_000_000,
            "remark": "",
            "groupid": 0,
            "tagid_list": [],
            "subscribe_scene": "ADD_SCENE_QR_CODE",
            "qr_scene": 0,
            "qr_scene_str": "",
        }
        if self.with_unionid:
            result["unionid"] = "u_" + openid.removeprefix("o_")
        return result


_ENDPOINTS = {
    "cgi-bin/stable_token": FakeWeChat._stable_token,
    "cgi-bin/token": FakeWeChat._token,
    "cgi-bin/qrcode/create": FakeWeChat._qrcode_create,
    "cgi-bin/message/template/send": FakeWeChat._template_send,
    "cgi-bin/message/custom/send": FakeWeChat._custom_send,
    "cgi-bin/message/subscribe/send": FakeWeChat._subscribe_send,
    "cgi-bin/media/upload": FakeWeChat._media_upload,
    "cgi-bin/media/get": FakeWeChat._media_get,
    "cgi-bin/user/info": FakeWeChat._user_info,
    "cgi-bin/ticket/getticket": FakeWeChat._getticket,
    "sns/jscode2session": FakeWeChat._jscode2session,
    "sns/oauth2/access_token": FakeWeChat._oauth2_access_token,
    "wxa/getwxacodeunlimit": FakeWeChat._wxacode,
}


def _take(rules: list[_Rule], call: Call) -> _Rule | None:
    """Under the lock: the first rule matching ``call``, counting down its times."""
    for i, rule in enumerate(rules):
        if rule.matches(call):
            if rule.times is not None:
                rule.times -= 1
                if rule.times <= 0:
                    del rules[i]
            return rule
    return None


def _credentials(grant_type: Any, appid: Any, secret: Any) -> str:
    if grant_type != "client_credential":
        raise _Reply(40002, "invalid grant_type")
    if not appid:
        raise _Reply(41002, "appid missing")
    if not secret:
        raise _Reply(41004, "appsecret missing")
    return appid


def _body(call: Call) -> dict[str, Any]:
    if not isinstance(call.json, dict):
        raise _Reply(47001, "data format error")
    return call.json


def _json(value: Any) -> bytes:
    return json.dumps(value, ensure_ascii=False).encode()


def _multipart(content_type: str, body: bytes) -> dict[str, tuple[str, bytes]]:
    """name -> (filename, bytes) of a multipart/form-data body."""
    match = re.search(r'boundary="?([^";]+)"?', content_type)
    if not match:
        return {}
    out = {}
    for part in body.split(b"--" + match.group(1).encode())[1:]:
        if part.startswith(b"--"):
            break
        head, _, data = part.partition(b"\r\n\r\n")
        params = dict(_DISPOSITION.findall(head))
        if b"name" in params:
            out[params[b"name"].decode()] = (params.get(b"filename", b"").decode(), data.removesuffix(b"\r\n"))
    return out


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    request_queue_size = 512
    fake: FakeWeChat

    def server_bind(self) -> None:
        # HTTPServer.server_bind does a reverse DNS lookup (getfqdn): skip it.
        socketserver.TCPServer.server_bind(self)
        self.server_name, self.server_port = self.server_address[:2]

    def handle_error(self, request, client_address) -> None:
        # A client that gave up (timeout) closes the socket under a delayed reply.
        if not isinstance(sys.exc_info()[1], (ConnectionError, TimeoutError)):
            super().handle_error(request, client_address)


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    disable_nagle_algorithm = True
    timeout = 30  # idle keep-alive connections end
    server: _Server

    def _serve(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length else b""
        try:
            status, content_type, payload = self.server.fake._handle(self.command, self.path, self.headers, body)
        except Exception as exc:  # a bug in the fake: say so instead of hanging up
            status, content_type, payload = 500, "text/plain", f"fake wechat error: {exc!r}".encode()
        reason = self.responses.get(status, ("",))[0]
        self.wfile.write(
            f"HTTP/1.1 {status} {reason}\r\nContent-Type: {content_type}\r\n"
            f"Content-Length: {len(payload)}\r\n\r\n".encode()
            + payload
        )

    do_GET = do_POST = _serve

    def log_message(self, format: str, *args: Any) -> None:
        pass


def remote_stats(url: str) -> dict[str, Any]:
    """``GET <url>_stats`` of a fake running in another process."""
    with urllib.request.urlopen(url.rstrip("/") + "/_stats", timeout=5) as response:
        return json.load(response)


def remote_reset(url: str) -> None:
    """``POST <url>_reset`` of a fake running in another process."""
    request = urllib.request.Request(url.rstrip("/") + "/_reset", data=b"", method="POST")
    with urllib.request.urlopen(request, timeout=5):
        pass


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="Fake WeChat server API for tests and benchmarks.")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=0, help="0 picks a free port")
    parser.add_argument("--showqrcode-path", default="cgi-bin/showqrcode")
    parser.add_argument("--token-ttl", type=int, default=7200)
    args = parser.parse_args(argv)
    fake = FakeWeChat(args.host, args.port, showqrcode_path=args.showqrcode_path, token_ttl=args.token_ttl)
    stopped = threading.Event()
    for sig in (signal.SIGINT, signal.SIGTERM):
        signal.signal(sig, lambda *_: stopped.set())
    fake.start()
    print(fake.url, flush=True)  # after the handlers: a caller may stop us as soon as it reads this
    stopped.wait()
    fake.stop()


if __name__ == "__main__":
    main()
