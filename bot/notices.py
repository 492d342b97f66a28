"""What staff and referrers read in the official account's template messages: the wording of every notification.

Services queue what happened and its facts (``services.notify.Notice`` and the reminders' payloads: codes, names,
amounts in fen, times as epoch seconds); this module words them, and the outbox sender (``services.outbox``), given
``values`` by the worker, fills each template's keys with them. So the wording lives with the interface that shows
it, the services import nothing from here (lower packages never import ``bot``), and a notice queued before a
wording change goes out in the new wording.

The values are the ones config.yaml's ``templates`` map to keys (``thing1: client``). Each is a string, a time or
parts in which the key facts (the listing code, the client, the amount, the time) are kept and the rest is marked
``Trim``: ``wechat.templates`` fits every value to its key's type (``thing`` 20 characters, ``phrase`` 5, ...),
shortening the trimmable parts first.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from typing import Any
from zoneinfo import ZoneInfo

from models import Notification
from services.commissions import yuan
from services.notify import NOTICE_TEMPLATE, Notice
from services.reminders import DAILY_DIGEST, FOLLOWUP_DUE, OVERDUE_ESCALATION
from wechat.templates import Trim, Value, fit

Facts = dict[str, Any]
Words = tuple[Value, Value]
"""A notice's title and detail."""

VIA = {"miniapp": "小程序", "h5": "H5房源页"}
STAGES = {"intent": "意向", "viewing": "带看", "negotiating": "谈判", "won": "成交", "lost": "流失"}
"""Stage names within a template's ``phrase`` (5 characters)."""


def _client(name: str | None) -> Trim | str:
    """A client's name, trimmable; a visitor not yet a client (a viewing booked before any lead) is 访客."""
    return Trim(name) if name else "访客"


def _lead(f: Facts) -> Words:
    via = VIA.get(f.get("via") or "", "")
    about = f"（房源{f['listing']}）" if f.get("listing") else ""
    if f.get("duplicate_of"):
        return f"{via}新线索（可能重复）", (Trim(f["client"]), " 疑与", Trim(f["duplicate_of"]), "重复")
    title = f"{via}新线索" if f.get("created") else f"客户{via}留言"
    return title, (Trim(f["client"]), "：", Trim(f.get("need") or ""), about)


def _viewing(title: str) -> Callable[[Facts, ZoneInfo], Words]:
    def words(f: Facts, tz: ZoneInfo) -> Words:
        start = datetime.fromtimestamp(f["start_at"], tz)
        # the visitor's (masked) phone never fits beside them: the agenda shows it in full
        return title, (f["listing"], f" {start:%m-%d %H:%M} ", _client(f.get("client")))

    return words


def _manual_payout(f: Facts) -> Words:
    if f.get("why") == "unconfigured":
        return "提现需线下打款", f"{f['withdrawal']} 微信支付未配置"
    return "提现待线下打款", f"{f['withdrawal']} {yuan(f['amount_fen'])}元"


