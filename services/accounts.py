"""Staff accounts, their one-time bind codes, and the WeChat users behind them."""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone

from redis.asyncio import Redis
from tortoise.expressions import Q
from tortoise.transactions import in_transaction

from models import Account, AuditLog, Client, WechatUser
from models.enums import Role
from services import clients, permissions
from services.errors import (
    AccountNotFound,
    AdminsOnly,
    BindCodeInvalid,
    ClientsToReassign,
    InvalidField,
    InvalidRequest,
    NotYourStaff,
    TooManyBindAttempts,
)

BIND_CODE_TTL = timedelta(hours=24)
BIND_ATTEMPTS_PER_HOUR = 10
IDENTITY_TTL_S = 3600


def _now() -> datetime:
    return datetime.now(timezone.utc)


def _code_hash(code: str) -> str:
    return hashlib.sha256(f"scrm-bind:{code}".encode()).hexdigest()


async def create_staff(
    name: str, role: Role, *, phone: str | None = None, manager: Account | None = None, actor: Account | None = None
) -> tuple[Account, str]:
    """A new account and its bind code (6 digits, valid 24 h, usable once). ``actor`` (None from the CLI) is
    an admin, or a manager adding a salesperson to their own team."""
    if actor is not None:
        permissions.ensure_manager(actor, "manage_staff")
        if actor.role != Role.ADMIN and (role != Role.SALES or manager is None or manager.id != actor.id):
            raise AdminsOnly("create_staff")
    name = name.strip()
    if not name or len(name) > 64:
        raise InvalidField("name")
    async with in_transaction():
        account = await Account.create(name=name, role=role, phone=phone or None, manager=manager)
        code = await issue_bind_code(account)
        await AuditLog.create(
            actor=actor,
            action="account.create",
            entity="account",
            entity_id=account.id,
            after={"name": name, "role": role.value, "manager": manager.id if manager else None},
        )
    return account, code


async def issue_bind_code(account: Account) -> str:
    """A fresh code replacing any earlier one."""
    while True:
        code = f"{secrets.randbelow(1_000_000):06d}"
        if not await Account.filter(bind_code_hash=_code_hash(code)).exists():
            break
    account.bind_code_hash = _code_hash(code)
    account.bind_code_expires_at = _now() + BIND_CODE_TTL
    await account.save(update_fields=["bind_code_hash", "bind_code_expires_at"])
    return code


async def bind(redis: Redis, openid: str, code: str) -> Account:
    """Bind the WeChat user ``openid`` to the account whose code this is."""
    attempts_key = f"bind:attempts:{openid}"
    attempts = await redis.incr(attempts_key)
    if attempts == 1:
        await redis.expire(attempts_key, 3600)
    if attempts > BIND_ATTEMPTS_PER_HOUR:
        raise TooManyBindAttempts()
    async with in_transaction():
        account = await Account.filter(bind_code_hash=_code_hash(code), active=True).select_for_update().first()
        if account is None or account.bind_code_expires_at is None or account.bind_code_expires_at < _now():
            raise BindCodeInvalid()
        user, _ = await WechatUser.get_or_create(openid=openid)
        previous = await WechatUser.filter(account_id=account.id).exclude(id=user.id).first()
        if previous is not None:
            previous.account_id = None
            await previous.save(update_fields=["account_id", "updated_at"])
        user.account_id = account.id
        await user.save(update_fields=["account_id", "updated_at"])
        account.bind_code_hash = None
        account.bind_code_expires_at = None
        await account.save(update_fields=["bind_code_hash", "bind_code_expires_at"])
        await AuditLog.create(
            actor=account, action="account.bind", entity="account", entity_id=account.id, after={"wechat_user": user.id}
        )
    await redis.delete(attempts_key)
    await forget_identities(redis, openid, previous.openid if previous is not None else None)
    return account


