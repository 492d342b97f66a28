"""Followers who are not staff, and partners, through the signed endpoint: served, and never lost."""

from __future__ import annotations

import time
from datetime import datetime, timezone
from decimal import Decimal

import pytest

import app.worker
from bot import texts
from bot.flows import visitors as flow
from models import Client, FollowUp, Notification, ReferralEvent, Requirement, SubscribeGrant, WechatUser
from models.enums import ReferralEventKind, Role
from services import accounts, clients, leads, visitors
from services.referrals import attribution
from services.referrals import stats as referral_stats
from tests.factories import OTHER, SALES

STRANGER = "o-stranger"
PARTNER = "o-partner"


async def run_jobs(resources) -> None:
    await app.worker.build(resources, burst=True).async_run()


def custom_messages(fake_wechat, openid: str) -> list[str]:
    return [
        c.json["text"]["content"]
        for c in fake_wechat.calls("cgi-bin/message/custom/send")
        if c.json and c.json.get("touser") == openid and c.json.get("msgtype") == "text"
    ]


@pytest.fixture
async def listings(make_listing):
    warehouse = await make_listing(
        code="B7",
        title="花桥物流仓库",
        region="花桥",
        property_type="warehouse",
        area=Decimal("3000"),
        rent=Decimal("28"),
        internal_notes="房东底价26",
        landlord_phone="13600001234",
        latitude=Decimal("31.300000"),
        longitude=Decimal("121.050000"),
    )
    factory = await make_listing(
        code="C3",
        region="陆家",
        area=Decimal("2100"),
        latitude=Decimal("31.320000"),
        longitude=Decimal("121.000000"),
    )
    far = await make_listing(code="D1", region="太仓", latitude=Decimal("31.450000"), longitude=Decimal("121.100000"))
    return {"warehouse": warehouse, "factory": factory, "far": far}


async def test_a_stranger_through_a_salespersons_code_is_served_and_the_lead_reaches_the_salesperson(
    team, listings, say, wx, http, resources, fake_wechat
):
    zhang = team["zhang"]
    scene = await attribution.scene_for_account(zhang)
    followed = await wx.event(http, STRANGER, "subscribe", event_key=f"qrscene_{scene.scene}", ticket="t")
    assert followed.text == texts.VISITOR_WELCOME

    answer = await say(STRANGER, "有没有花桥3000平的仓库")
    assert "B7" in answer and "28元/㎡·月" in answer
    assert "/h5/listings/B7?c=chat" in answer
    assert "房东底价" not in answer and "13600001234" not in answer
    assert "张三" in answer  # who will call

    answer = await say(STRANGER, "好的，我姓赵，电话18662345678，麻烦尽快联系")
    assert answer == texts.VISITOR_PASSED_ON.format(who="顾问张三")

    client = await Client.get(wechat_user__openid=STRANGER)
    assert client.owner_id == zhang.id and client.referrer_id == zhang.id
    assert client.contact_name == "赵" and client.phone == "18662345678"
    requirement = await Requirement.get(client_id=client.id)
    assert requirement.property_type == "warehouse" and requirement.region == "花桥"
    words = await FollowUp.filter(client_id=client.id).order_by("id")
    assert [w.content for w in words] == ["有没有花桥3000平的仓库", "好的，我姓赵，电话18662345678，麻烦尽快联系"]
    assert all(w.by_client and w.author_id is None for w in words)
    assert await Notification.filter(recipient_id=zhang.id, client_id=client.id).count() == 1  # the new lead
    assert (await referral_stats.for_account(zhang))["leads"] == 1

    await run_jobs(resources)
    relayed = sorted(custom_messages(fake_wechat, SALES), key=lambda text: "有没有" not in text)  # any order
    assert len(relayed) == 2
    assert "有没有花桥3000平的仓库" in relayed[0] and "需求：花桥 仓库" in relayed[0]
    assert "好的，我姓赵" in relayed[1] and "18662345678" in relayed[1] and "回复 赵" in relayed[1]

    sent = await say(SALES, "回复 赵 好的，明天上午带您看")
    assert sent == texts.REPLY_SENT.format(name="赵")
    await run_jobs(resources)
    assert custom_messages(fake_wechat, STRANGER) == ["好的，明天上午带您看"]
    answer_row = await FollowUp.filter(client_id=client.id, author_id=zhang.id).get()
    assert answer_row.content == "好的，明天上午带您看" and not answer_row.by_client
    await client.refresh_from_db()
    assert client.next_followup_at is None  # the reply answered the new lead's first follow-up
    assert not await FollowUp.filter(client_id=client.id, done=False).exists()


