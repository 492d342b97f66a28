"""Commands beyond searching and recording: the v2 contract's (cancel a reminder, undo, a deal with its terms,
commission, withdrawal, listing figures, sign-in, share text) and the chat's own (edit or delete a record,
look up by phone, own and team figures, send or resubmit a listing, reply to a visitor).

Each command is an intent, the patterns that say it, and the slots it carries. They are tried in order,
after the opening commands (新客户, 新房源, 跟进...) and before the cue table of intents.py.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime

from . import lexicon as lx
from . import slots as sx
from .numbers import NUM, arabize, extract_quantities, number_value
from .timeparse import agenda_range, next_followup

_NAME = r"[^\s,，。!！?？]+?"
_CODE = r"[A-Za-z]{1,3}-?\d{1,4}"
_LISTING = r"(?P<listing>[A-Za-z]{1,3}-?\d{1,4}|[\u4e00-\u9fa5]{0,6}?\d+号(?:厂房|仓库|楼|库|车间|栋))"
_MOBILE_ONLY = re.compile(
    r"^\s*(?:帮我|帮忙|麻烦)?\s*(?:查一?下?|查查|找|搜)?\s*(?:这个|一下)?\s*(?:客户|电话|手机号?|号码|号)?\s*[:：]?\s*((?:\+?86)?\s*1[3-9]\d(?:[\s-]?\d){8})\s*"
    r"(?:是(?:哪个|哪家|谁)(?:客户|的)?(?:客户)?|是谁|谁的(?:客户)?|哪个客户)?\s*[?？]?\s*$"
)
_SELF = ("我", "我们", "自己")


@dataclass(frozen=True)
class Command:
    intent: str
    patterns: tuple[re.Pattern, ...]
    slots: Callable[[re.Match, str, datetime, str], dict]  # (match, text, now, the text as written)
    accept: Callable[[re.Match, str], bool] = lambda match, text: True


def _client(name: str | None) -> str | None:
    """A client as named (`华兴精密`, `李总`), None for what cannot be one (`我`, `房源`, `A12`)."""
    if not name:
        return None
    name = re.sub(r"^(?:客户|把|给|将)\s*|\s*(?:客户|的|这个客户|那个客户)$", "", name.strip())
    if not name or name.startswith(_SELF):
        return None
    who = sx.party(name)
    return who.client if who.client and (sx.is_client_name(who.client) or sx._PERSON.fullmatch(who.client)) else None


def _names_client(match: re.Match, text: str) -> bool:
    return _client(match.group("who")) is not None


def _who(match: re.Match, text: str, now: datetime, written: str) -> dict:
    return {"client": _client(match.group("who"))}


def _nothing(match: re.Match, text: str, now: datetime, written: str) -> dict:
    return {}


def _listing(match: re.Match, text: str, now: datetime, written: str) -> dict:
    return {"listing": match.group("listing")}


def _compile(*patterns: str) -> tuple[re.Pattern, ...]:
    """Case-sensitive: a case-insensitive class of hundreds of surnames takes a tenth of a second to compile."""
    return tuple(re.compile(p) for p in patterns)


# ---- cancel_followup -------------------------------------------------------------------------------------
_REMINDER = r"(?:跟进|回访)?提醒"
_CANCEL = r"(?:取消掉?|删掉|删除|去掉|关掉|关闭|撤销|不要了|不用了|别提醒了)"
CANCEL_FOLLOWUP = Command(
    "cancel_followup",
    _compile(
        rf"^\s*{_CANCEL}(?:一下)?\s*{_REMINDER}\s*[:：]?\s*(?P<who>{_NAME})\s*$",
        rf"^\s*(?:把|将)?\s*(?P<who>{_NAME})\s*的?\s*{_REMINDER}\s*(?:先|都)?(?:给我)?{_CANCEL}",
        rf"^\s*(?:帮我)?{_CANCEL}(?:一下)?\s*(?P<who>{_NAME})\s*的?\s*{_REMINDER}",
        rf"^\s*(?P<who>{_NAME})\s*的?\s*{_CANCEL}(?:一下)?\s*{_REMINDER}\s*$",  # `康达物流 取消提醒`
        rf"^\s*(?P<who>{_NAME})\s*(?:先|暂时|就)?(?:不用|不要|别|无需)再?(?:提醒|通知)(?:我)?了?\s*$",
        # `不用再提醒我跟进华阳五金了`
        rf"^\s*(?:先|暂时)?(?:不用|不要|别|无需)再?(?:提醒|通知)我?(?:跟进|联系|回访)?\s*(?P<who>{_NAME})\s*了?\s*$",
    ),
    _who,
    _names_client,
)

# ---- a reminder asked for: a follow-up with its time -------------------------------------------------------
_REMIND_ME = re.compile(
    r"(?:给|跟|和|联系|回访|拜访|约|找|看一?下|问一?下)\s*(?P<who>[^\s,，。的]+?)\s*(?:的[^\s,，。]*)?"
    r"(?:打个?电话|回个?电话|打一下电话|发个?微信|发个?信息|再?联系一?下?|回访|谈一?谈|聊一?聊|见个?面|签合同|催一?下|问一?问|$)"
)
REMIND_ME = Command(
    "log_followup",
    # `提醒我明天上午9点给华兴精密打电话`, `明天提醒我联系华兴精密`
    _compile(r"^\s*(?P<time>[^提]{0,12}?)\s*提醒(?:一下)?我\s*(?P<what>.+?)\s*$"),
    lambda match, text, now, written: _remind_me_slots(match, now, written),
    lambda match, text: bool(_remind_me_client(match)),
)


def _remind_me_client(match: re.Match) -> str | None:
    found = _REMIND_ME.search(match.group("what"))
    return _client(found.group("who")) if found else None


def _remind_me_slots(match: re.Match, now: datetime, written: str) -> dict:
    """The client to call, when (``next_at``), and the request as written for the note."""
    when = next_followup(arabize(f"{match.group('time')} {match.group('what')}"), now)
    return {"client": _remind_me_client(match), "next_at": when.at if when else None, "content": written.strip()}


# ---- undo ------------------------------------------------------------------------------------------------
UNDO = Command(
    "undo",
    _compile(
        r"^\s*(?:撤销|撤回|撤消|回撤)(?:一下)?\s*(?:刚才|刚刚|上一?条|上一步|最后一条|那条)?(?:的|那条)?(?:记录|操作)?\s*[。!！]?\s*$",
        r"^\s*(?:刚才|刚刚|上一?条|最后一条|前一条)(?:那条|的)?(?:记录|跟进|消息)?\s*(?:记错|发错|录错|写错|搞错|弄错|错)了?"
        r"[\s,，。]*(?:删掉|删了|删除|撤销|撤回|不算|作废)?(?:一下|吧)?\s*$",
        r"^\s*(?:删掉|删除|撤回|撤销)\s*(?:刚才|刚刚|上一?条|最后一条)(?:那条|的)?(?:记录|跟进|消息)?\s*$",
        r"^\s*(?:刚才|刚刚|上一?条|最后一条)(?:那条|的)?(?:记录|跟进|消息)?\s*(?:撤回|撤销|删掉|删了|删除|作废|不要了)(?:吧|一下)?\s*$",
    ),
    _nothing,
)

# ---- end_deal ---------------------------------------------------------------------------------------------
_ENDS_DEAL = r"(?:取消成交|成交取消|撤销成交|成交作废|成交撤销|退租|(?:签约|合同)(?:取消|作废)|取消(?:签约|合同))"
END_DEAL = Command(
    "end_deal",
    _compile(
        # `取消成交 华兴精密 客户毁约`
        rf"^\s*{_ENDS_DEAL}\s*[:：]?\s*(?P<who>{_NAME})\s*(?:[，,:：。]\s*|\s+|$)(?P<reason>.*?)\s*$",
        # `华兴精密 取消成交 客户毁约`, `华兴精密成交取消了 对方毁约`, `华兴精密退租了`
        rf"^\s*(?P<who>{_NAME})\s*的?\s*(?:{_ENDS_DEAL}|(?:成交|合同|签约)?(?:毁约|违约))了?\s*[，,:：。]?\s*(?P<reason>.*?)\s*$",
    ),
    lambda match, text, now, written: {
        "client": _client(match.group("who")),
        "reason": written[match.start("reason") : match.end("reason")].strip() or None,
    },
    _names_client,
)
"""A deal that fell through (`取消成交 X 原因`) or a tenant who left (`退租 X`): never a won stage."""

# ---- record_deal -----------------------------------------------------------------------------------------
_WON_WORDS = sx._alternation(set(lx.STAGES["won"]))
_DEAL_TERMS = (
    ("annual_rent", re.compile(rf"(?:年租金|年租|一年租金|每年)\s*(?:是|为)?\s*{NUM}\s*(?:元|块)?")),
    ("monthly_rent_total", re.compile(rf"(?:月租金|月租|每月租金|每个月|每月)\s*(?:是|为)?\s*{NUM}\s*(?:元|块)?")),
    ("sale_total", re.compile(rf"(?:总价|成交价|总额|总共|一共)\s*(?:是|为)?\s*{NUM}\s*(?:元|块)?")),
    ("rent_free_months", re.compile(r"免租(?:期)?\s*(\d+(?:\.\d+)?)\s*(个月|月|天)")),
    ("lease_years", re.compile(r"(?:租期|租|签|合同期?)\s*(\d+(?:\.\d+)?)\s*年|(\d+(?:\.\d+)?)\s*年(?:租期|合同)")),
    ("coupon", re.compile(r"(?:用券|用了券|优惠券|用了?优惠券|券码?)\s*[:：]?\s*([A-Za-z0-9]{2,16})")),
    ("rent", re.compile(rf"(?:每平米?|每平方米?|(?<![\d.])[一1]平米?|单价)\s*(?:每月)?\s*{NUM}\s*(?:元|块)?")),
)


def deal_terms(text: str) -> dict:
    """The terms a deal message names, from arabized text."""
    found: dict = {}
    for name, pattern in _DEAL_TERMS:
        match = pattern.search(text)
        if not match:
            continue
        if name == "rent_free_months":
            value = float(match.group(1))
            found[name] = round(value / 30, 2) if match.group(2) == "天" else value
        elif name == "lease_years":
            found[name] = float(match.group(1) or match.group(2))
        elif name == "coupon":
            found[name] = match.group(1).upper() if match.group(1)[0].isalpha() else match.group(1)
        else:
            found[name] = number_value(match.group(1), match.group(2))
        text = text[: match.start()] + " " * (match.end() - match.start()) + text[match.end() :]
    if "rent" not in found and not found.keys() & {"annual_rent", "monthly_rent_total", "sale_total"}:
        quantities = extract_quantities(text, False, sx.deal_type(text) == "sale")
        if "rent" in quantities:
            found["rent"] = quantities["rent"]
    if found.get("rent", 0) > 300:  # `每平3500` in a sale is a price per m², not a rent
        found.pop("rent")
    return found


_TERM_WORDS = re.compile(
    r"(?:年租金|年租|一年租金|每年|月租金|月租|每月租金|每个月|每月|总价|成交价|总额|免租期?|租期|合同期?|每平米?|单价)[^\s,，。;；、]*"
)
"""A term and its amount (`年租金120万`): never the client of a deal that names none."""


def _deal_accept(match: re.Match, text: str) -> bool:
    return bool(deal_terms(arabize(text)))


def without_terms(text: str) -> str:
    """The text with each term and its amount (`年租120万`, `3月1日起租`) blanked: what is left may name the client."""
    return _TERM_WORDS.sub(lambda m: " " * len(m.group()), _LEASE_START_WORDS.sub(lambda m: " " * len(m.group()), text))


_LEASE_START_WORDS = re.compile(r"[^\s,，。;；、]*起租[^\s,，。;；、]*")


def _deal_slots(match: re.Match, text: str, now: datetime, written: str) -> dict:
    numeric = arabize(text)
    terms = deal_terms(numeric)
    coupon = re.escape(terms.get("coupon", ""))
    listing = sx.listing_code(re.sub(coupon, " ", text, flags=re.I) if coupon else text)  # the coupon is no listing
    before = without_terms(text[: match.start()]).strip()
    client = _client(sx.party(before).client) if before and not sx.is_listing_code(before) else None
    if client is None:
        rest = text.replace(listing, " ") if listing else text
        rest = re.sub(rf"{_WON_WORDS}|{_CLOSED_WORDS}|了", " ", without_terms(rest))
        client = _client(sx.party(rest).client)
    # `A61已租 年租金120万`: the listing is let too, once the deal is confirmed
    closed = "closed" if "listing" in match.re.groupindex else None
    return {
        "client": client,
        "listing": listing,
        "listing_status": closed,
        "lease_start": _lease_start(numeric, now),
        **terms,
    }


_LEASE_START = re.compile(
    r"(?:(\d{4})\s*[-/.年]\s*)?(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*[日号]?\s*起租"
    r"|起租(?:日|日期)?\s*[:：为是]?\s*(?:(\d{4})\s*[-/.年]\s*)?(\d{1,2})\s*[-/.月]\s*(\d{1,2})"
)


def _lease_start(text: str, now: datetime) -> date | None:
    """`2027年1月1日起租`, `起租日3月1日`: a date without a year that has passed this year is next year's."""
    match = _LEASE_START.search(text)
    if not match:
        return None
    year, month, day = match.group(1, 2, 3) if match.group(2) else match.group(4, 5, 6)
    try:
        start = date(int(year) if year else now.year, int(month), int(day))
    except ValueError:
        return None
    return start.replace(year=now.year + 1) if not year and start < now.date() else start


