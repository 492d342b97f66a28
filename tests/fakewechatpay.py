"""A fake WeChat Pay API v3 server (merchant transfers) for tests and benchmarks.

A real HTTP server on 127.0.0.1 that checks every request's merchant
signature, keeps transfer bills and their states, signs its responses with its
platform key, and builds callbacks signed and encrypted as WeChat Pay sends
them::

    with FakeWeChatPay() as fake:               # fake.keys: merchant + platform keys, APIv3 key
        fake.fail("POST transfer-bills", status=500, code="SYSTEM_ERROR", times=1)
        fake.stall("POST transfer-bills", seconds=2, times=1)   # processes the request, answers too late
        notes = fake.confirm("W1")               # the user confirms: SUCCESS, returns the callbacks
        notes = fake.expire("W1")                # 24 h without confirmation: FAIL
        fake.duplicates = 2                      # every callback is produced twice
        fake.calls("POST transfer-bills")

A callback is ``(headers, body)``; tests post it to the app's notify URL.
Behaviour worth knowing:

- a request whose signature does not verify gets 401 ``SIGN_ERROR``;
- a repeated ``out_bill_no`` with the same amount and openid returns the
  existing bill (no second payment); with other values ``400 PARAM_ERROR``;
- ``transfer_amount`` below 30 fen, or 200,000 fen and more without a
  ``user_name`` that decrypts under the platform key, gets ``400 PARAM_ERROR``;
- a new bill waits in ``WAIT_USER_CONFIRM`` with a ``package_info``;
  ``cancel`` moves an unfinished bill to ``CANCELLED`` (and makes a callback).
"""

from __future__ import annotations

import base64
import json
import re
import secrets
import threading
import time
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import unquote, urlsplit

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa

from wechatpay import signing

BILLS = "/v3/fund-app/mch-transfer/transfer-bills"
_AUTH = re.compile(r'(\w+)="([^"]*)"')
_OUT_BILL_NO = re.compile(r"^[0-9A-Za-z]{5,32}$")
FINAL = {"SUCCESS", "FAIL", "CANCELLED"}


def _pem_private(key: rsa.RSAPrivateKey) -> str:
    return key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    ).decode()


def _pem_public(key: rsa.RSAPublicKey) -> str:
    return key.public_bytes(serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo).decode()


@dataclass
class Keys:
    """Both sides' keys: the merchant's (the app signs with it) and the platform's (the fake signs with it)."""

    merchant: rsa.RSAPrivateKey
    platform: rsa.RSAPrivateKey
    apiv3_key: str = "scrm-test-apiv3-key-32-bytes-ok!"
    mchid: str = "1900000001"
    serial_no: str = "MERCHANT-SERIAL-TEST"
    platform_key_id: str = "PUB_KEY_ID_0000000000000001"

    @classmethod
    def generate(cls) -> Keys:
        return cls(
            rsa.generate_private_key(public_exponent=65537, key_size=2048),
            rsa.generate_private_key(public_exponent=65537, key_size=2048),
        )

    def settings(self, api_base: str, notify_url: str) -> dict[str, str]:
        """The ``wechatpay`` config section for an app talking to this fake."""
        return {
            "mchid": self.mchid,
            "serial_no": self.serial_no,
            "private_key": _pem_private(self.merchant),
            "platform_public_key": _pem_public(self.platform.public_key()),
            "platform_public_key_id": self.platform_key_id,
            "apiv3_key": self.apiv3_key,
            "api_base": api_base,
            "notify_url": notify_url,
            "timeout_s": "1",
        }


@dataclass
class Call:
    method: str
    path: str
    json: Any
    status: int


@dataclass
class Bill:
    out_bill_no: str
    transfer_bill_no: str
    openid: str
    amount: int
    appid: str
    remark: str
    state: str = "WAIT_USER_CONFIRM"
    fail_reason: str | None = None
    created: float = field(default_factory=time.time)

    def view(self, mchid: str) -> dict[str, Any]:
        out = {
            "mch_id": mchid,
            "out_bill_no": self.out_bill_no,
            "transfer_bill_no": self.transfer_bill_no,
            "appid": self.appid,
            "state": self.state,
            "transfer_amount": self.amount,
            "openid": self.openid,
            "transfer_remark": self.remark,
            "create_time": _iso(self.created),
            "update_time": _iso(time.time()),
        }
        if self.fail_reason:
            out["fail_reason"] = self.fail_reason
        return out


def _iso(moment: float) -> str:
    return datetime.fromtimestamp(moment, timezone(timedelta(hours=8))).isoformat(timespec="seconds")


