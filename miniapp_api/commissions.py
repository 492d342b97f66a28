"""GET /me/commissions, GET and POST /me/withdrawals: a referrer's money.

Amounts are yuan as decimal strings ("500.00"); the ledger is kept in fen.
A withdrawal waiting for the user's confirmation carries ``package_info`` for
``wx.requestMerchantTransfer`` (with ``mch_id`` and ``appid``).
"""

from __future__ import annotations

from sanic import Blueprint, Request
from sanic.response import HTTPResponse, json

from miniapp_api.schema import ERROR, ID, nullable, obj, operation, text
from miniapp_api.validation import validate_body
from models import Account, WechatUser
from services import commissions, withdrawals
from services.commissions import plain_yuan as yuan
from services.referrals import attribution

bp = Blueprint("mp_commissions")

MONEY = {"type": "string", "pattern": r"^-?\d+\.\d{2}$", "description": "yuan, two decimals"}
_STR = {"type": "string"}
_TIME = {"type": "string", "format": "date-time"}
_COUNT = {"type": "integer", "minimum": 0}
BALANCE = obj(
    {"available": MONEY, "frozen": MONEY, "withdrawing": MONEY, "withdrawn": MONEY, "fees": MONEY},
    ("available", "frozen", "withdrawing", "withdrawn", "fees"),
)
ENTRY = obj(
    {
        "id": ID,
        "at": _TIME,
        "kind": _STR,
        "bucket": _STR,
        "amount": MONEY,
        "label": _STR,
        "detail": _STR,
        "deal_id": nullable(ID),
        "client": nullable(_STR),
        "withdrawal": nullable(_STR),
    },
    ("id", "at", "kind", "bucket", "amount", "label", "detail", "deal_id", "client", "withdrawal"),
)
COMMISSIONS = obj(
    {
        "balance": BALANCE,
        "level": _STR,
        "level_name": _STR,
        "referred_clients": _COUNT,
        "deals": _COUNT,
        "entries": {"type": "array", "items": ENTRY},
    },
    ("balance", "level", "level_name", "referred_clients", "deals", "entries"),
)
WITHDRAWAL = obj(
    {
        "id": ID,
        "code": _STR,
        "amount": MONEY,
        "fee": MONEY,
        "method": _STR,
        "status": _STR,
        "reason": nullable(_STR),
        "created_at": _TIME,
        "package_info": nullable(_STR),
        "mch_id": nullable(_STR),
        "appid": nullable(_STR),
    },
    ("id", "code", "amount", "fee", "method", "status", "reason", "created_at", "package_info"),
)

operation(
    "get",
    "/me/commissions",
    "My commission balance (available, frozen, withdrawn), level and ledger",
    responses={200: COMMISSIONS},
)
operation(
    "get",
    "/me/withdrawals",
    "My withdrawals, newest first; one waiting for confirmation has package_info",
    responses={200: obj({"withdrawals": {"type": "array", "items": WITHDRAWAL}}, ("withdrawals",))},
)
REQUEST = operation(
    "post",
    "/me/withdrawals",
    "Ask to withdraw released commission; real_name is needed from 2,000 yuan",
    body=obj(
        {
            "amount": {
                "type": "string",
                "minLength": 1,
                "maxLength": 14,
                "pattern": r"^\d{1,9}(\.\d{1,2})?$",
                "description": "yuan, e.g. 500.00",
            },
            "real_name": text(32),
        },
        ("amount",),
    ),
    responses={201: WITHDRAWAL, 400: ERROR, 409: ERROR},
)


async def _account(request: Request) -> Account | None:
    """The account the user refers as, if they have one yet."""
    user = await WechatUser.get(id=request.ctx.user_id)
    return await _partner_account(request, user) if user.account_id else None


async def _partner_account(request: Request, user: WechatUser | None = None) -> Account:
    """The account the user refers as, made a partner account on their first withdrawal."""
    user = user or await WechatUser.get(id=request.ctx.user_id)
    return await attribution.miniapp_partner_account(request.app.ctx.resources.redis, user)


@bp.get("/me/commissions")
async def my_commissions(request: Request) -> HTTPResponse:
    view = await commissions.overview(await _account(request), settings=request.app.ctx.settings)
    return json(
        {
            "balance": {
                name: yuan(getattr(view.balance, name))
                for name in ("available", "frozen", "withdrawing", "withdrawn", "fees")
            },
            "level": view.level,
            "level_name": view.level_name,
            "referred_clients": view.referred_clients,
            "deals": view.deals,
            "entries": [_entry(e) for e in view.entries],
        }
    )


def _entry(entry) -> dict:
    earning = entry.earning if entry.earning_id else None
    return {
        "id": entry.id,
        "at": entry.created_at.isoformat(),
        "kind": entry.kind.value,
        "bucket": entry.bucket.value,
        "amount": yuan(entry.amount_fen),
        "label": commissions.ENTRY_LABELS[entry.kind.value],
        "detail": commissions.describe_entry(entry),
        "deal_id": earning.deal_id if earning else None,
        "client": earning.client.display_name if earning and earning.client else None,
        "withdrawal": f"W{entry.withdrawal_id}" if entry.withdrawal_id else None,
    }


def _withdrawal(request: Request, withdrawal) -> dict:
    confirming = withdrawal.status.value == "confirming" and withdrawal.package_info
    pay = request.app.ctx.resources.wechatpay
    return {
        "id": withdrawal.id,
        "code": withdrawal.code,
        "amount": yuan(withdrawal.amount_fen),
        "fee": yuan(withdrawal.fee_fen),
        "method": withdrawal.method.value,
        "status": withdrawal.status.value,
        "reason": withdrawal.reason,
        "created_at": withdrawal.created_at.isoformat(),
        "package_info": withdrawal.package_info if confirming else None,
        "mch_id": pay.mchid if confirming else None,
        "appid": pay.appid if confirming else None,
    }


@bp.get("/me/withdrawals")
async def my_withdrawals(request: Request) -> HTTPResponse:
    account = await _account(request)
    rows = await withdrawals.list_for(account) if account else []
    return json({"withdrawals": [_withdrawal(request, w) for w in rows]})


@bp.post("/me/withdrawals")
async def ask_withdrawal(request: Request) -> HTTPResponse:
    body = validate_body(REQUEST, request.json)
    account = await _partner_account(request)
    withdrawal = await withdrawals.request(
        account=account,
        amount_fen=commissions.to_fen(body["amount"]),
        settings=request.app.ctx.settings,
        real_name=body.get("real_name"),
    )
    return json(_withdrawal(request, withdrawal), status=201)