async def test_after_48_hours_the_salesperson_is_told_to_call(team, say, resources, fake_wechat):
    await say(STRANGER, "我姓赵 电话18662345678 要2000平厂房")
    await resources.redis.delete(f"wx:window:{STRANGER}")
    answer = await say(SALES, "回复 赵 在吗")
    assert answer == texts.REPLY_WINDOW_CLOSED.format(name="赵", phone="18662345678")
    assert not await FollowUp.filter(author_id=team["zhang"].id).exists()


async def test_a_salesperson_answers_only_their_own_visitors(team, say):
    await say(STRANGER, "我姓赵 电话18662345678 要2000平厂房")
    owner = (await Client.get(wechat_user__openid=STRANGER)).owner_id
    other = OTHER if owner == team["zhang"].id else SALES
    answer = await say(other, "回复 赵 你好")
    assert answer == texts.REPLY_NO_CONVERSATION.format(name="赵")


async def test_a_refused_reply_tells_the_salesperson_to_call(team, say, resources, fake_wechat, words):
    await say(STRANGER, "我姓赵 电话18662345678 要2000平厂房")
    client = await Client.get(wechat_user__openid=STRANGER).select_related("owner")
    speaker = SALES if client.owner_id == team["zhang"].id else OTHER
    fake_wechat.fail("cgi-bin/message/custom/send", 45015, openid=STRANGER)
    await say(speaker, "回复 赵 明天见")
    await run_jobs(resources)
    notice = await Notification.get(dedupe_key__startswith="reply:undelivered:")
    assert notice.recipient_id == client.owner_id and "电话" in words(notice)["title"]


async def test_a_hello_gets_the_welcome_and_makes_no_lead(team, say):
    assert await say(STRANGER, "你好") == texts.VISITOR_WELCOME
    assert await say(STRANGER, "在吗") == texts.VISITOR_WELCOME
    assert not await Client.exists()


async def test_a_visitor_never_reaches_staff_commands_and_their_words_are_stored_as_theirs(team, say):
    answer = await say(STRANGER, "新客户 华兴精密 张总 13812345678 要2000平")
    assert "已录入" not in answer and "新客户" not in answer
    client = await Client.get(wechat_user__openid=STRANGER).select_related("owner")
    assert client.phone == "13812345678"
    words = await FollowUp.get(client_id=client.id)
    assert words.by_client and words.content == "新客户 华兴精密 张总 13812345678 要2000平"
    assert await say(STRANGER, "今天跟进谁") == texts.VISITOR_PASSED_ON.format(who=f"顾问{client.owner.name}")
    assert await FollowUp.filter(client_id=client.id, by_client=True).count() == 2


async def test_a_retried_message_is_one_lead_and_two_users_with_one_msgid_are_two(team, wx, http):
    first = await wx.text(http, STRANGER, "我姓赵 电话18662345678 要2000平厂房", msg_id=777)
    again = await wx.text(http, STRANGER, "我姓赵 电话18662345678 要2000平厂房", msg_id=777)
    other = await wx.text(http, "o-another", "我姓钱 电话13700001111 要3000平仓库", msg_id=777)
    assert first.text == again.text and other.text
    assert await Client.all().count() == 2
    assert await FollowUp.filter(by_client=True).count() == 2


async def test_visitors_are_rate_and_length_limited(team, say):
    assert await say(STRANGER, "要" * (visitors.MAX_CHARS + 1)) == texts.VISITOR_TOO_LONG.format(
        limit=visitors.MAX_CHARS
    )
    for _ in range(visitors.PER_MINUTE):
        assert await say(STRANGER, "你好") != texts.VISITOR_SLOW_DOWN
    assert await say(STRANGER, "你好") == texts.VISITOR_SLOW_DOWN
    assert not await Client.exists()