@dataclass(frozen=True)
class Identity:
    """Who sent a message: their WeChat user, once bound their account, and whether they are a client."""

    user_id: int
    account_id: int | None
    is_client: bool | None = None
    """A live client is linked to the WeChat user (None: not known, ask the database). Only a "no" is worth
    trusting: it is dropped when a client is linked (``leads.create``, an undeleted client, a merge of WeChat
    users); a "yes" may be a client deleted since."""
    account: Account | None = None
    """The bound account while it is active, with ``CHAT_ACCOUNT_FIELDS`` only (what chat handlers and the
    services they call read of their actor); None when unbound or deactivated."""


CHAT_ACCOUNT_FIELDS = ("id", "name", "role", "manager_id", "active")
"""What the cached identity keeps of the bound account: no personal data, no bind code. Its entry is dropped
(``forget_identities``) by a bind, a deactivation and a role or team change, the only changes of these."""


def identity_key(openid: str) -> str:
    """``sender:`` since the entry says whether the sender is a client: a process of the version before (a
    rolling deploy) reads and writes its own ``ident:`` entries, which it could not parse otherwise."""
    return f"sender:{openid}"


def _previous_identity_key(openid: str) -> str:
    return f"ident:{openid}"


def _entry(user_id: int, account_id: int | None, is_client: bool, account: Account | None) -> str:
    """``user:account:client:role:manager:name``; role, manager and name empty when no active account (the
    version before reads the first three fields only; the MsgId claim, ``bot.dedupe``, reads ``user::`` as an
    unbound sender)."""
    head = f"{user_id}:{account_id or ''}:{'1' if is_client else '0'}"
    if account is None:
        return head + ":::"
    return f"{head}:{account.role.value}:{account.manager_id or ''}:{account.name}"


def _parse(entry: bytes) -> Identity | None:
    """The identity an entry holds; None when it names an account without its fields (written by the version
    before): the database then says."""
    fields = entry.decode().split(":", 5)
    user_id, account_id, is_client = (fields + ["", ""])[:3]
    account = None
    if account_id:
        if len(fields) < 6:
            return None
        role, manager_id, name = fields[3:]
        if role:  # as read from the database with these fields only (a partial model, like ``.only()``)
            account = Account._init_from_db(
                id=int(account_id),
                name=name,
                role=role,
                manager_id=int(manager_id) if manager_id else None,
                active=True,
            )
    return Identity(
        int(user_id), int(account_id) if account_id else None, is_client == "1" if is_client else None, account
    )


async def identify(redis: Redis, openid: str, cached: bytes | None = None) -> Identity:
    """The identity behind ``openid`` (the WeChat user is created on first contact).

    Cached in Redis: every chat message needs it, and the database lookups
    were half the endpoint's CPU for a visitor and a third for staff. ``cached``
    is the entry when the caller already read it. ``bind``, ``change_role``,
    ``deactivate`` and ``forget_identities`` drop entries that change.
    """
    if cached is None:
        cached = await redis.get(identity_key(openid))
    if cached is not None and (identity := _parse(cached)) is not None:
        return identity
    user, _ = await WechatUser.get_or_create(openid=openid)
    is_client = await Client.live().filter(wechat_user_id=user.id).exists()
    account = (
        await Account.filter(id=user.account_id, active=True).only(*CHAT_ACCOUNT_FIELDS).first()
        if user.account_id
        else None
    )
    await redis.set(identity_key(openid), _entry(user.id, user.account_id, is_client, account), ex=IDENTITY_TTL_S)
    return Identity(user.id, user.account_id, is_client, account)


async def forget_identities(redis: Redis, *openids: str | None) -> None:
    """Drop cached identities after their WeChat user, account link or client link changed (also the entries of
    the version before, so its processes see the change during a rolling deploy)."""
    keys = [key(openid) for openid in openids if openid for key in (identity_key, _previous_identity_key)]
    if keys:
        await redis.delete(*keys)