_CLOSED_WORDS = sx._alternation(set(lx.LISTING_STATUSES["closed"]))
RECORD_DEAL = Command(
    "record_deal",
    _compile(
        rf"{_WON_WORDS}|买下来|买下了|租下来|租下了|租给|卖给|售给|签给",
        rf"{_LISTING}\s*(?:{_CLOSED_WORDS})",  # `A61已租 年租金120万`: let, on these terms
    ),
    _deal_slots,
    _deal_accept,
)

# ---- commission and withdrawal ---------------------------------------------------------------------------
WITHDRAW = Command(
    "withdraw",
    _compile(
        r"提现|(?:佣金|提成|奖励|收益)(?:全部)?(?:提出来|取出来|提取|转出)|提(?:取)?(?:佣金|提成)",
    ),
    lambda match, text, now, written: {"amount": _amount(text), "real_name": _real_name(written)},
)
MY_COMMISSION = Command(
    "my_commission",
    _compile(
        r"^\s*(?:查一?下?|看一?下?|看看)?\s*(?:我的?|自己的?)?\s*(?:钱包|余额|佣金|提成|奖励金?|推广收益|收益|分佣)"
        r"(?:明细|余额|记录|多少|有多少|是多少|到账了吗|到了吗|呢|了吗|了)*\s*[?？]?\s*$",
        r"^\s*我(?:一共|总共|这个月|本月|这周|现在)?(?:赚了|挣了|拿了|有)(?:多少|几个)(?:钱|佣金|提成)?\s*[?？]?\s*$",
    ),
    _nothing,
)