async def test_more_pages_and_a_listing_code_shows_its_public_card(team, listings, say, make_listing):
    for n in range(6):
        await make_listing(code=f"E{n}", region="昆山", area=Decimal("2000"))
    first = await say(STRANGER, "昆山 单层 层高8米 2000平左右")
    assert "发「更多」继续" in first
    assert "（续）" in await say(STRANGER, "更多")
    card = await say(STRANGER, "B7")
    assert "花桥物流仓库" in card and "/h5/listings/B7?c=chat" in card
    assert "房东底价" not in card and "13600001234" not in card
    assert "没有找到可看的房源Z9" in await say(STRANGER, "Z9")


async def test_a_location_gets_the_nearest_listings(team, listings, wx, http):
    sent = await wx.location(http, STRANGER, 31.301, 121.049, label="昆山市花桥镇")
    lines = sent.text.splitlines()
    assert lines[0] == texts.LOCATION_FOUND.format(place="昆山市花桥镇")
    assert lines[1].startswith("1. B7") and "约" in lines[1]
    assert [line[3:5] for line in lines if line[:2] in ("1.", "2.", "3.")] == ["B7", "C3", "D1"]
    assert "房东底价" not in sent.text


async def test_a_location_with_no_listing_nearby_says_so(team, wx, http):
    sent = await wx.location(http, STRANGER, 31.3, 121.05)
    assert sent.text == texts.LOCATION_NONE


async def test_voice_with_recognition_is_the_text_that_was_said_for_visitors_and_staff(
    team, listings, wx, http, make_client
):
    heard = await wx.voice(http, STRANGER, "有没有花桥3000平的仓库")
    assert "B7" in heard.text
    assert (await FollowUp.get(by_client=True)).content == "有没有花桥3000平的仓库"
    staff = await wx.voice(http, SALES, "找 花桥 3000平 仓库")
    assert "B7" in staff.text


async def test_voice_without_recognition_is_explained(team, wx, http):
    assert (await wx.voice(http, STRANGER, None)).text == texts.VOICE_VISITOR
    assert (await wx.voice(http, SALES, None)).text == texts.VOICE_STAFF
    assert (await wx.voice(http, STRANGER, "")).text == texts.VOICE_VISITOR


async def test_a_subscribe_with_any_key_gets_the_welcome_and_attribution_only_for_our_codes(team, wx, http):
    for openid, key in (("o-a", "scanbarcode|keystandard|6901234567892"), ("o-b", "qrscene_unknown"), ("o-c", "")):
        assert (await wx.event(http, openid, "subscribe", event_key=key)).text == texts.VISITOR_WELCOME
    assert not await ReferralEvent.exists()
    assert await WechatUser.filter(subscribed=True).count() == 3


POPUP = (
    "<SubscribeMsgPopupEvent><List><TemplateId><![CDATA[tpl-viewing]]></TemplateId>"
    "<SubscribeStatusString><![CDATA[accept]]></SubscribeStatusString><PopupScene>2</PopupScene></List>"
    "<List><TemplateId><![CDATA[tpl-news]]></TemplateId>"
    "<SubscribeStatusString><![CDATA[reject]]></SubscribeStatusString><PopupScene>2</PopupScene></List>"
    "</SubscribeMsgPopupEvent>"
)