async def find_staff(name: str) -> Account:
    account = await Account.filter(name=name, active=True).first()
    if account is None:
        raise AccountNotFound(name)
    return account


# ---- managing staff (the back office) ---------------------------------------------------------------


async def list_staff(actor: Account) -> list[Account]:
    """The accounts ``actor`` manages: everyone (partners too) for admins, oneself and the team for managers."""
    permissions.ensure_manager(actor, "manage_staff")
    query = Account.all() if permissions.sees_all(actor) else Account.filter(Q(id=actor.id) | Q(manager_id=actor.id))
    return list(await query.order_by("-active", "role", "name").select_related("manager"))


async def get_managed(actor: Account, account_id: int) -> Account:
    """An account ``actor`` may manage (``NotYourStaff`` otherwise, ``AccountNotFound`` if there is none)."""
    permissions.ensure_manager(actor, "manage_staff")
    account = await Account.get_or_none(id=account_id).select_related("manager")
    if account is None:
        raise AccountNotFound(str(account_id))
    if not await permissions.manages(actor, account.id):
        raise NotYourStaff(account)
    return account


async def new_bind_code(*, actor: Account, account: Account) -> str:
    """A fresh bind code (a new phone, a lost one); the old binding stays until the code is used."""
    await get_managed(actor, account.id)
    code = await issue_bind_code(account)
    await AuditLog.create(actor=actor, action="account.bind_code", entity="account", entity_id=account.id)
    return code


async def change_role(
    *, actor: Account, account: Account, role: Role, manager: Account | None, redis: Redis
) -> Account:
    """Admins set a role and the manager whose team the account is in (in chat at once: the cached identity
    holding the role and team is dropped)."""
    if not permissions.sees_all(actor):
        raise AdminsOnly("change_role")
    if manager is not None and (manager.id == account.id or not manager.is_manager):
        raise InvalidRequest("a manager must be another manager or admin", {"manager": "invalid"})
    before = {"role": account.role.value, "manager": account.manager_id}
    async with in_transaction():
        account.role = role
        account.manager_id = manager.id if manager else None
        await account.save(update_fields=["role", "manager_id"])
        await AuditLog.create(
            actor=actor,
            action="account.role",
            entity="account",
            entity_id=account.id,
            before=before,
            after={"role": role.value, "manager": account.manager_id},
        )
    user = await WechatUser.filter(account_id=account.id).first()
    await forget_identities(redis, user.openid if user else None)
    return account


async def deactivate(*, actor: Account, account: Account, reassign_to: Account | None, redis: Redis) -> int:
    """Deactivate ``account`` (it can no longer chat, sign in or be given clients), its clients handed to
    ``reassign_to`` in the same transaction (``ClientsToReassign`` when it has clients and nobody is named);
    returns how many clients moved. The caller ends its back-office sessions (``staff_sessions.end_all``)."""
    await get_managed(actor, account.id)
    if account.id == actor.id:
        raise InvalidRequest("you cannot deactivate yourself", {"account": "self"})
    client_ids = [row["id"] for row in await Client.live().filter(owner_id=account.id).values("id")]
    if client_ids and reassign_to is None:
        raise ClientsToReassign(account, len(client_ids))
    async with in_transaction():
        moved = (
            await clients.reassign_many(actor=actor, client_ids=client_ids, to=reassign_to)
            if client_ids and reassign_to is not None
            else 0
        )
        account.active = False
        account.bind_code_hash = None
        account.bind_code_expires_at = None
        await account.save(update_fields=["active", "bind_code_hash", "bind_code_expires_at"])
        await AuditLog.create(
            actor=actor,
            action="account.deactivate",
            entity="account",
            entity_id=account.id,
            before={"active": True},
            after={"active": False, "clients_to": reassign_to.id if reassign_to else None, "clients": moved},
        )
    user = await WechatUser.filter(account_id=account.id).first()
    await forget_identities(redis, user.openid if user else None)
    return moved
