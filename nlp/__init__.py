"""Chat parsing: a salesperson's Chinese message -> one intent and normalized slots (see CONTRACT.md)."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from datetime import datetime, tzinfo
from typing import Any
from zoneinfo import ZoneInfo

from . import commands
from . import lexicon as lx
from . import slots as sx
from .intents import classify
from .numbers import arabize, arabize_mapped, extract_quantities
from .places import PLACES, flatten_regions
from .segment import add_words
from .timeparse import agenda_range, find_times, happened, next_followup, remind_before
from .values import DealType, Feature, ListingStatus, Period, PropertyType, Source, Stage, to_json, typed

__all__ = [
    "Parsed",
    "parse",
    "configure",
    "Stage",
    "ListingStatus",
    "PropertyType",
    "DealType",
    "Source",
    "Feature",
    "Period",
    "to_json",
    "typed",
    "INTENTS",
    "redact",
    "parse_visitor",
]

INTENTS = frozenset(
    {
        # CONTRACT.md
        "new_client",
        "new_listing",
        "log_followup",
        "search_listings",
        "match_client",
        "client_info",
        "update_stage",
        "listing_status",
        "agenda",
        "poster",
        "referral_code",
        "help",
        "unknown",
        # CONTRACT.md, version 2
        "cancel_followup",
        "undo",
        "record_deal",
        "my_commission",
        "withdraw",
        "listing_stats",
        "login",
        "share_text",
        # the chat's own (README.md)
        "edit_client",
        "add_contact",
        "edit_listing",
        "delete_client",
        "my_stats",
        "team_stats",
        "staff_clients",
        "staff_followups",
        "send_listing",
        "resubmit_listing",
        "reply_visitor",
        "end_deal",
    }
)
"""Every intent `parse` can answer."""

# Chat messages are short; a longer paste is cut so the bot stays fast whatever it is sent.
MAX_CHARS = 300
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u200b-\u200f\u2028-\u202f\ufeff]+")
_SPACES = re.compile(r"\s+")
_LEADING_FOLLOWUP = re.compile(
    rf"^\s*(?:(?:{sx._alternation(lx.FOLLOWUP_OPENER_TIMES)})\s*)*(?:{sx._alternation(lx.FOLLOWUP_OPENERS)})\s*[:：]?"
)
_CLIENT_WORD = re.compile(r"\s*(?:老客户|新客户|客户|这个客户|那个客户|客户那边)\s+")
_MET_WITH = re.compile(rf"\s*(?:(?:{sx._alternation(lx.FOLLOWUP_OPENER_TIMES)})\s*)+(?:跟|和|与)(?!进)")
_POSTER_WORDS = re.compile(r"生成|制作|做一?张|出一?张|帮我|给我|发我|一下|一张|的|海报|给|做|出")
_AFTER_CUE = re.compile(r"[\s:：]*(?:一下|下)?")
_LEADING_PREP = re.compile(f"^(?:{sx._alternation(lx.CLIENT_PREPOSITIONS)})")
_LEADING_LOOKUP = re.compile(r"^(?:帮我|帮忙|给我)?\s*(?:查一下|查下|查查|查询|查|看一下|看下|看看)\s*")
_TRAILING_MODAL = re.compile(r"\s*(?:能不能|可不可以|能否|可以|能)$")


@dataclass
class Parsed:
    """One message understood: `slots` hold typed values (see values.py); `to_json()` is the contract's form."""

    intent: str
    slots: dict[str, Any] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        return {"intent": self.intent, "slots": to_json(self.slots)}


_zone: tzinfo = ZoneInfo("Asia/Shanghai")


def configure(regions=None, *, timezone: str | None = None) -> None:
    """Add the regions an agency works in to the built-in place list, and set the zone of a naive `now`.

    `regions` is the region tree of config.yaml (city > district > [towns], nested mappings and lists) or
    a flat list of names. Generic area words in it (`开发区`, `高新`, `工业园`...) are not places and are
    skipped; calling it again with the same tree changes nothing. `timezone` (an IANA name, the app's
    TIMEZONE) is where times are resolved when `parse` gets no `now` or a naive one; an aware `now` keeps
    its own zone.
    """
    global _zone
    if timezone:
        _zone = ZoneInfo(timezone)
    if not regions:
        return
    if isinstance(regions, str):
        regions = [regions]
    # A flat list names towns; a tree starts at the city.
    added = PLACES.extend(flatten_regions(regions, 1 if isinstance(regions, dict) else 3))
    add_words(added)