class FakeWeChatPay:
    def __init__(self, keys: Keys | None = None, port: int = 0) -> None:
        self.keys = keys or Keys.generate()
        self.bills: dict[str, Bill] = {}
        self.duplicates = 1
        self._calls: list[Call] = []
        self._rules: list[dict] = []
        self._lock = threading.Lock()
        self._server = ThreadingHTTPServer(("127.0.0.1", port), self._handler())
        self._server.daemon_threads = True
        self.url = f"http://127.0.0.1:{self._server.server_address[1]}/"

    def __enter__(self) -> FakeWeChatPay:
        threading.Thread(target=self._server.serve_forever, daemon=True).start()
        return self

    def __exit__(self, *exc) -> None:
        self._server.shutdown()
        self._server.server_close()

    # ---- control ----------------------------------------------------------------------------------

    def reset(self) -> None:
        with self._lock:
            self.bills.clear()
            self._calls.clear()
            self._rules.clear()
            self.duplicates = 1

    def calls(self, what: str | None = None) -> list[Call]:
        """Calls as "METHOD name", name being the last fixed part of the path: ``POST transfer-bills``,
        ``GET out-bill-no``, ``POST cancel``."""
        with self._lock:
            return [c for c in self._calls if what is None or _name(c.method, c.path) == what]

    def fail(self, what: str, *, status: int = 500, code: str = "SYSTEM_ERROR", times: int = 1) -> None:
        """The next ``times`` calls of ``what`` are answered with this error and not carried out."""
        with self._lock:
            self._rules.append({"what": what, "status": status, "code": code, "times": times})

    def stall(self, what: str, *, seconds: float, times: int = 1) -> None:
        """The next ``times`` calls of ``what`` are carried out, but answered only after ``seconds``."""
        with self._lock:
            self._rules.append({"what": what, "stall": seconds, "times": times})

    def confirm(self, out_bill_no: str) -> list[tuple[dict, str]]:
        """The user confirms receipt in WeChat: the bill succeeds; returns its callbacks."""
        return self._finish(out_bill_no, "SUCCESS")

    def expire(self, out_bill_no: str) -> list[tuple[dict, str]]:
        """24 hours pass without confirmation: the bill fails; returns its callbacks."""
        return self._finish(out_bill_no, "FAIL", "TRANSFER_CONFIRM_TIMEOUT")

    def _finish(self, out_bill_no: str, state: str, reason: str | None = None) -> list[tuple[dict, str]]:
        with self._lock:
            bill = self.bills[out_bill_no]
            if bill.state not in FINAL:
                bill.state, bill.fail_reason = state, reason
            return self.notifications(bill)

    def notifications(self, bill: Bill) -> list[tuple[dict, str]]:
        """The callback for the bill's current state, ``duplicates`` times (each freshly signed)."""
        out = []
        for _ in range(self.duplicates):
            resource = signing.encrypt_resource(
                self.keys.apiv3_key.encode(),
                bill.view(self.keys.mchid),
                nonce=secrets.token_hex(6),
                associated_data="mch_payment",
            )
            body = json.dumps(
                {
                    "id": secrets.token_hex(8),
                    "create_time": _iso(time.time()),
                    "resource_type": "encrypt-resource",
                    "event_type": "MCHTRANSFER.BILL.FINISHED",
                    "summary": "商家转账单据终态通知",
                    "resource": resource,
                },
                ensure_ascii=False,
            )
            out.append((self.signed_headers(body), body))
        return out

    def signed_headers(self, body: str, *, timestamp: int | None = None) -> dict[str, str]:
        timestamp_text, nonce = str(timestamp or int(time.time())), secrets.token_hex(16)
        return {
            "Wechatpay-Timestamp": timestamp_text,
            "Wechatpay-Nonce": nonce,
            "Wechatpay-Signature": signing.sign(
                self.keys.platform, signing.signature_message(timestamp_text, nonce, body)
            ),
            "Wechatpay-Serial": self.keys.platform_key_id,
            "Content-Type": "application/json",
        }

    # ---- server -----------------------------------------------------------------------------------

    def _rule_for(self, what: str) -> dict | None:
        with self._lock:
            for rule in self._rules:
                if rule["what"] == what and rule["times"] > 0:
                    rule["times"] -= 1
                    return rule
        return None

    def _verify(self, method: str, path: str, body: str, header: str) -> bool:
        if not header.startswith("WECHATPAY2-SHA256-RSA2048 "):
            return False
        parts = dict(_AUTH.findall(header))
        if parts.get("mchid") != self.keys.mchid or parts.get("serial_no") != self.keys.serial_no:
            return False
        if abs(time.time() - int(parts.get("timestamp") or 0)) > 300:
            return False
        message = signing.signature_message(method, path, parts.get("timestamp", ""), parts.get("nonce_str", ""), body)
        return signing.verify(self.keys.merchant.public_key(), message, parts.get("signature", ""))

    def handle(self, method: str, path: str, body: str, headers) -> tuple[int, dict | None, float]:
        """(status, answer, seconds to wait before answering)."""
        try:
            data = json.loads(body) if body else None
        except ValueError:
            return 400, {"code": "PARAM_ERROR", "message": "not JSON"}, 0
        if not self._verify(method, path, body, headers.get("Authorization", "")):
            return 401, {"code": "SIGN_ERROR", "message": "签名错误"}, 0
        rule = self._rule_for(_name(method, path))
        if rule is not None and "status" in rule:
            return rule["status"], {"code": rule["code"], "message": "injected"}, 0
        status, answer = self._carry_out(method, path, data, headers)
        return status, answer, rule["stall"] if rule is not None else 0

    def _carry_out(self, method: str, path: str, data: Any, headers) -> tuple[int, dict | None]:
        with self._lock:
            if method == "POST" and path == BILLS:
                return self._create(data, headers)
            match = re.fullmatch(BILLS + r"/out-bill-no/([^/]+)(/cancel)?", path)
            if match is None:
                return 404, {"code": "NOT_FOUND", "message": "no such API"}
            bill = self.bills.get(unquote(match.group(1)))
            if bill is None:
                return 404, {"code": "NOT_FOUND", "message": "记录不存在"}
            if match.group(2) and method == "POST":
                if bill.state in FINAL:
                    return 400, {"code": "INVALID_REQUEST", "message": "单据已终态"}
                bill.state = "CANCELLED"
                return 200, {
                    "out_bill_no": bill.out_bill_no,
                    "transfer_bill_no": bill.transfer_bill_no,
                    "state": "CANCELLED",
                    "update_time": _iso(time.time()),
                }
            return 200, bill.view(self.keys.mchid)

    def _create(self, data: dict, headers) -> tuple[int, dict]:
        required = (
            "appid",
            "out_bill_no",
            "transfer_scene_id",
            "openid",
            "transfer_amount",
            "transfer_remark",
            "transfer_scene_report_infos",
        )
        if not isinstance(data, dict) or any(data.get(k) in (None, "") for k in required):
            return 400, {"code": "PARAM_ERROR", "message": "缺少参数"}
        if not _OUT_BILL_NO.match(str(data["out_bill_no"])):
            return 400, {"code": "PARAM_ERROR", "message": "out_bill_no 格式错误"}
        amount = data["transfer_amount"]
        if not isinstance(amount, int) or amount < 30:
            return 400, {"code": "PARAM_ERROR", "message": "转账金额不能低于0.3元"}
        if amount >= 200_000:
            try:
                signing.decrypt_sensitive(self.keys.platform, data.get("user_name") or "")
            except ValueError:
                return 400, {"code": "PARAM_ERROR", "message": "2000元及以上需要收款用户姓名"}
            if headers.get("Wechatpay-Serial") != self.keys.platform_key_id:
                return 400, {"code": "PARAM_ERROR", "message": "Wechatpay-Serial 错误"}
        existing = self.bills.get(data["out_bill_no"])
        if existing is not None:
            if (existing.amount, existing.openid) != (amount, data["openid"]):
                return 400, {"code": "PARAM_ERROR", "message": "商户单号重复但参数不同"}
            bill = existing
        else:
            bill = Bill(
                data["out_bill_no"],
                f"1330000{secrets.randbelow(10**12):012d}",
                data["openid"],
                amount,
                data["appid"],
                data["transfer_remark"],
            )
            self.bills[bill.out_bill_no] = bill
        answer = {
            "out_bill_no": bill.out_bill_no,
            "transfer_bill_no": bill.transfer_bill_no,
            "create_time": _iso(bill.created),
            "state": bill.state,
        }
        if bill.state == "WAIT_USER_CONFIRM":
            answer["package_info"] = base64.b64encode(f"pkg:{bill.transfer_bill_no}".encode()).decode()
        return 200, answer

    def _handler(self):
        fake = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args) -> None:
                pass

            def _serve(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length).decode("utf-8") if length else ""
                path = urlsplit(self.path).path
                status, answer, stall = fake.handle(self.command, path, body, self.headers)
                with fake._lock:
                    fake._calls.append(
                        Call(self.command, path, json.loads(body) if status != 400 and body else None, status)
                    )
                time.sleep(stall)
                text = json.dumps(answer, ensure_ascii=False) if answer is not None else ""
                payload = text.encode("utf-8")
                self.send_response(status)
                for key, value in (
                    fake.signed_headers(text).items() if status < 300 else [("Content-Type", "application/json")]
                ):
                    self.send_header(key, value)
                self.send_header("Content-Length", str(len(payload)))
                self.end_headers()
                try:
                    self.wfile.write(payload)
                except (BrokenPipeError, ConnectionResetError):  # the client gave up (a stalled answer)
                    pass

            do_GET = do_POST = _serve

        return Handler


def _name(method: str, path: str) -> str:
    if path.endswith("/cancel"):
        return f"{method} cancel"
    if "/out-bill-no/" in path:
        return f"{method} out-bill-no"
    return f"{method} {path.rsplit('/', 1)[-1]}"