SYSTEM_EVENTS = [
    ("subscribe_msg_popup_event", POPUP),
    (
        "subscribe_msg_change_event",
        "<SubscribeMsgChangeEvent><List><TemplateId>tpl-news</TemplateId>"
        "<SubscribeStatusString>reject</SubscribeStatusString></List></SubscribeMsgChangeEvent>",
    ),
    (
        "subscribe_msg_sent_event",
        "<SubscribeMsgSentEvent><List><TemplateId>tpl-viewing</TemplateId><MsgID>1700</MsgID>"
        "<ErrorCode>0</ErrorCode><ErrorStatus>success</ErrorStatus></List></SubscribeMsgSentEvent>",
    ),
    ("TEMPLATESENDJOBFINISH", "<MsgID>200</MsgID><Status><![CDATA[success]]></Status>"),
    (
        "MASSSENDJOBFINISH",
        "<MsgID>1000001625</MsgID><Status><![CDATA[send success]]></Status><TotalCount>100</TotalCount>"
        "<FilterCount>80</FilterCount><SentCount>75</SentCount><ErrorCount>5</ErrorCount>",
    ),
    (
        "PUBLISHJOBFINISH",
        "<PublishEventInfo><publish_id>1</publish_id><publish_status>0</publish_status></PublishEventInfo>",
    ),
    ("LOCATION", "<Latitude>31.3</Latitude><Longitude>121.05</Longitude><Precision>65.0</Precision>"),
    ("CLICK", "<EventKey><![CDATA[MENU_LISTINGS]]></EventKey>"),
    ("VIEW", "<EventKey><![CDATA[https://example.com/h5]]></EventKey><MenuId>1</MenuId>"),
    ("view_miniprogram", "<EventKey><![CDATA[pages/index]]></EventKey><MenuId>1</MenuId>"),
    (
        "scancode_push",
        "<EventKey>k</EventKey><ScanCodeInfo><ScanType>qrcode</ScanType><ScanResult>1</ScanResult></ScanCodeInfo>",
    ),
    (
        "scancode_waitmsg",
        "<EventKey>k</EventKey><ScanCodeInfo><ScanType>qrcode</ScanType><ScanResult>1</ScanResult></ScanCodeInfo>",
    ),
    ("pic_sysphoto", "<EventKey>k</EventKey><SendPicsInfo><Count>0</Count></SendPicsInfo>"),
    ("pic_photo_or_album", "<EventKey>k</EventKey><SendPicsInfo><Count>0</Count></SendPicsInfo>"),
    ("pic_weixin", "<EventKey>k</EventKey><SendPicsInfo><Count>0</Count></SendPicsInfo>"),
    ("location_select", "<EventKey>k</EventKey><SendLocationInfo><Location_X>31</Location_X></SendLocationInfo>"),
    ("kf_create_session", "<KfAccount>kf@test</KfAccount>"),
    ("kf_close_session", "<KfAccount>kf@test</KfAccount>"),
    ("kf_switch_session", "<FromKfAccount>a</FromKfAccount><ToKfAccount>b</ToKfAccount>"),
    ("qualification_verify_success", "<ExpiredTime>1442401156</ExpiredTime>"),
    ("naming_verify_fail", "<FailTime>1442401122</FailTime><FailReason>x</FailReason>"),
    ("annual_renew", "<ExpiredTime>1442401004</ExpiredTime>"),
    ("verify_expired", "<ExpiredTime>1442400900</ExpiredTime>"),
    ("user_enter_tempsession", "<SessionFrom>x</SessionFrom>"),
    ("something_wechat_adds_next_year", ""),
]


@pytest.mark.parametrize(("event", "extra"), SYSTEM_EVENTS, ids=[e for e, _ in SYSTEM_EVENTS])
async def test_system_events_are_never_answered_as_messages(team, wx, http, event, extra):
    for openid in (STRANGER, SALES):
        sent = await wx.event(http, openid, event, extra=extra)
        assert sent.status == 200 and sent.reply is None, sent.body
    assert not await Client.exists()


async def test_popup_acceptances_are_banked_for_notifications(team, wx, http):
    now = int(time.time())
    for at in (now - 60, now, now):  # two popups; the second one's retry counts once
        await wx.event(http, STRANGER, "subscribe_msg_popup_event", extra=POPUP, create_time=at)
    viewing = await SubscribeGrant.get(openid=STRANGER, template_id="tpl-viewing")
    news = await SubscribeGrant.get(openid=STRANGER, template_id="tpl-news")
    assert (viewing.accepted, viewing.available, viewing.app) == (True, 2, "gh_test")
    assert (news.accepted, news.available) == (False, 0)
    await wx.event(http, STRANGER, "subscribe_msg_sent_event", extra=SYSTEM_EVENTS[2][1])
    assert (await SubscribeGrant.get(id=viewing.id)).last_result == "success"