_REAL_NAME = re.compile(r"^\s*提现\s*[\d.]+\s*(?:万|千)?\s*(?:元|块)?\s*(?P<name>[\u4e00-\u9fa5·]{2,16})\s*$")


def _real_name(written: str) -> str | None:
    """`提现 2500 王大明`: the name WeChat's real-name check compares, as written after the amount."""
    match = _REAL_NAME.match(written)
    return match.group("name") if match else None


def _amount(text: str) -> float | None:
    match = re.search(rf"{NUM}\s*(?:元|块|rmb)?", arabize(text).lower())
    return number_value(match.group(1), match.group(2)) if match else None


# ---- listing figures, share text, poster-like listing commands --------------------------------------------
_STATS = r"(?:的)?\s*(?:数据|浏览量|浏览|访问量|访问|阅读量|点击量|曝光|多少人看|有多少人看|几个人看|有几个人看|几人看|有人看吗|转发了?多少|分享了?多少|转发量|分享量|线索|留资|效果|怎么样了?|咋样了?|表现)"
LISTING_STATS = Command(
    "listing_stats",
    _compile(
        rf"^\s*(?:查一?下?|看一?下?|看看)?\s*{_LISTING}\s*(?:最近|这几天|这周|本周|今天|现在)?\s*{_STATS}",
    ),
    _listing,
)
_COPY = r"(?:群发文案|朋友圈文案|推广文案|文案|发群的?文案|群发的?话术|话术|朋友圈|推文|软文|广告语|转发语)"
SHARE_TEXT = Command(
    "share_text",
    _compile(
        rf"^\s*{_LISTING}\s*(?:的)?\s*{_COPY}",
        rf"^\s*(?:帮我|给我|请)?(?:给|为|帮)?\s*{_LISTING}\s*(?:写|出|来|生成|做)(?:一?个|一?段|一?条|一?份)?\s*{_COPY}",
        rf"^\s*(?:帮我|给我|请)?(?:写|出|生成|来|做)(?:一?个|一?段|一?条|一?份)?\s*{_LISTING}\s*的?\s*{_COPY}",
    ),
    _listing,
)
RESUBMIT_LISTING = Command(
    "resubmit_listing",
    _compile(
        rf"^\s*{_LISTING}\s*[^\d\s]{{0,8}}?[\s,，]*(?:重新提交|再次提交|重新审核|重新送审|提交审核|再提交|重新上传)",
    ),
    _listing,
)
SEND_LISTING = Command(
    "send_listing",
    _compile(
        # `给华兴精密发一下A61`
        rf"^\s*(?:帮我)?\s*给\s*(?P<who>[^\s,，]+?)\s*(?:发|推|转)(?:一下|个|一个)?\s*{_LISTING}(?P<more>(?:\s*[和、,，跟及]\s*{_CODE})*)\s*吧?\s*$",
        rf"^\s*(?:再|重新)?\s*(?:把|将)?\s*{_LISTING}(?P<more>(?:\s*[和、,，跟及]\s*{_CODE})*)\s*都?\s*(?P<again>再|重新|又|再次)?\s*(?:发一?[次遍下]|发)?\s*(?:发给|推给|转给|推荐给|分享给|给)\s*(?P<who>.+?)\s*(?:一[次遍下])?\s*[吧。!！]?\s*$",
    ),
    lambda match, text, now, written: _send_slots(
        match, again=bool(match.groupdict().get("again")) or text.lstrip().startswith(("再", "重新"))
    ),
    _names_client,
)