def normalize(text: str) -> str:
    """Full-width to half-width, control characters out, runs of whitespace to one space, capped length."""
    text = unicodedata.normalize("NFKC", str(text)[: MAX_CHARS * 2])
    text = _CONTROL.sub(" ", text)
    return _SPACES.sub(" ", text).strip()[:MAX_CHARS]


_LONG_NUMBER = re.compile(r"\d[\d\s-]{4,}\d")
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+\.[\w.]+")


def redact(text: str) -> str:
    """The message without personal data, for a log of what was not understood: phone numbers, WeChat ids,
    e-mail addresses and long numbers masked, people's surnames replaced (`张总` -> `某总`)."""
    text = normalize(text)
    text = _EMAIL.sub("[邮箱]", text)
    text = sx._WECHAT.sub(lambda m: m.group().replace(m.group(1), "[微信]"), text)
    for pattern in (sx._MOBILE, sx._LANDLINE, _LONG_NUMBER):
        text = pattern.sub("[号码]", text)
    return sx._PERSON.sub(lambda m: "某" + (m.group("title") or ""), text)


def _now(now: datetime | None) -> datetime:
    """Relative times resolve in the zone of an aware `now`; a naive or missing one is in the configured zone."""
    if now is None:
        return datetime.now(_zone)
    if now.tzinfo is None:
        return now.replace(tzinfo=_zone)
    return now


def parse(text: str, now: datetime | None = None) -> Parsed:
    """Parse one chat message; never raises, `unknown` when nothing fits."""
    try:
        normalized = normalize(text)
        return _parse(normalized, _now(now), _as_written(text, normalized))
    except Exception:  # a chat bot must answer whatever it is sent
        return Parsed("unknown", {})


# Politeness around a request: `麻烦帮我查一下…谢谢`, `请问明天…`, `您好 我想看…`; and the hour said in passing
# (`中午了 华兴精密张总刚打电话…`), which is no time of the note.
_COURTESY_OPENING = re.compile(
    r"^(?:(?:麻烦|劳驾)(?:你|您)?|请问一?下?|请帮我|请帮忙|您好|你好|hello|hi|哈喽|嗨|(?:早上|上午|中午|下午|晚上)了(?=[\s,，]))[\s,，!！~]*",
    re.I,
)
# What a spoken message opens with before it says anything (`嗯 康达物流那边…`, `那个华兴精密啊…`).
_SPOKEN_FILLERS = re.compile(r"(?:(?:嗯+|呃+|额|哦+|噢|喂|对了|那个(?!客户))[\s,，、~]*)+")
_COURTESY_CLOSING = re.compile(r"[\s,，]*(?:谢谢|多谢|感谢|thanks|thx|辛苦了?)(?:你|您|啦|了|呀|啊)?[!！。~]*$", re.I)


def _opening_end(text: str, start: int = 0) -> int:
    """Where the message says something, past courtesy and spoken fillers."""
    opening = _COURTESY_OPENING.match(text) if start == 0 else None
    start = opening.end() if opening else start
    filler = _SPOKEN_FILLERS.match(text, start)
    return filler.end() if filler else start


def opens_with(text: str, name: str) -> bool:
    """Whether the message, past courtesy, spoken fillers (`嗯`, `那个`) and a time (`后天上午十点`), opens with
    ``name``."""
    normalized = normalize(text)
    start = _opening_end(normalized)
    return normalized.startswith(name, start + len(_time_at(normalized, start, _now(None))))