NOTICES: dict[Notice, Callable[[Facts], Words]] = {
    Notice.LISTING_TO_REVIEW: lambda f: ("房源待审核", (f["listing"], " ", Trim(f.get("title") or ""), " ", f["by"])),
    Notice.LISTING_RESUBMITTED: lambda f: (
        "房源重新提交审核",
        (f["listing"], " ", Trim(f.get("title") or ""), " ", f["by"]),
    ),
    Notice.LISTING_APPROVED: lambda f: ("房源审核结果", f"{f['listing']}已通过审核并上架"),
    Notice.LISTING_REJECTED: lambda f: ("房源审核结果", (f["listing"], "被驳回：", Trim(f.get("reason") or ""))),
    Notice.LISTING_FITS_CLIENT: lambda f: (
        "新房源匹配客户",
        (f["listing"], "适合", Trim(f["client"]), f"（匹配度{f['score']}%）"),
    ),
    Notice.CLIENT_HANDED_OVER: lambda f: ((Trim(f["by"]), "转给你一个客户"), Trim(f["client"])),
    Notice.CLIENT_TAKEN_AWAY: lambda f: ((Trim(f["by"]), "把你的客户转给了", Trim(f["to"])), Trim(f["client"])),
    Notice.LEAD: _lead,
    Notice.VISITOR_MESSAGE: lambda f: ("公众号客户留言", (Trim(f["client"]), "：", Trim(f.get("words") or ""))),
    Notice.REPLY_UNDELIVERED: lambda f: ("消息未送达，请电话联系", (Trim(f["client"]), " ", f.get("phone") or "")),
    Notice.PARTNER_LEAD: lambda f: (
        ("合作伙伴", Trim(f["partner"]), "推荐客户"),
        (Trim(f["client"]), "：", Trim(f.get("need") or "")),
    ),
    Notice.REFERRAL_LEAD: lambda f: ("您推荐的客户已留资", Trim(f["client"])),
    Notice.REFERRAL_WON: lambda f: ("您推荐的客户已成交", Trim(f["client"])),
    Notice.COMMISSION_EARNED: lambda f: ("您推荐的客户已成交", f"佣金{yuan(f['amount_fen'])}元（冻结中）"),
    Notice.COMMISSION_REVERSED: lambda f: ("佣金已撤销", (f"{yuan(f['amount_fen'])}元 ", Trim(f.get("reason") or ""))),
    Notice.COMMISSION_CLAWED_BACK: lambda f: (
        "佣金已追回",
        (f"{yuan(f['amount_fen'])}元 ", Trim(f.get("reason") or "")),
    ),
    Notice.COMMISSION_RELEASED: lambda f: ("佣金已解冻可提现", f"{yuan(f['amount_fen'])}元"),
    Notice.LEVEL_CHANGED: lambda f: ("佣金等级变更", (Trim(f["before"]), " → ", Trim(f["after"]))),
    Notice.WITHDRAWAL_TO_REVIEW: lambda f: (
        "提现待审核",
        (f["withdrawal"], " ", Trim(f["by"]), f" {yuan(f['amount_fen'])}元"),
    ),
    Notice.WITHDRAWAL_TO_CONFIRM: lambda f: ("提现待确认收款", f"{f['withdrawal']} 请在小程序确认收款"),
    Notice.WITHDRAWAL_PAID: lambda f: ("提现已到账", f"{f['withdrawal']} {yuan(f['amount_fen'])}元"),
    Notice.WITHDRAWAL_REJECTED: lambda f: ("提现被驳回", (f["withdrawal"], " ", Trim(f.get("reason") or ""))),
    Notice.WITHDRAWAL_FAILED: lambda f: (
        "提现未完成，金额已退回",
        (f["withdrawal"], " ", Trim(f.get("reason") or "")),
    ),
    Notice.MANUAL_PAYOUT_DUE: _manual_payout,
    Notice.PAYOUT_REFUSED: lambda f: ("提现转账失败", f"{f['withdrawal']} {f['code']}"),
    Notice.RECONCILIATION_DIFFERS: lambda f: ("对账发现差异", f"{f['day']} 共{f['differences']}项"),
    Notice.RATING_TO_FORWARD: lambda f: ("带看满意度", (Trim(f["client"]), "看完", f["listing"], "，点开转发给客户")),
    Notice.BACKUP_FAILED: lambda f: ("数据库备份失败", Trim(f.get("reason") or "")),
}
TIMED: dict[Notice, Callable[[Facts, ZoneInfo], Words]] = {
    Notice.VIEWING_BOOKED: _viewing("小程序预约看房"),
    Notice.VIEWING_CANCELLED: _viewing("小程序看房已取消"),
}
"""Notices whose wording shows a time (in the business time zone)."""


def values(n: Notification, tz: ZoneInfo) -> dict[str, Value]:
    """The values a notification's template keys are filled from (``at``: when it was queued for)."""
    at = n.due_at.astimezone(tz)
    p = n.payload
    if n.kind == NOTICE_TEMPLATE:
        if "notice" not in p:  # queued before notices were recorded as facts: sent as it was worded then
            return {"at": at, **p}
        notice = Notice(p["notice"])
        title, detail = TIMED[notice](p, tz) if notice in TIMED else NOTICES[notice](p)
        return {"at": at, "title": title, "detail": detail}
    if n.kind == FOLLOWUP_DUE:
        return {
            "at": at,
            "client": Trim(p.get("client") or f"客户#{n.client_id}"),
            "note": Trim(p.get("note") or ""),
            "stage": STAGES.get(p.get("stage") or "", p.get("stage")),
            "due_at": datetime.fromtimestamp(p["next_at"], tz),
        }
    if n.kind == DAILY_DIGEST:
        if "summary" in p:  # worded when queued (before notices were recorded as facts)
            return {"at": at, **p}
        first: list[str | Trim] = []
        for entry in p["first"]:
            first += ["；" if first else "", f"{datetime.fromtimestamp(entry['at'], tz):%H:%M} "]
            first.append(Trim(entry["client"]) if entry.get("client") else f"客户#{entry.get('client_id')}")
        return {
            "at": at,
            "summary": f"今日待跟进{p['count']}个客户",
            "first": first,
            "date": date.fromisoformat(p["day"]),
        }
    if n.kind == OVERDUE_ESCALATION:
        return {
            "at": at,
            "salesperson": p.get("salesperson"),
            "client": Trim(p.get("client") or f"客户#{n.client_id}"),
            "due_at": datetime.fromtimestamp(p["next_at"], tz) if "next_at" in p else p.get("due_at"),
        }
    return {"at": at, **p}


def text(n: Notification, tz: ZoneInfo) -> dict[str, str]:
    """The notification's words as people read them, each fitted as a ``thing`` (20 characters; times with
    their date, as in a ``time`` key)."""
    return {name: fit("thing", value) for name, value in values(n, tz).items()}