def _send_slots(match: re.Match, *, again: bool) -> dict:
    """`again` when the writer sends it once more on purpose (`A61再发给华兴精密`)."""
    who = sx.party(match.group("who").strip())
    more = re.findall(_CODE, match.group("more") or "")
    return {
        "listing": match.group("listing"),
        "listings": [match.group("listing"), *more] if more else None,
        "client": who.client,
        "contact_name": who.surname if who.company else None,
        "again": again or None,
    }


# ---- edit and delete -------------------------------------------------------------------------------------
_FIELD = r"(?P<field>电话|手机号?|联系电话|联系人|微信号?|公司名?称?|行业|来源|区域)"
_TO = r"(?:改成|改为|换成|更新为|更新成|变成|变更为|修改为|修改成|是|为|:|：)"
_WECHAT_ID = r"[A-Za-z][-_A-Za-z0-9]{5,19}|1[3-9]\d{9}"
EDIT_CLIENT = Command(
    "edit_client",
    _compile(
        rf"^\s*(?:修改|更改|更新|改一下|改下)\s*(?:客户)?\s*(?P<who>{_NAME})\s*的?\s*{_FIELD}\s*{_TO}?\s*(?P<value>.+?)\s*$",
        rf"^\s*(?:把)?\s*(?P<who>{_NAME})[\s,，。]*的?\s*{_FIELD}\s*{_TO}\s*(?P<value>.+?)\s*$",
        # `华兴精密 张总 手机换了 13800001112`
        rf"^\s*(?P<who>{_NAME}(?:\s*(?:联系人)?\s*{sx._PERSON.pattern})?)[\s,，]*的?\s*(?P<field>电话|手机号?)\s*(?:号码)?"
        r"(?:换了|改了|变了|换号了|换新号了|换成|改成)[\s,，:：]*(?:新的?(?:号码?)?是?)?\s*(?P<value>(?:\+?86)?1[3-9]\d(?:[\s-]?\d){8})\s*$",
        # `新锐医疗器械 周总 微信 zhou_xr2024`: a WeChat id given beside the client (and its contact)
        rf"^\s*(?P<who>{_NAME}(?:\s*{sx._PERSON.pattern})?)[\s,，]*的?\s*(?P<field>微信号?)\s*[:：]?\s*(?P<value>{_WECHAT_ID})\s*$",
    ),
    lambda match, text, now, written: _edit_client_slots(match),
    _names_client,
)


def _edit_client_slots(match: re.Match) -> dict:
    field, value = match.group("field"), match.group("value").strip()
    found: dict = {"client": _client(match.group("who"))}
    if field.startswith(("电话", "手机", "联系电话")):
        found["phone"] = sx.phone(value)[0]
    elif field == "联系人":  # `联系人换成孙总了 电话139…`: the new contact, and their phone when given
        found.update(_person(value))
    elif field.startswith("微信"):
        found["wechat_id"] = value
    elif field.startswith("公司"):
        found["company"] = value
    elif field == "行业":
        found["industry"] = value
    elif field == "区域":
        found.update(_places(value))
    elif field == "来源":
        found["source"] = sx.source(value)
    return found


def _person(value: str) -> dict:
    """`孙总了 电话139…`: the person named first (``contact_name``) and their ``phone`` when given."""
    phone, value = sx.phone(value)
    value = re.sub(r"了$", "", re.split(r"[\s,，。]", value.strip())[0])
    who = sx.party(value)
    return {"contact_name": who.surname or (value if sx.looks_like_full_name(value) else None), "phone": phone}


ADD_CONTACT = Command(
    "add_contact",
    _compile(
        # `华兴精密 加个联系人 孙总 13912345678`, `给华兴精密添加联系人：孙总 电话13912345678`
        rf"^\s*(?:给|为)?\s*(?P<who>{_NAME})[\s,，。]*(?:再|还)?(?:加一?个|添加|增加|新增|补充|加上|加|多了?一?个|还有一?个)"
        r"\s*(?:新的?)?(?:联系人|对接人)\s*[:：]?\s*(?P<value>.+?)\s*$",
    ),
    lambda match, text, now, written: {"client": _client(match.group("who")), **_person(match.group("value"))},
    lambda match, text: _names_client(match, text) and any(_person(match.group("value")).values()),
)
"""Another person of the client, with their phone: kept beside the first contact, not in its place."""