def _as_written(raw: str, normalized: str) -> str:
    """The message as typed (full-width punctuation kept) when it lines up character for character with its
    normalized form, so that a note cut out of one can be cut out of the other; else the normalized form."""
    written = _SPACES.sub(" ", _CONTROL.sub(" ", str(raw)[: MAX_CHARS * 2])).strip()[:MAX_CHARS]
    if len(written) != len(normalized) or any(
        w != n and unicodedata.normalize("NFKC", w) != n for w, n in zip(written, normalized, strict=True)
    ):
        return normalized
    return written


def _parse(text: str, now: datetime, written: str) -> Parsed:
    start = _opening_end(text)
    closing = _COURTESY_CLOSING.search(text)
    end = closing.start() if closing else len(text)
    if start < end:
        text, written = text[start:end], written[start:end]
    numeric = arabize(text).lower()
    sale = sx.deal_type(text) == "sale"
    has_quantities = bool(extract_quantities(_without_contacts(numeric), True, sale))
    _, unreminded = remind_before(text)  # `提前一天提醒我` in a note asks for a reminder, not for the agenda
    intent, cue = classify(unreminded, has_quantities, bool(find_times(numeric, now)))
    command = commands.BY_PATTERN.get(cue.re) if cue is not None else None
    builder = _BUILDERS.get(intent)
    if command is not None and cue is not None:
        found = command.slots(cue, text, now, written)
    else:
        found = builder(text, now, cue, written) if builder else {}
    return Parsed(intent, typed({k: v for k, v in found.items() if v not in (None, "", [])}))


def _without_contacts(text: str) -> str:
    _, text = sx.phone(text)
    return text


def _blank(text: str, *parts: str | None) -> str:
    for part in parts:
        if part:
            text = text.replace(part, " " * len(part))
    return text


def _property_slots(text: str, requirement: bool) -> dict:
    """Place, type and quantities of a wanted or offered property."""
    deal = sx.deal_type(text)
    alternatives = sx.regions(text)
    found = {
        "region": alternatives[0] if alternatives else sx.region(text),
        "regions": alternatives,
        "deal_type": deal,
        "property_type": sx.property_type(text),
        "single_storey": sx.single_storey(text),
        "features": sx.features(text),
    }
    found.update(extract_quantities(arabize(text).lower(), requirement, deal == "sale"))
    return found


def _phone(text: str) -> tuple[str | None, str]:
    """The phone number, and the text with it blanked; also a number spoken digit by digit (`一三八…`)."""
    phone, rest = sx.phone(text)
    if phone:
        return phone, rest
    numeric, spans = arabize_mapped(text)
    match = sx._MOBILE.search(numeric)
    if not match:
        return None, text
    start, end = spans[match.start(1)][0], spans[match.end(1) - 1][1]
    return re.sub(r"\D", "", match.group(1)), text[:start] + " " * (end - start) + text[end:]


_SURNAME_SAID = re.compile(f"姓\\s*({sx._SURNAME})")
_TRADE_CHUNK = re.compile(f"^(?:{sx._alternation(lx.INDUSTRY_OPENERS)})[\u4e00-\u9fa5]{{1,8}}的?$")
# A surname alone beside a phone number: `电话13588881234 刘`.
_BARE_SURNAME = re.compile(f"(?:^|\\s)({sx._SURNAME})(?:先生|女士|小姐)?(?=\\s|$)")
# A chunk that says how a client came (`抖音来的`, `老客户介绍的`, `扫街认识的`) or only a surname (`姓周`).
_NOT_COMPANY = re.compile(
    f"^姓\\s*{sx._SURNAME}$|(?:来|介绍|认识|推荐|转来|过来)的?$|^(?:{sx._alternation(sx._SOURCE_OF)})"
)


