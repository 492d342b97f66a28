"""Choosing the intent from the cue table, with the explicit tie-breaks of the contract."""

from __future__ import annotations

import re

from . import commands, slots
from . import lexicon as lx

_CUE_INTENT = {cue: intent for intent, _, cues in lx.INTENT_CUES for cue in cues}
_PRIORITY = {intent: priority for intent, priority, _ in lx.INTENT_CUES}
_CUE_RE = re.compile(slots._alternation(_CUE_INTENT), re.I)
_SEARCH_RE = re.compile(slots._alternation(lx.SEARCH_CUES))
_BARE_HELP = {"?", "h", "help", "帮助", "菜单"}
# Commands that, opening a message, decide it whatever follows.
_OPENING_COMMANDS = {"client_info", "referral_code", "poster", "agenda"}
# Opening a message, these record something whatever else it says (`跟进 X … 提前一天提醒我` is a follow-up).
_RECORDING_COMMANDS = {"new_client", "new_listing", "log_followup"}
# `跟进谁`, `回访哪些`: an opening follow-up word that asks about the agenda instead.
_ASKS_WHO = re.compile(r"^\s*(?:跟进|回访|联系|拜访)(?:一下)?(?:谁|哪些|哪几个|哪个|列表|计划|安排|名单)")
_SELF = ("我", "我们", "自己")


def cue_matches(text: str) -> list[re.Match]:
    return list(_CUE_RE.finditer(text))


def mentions_property(text: str, has_quantities: bool) -> bool:
    return slots.property_type(text) is not None or slots.mentions_property_noun(text) or has_quantities


def classify(text: str, has_quantities: bool, has_time: bool) -> tuple[str, re.Match | None]:
    """The intent, and the cue that decided it (its position guides slot extraction)."""
    stripped = text.strip()
    if not stripped:
        return "unknown", None
    lowered = stripped.lower()
    matches = cue_matches(lowered)
    if (
        lowered in _BARE_HELP
        or set(lowered) <= {"?", " "}
        or (len(stripped) <= lx.HELP_MAX_CHARS and any(_CUE_INTENT[m.group().lower()] == "help" for m in matches))
    ):
        return "help", None
    matches = [m for m in matches if _CUE_INTENT[m.group().lower()] != "help"]

    opening = next((m for m in matches if m.start() == 0), None)
    if opening and _CUE_INTENT[opening.group().lower()] in _RECORDING_COMMANDS and not _ASKS_WHO.match(text):
        return _CUE_INTENT[opening.group().lower()], opening  # 跟进/回访/记录, 新客户, 新房源 decide a message
    if opening and _CUE_INTENT[opening.group().lower()] in _OPENING_COMMANDS and not _is_agenda(matches):
        return _CUE_INTENT[opening.group().lower()], opening
    command = commands.find(stripped)
    if command:
        return command[0].intent, command[1]
    if any(_asks_for_new_listings(text, m) for m in matches):
        return "search_listings", None
    for_client = _listings_for_client(text, has_quantities)
    if for_client:
        return "match_client", for_client

    for m in sorted(matches, key=lambda m: -_PRIORITY[_CUE_INTENT[m.group().lower()]]):
        intent = _CUE_INTENT[m.group().lower()]
        if intent == "match_client" and not (
            _names_client(text[: m.start()]) or _opens_with_client(text, m, has_quantities)
        ):
            continue
        if intent == "client_info" and not (_names_client(text[: m.start()]) or _names_client(text[m.end() :])):
            continue
        if intent == "log_followup" and _is_listing_status(text):
            return "listing_status", None
        if intent == "log_followup" and m.start() > 0 and _only_stage(text):
            return "update_stage", slots._STAGE_RE.search(text)
        return intent, m

    if _is_listing_status(text):
        return "listing_status", None
    lookup = _LOOKUP.match(text)
    if lookup and _is_client_lookup(text[lookup.end() :], has_quantities):
        return "client_info", lookup
    stage_match = slots._STAGE_RE.search(text)
    if stage_match and _names_client(text[: stage_match.start()]):
        # `宏达物流 明天下午3点带看`: a stage with a time is a note with its next contact.
        # `华兴精密 报价24块一平 对方还在考虑`: a stage among other news is a note, kept with its words.
        news = has_time or _more_than_stage(text, stage_match)
        return ("log_followup", None) if news else ("update_stage", stage_match)
    if _is_search(text, has_quantities):
        return "search_listings", None
    if has_time and _contact_says(text):
        return "log_followup", None  # `张总说下周三下午3点过来看A61`: a client's contact, a time, a plan
    return "unknown", None