_NEED_FIELD = r"(?P<field>需求|要求|面积|预算|价格|租金|单价|总价|类型|用途|层高)"
_NEED_CHANGE = r"(?:改成|改为|换成|变成|变为|更新为|更新成|修改为|修改成|调整为|调整成|提高到|放宽到|扩大到|缩小到)"
"""Words that change what is on record; not `降到`/`谈到` (`华兴精密 租金谈到24` is news of the negotiation)."""
_KINDS = sx._alternation({word for words in lx.PROPERTY_TYPES.values() for word in words})
EDIT_REQUIREMENT = Command(
    "edit_client",
    _compile(
        # `鑫达模具 需求改成4000平`, `鑫达模具 面积改成3000到5000平`, `鑫达模具 预算改成30元`, `类型改成仓库`
        rf"^\s*(?:修改|更改|更新|把)?\s*(?:客户)?\s*(?P<who>{_NAME})[\s,，。]*的?\s*(?:(?:需求|要求)的?)?{_NEED_FIELD}"
        rf"\s*(?:要|需要)?(?:改一下|调整一下|变了|改了)?[\s,，]*{_NEED_CHANGE}\s*(?P<value>.+?)\s*$",
        # `鑫达模具 要仓库不要厂房`, `鑫达模具 不要厂房了 要仓库`
        rf"^\s*(?P<who>{_NAME})\s*(?:现在|改成|改为|换成)?\s*(?:要|想要|需要)\s*(?P<value>{_KINDS})\s*[,，\s]*不要\s*(?:{_KINDS})\s*了?\s*$",
        rf"^\s*(?P<who>{_NAME})\s*不要\s*(?:{_KINDS})\s*了?\s*[,，\s]*(?:改成|改为|换成)?\s*(?:要|想要|需要)?\s*(?P<value>{_KINDS})\s*了?\s*$",
        # `新锐医疗器械 不要太仓了 改成昆山`
        rf"^\s*(?P<who>{_NAME})\s*不要\s*(?P<old>[^\s,，]{{2,6}}?)\s*了\s*[,，\s]*(?:改成|改为|换成|要|想要)\s*(?P<value>.+?)\s*$",
        # `新锐医疗器械预算降到20`: a budget goes down or up
        rf"^\s*(?P<who>{_NAME})[\s,，。]*的?\s*(?P<field>预算)\s*(?:降到|降为|降至|调到|调整到|加到|涨到|提到)\s*(?P<value>.+?)\s*$",
    ),
    lambda match, text, now, written: {"client": _client(match.group("who")), **_requirement_change(match)},
    lambda match, text: _names_client(match, text) and bool(_requirement_change(match)) and _old_is_a_need(match),
)
"""A client's changed requirement: only the bounds it names change (``clients.update`` replaces their group)."""


_ADD = r"加一个|加一条|加个|加上|加|增加|添加|补充|补上"
_DROP = r"去掉|去除|删掉|删除|取消|不要"
ADD_TO_REQUIREMENT = Command(
    "edit_client",
    _compile(
        # `华兴精密 需求加一个 要行车`, `需求加上 一楼`, `需求去掉行车`
        rf"^\s*(?:(?P<who>{_NAME})[\s,，。]*的?)?\s*(?:需求|要求)\s*(?:里|上)?\s*(?P<op>{_ADD}|{_DROP})(?:一下)?\s*[:：]?"
        r"\s*(?:要|需要)?\s*(?P<value>.+?)\s*$",
        # `华兴精密 还要带办公的`
        rf"^\s*(?P<who>{_NAME})[\s,，。]*(?P<op>还要|还需要|也要|另外要)\s*(?P<value>.+?)\s*$",
    ),
    lambda match, text, now, written: _requirement_addition(match),
    lambda match, text: _adds_to_requirement(match),
)
"""What a client also wants (``features_change``: ``add``), or no longer (``remove``): the requirement's features
grow or shrink instead of being replaced; anything else named (`一楼`) is set."""


def _requirement_addition(match: re.Match) -> dict:
    removes = re.fullmatch(_DROP, match.group("op")) is not None
    change = _requirement_change(match)
    return {
        "client": _client(match.group("who")),
        **({"features": change.get("features")} if removes else change),
        "features_change": ("remove" if removes else "add") if change.get("features") else None,
    }


def _adds_to_requirement(match: re.Match) -> bool:
    """A named client, if any; something the requirement can hold; only features after `还要` (`还要再考虑一下
    预算200万` is news), and only features to take away."""
    if match.group("who") and not _client(match.group("who")):
        return False
    change = _requirement_change(match)
    if match.group("op").endswith("要") or re.fullmatch(_DROP, match.group("op")):
        return bool(change) and change.keys() == {"features"}
    return bool(change)


def _old_is_a_need(match: re.Match) -> bool:
    """`不要太仓了`, `不要厂房了`: what is given up is a place or a kind, not anything (`不要了`, `不要催了`)."""
    old = match.groupdict().get("old")
    return old is None or bool(sx.region(old) or sx.property_type(old))


def _places(value: str) -> dict:
    """`昆山`; `嘉兴或者嘉善`: the first is the client's region, all are the requirement's ``regions``."""
    alternatives = sx.regions(value)
    return {"region": alternatives[0] if alternatives else sx.region(value), "regions": alternatives or None}


