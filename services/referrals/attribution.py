"""Scenes and attribution: who brought each WeChat user and each lead.

A ``ReferralScene`` string (at most 32 characters) serves both as an official
account QR ``scene_str`` and as a mini-program code ``scene``: ``s<id>`` for
staff, ``p<id>`` for partners, ``c<random>`` for campaigns.

First touch wins: the first scene a user arrives through keeps them for
``referral.first_touch_window_days``; later scans are recorded
(``attributed=False``) but do not take the user over. After the window the
next scan attributes afresh.
"""

from __future__ import annotations

import re
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone

from redis.asyncio import Redis
from tortoise.exceptions import IntegrityError
from tortoise.transactions import in_transaction

from core import kv
from core.config import Settings
from core.db import stored_time
from models import Account, Client, ReferralEvent, ReferralScene, WechatUser
from models.enums import EarningKind, ReferralEventKind, Role, SceneKind
from services import accounts, audit, commissions, notify, permissions
from services.notify import Notice

SCENE_TTL_S = 60
SCENE_PATTERN = re.compile(r"[0-9A-Za-z!#$&'()*+,/:;=?@\-._~]{1,32}")


def _now() -> datetime:
    return datetime.now(timezone.utc)


def _window(settings: Settings) -> timedelta:
    return timedelta(days=settings.referral.first_touch_window_days)


# ---- scenes ---------------------------------------------------------------------------------------


def scene_string(account: Account) -> str:
    return f"{'p' if account.role == Role.PARTNER else 's'}{account.id}"


async def scene_for_account(account: Account) -> ReferralScene:
    """The account's own permanent scene, created on first use."""
    kind = SceneKind.PARTNER if account.role == Role.PARTNER else SceneKind.STAFF
    value = scene_string(account)
    scene = await ReferralScene.filter(scene=value).first()
    if scene is None:
        try:
            scene = await ReferralScene.create(scene=value, kind=kind, owner=account)
        except IntegrityError:  # created meanwhile by a concurrent request
            scene = await ReferralScene.get(scene=value)
    return scene


async def create_campaign(name: str, *, owner: Account | None = None) -> ReferralScene:
    """A campaign scene; its QR code is temporary (``referral.campaign_qr_expire_s``)."""
    return await ReferralScene.create(
        scene=f"c{secrets.token_hex(8)}", kind=SceneKind.CAMPAIGN, name=name[:64], owner=owner
    )


async def set_paused(
    redis: Redis, *, actor: Account, scene: ReferralScene, paused: bool, now: datetime | None = None
) -> None:
    """Pause a code (its scans still count, but attribute nobody) or resume it; managers and admins."""
    permissions.ensure_manager(actor, "pause_referral_code")
    before = scene.paused_at
    scene.paused_at = (now or _now()) if paused else None
    async with in_transaction():
        await scene.save(update_fields=["paused_at"])
        await audit.record(
            actor,
            "referral.pause" if paused else "referral.resume",
            "referral_scene",
            scene.id,
            before={"paused_at": before},
            after={"paused_at": scene.paused_at},
        )
    await redis.delete(_scene_key(scene.scene))


async def miniapp_partner_account(redis: Redis, user: WechatUser) -> Account:
    """The account a mini-program user refers as: their bound account, else a new partner account.

    A past client who shares their code becomes a partner whose sales contact
    (``manager``) is the salesperson who owns them as a client.
    """
    if user.account_id:
        return await Account.get(id=user.account_id)
    async with in_transaction():
        locked = await WechatUser.filter(id=user.id).select_for_update().get()
        if locked.account_id:
            return await Account.get(id=locked.account_id)
        client = await Client.live().filter(wechat_user_id=user.id).order_by("id").first()
        account = await Account.create(
            name=f"小程序用户{user.id}", role=Role.PARTNER, manager_id=client.owner_id if client else None
        )
        locked.account_id = account.id
        await locked.save(update_fields=["account_id", "updated_at"])
    await accounts.forget_identities(redis, user.openid)
    user.account_id = account.id
    return account


# ---- attribution ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Scene:
    """What attributing a touch needs of a scene: kept in Redis, as a viral code is scanned thousands of times."""

    id: int
    owner_id: int | None
    paused: bool


def _scene_key(value: str) -> str:
    return f"scene:{value}"


async def cached_scene(redis: Redis, value: str) -> Scene | None:
    """The scene whose string is ``value`` (None if there is none); ``set_paused`` drops the cached entry."""
    value = value[:32]
    cached = await kv.batcher(redis).call("get", _scene_key(value))
    if cached is not None:
        scene_id, owner_id, paused = cached.decode().split(":")
        return Scene(int(scene_id), int(owner_id) if owner_id else None, paused == "1")
    row = await ReferralScene.filter(scene=value).first().values("id", "owner_id", "paused_at")
    if row is None:
        return None
    scene = Scene(row["id"], row["owner_id"], row["paused_at"] is not None)
    entry = f"{scene.id}:{scene.owner_id or ''}:{int(scene.paused)}"
    await kv.batcher(redis).call("set", _scene_key(value), entry, ex=SCENE_TTL_S)
    return scene