_SAYS = re.compile(r"\s*(?:说|讲|表示|回复|答应|约了?|定了)")


def _contact_says(text: str) -> bool:
    """`张总说…`, `宏达物流 孙总说…`: what a client's contact said."""
    who = slots.party(text)
    return who.person is not None and _SAYS.match(text, who.end) is not None


_LISTING_QUERY_RE = re.compile(slots._alternation(lx.LISTING_QUERIES))


def _asks_for_new_listings(text: str, cue: re.Match) -> bool:
    """`最近有什么新房源`, `有没有新房源`: a question about new listings, not the command that registers one."""
    return (
        cue.start() > 0
        and _CUE_INTENT[cue.group().lower()] == "new_listing"
        and _LISTING_QUERY_RE.search(text[: cue.start()]) is not None
    )


_NOUN = slots._alternation(set(lx.PROPERTY_NOUNS) | set(slots._PROPERTY_OF))
_FOR_CLIENT = [
    # `给华兴精密推荐几个房源`, `帮李总找找仓库`
    re.compile(r"^\s*(?:帮忙给|帮|给|为|替)\s*(?P<who>[^\s,，。]+?)\s*(?:推荐|推|找找|找一下|找下|找|挑|选|匹配|配)"),
    # `推荐几个房源给李总`
    re.compile(
        rf"(?:推荐|找|发|挑)(?:一下|几个|一些|几套|个|些|套)?(?:{_NOUN})给\s*(?P<who>[^\s,，。]+?)\s*[吧呀啊]?$"
    ),
    # `有没有适合华兴精密的房源`, `有没有适合华兴精密的`
    re.compile(rf"适合\s*(?P<who>[^\s,，。]+?)\s*的(?:{_NOUN})?\s*[吗么呢?？]*$"),
    re.compile(rf"适合\s*(?P<who>[^\s,，。]+?)\s*的(?:{_NOUN})"),
    # `哪些房源适合李总`, `有什么房子适合康达物流吗`
    re.compile(rf"(?:{_NOUN}|房)\s*(?:比较|更|最)?适合\s*(?P<who>[^\s,，。]+?)\s*[吗么呢啊?？]*$"),
    # `恒力机械能配哪些房子`
    re.compile(
        rf"^\s*(?P<who>[^\s,，。]+?)\s*(?:(?:能|可以)(?:配|匹配|推荐)|匹配|推荐)(?:哪些|什么|哪几个|几个)(?:{_NOUN}|房)?"
    ),
]


def _listings_for_client(text: str, has_quantities: bool) -> re.Match | None:
    """Listings for a named client, with no conditions of their own: the client's needs are on record."""
    if has_quantities or slots.region(text) is not None or slots.features(text):
        return None
    for pattern in _FOR_CLIENT:
        match = pattern.search(text)
        if match and not match.group("who").startswith(_SELF) and _names_client(match.group("who")):
            return match
    return None


_LOOKUP = re.compile(r"^\s*(?:帮我|帮忙|给我)?\s*(?:查一下|查下|查查|查询|查|看一下|看下|看看)\s*")


def _is_client_lookup(rest: str, has_quantities: bool) -> bool:
    """`查一下俊达机械`: a lookup of a name alone, not of a property or a listing; a place inside the name
    (`嘉华新材`) is part of it."""
    if mentions_property(rest, has_quantities) or slots.listing_reference(rest) or not _names_client(rest):
        return False
    client = slots.party(_LOOKUP.sub("", _PREPOSITION.sub("", rest.strip()).strip())).client or ""
    return not slots.is_place(client) and slots.region(rest.replace(client, " ")) is None