def _requirement_change(match: re.Match) -> dict:
    field = match.groupdict().get("field") or ""
    value = match.group("value")
    prices = field in ("预算", "价格", "租金", "单价", "总价")
    deal = sx.deal_type(value)
    found = {
        **_places(value),
        "deal_type": deal,
        "property_type": sx.property_type(value),
        "single_storey": sx.single_storey(value),
        "features": sx.features(value),
    }
    numeric = arabize(f"{field}{value}" if prices or field in ("面积", "层高") else value).lower()
    found.update(extract_quantities(numeric, True, deal == "sale" or field == "总价"))
    return {name: value for name, value in found.items() if value not in (None, [])}


_WECHAT_IS_PHONE = (
    r"(?:同号|同手机号?|同电话|(?:和|跟|与)(?:手机|电话)号?(?:码)?(?:一样|相同)|(?:就是|是|用)(?:手机|电话)号?码?)"
)
WECHAT_IS_PHONE = Command(
    "edit_client",
    # `华兴精密 孙总 微信同号`, `华兴精密 微信就是手机号`
    _compile(rf"^\s*(?P<who>.+?)\s*的?\s*微信号?\s*{_WECHAT_IS_PHONE}\s*[。!！]?\s*$"),
    lambda match, text, now, written: _wechat_is_phone_slots(match),
    _names_client,
)


def _wechat_is_phone_slots(match: re.Match) -> dict:
    """``wechat_is_phone``: the WeChat id is the contact's phone (the bot knows which phone that is)."""
    who = sx.party(match.group("who").strip())
    return {
        "client": _client(who.client),
        "contact_name": who.surname if who.company else None,
        "wechat_is_phone": True,
    }


_SOURCE_WORDS = sx._alternation(sx._SOURCE_OF)
EDIT_SOURCE = Command(
    "edit_client",
    # `永盛冷链 抖音来的`, `永盛冷链是老客户介绍的`: how the client came
    _compile(rf"^\s*(?P<who>{_NAME})\s*(?:是|属于|从)?\s*(?P<value>{_SOURCE_WORDS})(?:来的|过来的|的客户|的)?\s*$"),
    lambda match, text, now, written: {
        "client": _client(match.group("who")),
        "source": sx.source(match.group("value")),
    },
    _names_client,
)


_LISTING_FIELD_CHANGE = (
    r"(?:改成|改为|换成|调整为|调整成|调成|调到|降到|降为|降至|涨到|涨为|涨至|提到|提高到|更新为|变成|修改为|改)"
)
EDIT_LISTING = Command(
    "edit_listing",
    _compile(
        rf"^\s*(?:修改|更改|把)?\s*{_LISTING}\s*(?:的)?\s*(?P<what>[^\d\s]{{0,6}}?)\s*{_LISTING_FIELD_CHANGE}\s*(?P<value>.+?)\s*$",
    ),
    lambda match, text, now, written: _edit_listing_slots(match),
    lambda match, text: bool(_edit_listing_values(match)),
)


def _edit_listing_values(match: re.Match) -> dict:
    if sx.status_match(match.group("value")) or sx.stage(match.group("value")):
        return {}  # `A12改成已租` changes its status
    what, value = match.group("what") or "", match.group("value")
    numeric = arabize(f"{what}{value}").lower()
    found: dict = {}
    kind = sx.property_type(value)
    if kind:
        found["property_type"] = kind
    found.update(extract_quantities(numeric, False, "售" in what or "卖" in what))
    bare = re.fullmatch(rf"\s*{NUM}\s*(?:元|块)?\s*", arabize(value).lower())
    if bare and not found:
        number = number_value(bare.group(1), bare.group(2))
        if "租" in what or "价" in what:
            found["sale_price" if number > 300 or "售" in what else "rent"] = number
        elif "面积" in what:
            found["area"] = number
    if "售" in what and "rent" in found and "sale_price" not in found:
        found["sale_price"] = found.pop("rent")
    storey = sx.single_storey(value)
    if storey is not None:
        found["single_storey"] = storey
    features = sx.features(value)
    if features:
        found["features"] = features
    return found


def _edit_listing_slots(match: re.Match) -> dict:
    return {"listing": match.group("listing"), **_edit_listing_values(match)}


DELETE_CLIENT = Command(
    "delete_client",
    _compile(
        r"^\s*(?:删除|删掉|删)(?:一下)?\s*客户\s*[:：]?\s*(?P<who>.+?)\s*$",
        rf"^\s*(?:把|将)?\s*(?:客户)?\s*(?P<who>{_NAME})\s*(?:这个客户)?\s*(?:删了|删掉|删除)(?:吧)?\s*$",
    ),
    _who,
    lambda match, text: _names_client(match, text) and "提醒" not in text,
)

# ---- look-ups --------------------------------------------------------------------------------------------
PHONE_LOOKUP = Command(
    "client_info", (_MOBILE_ONLY,), lambda match, text, now, written: {"phone": sx.phone(match.group(1))[0]}
)
_ASK_CONTACT = (
    r"(?:的)?(?:电话|手机|联系方式|手机号|号码|微信|联系人)(?:号码)?\s*"
    r"(?:(?:是多少|多少|是啥|是什么|是谁|呢|发我一?下?|给我一?下?|发一?下?)|\s*[?？]?\s*$)"
)
CONTACT_LOOKUP = Command(
    "client_info",
    _compile(
        rf"^\s*(?P<who>{_NAME})\s*{_ASK_CONTACT}",
    ),
    _who,
    _names_client,
)

# ---- own and team figures --------------------------------------------------------------------------------
_PERIODS = (
    ("today", r"今天|今日"),
    ("yesterday", r"昨天"),
    ("week", r"本周|这周|这个?星期|这个?礼拜|本星期"),
    ("last_week", r"上周|上个?星期|上个?礼拜"),
    ("month", r"本月|这个?月"),
    ("last_month", r"上个?月"),
)


