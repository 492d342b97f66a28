"""agenda, help, unknown, poster and referral_code."""

from datetime import datetime, timedelta, timezone
from zoneinfo import ZoneInfo

from bot import texts
from services import clients
from tests.factories import MANAGER, SALES

SHANGHAI = ZoneInfo("Asia/Shanghai")


async def _followup(team, make_client, company: str, next_at: datetime):
    client = await make_client(team["zhang"], company)
    await clients.log_followup(
        actor=team["zhang"],
        client=client,
        content=f"{company}备注",
        settings=None,
        now=datetime.now(timezone.utc),
        next_at=next_at,
    )


async def test_agenda_lists_the_days_followups_by_time_and_the_overdue(team, say, make_client):
    today = datetime.now(SHANGHAI).replace(second=0, microsecond=0)
    await _followup(team, make_client, "晚的公司", today.replace(hour=23, minute=50))
    await _followup(team, make_client, "早的公司", today.replace(hour=0, minute=5))
    await _followup(team, make_client, "逾期公司", today - timedelta(days=2))
    await _followup(team, make_client, "明天公司", today + timedelta(days=1))
    reply = await say(SALES, "今天跟进谁")
    assert "今天待跟进2个" in reply and reply.index("早的公司") < reply.index("晚的公司")
    assert "已逾期1个" in reply and "逾期公司" in reply and "明天公司" not in reply


async def test_agenda_of_another_day(team, say, make_client):
    tomorrow = datetime.now(SHANGHAI).replace(hour=10, minute=0, second=0, microsecond=0) + timedelta(days=1)
    await _followup(team, make_client, "明天公司", tomorrow)
    reply = await say(SALES, "明天待办")
    assert "待跟进1个" in reply and "10:00 明天公司" in reply


async def test_a_managers_agenda_adds_each_team_members_load(team, say, make_client):
    today = datetime.now(SHANGHAI).replace(hour=23, minute=0, second=0, microsecond=0)
    await _followup(team, make_client, "今天公司", today)
    await _followup(team, make_client, "逾期公司", today - timedelta(days=2))
    reply = await say(MANAGER, "今天跟进谁")
    assert "你自己没有待跟进的客户" in reply
    assert "团队：张三 待1 逾期1" in reply and "李四" not in reply


async def test_a_salespersons_agenda_shows_no_team_line(team, say, make_client):
    await _followup(team, make_client, "今天公司", datetime.now(SHANGHAI).replace(hour=23, minute=0))
    assert "团队" not in await say(SALES, "今天跟进谁")


async def test_an_empty_agenda_says_how_to_set_one(team, say):
    assert "没有待跟进" in await say(SALES, "今天跟进谁")


async def test_help_lists_what_to_say(team, say):
    reply = await say(SALES, "帮助")
    assert "新客户" in reply and "跟进" in reply and "找" in reply


async def test_unknown_text_gets_a_hint_never_silence(team, say):
    reply = await say(SALES, "今天天气不错")
    assert "可以这样说" in reply and "帮助" in reply


async def test_poster_and_referral_code_are_routed_to_the_referral_flow(team, say, monkeypatch):
    from bot.flows import referral

    async def poster(ctx, code):
        return f"referral flow: poster {code}"

    async def code(ctx):
        return "referral flow: referral_code"

    monkeypatch.setattr(referral, "send_poster", poster)
    monkeypatch.setattr(referral, "send_code", code)
    assert await say(SALES, "生成海报 A12") == "referral flow: poster A12"
    assert await say(SALES, "我的推广码") == "referral flow: referral_code"


async def test_a_number_without_a_pending_question_explains(team, say):
    assert "没有待选择" in await say(SALES, "1")


async def test_a_crowded_agenda_fits_one_reply(team, say, make_client):
    start = datetime.now(SHANGHAI).replace(hour=0, minute=1, second=0, microsecond=0)
    for i in range(35):
        client = await make_client(team["zhang"], f"非常长的公司名称精密机械制造有限公司{i}")
        await clients.log_followup(
            actor=team["zhang"],
            client=client,
            content="一段很长很长的跟进备注" * 5,
            settings=None,
            now=datetime.now(timezone.utc),
            next_at=start + timedelta(minutes=i) - timedelta(days=i % 2),
        )
    reply = await say(SALES, "今天跟进谁")
    assert len(reply.encode()) <= 2048 and not reply.endswith("…")
    assert "待跟进18个" in reply and "已逾期17个" in reply and "另有8个" in reply