_FILLER = re.compile(r"[\s,，。.!！~了已经过啦呢的那边这边]+")


def _only_stage(text: str) -> bool:
    """`利华电子看过房了`: a client and a stage word and nothing else, so a stage change, not a note."""
    who = slots.party(text)
    if not who.client or not slots._STAGE_RE.search(text, who.end):
        return False
    return not _FILLER.sub("", slots._STAGE_RE.sub("", text[who.end :]))


def _more_than_stage(text: str, stage_match: re.Match) -> bool:
    """Whether the client and the stage word come with other words (`报价24块一平 对方还在考虑`)."""
    before = _LOOKUP.sub("", _PREPOSITION.sub("", text[: stage_match.start()].strip()).strip())
    client = slots.party(before).client or ""
    rest = before.replace(client, " ", 1) + " " + text[stage_match.end() :]
    rest = slots._LISTING_CODE.sub(" ", slots._STAGE_RE.sub(" ", rest))
    return bool(_FILLER.sub("", _STAGE_WORDING.sub(" ", rest)))


# How a stage change is worded around its stage word: `把X改成流失`, `X进入谈判阶段`, `X 转成交`.
_STAGE_WORDING = re.compile(
    r"签约|约|价格|进入|转入|转为|转成|转|阶段|改成|改为|改到|标记为|标记成|标为|设为|在|中|已|把|状态"
)


def _is_agenda(matches: list[re.Match]) -> bool:
    return any(_CUE_INTENT[m.group().lower()] == "agenda" for m in matches)


_PREPOSITION = re.compile(f"^(?:{slots._alternation(lx.CLIENT_PREPOSITIONS)})")


def _opens_with_client(text: str, cue: re.Match, has_quantities: bool) -> bool:
    """`匹配 恒丰纺织`: the cue opens the message and a client, not a property, follows."""
    after = text[cue.end() :].strip(" 一下下个:：")
    return not text[: cue.start()].strip() and not mentions_property(after, has_quantities) and _names_client(after)


def _names_client(fragment: str) -> bool:
    fragment = _LOOKUP.sub("", _PREPOSITION.sub("", fragment.strip()).strip())
    if not fragment or fragment.startswith(_SELF):
        return False
    return slots.party(fragment).client is not None


def _is_listing_status(text: str) -> bool:
    """`A12已租`, `花桥3号厂房暂停推广`: a listing then its status. A listing code anywhere with a status or
    a closing word (`A12租给李总了`, `A12签约了 华兴精密`, `华兴精密租了A12`) is also about the listing:
    a code is never a client."""
    status = slots.status_match(text)
    if (
        status
        and slots.listing_reference(text[: status.start()])
        and not slots._STAGE_RE.search(text[: status.start()])
    ):
        return True
    return slots.listing_code(text) is not None and (status is not None or slots.stage(text) == "won")


_HAS_QUESTION = re.compile(r"有.*(?:吗|么|没|不)\s*\??$")


def _is_search(text: str, has_quantities: bool) -> bool:
    if any(marker in text for marker in lx.CHAT_MARKERS) and not has_quantities:
        return False
    has_property = slots.property_type(text) is not None
    if _HAS_QUESTION.search(text) and (has_property or slots.mentions_property_noun(text)):
        return True  # `陈江有厂房吗`
    if _SEARCH_RE.search(text) and (has_property or has_quantities or slots.mentions_property_noun(text)):
        return True
    conditions = (
        has_quantities,
        bool(slots.features(text)),
        slots.region(text) is not None,
        slots.single_storey(text) is not None,
    )
    # `昆山 单层 层高8米 2000平左右`: conditions alone, without the word 厂房, still ask for listings.
    return sum(conditions) >= (1 if has_property else 2)