def _new_client(text: str, now: datetime, cue: re.Match | None, written: str) -> dict:
    phone, rest = _phone(text)
    who = sx.party(rest, cue.end() if cue else 0)
    # `新客户 抖音来的 王先生`, `新客户 姓周 电话…`, `新客户 东莞 长安 华阳五金`: how they came, a surname or
    # the places before the client are no company.
    for _ in range(4):
        end = sx._CHUNK_END.search(rest, who.end)
        if not who.client:  # `新客户 做机加工的 永恒机械 毛总`, `新客户 转介绍的 嘉华新材`: the trade or source first
            chunk = rest[who.end : end.start() if end else len(rest)]
            if not (_TRADE_CHUNK.match(chunk) or _NOT_COMPANY.search(chunk)):
                break
        elif who.person or not (_NOT_COMPANY.search(who.company or "") or sx.is_place(who.company or "")):
            break
        following = sx.party(rest, end.start() if end else len(rest))
        if not following.client and sx.is_place(who.company or ""):
            break  # `新客户 昆山 要2000平`: only the place
        who = following
    wechat = sx.wechat_id(rest, phone)
    surname = who.surname
    if not surname:
        person = sx._person_at(rest[who.end :])
        said = _SURNAME_SAID.search(rest)
        surname = sx._surname(person) if person else said.group(1) if said else None
    company = who.company
    if company and not who.person and not surname and sx.looks_like_full_name(company):
        company, surname = None, company  # `新客户 李建国 做机械的`: a person, named in full
    trade = company if company in lx.INDUSTRIES else None  # `新客户 新能源电池的客户`: the trade, not who
    if company and (sx.is_place(company) or trade):
        company = None  # `新客户 昆山那个做五金的`: where the client is, not who
    rest = _blank(rest, company, who.person, wechat, cue.group() if cue else None)
    found = {
        "company": company,
        "contact_name": surname,
        "phone": phone,
        "wechat_id": wechat,
        "industry": sx.industry(rest) or trade,
        "source": sx.source(rest),
    }
    found.update(_property_slots(rest, requirement=True))
    return found


def _new_listing(text: str, now: datetime, cue: re.Match | None, written: str) -> dict:
    """A listing; `contact_name` and `phone` are its landlord's (房东陈总 13600001234)."""
    phone, rest = _phone(text)
    wechat = sx.wechat_id(rest, phone)
    rest = _blank(rest, wechat, cue.group() if cue else None)
    person = sx._PERSON.search(rest)
    said = _SURNAME_SAID.search(rest)
    code = sx.listing_code(rest)
    found = {
        "listing": code,
        "contact_name": sx._surname(person) if person else said.group(1) if said else None,
        "phone": phone,
        "wechat_id": wechat,
    }
    found.update(_property_slots(_blank(rest, code, person.group() if person else None), requirement=False))
    if found.get("single_storey") and _MULTI_STOREY.search(rest):
        found["single_storey"] = False  # `多层厂房一楼`: one floor of a building of several, not a single-storey one
    return found


_MULTI_STOREY = re.compile(r"多层|标准厂房|(?<![\d.])(?:[2-9]|[二两三四五六七八九])层(?!高)")


def _search(text: str, now: datetime, cue: re.Match | None, written: str) -> dict:
    """The conditions; and when the writer leaves a phone, WeChat id or surname (a visitor or a partner:
    `我想在昆山租个2000平的厂房，我姓赵，电话186…`), those too, for the lead."""
    phone, rest = _phone(text)
    wechat = sx.wechat_id(rest, phone)
    said = _SURNAME_SAID.search(rest)
    person = sx._person_at(rest) if phone or wechat else None
    bare = _BARE_SURNAME.search(rest) if phone or wechat else None
    rest = _blank(rest, wechat, person.group() if person else None)
    found = {
        "phone": phone,
        "wechat_id": wechat,
        "contact_name": said.group(1) if said else sx._surname(person) if person else bare.group(1) if bare else None,
    }
    found.update(_property_slots(rest, requirement=True))
    return found


_NOTE_EDGES = re.compile(r"^[\s,，。啊呀嘛的]+|[\s,，。]+$")
"""Around a note: punctuation, and the particle a spoken name trails (`华兴精密啊 张总说…`, `华兴精密的下次…`)."""
_TAKING = re.compile(r"\s*把?\s*")
_SAYS = re.compile(r"\s*(?:说|讲|表示|回复|答应)")