async def attribute_each(touches: list[tuple[int, Scene, datetime]], *, settings: Settings) -> list[bool]:
    """For each touch (user, scene, moment), in order: whether it attributed the user, which it does unless an
    earlier touch holds them within the window, the code is their own, or it is paused.

    Call inside a transaction. Conditional UPDATEs, one per round of distinct users (a user's second touch
    of the batch goes in the next round): of two touches at once from two transactions, the second waits for
    the first's row lock and then finds the user held, so a user is attributed once.
    """
    attributed = [False] * len(touches)
    waiting = [i for i, (_, scene, _) in enumerate(touches) if not scene.paused]
    while waiting:
        users: set[int] = set()
        round_: list[int] = []
        later: list[int] = []
        for i in waiting:
            (later if touches[i][0] in users else round_).append(i)
            users.add(touches[i][0])
        held = await _attribute_round([touches[i] for i in round_], settings)
        for i in round_:
            attributed[i] = touches[i][0] in held
        waiting = later
    return attributed


async def _attribute_round(touches: list[tuple[int, Scene, datetime]], settings: Settings) -> set[int]:
    """Attribute each free user to their touch's scene (distinct users); the users it attributed."""
    db = WechatUser._meta.db  # the transaction's connection
    mark = "%s" if db.capabilities.dialect == "mysql" else "?"
    ids = [user_id for user_id, _, _ in touches]

    def by_user(values: list) -> tuple[str, list]:
        """``CASE id WHEN <user> THEN <value> ... END`` and its parameters."""
        sql = f"CASE id {' '.join([f'WHEN {mark} THEN {mark}'] * len(values))} END"
        return sql, [p for user_id, value in zip(ids, values, strict=True) for p in (user_id, value)]

    scene_of, scene_params = by_user([scene.id for _, scene, _ in touches])
    referrer_of, referrer_params = by_user([scene.owner_id for _, scene, _ in touches])
    at_of, at_params = by_user([stored_time(at) for _, _, at in touches])
    free_before, free_params = by_user([stored_time(at - _window(settings)) for _, _, at in touches])
    # nobody is attributed to their own code (0: no account has it)
    owner_of, owner_params = by_user([scene.owner_id or 0 for _, scene, _ in touches])
    in_ids = f"id IN ({', '.join([mark] * len(ids))})"
    changed, _ = await db.execute_query(
        f"UPDATE wechat_users SET referral_scene_id = {scene_of}, referrer_id = {referrer_of}, "
        f"attributed_at = {at_of}, updated_at = {at_of} WHERE {in_ids} "
        f"AND (referral_scene_id IS NULL OR attributed_at IS NULL OR attributed_at <= {free_before}) "
        f"AND (account_id IS NULL OR account_id <> {owner_of})",
        [*scene_params, *referrer_params, *at_params, *at_params, *ids, *free_params, *owner_params],
    )
    if changed == len(ids):  # every user was free (a burst of new followers)
        return set(ids)
    # A user holds this touch's scene and moment only if this round attributed them (a touch is written once).
    _, rows = await db.execute_query(
        f"SELECT id FROM wechat_users WHERE {in_ids} AND referral_scene_id = {scene_of} AND attributed_at = {at_of}",
        [*ids, *scene_params, *at_params],
    )
    return {row["id"] for row in rows}


async def record_miniapp_scene(
    redis: Redis, user: WechatUser, scene_value: str, *, settings: Settings, now: datetime | None = None
) -> ReferralEvent | None:
    """The mini-program was opened through a code carrying ``scene``; unknown scenes are ignored.
    (Official-account follows and scans go through ``services.follows``.)"""
    if not SCENE_PATTERN.fullmatch(scene_value):
        return None
    scene = await cached_scene(redis, scene_value)
    if scene is None:
        return None
    now = now or _now()
    async with in_transaction():
        [attributed] = await attribute_each([(user.id, scene, now)], settings=settings)
        return await ReferralEvent.create(
            scene_id=scene.id,
            kind=ReferralEventKind.SCAN,
            wechat_user_id=user.id,
            attributed=attributed,
            happened_at=now,
        )


async def on_lead(client: Client, user: WechatUser, *, assignee_id: int | None, settings: Settings) -> None:
    """A referred user left a lead: count it for the scene, tell the referrer and earn them the qualified-lead
    reward if the rules give one (once per client; not for a possible duplicate until a salesperson says so).

    Call inside the lead's transaction.
    """
    if user.referral_scene_id is None:
        return
    await _count_lead(client, user.referral_scene_id, user.id, assignee_id=assignee_id, settings=settings)


async def on_partner_lead(client: Client, partner: Account, *, settings: Settings) -> None:
    """A partner brought a client by telling us about them (in chat): counted for the partner's own scene,
    like a lead through their code (the partner is answered in chat, not notified). Call inside the lead's transaction."""
    scene = await scene_for_account(partner)
    await _count_lead(client, scene.id, None, assignee_id=partner.id, settings=settings)


async def _count_lead(
    client: Client, scene_id: int, wechat_user_id: int | None, *, assignee_id: int | None, settings: Settings
) -> None:
    if await ReferralEvent.filter(client_id=client.id, kind=ReferralEventKind.LEAD).exists():
        return
    await ReferralEvent.create(
        scene_id=scene_id, kind=ReferralEventKind.LEAD, wechat_user_id=wechat_user_id, client=client
    )
    if not client.duplicate_of_id:
        await commissions.reward(EarningKind.QUALIFIED_LEAD, client, settings=settings)
    if client.referrer_id and client.referrer_id != assignee_id:
        await notify.queue(
            Notice.REFERRAL_LEAD,
            client.referrer_id,
            dedupe_key=f"referral:lead:{client.id}",
            client=client,
            facts={"client": client.display_name},
        )