def period(text: str) -> str | None:
    for name, words in _PERIODS:
        if re.search(words, text):
            return name
    return None


_FIGURES = r"(?:数据|业绩|战绩|统计|报表|成绩|排名|绩效|工作量|情况)"
MY_STATS = Command(
    "my_stats",
    _compile(
        rf"^\s*(?:查一?下?|看一?下?|看看)?\s*(?:我|自己)(?:的)?\s*(?:今天|今日|昨天|本周|这周|这个?星期|上周|本月|这个?月|上个?月)?\s*的?\s*{_FIGURES}",
        rf"^\s*(?:今天|今日|昨天|本周|这周|这个?星期|上周|本月|这个?月|上个?月)\s*(?:我|自己)的?\s*{_FIGURES}",
        r"^\s*我?(?:今天|今日|昨天|本周|这周|这个?星期|本月|这个?月|上周|上个?月)\s*我?(?:一共|总共)?(?:跟进|跟|带看|成交|录入|签|见|拜访|联系|新增|新加|新录入?|加)了?(?:多少|几个|几单|几套|几家|几次)",
    ),
    lambda match, text, now, written: {"period": period(text)},
)
TEAM_STATS = Command(
    "team_stats",
    _compile(
        # `这周谁跟进最多`, `今天谁成交了`
        r"^\s*(?:今天|今日|本周|这周|本月|这个?月|上周|上个?月)?\s*(?:我们|团队|组里)?\s*谁(?:的)?(?:跟进|跟|成交|带看|业绩|数据|录入|签)(?:了|得|的)?(?:最多|最少|最好|最高|最差|多少|几个)?\s*[?？]?\s*$",
        rf"(?:团队|大家|全组|组里|部门|全员|我们组|整个组|各位)\s*(?:的)?\s*(?:今天|本周|这周|本月|这个?月|上周|上个?月)?\s*的?\s*(?:{_FIGURES}|跟进情况|跟进了?多少|排行|跟进(?:记录)?\s*$)",
        rf"(?:今天|本周|这周|本月|这个?月|上周|上个?月)\s*(?:的)?\s*(?:团队|大家|全组|组里|部门)\s*的?\s*(?:{_FIGURES}|跟进情况)",
    ),
    lambda match, text, now, written: {"period": period(text)},
)


def _is_staff(name: str) -> bool:
    """A colleague written by full name (`李四`, `王芳`): not a title form (`李总` is a client) nor a business."""
    return (
        len(name) <= lx.COMMON_GIVEN_NAME_MAX
        and bool(sx._FULL_NAME.match(name))
        and sx.region(name) is None
        and not any(c in _BUSINESS_NOT_NUMERAL for c in name[1:])
        and sx._PERSON.fullmatch(name) is None
        and not sx._NAME_STOP_PREFIX.search(name)
    )


# 张三, 王五: numerals make common given names, though 五 also opens 五金.
_BUSINESS_NOT_NUMERAL = lx.BUSINESS_CHARS - set("一二三四五六七八九十")


def _staff_followup_slots(match: re.Match, text: str, now: datetime, written: str) -> dict:
    """A day (`今天`, `昨天`) or a period (`本周`)."""
    day, _ = agenda_range(arabize(text), now)
    span = period(text)
    return {
        "staff": match.group("staff"),
        "day": day if span in ("today", "yesterday") else None,
        "period": span if span not in ("today", "yesterday") else None,
    }


_STAFF = rf"(?P<staff>{sx._SURNAME}[\u4e00-\u9fa5]{{1,2}}?)"
STAFF_FOLLOWUPS = Command(
    "staff_followups",
    _compile(
        rf"^\s*(?:看看|查一?下?|看一?下?)?\s*{_STAFF}\s*(?P<when>今天|昨天|本周|这周|这个?星期)?\s*(?:都)?(?:跟进|跟|回访|联系|带看)了?\s*(?:哪些|什么|几个|多少|谁)",
        rf"^\s*(?:看看|查一?下?|看一?下?)?\s*{_STAFF}\s*的?\s*(?P<when2>今天|昨天|本周|这周)?的?\s*跟进(?:记录|情况|\s*$)",
    ),
    _staff_followup_slots,
    lambda match, text: _is_staff(match.group("staff")),
)
STAFF_STATS = Command(
    "my_stats",
    # `张三这周的数据`, `看看李四本月业绩`: a colleague's figures (a manager's view)
    _compile(
        rf"^\s*(?:看看|查一?下?|看一?下?)?\s*{_STAFF}\s*(?:今天|昨天|本周|这周|这个?星期|上周|本月|这个?月|上个?月)?\s*的?\s*{_FIGURES}\s*[?？]?\s*$",
        rf"^\s*{_STAFF}\s*(?:最近|这几天|这段时间)?\s*(?:怎么样|咋样|情况如何|表现如何|干得怎么样)\s*[?？了]*\s*$",
    ),
    lambda match, text, now, written: {"staff": match.group("staff"), "period": period(text)},
    lambda match, text: _is_staff(match.group("staff")),
)
MY_CLIENTS = Command(
    "staff_clients",
    _compile(
        # `我的客户`, `我有几个客户`: the writer's own (no `staff`)
        r"^\s*(?:看看|查一?下?|看一?下?|列出)?\s*我(?:的客户|手上的客户|名下的客户|手里的客户|(?:手上|名下|现在)?(?:有哪些|有几个|有多少|一共有几个|总共有几个)客户)(?:列表|有哪些)?\s*[?？]?\s*$",
    ),
    _nothing,
)
CLIENT_HISTORY = Command(
    "client_info",
    _compile(
        # `华兴精密 的跟进记录`: a look at the client's notes, not a note
        rf"^\s*(?:查一?下?|看一?下?|看看)?\s*(?P<who>{_NAME})\s*的?\s*(?:跟进记录|跟进情况|跟进历史|历史记录|沟通记录|记录|动态)\s*[?？]?\s*$",
    ),
    _who,
    _names_client,
)
CLIENT_NEED = Command(
    "client_info",
    _compile(
        # `新锐医疗器械 什么需求`, `新锐医疗器械的需求是什么`, `华兴精密要多大的`: a look at the client, not a note
        rf"^\s*(?:查一?下?|看一?下?|看看)?\s*(?P<who>{_NAME})[\s,，]*的?\s*(?:(?:什么|啥)需求|需求(?:是什么|是啥|呢)?|要求是什么"
        r"|(?:要|想要)(?:什么样|啥样|多大)的?(?:房子|厂房|仓库)?)\s*[?？]?\s*$",
    ),
    _who,
    _names_client,
)
STAFF_CLIENTS = Command(
    "staff_clients",
    _compile(
        rf"^\s*(?:看看|查一?下?|看一?下?|列出)?\s*{_STAFF}\s*(?:的客户|手上的客户|名下的客户|手上有哪些客户|名下有哪些客户|有哪些客户|手里的客户)(?:列表|有哪些)?\s*[?？]?\s*$",
    ),
    lambda match, text, now, written: {"staff": match.group("staff")},
    lambda match, text: _is_staff(match.group("staff")),
)


