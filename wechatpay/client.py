"""The async WeChat Pay API v3 client: merchant transfers (商家转账) and their callbacks.

``WeChatPay.request`` signs every request with the merchant key, verifies
every successful response with the platform public key, and turns failures
into typed errors: a refusal (4xx with a code) is ``WeChatPayError``, an
unknown outcome (timeout, connection error, 5xx, rate limit, a response that
does not verify) is ``WeChatPayTransientError``. Money calls are never retried
here: the caller queries by ``out_bill_no`` before trying again.
"""

from __future__ import annotations

import json
import logging
import secrets
import time
from functools import cached_property
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlsplit

import httpx
from cryptography.hazmat.primitives.asymmetric import rsa

from core.config import Settings

from . import signing
from .errors import InvalidNotification, NotConfigured, TransferNotFound, WeChatPayError, WeChatPayTransientError

log = logging.getLogger(__name__)

API_BASE = "https://api.mch.weixin.qq.com/"
TRANSFER_BILLS = "v3/fund-app/mch-transfer/transfer-bills"
NOTIFY_MAX_AGE_S = 300
TRANSIENT_CODES = {"SYSTEM_ERROR", "FREQUENCY_LIMITED", "FREQUENCY_LIMIT_EXCEED"}


def _read(value: str) -> bytes:
    """A PEM given inline or as a file path."""
    if value.lstrip().startswith("-----BEGIN"):
        return value.encode("ascii")
    return Path(value).read_bytes()