async def test_a_partners_message_about_a_client_is_a_lead_attributed_to_the_partner(team, make_staff, say, wx, http):
    partner = await make_staff("老王", Role.PARTNER, manager=team["zhang"], bind_openid=PARTNER)
    answer = await say(PARTNER, "我这有个客户要租3000平厂房 在昆山 电话13912340000")
    client = await Client.get(phone_hash__isnull=False)
    assert answer == texts.PARTNER_LEAD.format(client=client.display_name, who="张三")
    assert client.referrer_id == partner.id and client.owner_id == team["zhang"].id and client.wechat_user_id is None
    assert (await Requirement.get(client_id=client.id)).area_min == Decimal("2700")
    assert client.next_followup_at is not None  # due for a first follow-up, like every new lead
    assert await ReferralEvent.filter(kind=ReferralEventKind.LEAD, client_id=client.id).exists()
    assert (await referral_stats.for_account(partner))["leads"] == 1
    assert await Notification.filter(recipient_id=team["zhang"].id, client_id=client.id).exists()
    again = await say(PARTNER, "我这有个客户要租3000平厂房 在昆山 电话13912340000")
    assert again == answer and await Client.all().count() == 1  # the same client, the words added
    assert await say(PARTNER, "你好") == texts.PARTNER_HELP


def test_the_relay_and_reply_tasks_are_registered():
    from services import tasks

    assert tasks.TASKS["relay_to_owner"] is flow.relay_to_owner
    assert tasks.TASKS["send_to_visitor"] is flow.send_to_visitor


async def test_a_salesperson_on_site_sends_the_location_of_the_listing_in_context(team, say, wx, http, make_listing):
    listing = await make_listing(code="F5", owner=team["zhang"])
    await say(SALES, "F5 相册")
    sent = await wx.location(http, SALES, 31.31, 121.04, label="花桥镇绿地大道")
    assert sent.text == texts.LOCATION_SET.format(code="F5")
    await listing.refresh_from_db()
    assert (listing.latitude, listing.longitude, listing.address) == (
        Decimal("31.310000"),
        Decimal("121.040000"),
        "花桥镇绿地大道",
    )
    other = await wx.location(http, OTHER, 31.31, 121.04)  # 李四 has no listing in context: nearest listings
    assert other.text.startswith(texts.LOCATION_FOUND.format(place="您的位置"))
    assert "F5" in other.text


async def clients_words(client: Client) -> list[str]:
    """What the client wrote, in their timeline (first to last)."""
    return [f.content for f in await FollowUp.filter(client_id=client.id, by_client=True).order_by("id")]


async def test_a_hello_from_a_follower_who_became_a_client_meanwhile_joins_their_timeline(team, say, resources):
    """The cached "no client" of the first hello is dropped when the mini-program lead is made."""
    assert await say(STRANGER, "你好") == texts.VISITOR_WELCOME
    user = await WechatUser.get(openid=STRANGER)
    client = await leads.create(
        resources, wechat_user_id=user.id, company=None, contact_name="赵", phone="18662345678", need="要厂房"
    )
    assert await say(STRANGER, "你好") != texts.VISITOR_WELCOME
    assert await clients_words(client) == ["要厂房", "你好"]


async def test_a_hello_from_a_client_brought_back_by_undo_joins_their_timeline(team, say, resources):
    await say(STRANGER, "我姓赵 电话18662345678 要2000平厂房")
    client = await Client.get(wechat_user__openid=STRANGER).select_related("owner")
    owner = SALES if client.owner_id == team["zhang"].id else OTHER
    await clients.delete(actor=client.owner, client=client, now=datetime.now(timezone.utc))
    await resources.redis.delete(accounts.identity_key(STRANGER))  # as when the cached identity expires
    assert await say(STRANGER, "你好") == texts.VISITOR_WELCOME  # cached now: no client
    assert "已恢复" in await say(owner, "撤销")
    await say(STRANGER, "你好")
    assert await clients_words(client) == ["我姓赵 电话18662345678 要2000平厂房", "你好"]