async def test_tomorrows_agenda_does_not_call_this_evenings_followups_overdue(team, say, make_client):
    now = datetime.now(SHANGHAI)
    midnight = now.replace(hour=0, minute=0, second=0, microsecond=0) + timedelta(days=1)
    await _followup(team, make_client, "今晚公司", now + (midnight - now) / 2)
    await _followup(team, make_client, "逾期公司", now - timedelta(days=2))
    reply = await say(SALES, "明天待办")
    assert "已逾期1个" in reply and "逾期公司" in reply and "今晚公司" not in reply


async def test_a_mini_program_viewing_is_in_the_salespersons_agenda_with_the_visitor(
    team, say, http, login, make_listing
):
    import nlp

    thursday = nlp.parse("周四跟进谁", datetime.now(SHANGHAI)).slots["day"]
    listing = await make_listing(code="A61", owner=team["zhang"])
    start = datetime(thursday.year, thursday.month, thursday.day, 14, tzinfo=SHANGHAI)
    body = {"listing_id": listing.id, "start_at": start.isoformat(), "name": "王先生", "phone": "13800001111"}
    booked = await http.post("/api/mp/v1/viewings", json=body, headers=await login("visitor"))
    assert booked.status_code == 201, booked.text
    reply = await say(SALES, "周四跟进谁")
    assert "小程序看房预约1个" in reply and "· 14:00 看房 A61 王先生 13800001111" in reply
    assert "A61" not in await say(MANAGER, "周四跟进谁")  # the listing is 张三's, not the manager's


async def test_this_weeks_agenda_shows_every_day_to_sunday_and_the_overdue(team, say, make_client):
    now = datetime.now(SHANGHAI).replace(second=0, microsecond=0)
    sunday = now + timedelta(days=6 - now.weekday())
    await _followup(team, make_client, "今晚公司", now.replace(hour=23, minute=50))
    await _followup(team, make_client, "周日公司", sunday.replace(hour=16, minute=0))
    await _followup(team, make_client, "逾期公司", now - timedelta(days=2))
    await _followup(team, make_client, "下周一公司", (sunday + timedelta(days=1)).replace(hour=9, minute=0))
    reply = await say(SALES, "这周有哪些要跟进的")
    assert f"本周（{now.month}月{now.day}日至{sunday.month}月{sunday.day}日）待跟进2个" in reply
    assert reply.index("今晚公司") < reply.index("周日公司") and f"{sunday.month}月{sunday.day}日(周日) 16:00" in reply
    assert "已逾期1个" in reply and "逾期公司" in reply and "下周一公司" not in reply


async def test_next_weeks_agenda_and_the_teams_load_over_it(team, say, make_client):
    now = datetime.now(SHANGHAI).replace(second=0, microsecond=0)
    monday = now + timedelta(days=7 - now.weekday())
    await _followup(team, make_client, "下周三公司", (monday + timedelta(days=2)).replace(hour=10, minute=0))
    await _followup(team, make_client, "下下周公司", (monday + timedelta(days=8)).replace(hour=10, minute=0))
    reply = await say(SALES, "下周跟进谁")
    assert "下周（" in reply and "待跟进1个" in reply and "下周三公司" in reply and "下下周公司" not in reply
    assert "团队：张三 待1 逾期0" in await say(MANAGER, "下周跟进谁")


async def test_greetings_and_thanks_are_answered_in_kind_and_keep_an_open_question(team, say, make_client):
    for text in ("早上好", "你好呀", "在吗"):
        assert await say(SALES, text) == texts.GREETING
    for text in ("谢谢", "好的", "收到", "OK", "辛苦了", "嗯嗯"):
        assert await say(SALES, text) == texts.ACKNOWLEDGED
    await make_client(team["zhang"], "华兴精密")
    await make_client(team["zhang"], "华兴电子")
    assert "回复序号" in await say(SALES, "华兴什么情况")
    await say(SALES, "好的")
    assert "负责人：张三" in await say(SALES, "2")  # the question was still open