def _followup(text: str, now: datetime, cue: re.Match | None, written: str) -> dict:
    opening = _LEADING_FOLLOWUP.match(text)
    start = _opening_end(text, opening.end()) if opening else 0
    if taking := _TAKING.match(text, start):  # `把华兴精密的下次跟进改到周五`
        start = taking.end()
    met = _MET_WITH.match(text, start)  # `记录一下 今天跟东升电子的李经理见面了`
    start = met.end() if met else start
    said_client = _CLIENT_WORD.match(text, start)  # `回访老客户 利民化工`
    who = sx.party(text, said_client.end() if said_client else start)
    opening_time = "" if who.client else _time_at(text, start, now)
    if opening_time:  # `后天上午十点 华兴精密 带看A61`: the time before the client is the note's too
        after = start + len(opening_time)
        opener = None if opening else _LEADING_FOLLOWUP.match(text[after:])  # `下周三 跟进 华兴精密 签合同`
        who = sx.party(text, _opening_end(text, after + opener.end()) if opener else after)
        opening_time = written[start : start + len(opening_time)] if who.client else ""
    note = opening_time + " " + text[who.end :]
    before_min, timed_note = remind_before(arabize(note))
    when = next_followup(timed_note, now)
    done = happened(remind_before(arabize(text))[1], now)  # `今天下午带X看了`: the time may open the message
    content = opening_time + " " + written[who.end :]
    if who.person and _SAYS.match(text, who.end):
        content = written[who.end - len(who.person) :]  # `张总说…`: what the contact said, with who said it
    stage = sx.stage(_blank(text, who.company, who.person))
    if stage == "won" and when and not sx.won_is_done(text):
        stage = "negotiating"  # a signing set for the next meeting is not a deal yet
    return {
        "client": who.client,
        "contact_name": who.surname if who.company else None,
        "stage": stage,
        "next_at": when.at if when else None,
        "happened_at": done.at if done else None,
        "remind_before_min": before_min if when else None,
        "content": _NOTE_EDGES.sub("", _SPACES.sub(" ", content)),
    }


def _time_at(text: str, start: int, now: datetime) -> str:
    """The time phrase the text opens with at ``start`` (`后天上午十点 `, with the space after it), or ''."""
    numeric, spans = arabize_mapped(text[start:])
    first = min(find_times(numeric, now), key=lambda t: t.start, default=None)
    if first is None or numeric[: first.start].strip():
        return ""
    end = spans[first.end - 1][1]
    return text[start : start + end + len(text[start + end :]) - len(text[start + end :].lstrip())]


def _client_before_or_after(text: str, cue: re.Match | None) -> str | None:
    if cue is None:
        return sx.party(text).client
    before = _LEADING_LOOKUP.sub("", _LEADING_PREP.sub("", text[: cue.start()].strip()))
    before = _TRAILING_MODAL.sub("", before)  # `天成新能源能匹配到…`
    if before:
        return sx.party(before).client
    after_cue = _AFTER_CUE.match(text, cue.end())  # always matches: every part is optional
    return sx.party(text, after_cue.end() if after_cue else cue.end()).client


def _match_client(text: str, now: datetime, cue: re.Match | None, written: str) -> dict:
    if cue is not None and "who" in cue.re.groupindex:
        return {"client": sx.party(cue.group("who")).client}
    return {"client": _client_before_or_after(text, cue)}


def _client_info(text: str, now: datetime, cue: re.Match | None, written: str) -> dict:
    client = _client_before_or_after(text, cue)
    return {"client": client, "phone": None if client else sx.phone(text)[0]}  # `查客户 13588886666`


def _update_stage(text: str, now: datetime, cue: re.Match | None, written: str) -> dict:
    return {"client": _client_before_or_after(text, cue), "stage": sx.stage(text)}


_STATUS_FILLERS = re.compile(sx._alternation(set(lx.LISTING_STATUS_FILLERS) | set(sx._STATUS_OF) | set(sx._STAGE_OF)))


def _listing_status(text: str, now: datetime, cue: re.Match | None, written: str) -> dict:
    status = sx.status_match(text)
    before = text[: status.start()].strip() if status else ""
    listing = sx.listing_reference(before) or sx.listing_code(text) or before or None
    return {"listing": listing, "listing_status": sx.listing_status(text), "client": _listing_client(text, listing)}


