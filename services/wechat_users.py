"""WeChat users: one person behind an official-account openid, a mini-program openid and a unionid.

The follower and the mini-program user are one person when they share a
unionid, learnt at mini-program login and, after a follow, by a background
task; two rows found to be one person are merged.
"""

from __future__ import annotations

from redis.asyncio import Redis
from tortoise.exceptions import IntegrityError
from tortoise.transactions import in_transaction

from core import kv
from models import Client, Favorite, ReferralEvent, Viewing, WechatUser
from services import accounts, tasks
from wechat import TransientError

EXISTS_TTL_S = 600
"""How long Redis vouches for a user row. A merge forgets the merged-away user at once; a check that read
the row just before the merge committed can vouch for it again until this runs out."""


def exists_key(user_id: int) -> str:
    return f"wu:exists:{user_id}"


async def exists(redis: Redis, user_id: int) -> bool:
    """Whether the user row is still there (a merge removes one): Redis's word, else the database's.

    The mini-program checks this on every request; the Redis read is batched with the request's rate-limit
    counts (``kv.Batcher``), so a known user costs no round trip of its own.
    """
    if await kv.batcher(redis).call("get", exists_key(user_id)) is not None:
        return True
    if not await WechatUser.exists(id=user_id):
        return False
    await kv.batcher(redis).call("set", exists_key(user_id), b"1", ex=EXISTS_TTL_S)
    return True


async def user_for_miniapp(redis: Redis, openid: str, unionid: str | None) -> tuple[WechatUser, bool]:
    """The WeChat user behind a mini-program openid (joined by unionid), and whether they are new here."""
    user = await WechatUser.filter(miniapp_openid=openid).first()
    if user is not None:
        if unionid and user.unionid != unionid:
            user = await link_unionid(redis, user, unionid)
        return user, False
    if unionid and (user := await WechatUser.filter(unionid=unionid).first()) is not None:
        user.miniapp_openid = openid
        await user.save(update_fields=["miniapp_openid", "updated_at"])
        return user, True
    try:
        return await WechatUser.create(miniapp_openid=openid, unionid=unionid), True
    except IntegrityError:  # the same person logging in twice at once
        return await WechatUser.get(miniapp_openid=openid), False


async def link_unionid(redis: Redis, user: WechatUser, unionid: str) -> WechatUser:
    """Give ``user`` its unionid; if another row already has it, merge the two and return the survivor."""
    other = await WechatUser.filter(unionid=unionid).exclude(id=user.id).first()
    if other is None:
        user.unionid = unionid
        await user.save(update_fields=["unionid", "updated_at"])
        return user
    openids = (user.openid, other.openid)
    keep = await _merge(user, other)
    await accounts.forget_identities(redis, *openids)
    await redis.delete(*(exists_key(u.id) for u in (user, other) if u.id != keep.id))
    return keep


async def _merge(a: WechatUser, b: WechatUser) -> WechatUser:
    """One person, two rows: keep the one with an account (else the older), earliest attribution wins."""
    keep, gone = sorted((a, b), key=lambda u: (u.account_id is None, u.id))
    touches = [(u.attributed_at, u) for u in (keep, gone) if u.attributed_at is not None]
    first = min(touches, key=lambda touch: touch[0])[1] if touches else None
    async with in_transaction():
        moved = {name: getattr(gone, name) for name in ("openid", "miniapp_openid", "unionid")}
        await WechatUser.filter(id=gone.id).update(openid=None, miniapp_openid=None, unionid=None, account_id=None)
        for name, value in moved.items():
            if value and not getattr(keep, name):
                setattr(keep, name, value)
        if not keep.account_id and gone.account_id:
            keep.account_id = gone.account_id
        if gone.subscribed and not keep.subscribed:
            keep.subscribed, keep.subscribed_at = True, gone.subscribed_at
        if first is not None:
            keep.referral_scene_id, keep.referrer_id, keep.attributed_at = (
                first.referral_scene_id,
                first.referrer_id,
                first.attributed_at,
            )
        await keep.save()
        kept_favorites = await Favorite.filter(wechat_user_id=keep.id).values_list("listing_id", flat=True)
        await Favorite.filter(wechat_user_id=gone.id, listing_id__in=list(kept_favorites)).delete()
        for model in (Favorite, Viewing, Client, ReferralEvent):
            await model.filter(wechat_user_id=gone.id).update(wechat_user_id=keep.id)
        await WechatUser.filter(id=gone.id).delete()
    return keep


@tasks.task(retry=tasks.RetryPolicy(on=(TransientError,), tries=3, defer_s=10))
async def fetch_unionids(ctx: dict, openids: list[str]) -> None:
    """After follows: learn each follower's unionid so their mini-program self is the same person (a retry asks
    only for those still without one)."""
    wechat, redis = ctx["resources"].wechat, ctx["resources"].redis
    for user in await WechatUser.filter(openid__in=openids, unionid=None):
        unionid = (await wechat.user.info(user.openid)).get("unionid")
        if unionid:
            await link_unionid(redis, user, unionid)
