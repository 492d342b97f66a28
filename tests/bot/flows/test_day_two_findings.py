"""What the second chat day (issue 13) found the chat getting wrong, each through the signed endpoint on the team's
day-one data: a deal's terms taken for the client, a time glued to a company, a cancelled deal read as a win,
and sales talk answered with 没太明白."""

from __future__ import annotations

from models import AuditLog, Client, Deal, FollowUp, Listing, ListingSent, StageChange
from models.enums import DealStatus, ListingStatus, Stage
from tests.bot.flows.conftest import WANG
from tests.factories import SALES

NOT_UNDERSTOOD = "没太明白"


async def test_a_listing_let_with_its_rent_is_a_deal_not_a_client_called_the_rent(day_one, say):
    reply = await say(SALES, "A61已租 年租金120万")
    assert "年租金" not in reply.split("\n")[0][:8] and "哪个客户" in reply and "没有记录任何内容" in reply
    assert await say(SALES, "A61租出去了 年租金120万") == reply
    assert not await Deal.exists() and (await Listing.get(code="A61")).status == ListingStatus.VACANT


async def test_a_listing_let_on_terms_is_the_deal_of_the_client_it_was_held_for(day_one, say):
    await say(SALES, "A61谈判中 华兴精密")
    reply = await say(SALES, "A61已租 年租金120万")
    assert "华兴精密 成交" in reply and "确认后A61标为已成交" in reply
    reply = await say(SALES, "确认")
    assert "已记录成交：华兴精密" in reply and "A61已标为已成交" in reply
    deal = await Deal.get(client__company="华兴精密")
    assert deal.monthly_rent_fen == 10_000_000
    assert (await Listing.get(code="A61")).status == ListingStatus.CLOSED


async def test_the_terms_before_the_client_keep_the_client(day_one, say):
    reply = await say(SALES, "年租120万 3月1日起租 华兴精密成交")
    assert "华兴精密 成交" in reply and "起租" in reply
    assert "已记录成交：华兴精密" in await say(SALES, "确认")
    deal = await Deal.get(client__company="华兴精密")
    assert (deal.lease_start.month, deal.lease_start.day) == (3, 1)


async def test_a_time_right_after_the_company_is_not_part_of_its_name(day_one, say):
    reply = await say(SALES, "新锐医疗器械下周三下午两点带看A61")
    assert "已记录跟进：新锐医疗器械" in reply and "(周三) 14:00" in reply
    note = await FollowUp.get(client__company="新锐医疗器械")
    assert note.next_at is not None and note.next_at.weekday() == 2
    assert not await Client.filter(company__startswith="新锐医疗器械下").exists()


async def test_cancelling_a_deal_reopens_the_client_with_the_reason_on_record(day_one, say):
    await say(SALES, "华兴精密进入谈判")
    await say(SALES, "华兴精密成交 年租金120万")
    await say(SALES, "确认")
    reply = await say(SALES, "取消成交 华兴精密 客户毁约")
    assert "已取消成交" in reply and "客户毁约" in reply and "谈判中" in reply
    client = await Client.get(company="华兴精密")
    assert client.stage == Stage.NEGOTIATING
    deal = await Deal.get(client=client)
    assert (deal.status, deal.end_reason) == (DealStatus.CANCELLED, "客户毁约")
    back = await StageChange.filter(client=client).order_by("-id").first()
    assert (back.from_stage, back.to_stage, back.note) == (Stage.WON, Stage.NEGOTIATING, "取消成交：客户毁约")
    entry = await AuditLog.filter(entity="client", entity_id=client.id, action="client.stage").order_by("-id").first()
    assert entry.after["note"] == "取消成交：客户毁约"


async def test_cancelling_a_win_that_has_no_deal_puts_the_stage_back_and_never_records_a_win(day_one, say):
    await say(SALES, "新锐医疗器械 带看了A61")
    await say(SALES, "新锐医疗器械签了")
    reply = await say(SALES, "新锐医疗器械 取消成交 老板不同意")
    assert "改回带看中" in reply and "老板不同意" in reply
    assert (await Client.get(company="新锐医疗器械")).stage == Stage.VIEWING
    assert "没有改动" in await say(SALES, "取消成交 华兴精密 客户毁约")  # never won: nothing to undo
    assert (await Client.get(company="华兴精密")).stage != Stage.WON and not await Deal.exists()


async def test_a_signing_called_off_is_never_recorded_as_a_win(day_one, say):
    await say(SALES, "华兴精密进入谈判")
    reply = await say(SALES, "华兴精密 签约取消 对方资金问题")
    assert "没有改动" in reply and "已成交" not in reply
    assert (await Client.get(company="华兴精密")).stage == Stage.NEGOTIATING


async def test_a_referrers_wallet_words_show_the_commission(day_one, say):
    for words in ("余额", "钱包", "我的余额", "钱包余额多少"):
        reply = await say(WANG, words)
        assert "可提现" in reply and "提现 500" in reply, words


async def test_sending_a_listing_again_on_purpose_sends_it_and_says_when_it_went_before(day_one, say):
    assert "注意" not in await say(SALES, "把A61发给华兴精密张总")
    reply = await say(SALES, "A61再发给华兴精密")
    assert "/h5/listings/A61" in reply and "已再次发送（上次" in reply
    assert await ListingSent.filter(client__company="华兴精密").count() == 2


async def test_todays_business_and_my_figures_in_everyday_words(day_one, say):
    await say(SALES, "跟进 华兴精密 今天下午3点再打电话")
    reply = await say(SALES, "帮我看看今天要干嘛")
    assert NOT_UNDERSTOOD not in reply and "华兴精密" in reply
    reply = await say(SALES, "今天跟了几个客户")
    assert "今天" in reply and "跟进1次" in reply


async def test_a_polite_lookup_finds_the_client(day_one, say):
    reply = await say(SALES, "麻烦帮我查一下新锐医疗器械")
    assert "新锐医疗器械（周）" in reply and "负责人：张三" in reply
    assert not await FollowUp.exists()


async def test_a_viewing_told_by_the_contact_goes_to_the_client_of_that_contact(day_one, say):
    reply = await say(SALES, "张总说下周三下午3点过来看A61")
    assert "已记录跟进：华兴精密" in reply and "(周三) 15:00" in reply
    note = await FollowUp.get(client__company="华兴精密")
    assert note.content.startswith("张总说") and "A61" in note.content


async def test_a_contact_two_of_my_clients_share_is_asked_about(day_one, say, make_client, team):
    await make_client(team["zhang"], "恒丰五金", contact_name="张")
    reply = await say(SALES, "张总说下周三下午3点过来看A61")
    assert "华兴精密" in reply and "恒丰五金" in reply and "回复序号" in reply
    assert not await FollowUp.exists()
    assert "已记录跟进：恒丰五金" in await say(SALES, "2" if reply.index("恒丰五金") > reply.index("华兴精密") else "1")


async def test_a_question_about_a_listing_without_a_command_gets_its_card_and_changes_nothing(day_one, say):
    reply = await say(SALES, "A61房东能接受23吗 问下")
    assert reply.startswith("A61 ") and "没有改动" in reply and "A61 租金改成23" in reply
    assert (await Listing.get(code="A61")).rent == 25
    assert "没有房源A99" in await say(SALES, "A99房东能接受23吗")