def _listing_client(text: str, listing: str | None) -> str | None:
    """The client a listing went to or is held for: what is left once the listing, the status words and
    the fillers are taken out (`A12租给李总了` -> 李总, `A12签约了 华兴精密` -> 华兴精密)."""
    rest = _STATUS_FILLERS.sub(lambda m: " " * len(m.group()), commands.without_terms(_blank(text, listing)))
    client = sx.party(rest).client
    return client if sx.is_client_name(client) or (client and sx._PERSON.fullmatch(client)) else None


def _poster(text: str, now: datetime, cue: re.Match | None, written: str) -> dict:
    listing = sx.listing_reference(text) or _POSTER_WORDS.sub("", text).strip(" ,，。")
    return {"listing": listing or None}


def _agenda(text: str, now: datetime, cue: re.Match | None, written: str) -> dict:
    day, until = agenda_range(arabize(text), now)
    return {"day": day, "until": until}


# How a visitor names their company and themselves: `我是华兴精密的李经理`, `我们公司苏州恒通物流`, `我叫赵明`.
_COMPANY_SAID = re.compile(
    r"(?:我们?是|我们?(?:公司|单位|厂)(?:是|叫|名叫)?|(?:公司|单位)(?:名称?|叫|是)[:：]?|来自)\s*"
    r"(?P<name>[\u4e00-\u9fa5A-Za-z0-9()（）]{2,30}?)(?=的|[\s,，。;；!！]|$)"
)
_NAME_SAID = re.compile(
    rf"(?:我叫|联系人|称呼|找)\s*[:：]?\s*(?P<name>{sx._SURNAME}[\u4e00-\u9fa5]{{0,2}})(?=[\s,，。;；!！]|先生|女士|小姐|电话|手机|$)"
)
_NOT_A_COMPANY = re.compile(r"^(?:做|在|想|要|需|找|个|一|这|那|您|你|他|她|客户|老板|业主|中介)")


def parse_visitor(text: str, now: datetime | None = None) -> Parsed:
    """What a visitor (a client writing to the official account, or a partner about their client) says about
    their need and themselves: `search_listings` with the property slots when they name a need, else the
    parser's reading; in both, the contact slots `phone`, `wechat_id`, `contact_name` (a surname) and
    `company` when the visitor says them. Visitors do not write commands, so the staff intents' own slots
    are not taken. Never raises."""
    try:
        normalized = normalize(text)
        parsed = _parse(normalized, _now(now), _as_written(text, normalized))
        phone, rest = _phone(normalized)
        wechat = sx.wechat_id(rest, phone)
        rest = _blank(rest, wechat)
        said = _COMPANY_SAID.search(rest)
        company = said.group("name") if said else None
        if company and (_NOT_A_COMPANY.match(company) or sx.is_place(company) or sx._PERSON.fullmatch(company)):
            company = None
        rest = _blank(rest, company)
        need = {k: v for k, v in _property_slots(rest, requirement=True).items() if v not in (None, "", [])}
        found: dict[str, Any] = {"phone": phone, "wechat_id": wechat, "company": company, **need}
        named = _NAME_SAID.search(rest) or _SURNAME_SAID.search(rest)
        person = sx._PERSON.search(rest)
        if named is not None:
            found["contact_name"] = named.group(1) if named.re is _SURNAME_SAID else named.group("name")[:1]
        elif person is not None:
            found["contact_name"] = sx._surname(person)
        code = sx.listing_code(rest)
        found["listing"] = code
        intent = "search_listings" if need.keys() - {"regions"} else parsed.intent
        return Parsed(intent, typed({k: v for k, v in found.items() if v not in (None, "", [])}))
    except Exception:  # a chat bot must answer whatever it is sent
        return Parsed("unknown", {})


_BUILDERS = {
    "new_client": _new_client,
    "new_listing": _new_listing,
    "search_listings": _search,
    "log_followup": _followup,
    "match_client": _match_client,
    "client_info": _client_info,
    "update_stage": _update_stage,
    "listing_status": _listing_status,
    "poster": _poster,
    "agenda": _agenda,
}
