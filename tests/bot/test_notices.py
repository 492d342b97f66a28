"""The wording of notifications: every notice a service records is worded, fitted to WeChat's limits keeping
the listing code, the client and the time."""

from __future__ import annotations

from datetime import datetime, timezone
from zoneinfo import ZoneInfo

from bot import notices
from models import Notification
from services.notify import NOTICE_TEMPLATE, Notice
from services.reminders import DAILY_DIGEST, FOLLOWUP_DUE

SHANGHAI = ZoneInfo("Asia/Shanghai")
T0 = datetime(2026, 3, 10, 2, 0, tzinfo=timezone.utc)  # 10:00 in Shanghai
LONG_COMPANY = "苏州工业园区华兴精密机械制造股份有限公司昆山分公司"
LONG_TITLE = "花桥镇沿沪大道旁单层钢结构厂房带行车独门独院"


def notice(kind: Notice, **facts) -> Notification:
    return Notification(kind=NOTICE_TEMPLATE, payload={"notice": kind.value, **facts}, due_at=T0, client_id=7)


def test_every_notice_a_service_can_record_is_worded():
    assert set(Notice) == set(notices.NOTICES) | set(notices.TIMED)


def test_a_listing_to_review_keeps_its_code_and_who_registered_it_and_trims_the_title():
    told = notices.text(notice(Notice.LISTING_TO_REVIEW, listing="A1234", title=LONG_TITLE, by="欧阳小明"), SHANGHAI)
    assert told["title"] == "房源待审核"
    assert told["detail"].startswith("A1234 花桥镇") and told["detail"].endswith("… 欧阳小明")
    assert len(told["detail"]) <= 20 and told["at"] == "2026年03月10日 10:00"


def test_a_fitting_listing_keeps_the_code_and_the_score_and_trims_a_long_company():
    told = notices.text(notice(Notice.LISTING_FITS_CLIENT, listing="A12", client=LONG_COMPANY, score=87), SHANGHAI)
    assert told["detail"] == "A12适合苏州工业园区…（匹配度87%）"


def test_a_viewing_keeps_the_time_and_the_listing_whatever_the_clients_name():
    start = int(datetime(2026, 3, 12, 6, 30, tzinfo=timezone.utc).timestamp())
    booked = notice(Notice.VIEWING_BOOKED, client=LONG_COMPANY, start_at=start, listing="A12", phone="138****1111")
    detail = notices.text(booked, SHANGHAI)["detail"]
    assert detail.startswith("A12 03-12 14:30 苏") and len(detail) <= 20
    cancelled = notice(Notice.VIEWING_CANCELLED, client=None, start_at=start, listing="A12")
    assert notices.text(cancelled, SHANGHAI)["detail"] == "A12 03-12 14:30 访客"


def test_amounts_are_yuan_from_fen():
    told = notices.text(
        notice(Notice.WITHDRAWAL_TO_REVIEW, withdrawal="W12", by="经纪人老王", amount_fen=123456), SHANGHAI
    )
    assert told["detail"] == "W12 经纪人老王 1,234.56元"


def test_a_due_followup_keeps_the_client_stage_and_time():
    reminder = Notification(
        kind=FOLLOWUP_DUE,
        payload={
            "client": LONG_COMPANY,
            "note": "带看后回访，问下二期",
            "stage": "viewing",
            "next_at": int(T0.timestamp()),
        },
        due_at=T0,
        client_id=7,
    )
    values = notices.values(reminder, SHANGHAI)
    assert values["stage"] == "带看" and values["due_at"] == datetime(2026, 3, 10, 10, 0, tzinfo=SHANGHAI)
    assert notices.text(reminder, SHANGHAI)["client"] == LONG_COMPANY[:19] + "…"


def test_the_digest_names_the_first_times_and_trims_the_companies():
    digest = Notification(
        kind=DAILY_DIGEST,
        payload={
            "day": "2026-03-10",
            "count": 5,
            "first": [
                {"at": int(T0.timestamp()), "client": LONG_COMPANY, "client_id": 1},
                {"at": int(T0.timestamp()) + 3600, "client": None, "client_id": 2},
            ],
        },
        due_at=T0,
    )
    told = notices.text(digest, SHANGHAI)
    assert told["summary"] == "今日待跟进5个客户" and told["date"] == "2026年03月10日"
    assert told["first"].startswith("10:00 苏州") and told["first"].endswith("；11:00 客户#2")


def test_a_notice_queued_before_notices_were_facts_is_sent_as_it_was_worded():
    old = Notification(kind=NOTICE_TEMPLATE, payload={"title": "房源待审核", "detail": "A12 花桥厂房 张三"}, due_at=T0)
    assert notices.text(old, SHANGHAI)["detail"] == "A12 花桥厂房 张三"
