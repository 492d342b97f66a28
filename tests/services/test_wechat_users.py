"""WeChat users: whether a user row still exists, as the mini-program's token check asks on every request."""

from models import WechatUser
from services import wechat_users


async def test_a_user_merged_away_no_longer_exists_though_redis_vouched_for_it_before(resources):
    follower = await WechatUser.create(openid="o-alice", unionid="u-alice")
    miniapp_user = await WechatUser.create(miniapp_openid="m-alice")
    assert await wechat_users.exists(resources.redis, miniapp_user.id)  # now vouched for by Redis
    kept = await wechat_users.link_unionid(resources.redis, miniapp_user, "u-alice")
    assert kept.id == follower.id
    assert not await wechat_users.exists(resources.redis, miniapp_user.id)
    assert await wechat_users.exists(resources.redis, follower.id)