# ---- replying to a visitor, signing in ---------------------------------------------------------------------
REPLY_VISITOR = Command(
    "reply_visitor",
    _compile(
        rf"^\s*回复\s*[:：]?\s*(?P<visitor>(?:{sx._SURNAME})(?:{sx._alternation(lx.TITLES)}|先生|女士|小姐)?|{_NAME})\s*[:：,，\s]\s*(?P<content>\S.*)$",
    ),
    lambda match, text, now, written: {
        "visitor": match.group("visitor"),
        "content": written[match.start("content") : match.end("content")].strip(),
    },
)
LOGIN = Command(
    "login",
    _compile(
        r"^\s*(?:我要|我想|怎么|如何|帮我)?\s*(?:登录|登陆|进入?|打开)\s*(?:一下)?\s*(?:后台|管理后台|网页版|电脑版|pc端|PC端|系统)",
        r"^\s*(?:后台|管理后台|网页版|电脑版|pc端|PC端)\s*(?:登录|登陆|链接|地址|入口|网址|怎么进|在哪|怎么登录|怎么登陆|如何登录|怎么打开)",
        r"^\s*(?:给我|发我)?(?:一?个)?\s*(?:后台登录|登录后台|后台|登录)(?:的)?(?:链接|地址|入口|网址)",
        r"(?:电脑上|电脑端|在电脑)\s*(?:怎么|如何|可以|能)?\s*(?:看|用|登录|登陆|打开|操作)",
        r"^\s*(?:后台|管理后台|网页版|电脑版|PC端|pc端)\s*[?？]?\s*$",
    ),
    _nothing,
)

# `明儿有啥事`, `周四有什么事`: a day's business (`你好 在吗 有什么事` is a greeting, no day named).
_DAY_WORD = r"今天|今儿|明天|明儿|后天|大后天|(?:下|这|本)?(?:周|星期|礼拜)[一二三四五六日天1-7]|这周|本周|下周"
DAY_BUSINESS = Command(
    "agenda",
    _compile(
        rf"^\s*(?:我)?\s*(?:{_DAY_WORD})\s*(?:都|还)?(?:有|要)?(?:啥|什么|哪些)(?:事|事情|要办的)\s*[吗呢?？]*\s*$",
        # `帮我看看今天要干嘛`, `明天我要做什么`, `今天有什么安排`
        rf"^\s*(?:帮我|给我)?\s*(?:看看|看一?下|查一?下|查查)?\s*(?:我)?\s*(?:{_DAY_WORD})\s*(?:我)?\s*(?:都|还)?(?:要|该|得|有)?"
        r"(?:干嘛|干啥|干什么|做什么|做啥|忙什么|忙啥|什么安排|啥安排|哪些安排|安排|计划|日程|待办)\s*[吗呢啊?？]*\s*$",
    ),
    lambda match, text, now, written: dict(zip(("day", "until"), agenda_range(arabize(text), now), strict=True)),
)

COMMANDS: list[Command] = [
    UNDO,
    END_DEAL,
    CANCEL_FOLLOWUP,
    REMIND_ME,
    LOGIN,
    WITHDRAW,
    MY_COMMISSION,
    RESUBMIT_LISTING,
    SHARE_TEXT,
    LISTING_STATS,
    SEND_LISTING,
    PHONE_LOOKUP,
    CONTACT_LOOKUP,
    WECHAT_IS_PHONE,
    ADD_CONTACT,
    ADD_TO_REQUIREMENT,
    EDIT_REQUIREMENT,
    EDIT_CLIENT,
    EDIT_SOURCE,
    DELETE_CLIENT,
    MY_STATS,
    TEAM_STATS,
    STAFF_STATS,
    STAFF_FOLLOWUPS,
    MY_CLIENTS,
    STAFF_CLIENTS,
    CLIENT_HISTORY,
    CLIENT_NEED,
    REPLY_VISITOR,
    EDIT_LISTING,
    RECORD_DEAL,
    DAY_BUSINESS,
]


BY_PATTERN = {pattern: command for command in COMMANDS for pattern in command.patterns}


def find(text: str) -> tuple[Command, re.Match] | None:
    """The first command the message says, and its match."""
    for command in COMMANDS:
        for pattern in command.patterns:
            match = pattern.search(text)
            if match and command.accept(match, text):
                return command, match
    return None