class WeChatPay:
    def __init__(
        self,
        *,
        mchid: str,
        appid: str,
        serial_no: str,
        private_key_pem: str,
        platform_public_key_pem: str,
        platform_public_key_id: str,
        apiv3_key: str,
        api_base: str = API_BASE,
        notify_url: str = "",
        timeout: float = 10.0,
        http: httpx.AsyncClient | None = None,
    ) -> None:
        self.mchid, self.appid, self.notify_url = mchid, appid, notify_url
        self.configured = bool(mchid and serial_no and private_key_pem and platform_public_key_pem and apiv3_key)
        self._serial_no = serial_no
        self._platform_key_id = platform_public_key_id
        self._private_pem, self._platform_pem = private_key_pem, platform_public_key_pem
        self._apiv3_key = apiv3_key.encode("utf-8")
        self._base = api_base if api_base.endswith("/") else api_base + "/"
        self._owns_http = http is None
        self._http = http or httpx.AsyncClient(timeout=httpx.Timeout(timeout))

    @classmethod
    def from_settings(cls, settings: Settings) -> WeChatPay:
        cfg = settings.wechatpay
        return cls(
            mchid=cfg.mchid,
            appid=cfg.appid or settings.miniapp_appid,
            serial_no=cfg.serial_no,
            private_key_pem=cfg.private_key,
            platform_public_key_pem=cfg.platform_public_key,
            platform_public_key_id=cfg.platform_public_key_id,
            apiv3_key=cfg.apiv3_key,
            api_base=cfg.api_base,
            notify_url=cfg.notify_url or settings.public_base_url.rstrip("/") + "/wechatpay/notify/transfer",
            timeout=cfg.timeout_s,
        )

    @cached_property
    def _private_key(self) -> rsa.RSAPrivateKey:
        return signing.load_private_key(_read(self._private_pem))

    @cached_property
    def _platform_key(self) -> rsa.RSAPublicKey:
        return signing.load_public_key(_read(self._platform_pem))

    async def close(self) -> None:
        if self._owns_http:
            await self._http.aclose()

    # ---- transport --------------------------------------------------------------------------------

    async def request(
        self, method: str, path: str, body: dict | None = None, *, sensitive: bool = False
    ) -> dict[str, Any]:
        if not self.configured:
            raise NotConfigured("NOT_CONFIGURED", "WeChat Pay merchant id and keys are not configured")
        url = self._base + path
        text = json.dumps(body, ensure_ascii=False, separators=(",", ":")) if body is not None else ""
        timestamp, nonce = str(int(time.time())), secrets.token_hex(16)
        headers = {
            "Accept": "application/json",
            "Content-Type": "application/json",
            "Authorization": signing.authorization(
                self._private_key,
                mchid=self.mchid,
                serial_no=self._serial_no,
                method=method,
                path=urlsplit(url).path + (f"?{urlsplit(url).query}" if urlsplit(url).query else ""),
                body=text,
                timestamp=timestamp,
                nonce=nonce,
            ),
        }
        if sensitive:
            headers["Wechatpay-Serial"] = self._platform_key_id
        try:
            response = await self._http.request(
                method, url, content=text.encode("utf-8") if text else None, headers=headers
            )
        except httpx.HTTPError as exc:
            raise WeChatPayTransientError("NETWORK", f"{type(exc).__name__} on {path}", status=0) from None
        return self._answer(path, response)

    def _answer(self, path: str, response: httpx.Response) -> dict[str, Any]:
        try:
            data = response.json() if response.content else {}
        except ValueError:
            data = {}
        if response.status_code >= 300:
            code, message = str(data.get("code") or f"HTTP_{response.status_code}"), str(data.get("message") or "")
            if response.status_code == 404 and code in ("NOT_FOUND", "RESOURCE_NOT_EXISTS"):
                raise TransferNotFound(code, message, status=404)
            if response.status_code >= 500 or response.status_code == 429 or code in TRANSIENT_CODES:
                raise WeChatPayTransientError(code, message, status=response.status_code)
            raise WeChatPayError(code, message, status=response.status_code)
        if not self.verified(response.headers, response.text):
            log.error("WeChat Pay response to %s failed signature verification", path)
            raise WeChatPayTransientError(
                "BAD_SIGNATURE", "the response signature does not verify", status=response.status_code
            )
        return data

    def verified(self, headers, body: str, *, max_age_s: int | None = None) -> bool:
        """Whether ``body`` carries a valid platform signature (and, with ``max_age_s``, a fresh timestamp)."""
        timestamp, nonce = headers.get("Wechatpay-Timestamp", ""), headers.get("Wechatpay-Nonce", "")
        signature, serial = headers.get("Wechatpay-Signature", ""), headers.get("Wechatpay-Serial", "")
        if not (timestamp and nonce and signature) or (self._platform_key_id and serial != self._platform_key_id):
            return False
        if max_age_s is not None:
            try:
                if abs(time.time() - int(timestamp)) > max_age_s:
                    return False
            except ValueError:
                return False
        return signing.verify(self._platform_key, signing.signature_message(timestamp, nonce, body), signature)

    # ---- merchant transfers -----------------------------------------------------------------------

    async def create_transfer(
        self,
        *,
        out_bill_no: str,
        openid: str,
        amount_fen: int,
        remark: str,
        scene_id: str,
        report_infos: list[dict[str, str]],
        user_name: str | None = None,
    ) -> dict[str, Any]:
        """POST transfer-bills: ``{out_bill_no, transfer_bill_no, create_time, state, package_info?}``.

        Repeating the same ``out_bill_no`` never pays twice: WeChat Pay answers with the existing bill.
        """
        body: dict[str, Any] = {
            "appid": self.appid,
            "out_bill_no": out_bill_no,
            "transfer_scene_id": scene_id,
            "openid": openid,
            "transfer_amount": amount_fen,
            "transfer_remark": remark[:32],
            "notify_url": self.notify_url,
            "user_recv_perception": "劳务报酬",
            "transfer_scene_report_infos": report_infos,
        }
        if user_name:
            body["user_name"] = signing.encrypt_sensitive(self._platform_key, user_name)
        return await self.request("POST", TRANSFER_BILLS, body, sensitive=bool(user_name))

    async def get_transfer(self, out_bill_no: str) -> dict[str, Any]:
        """The bill by our number; ``TransferNotFound`` if it was never created."""
        return await self.request("GET", f"{TRANSFER_BILLS}/out-bill-no/{quote(out_bill_no)}")

    async def cancel_transfer(self, out_bill_no: str) -> dict[str, Any]:
        """Cancel a bill not yet final (e.g. never confirmed): ``{state: CANCELING | CANCELLED, ...}``."""
        return await self.request("POST", f"{TRANSFER_BILLS}/out-bill-no/{quote(out_bill_no)}/cancel")

    def parse_notification(self, headers, body: str) -> dict[str, Any]:
        """The decrypted resource of a verified callback; ``InvalidNotification`` otherwise."""
        if not self.configured:
            raise InvalidNotification("WeChat Pay is not configured")
        if not self.verified(headers, body, max_age_s=NOTIFY_MAX_AGE_S):
            raise InvalidNotification("signature, key id or timestamp does not check out")
        try:
            envelope = json.loads(body)
            resource = envelope["resource"]
        except (ValueError, KeyError, TypeError):
            raise InvalidNotification("not a WeChat Pay notification") from None
        return {
            "event_type": envelope.get("event_type"),
            "id": envelope.get("id"),
            **signing.decrypt_resource(self._apiv3_key, resource),
        }
