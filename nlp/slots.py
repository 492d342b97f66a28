"""Slot extractors. Each takes normalized text and returns a value (or None) driven by the lexicon tables."""

from __future__ import annotations

import re
from dataclasses import dataclass

from . import lexicon as lx
from .places import PLACES, normalize_place
from .segment import tokens


def _alternation(words) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


def _table_regex(table: dict) -> tuple[re.Pattern, dict]:
    lookup = {w: key for key, words in table.items() for w in words}
    return re.compile(_alternation(lookup)), lookup


_STAGE_RE, _STAGE_OF = _table_regex(lx.STAGES)
_STATUS_RE, _STATUS_OF = _table_regex(lx.LISTING_STATUSES)
_SOURCE_RE, _SOURCE_OF = _table_regex(lx.SOURCES)
_PROPERTY_RE, _PROPERTY_OF = _table_regex(lx.PROPERTY_TYPES)
_FEATURE_RE, _FEATURE_OF = _table_regex(lx.FEATURES)
_STOREY_RE, _STOREY_OF = _table_regex(lx.SINGLE_STOREY)
_FLOOR_RE, _FLOOR_OF = _table_regex(lx.FLOORS)
_NEGATION_RE = re.compile(f"(?<!有)(?:{_alternation(lx.NEGATIONS)})$")  # `有没有独门独院的` asks, it does not refuse
# Feature words that are not also a property type (`高台库` is both: a warehouse with a dock).
_FEATURE_ONLY_RE = re.compile(
    f"(?!{_alternation(_PROPERTY_OF)})(?:{_alternation(set(_FEATURE_OF) - set(_PROPERTY_OF))})"
)

_MOBILE = re.compile(r"(?<![\d])(?:\+?86[\s-]?)?(1[3-9]\d(?:[\s-]?\d){8})(?![\d])")
_LANDLINE = re.compile(r"(?<![\d])(0\d{2,3}[\s-]?\d{3,4}[\s-]?\d{4})(?![\d])")
_WECHAT = re.compile(
    rf"(?:{_alternation(lx.WECHAT_CUES)})(?:号)?\s*[:：是]?\s*([A-Za-z][-_A-Za-z0-9]{{4,19}}|\d{{5,12}})", re.I
)
_SURNAME = f"(?:{_alternation(lx.COMPOUND_SURNAMES)}|[{lx.SURNAMES}])"
_PERSON = re.compile(
    f"(?:(?P<surname>{_SURNAME})(?P<title>{_alternation(lx.TITLES)})|(?P<old>[老小])(?P<osurname>[{lx.SURNAMES}])(?![{lx.SURNAMES}]))"
)
_INDUSTRY = re.compile(
    f"(?<![能可以])(?:{_alternation(lx.INDUSTRY_OPENERS)})([\u4e00-\u9fa5A-Za-z]{{2,10}}?)(?:{_alternation(lx.INDUSTRY_CLOSERS)})"
    f"|(?:^|[\\s,，、])([\u4e00-\u9fa5]{{2,8}}?)行业"
    f"|(?<![能可以叫])(?:{_alternation(lx.INDUSTRY_OPENERS)})([\u4e00-\u9fa5]{{2,8}}?)(?=[\\s,，。;；]|$)"
)
_INDUSTRY_WORDS = set(lx.INDUSTRIES)
_INDUSTRY_ENDINGS = tuple(word for word in lx.INDUSTRIES if len(word) >= 2)  # `重工机械`, `服装加工`
# What follows 做 without naming a trade: `做不了`, `做决定`.
_NOT_INDUSTRY = re.compile(r"^(?:不|决定|主|好|完|了|过|一下|什么|啥)|[了吗呢吧]$")
_LISTING_CODE = re.compile(r"(?<![A-Za-z\d_])([A-Za-z]{1,3}-?\d{1,4})(?![A-Za-z\d])")
_LISTING_NAME = re.compile(r"[\u4e00-\u9fa5]{0,6}?\d+号(?:厂房|仓库|楼|库|车间|栋)?")
_CHUNK_END = re.compile(r"[\s,，。;；!！?？、:：]")
_NAME_STOP = set(lx.NAME_STOP_WORDS) | set(_STAGE_OF) | set(lx.RELATIVE_DAYS) | set(lx.DAY_PARTS) | set(_PROPERTY_OF)
_NAME_STOP_PREFIX = re.compile(
    f"(?:{_alternation(_NAME_STOP | set(_STATUS_OF))}|\\d|下周|周[一二三四五六日天]|星期|礼拜)"
)
_UNIT_CODES = {"m2", "M2"}
_PROPERTY_NOUN_RE = re.compile(_alternation(lx.PROPERTY_NOUNS))
# Generic words a candidate name is stripped of: what remains must still be a name (two characters or more).
_GENERIC_IN_NAME = re.compile(
    _alternation(
        set(lx.NOT_CLIENT_NAMES)
        | set(lx.PROPERTY_NOUNS)
        | set(_PROPERTY_OF)
        | set(lx.SEARCH_CUES)
        | {"房", "个", "套", "几"}
    )
)


def first_in_table(pattern: re.Pattern, lookup: dict, text: str):
    match = pattern.search(text)
    return lookup[match.group()] if match else None


_WON_CUES = re.compile(_alternation(set(lx.STAGES["won"])))
_COMPLETED_WON = {
    "签了",
    "已签",
    "合同已签",
    "签好了",
    "签完",
    "签下来",
    "签下了",
    "付了定金",
    "交了定金",
    "定金交了",
    "定金付了",
    "交了订金",
    "付了订金",
    "拿下",
}


def won_is_done(text: str) -> bool:
    """Whether a deal word reports a deal made (签了, 今天签合同了) rather than one planned (明天签合同)."""
    for match in _WON_CUES.finditer(text):
        if (
            match.group() in _COMPLETED_WON
            or "已" in text[max(0, match.start() - 2) : match.start()]
            or any(mark in text[match.end() : match.end() + 2] for mark in "了完好")
        ):
            return True
    return False


# `来看房`, `来昆山看房`: the client will come to see, in the words just before the viewing word.
_COMES_TO = re.compile(r"来[^\s,，。;；了]{0,6}$")
# `9:30看A12`: seeing a listing named by its code is a viewing.
_SEES_LISTING = re.compile(r"(?<![来])(?<!来看)看\s*[A-Za-z]{1,3}-?\d{1,4}(?![A-Za-z\d])")
# `准备下周签`: a signing planned, so still negotiating.
_PLANNED_SIGNING = re.compile(
    r"(?:准备|打算|计划)[^，,。;；\s]{0,4}签|(?:就|才|再)签(?!了)|(?<![已经都好])签(?=[\s,，。;；!！]|$)"
)


def stage(text: str) -> str | None:
    """The stage named; the outcome wins when several are (看过房 ... 不租了 -> lost). A client who will come to
    see (`来看房`) has not viewed yet, so that is no stage."""
    found = {
        _STAGE_OF[m.group()]
        for m in _STAGE_RE.finditer(text)
        if not (_STAGE_OF[m.group()] == "viewing" and _COMES_TO.search(text, max(0, m.start() - 8), m.start()))
    }
    if _PLANNED_SIGNING.search(text):
        found.add("negotiating")
    if _SEES_LISTING.search(text):
        found.add("viewing")
    return next((s for s in lx.STAGE_PRECEDENCE if s in found), None)


_NEGATED_STATUS = re.compile(r"[不没未别]$")


def status_match(text: str) -> re.Match | None:
    """The first listing-status word that is not negated: `不租了` (a client lost) is not `租了`."""
    for match in _STATUS_RE.finditer(text):
        if not _NEGATED_STATUS.search(text[: match.start()]):
            return match
    return None


def listing_status(text: str) -> str | None:
    """The status named; a closing stage word (`签约了`, `成交`) beside a listing closes it."""
    match = status_match(text)
    if match:
        return _STATUS_OF[match.group()]
    return "closed" if stage(text) == "won" else None


def source(text: str) -> str | None:
    return first_in_table(_SOURCE_RE, _SOURCE_OF, text)


def features(text: str) -> list[str]:
    found = set()
    for match in _FEATURE_RE.finditer(text):
        if not _NEGATION_RE.search(text[max(0, match.start() - 3) : match.start()]):
            found.add(_FEATURE_OF[match.group()])
    return sorted(found)


def property_type(text: str) -> str | None:
    """Property type, not counting `带办公` which is a feature of a factory."""
    return first_in_table(_PROPERTY_RE, _PROPERTY_OF, _FEATURE_ONLY_RE.sub(" ", text))


# `5层`, `共三层`: a building of several storeys (`层高` is a height, not a storey count).
_STOREYS = re.compile(r"(?<![\d.])(?:[2-9]|[二两三四五六七八九])层(?!高)")


def single_storey(text: str) -> bool | None:
    """The floor if one is named (`多层厂房 一楼` -> True), else the building type (单层/多层/5层)."""
    floor = first_in_table(_FLOOR_RE, _FLOOR_OF, text)
    if floor is not None:
        return floor
    kind = first_in_table(_STOREY_RE, _STOREY_OF, text)
    return False if kind is None and _STOREYS.search(text) else kind


def deal_type(text: str) -> str | None:
    rent = "租" in text
    sale = any(w in text for w in lx.DEAL_TYPES["sale"])
    if rent == sale:
        return None
    return "rent" if rent else "sale"


def region(text: str) -> str | None:
    return PLACES.most_specific(text)


def is_place(name: str) -> bool:
    """Places alone (`昆山`, `花桥镇`, `宁波北仑`), not a company named after one (`昆山恒泰`)."""
    if normalize_place(name) in PLACES.levels:
        return True
    found = PLACES.find(name)
    left = name
    for _, place in found:
        left = left.replace(place, "", 1)
    return bool(found) and not _PLACE_FILLERS.sub("", left).strip("市区县镇 ")


# What joins places offered as alternatives: `嘉善或者平湖都行`, `张浦、周市都可以`.
_PLACE_FILLERS = re.compile(r"或者|或是|还是|或|和|跟|以及|、|,|，|/|都行|都可以|均可|也行|也可以|都|行|那边|附近|周边")


def regions(text: str) -> list[str]:
    """Places offered as alternatives (`嘉善或者平湖都行`, `张浦周市都可以`): two or more of the most specific level
    named, as written and in order; empty when one place (or a place and the places around it) is named."""
    found = PLACES.find(text)
    if len(found) < 2:
        return []
    level = max(PLACES.levels[name] for _, name in found)
    same = [name for _, name in found if PLACES.levels[name] == level]
    unique = list(dict.fromkeys(same))
    return unique if len(unique) >= 2 else []


def phone(text: str) -> tuple[str | None, str]:
    """The first phone number, digits only, and the text with it blanked out."""
    for pattern in (_MOBILE, _LANDLINE):
        match = pattern.search(text)
        if match:
            digits = re.sub(r"\D", "", match.group(1))
            return digits, text[: match.start()] + " " * (match.end() - match.start()) + text[match.end() :]
    return None, text


def wechat_id(text: str, phone_number: str | None) -> str | None:
    if phone_number and any(w in text.lower() for w in lx.SAME_AS_PHONE):
        return phone_number
    match = _WECHAT.search(text)
    return match.group(1) if match else None


def industry(text: str) -> str | None:
    """`做精密机械的`, `新能源电池行业`, `做五金 要厂房`, or a trade named bare (`食品加工`, `印刷的`)."""
    for match in _INDUSTRY.finditer(text):
        value = match.group(1) or match.group(2) or match.group(3)
        if (
            value
            and not _FEATURE_RE.search(value)
            and not _PROPERTY_RE.fullmatch(value)
            and not _NOT_INDUSTRY.search(value)
        ):
            return value
    for chunk in re.split(r"[\s,，。;；、]+", text):
        chunk = re.sub(r"(?:的|行业|企业|工厂|厂|公司|类)$", "", chunk)
        if chunk in _INDUSTRY_WORDS or (
            2 < len(chunk) <= 6
            and chunk.endswith(_INDUSTRY_ENDINGS)
            and not _PROPERTY_RE.search(chunk)
            and region(chunk) is None
        ):
            return chunk
    return None


def listing_code(text: str) -> str | None:
    for match in _LISTING_CODE.finditer(text):
        if match.group(1) not in _UNIT_CODES:
            return match.group(1)
    return None


def is_listing_code(text: str) -> bool:
    """`A12`, `B07`, `H101`: a listing's code, never a client."""
    match = _LISTING_CODE.fullmatch(text.strip())
    return match is not None and match.group(1) not in _UNIT_CODES


def mentions_property_noun(text: str) -> bool:
    """`房源`, `房子`: listings in general, without a type."""
    return _PROPERTY_NOUN_RE.search(text) is not None


def is_client_name(name: str | None) -> bool:
    """A company or person as named, not a generic noun (`房源`, `厂房`, `客户`), a leftover (`源` of
    `找房源`) or a listing code (`A12`)."""
    if not name:
        return False
    name = name.strip()
    code = _LISTING_CODE.match(name)
    if not name or code and code.group(1) not in _UNIT_CODES:
        return False
    return len(_GENERIC_IN_NAME.sub("", name)) >= 2


def listing_reference(text: str) -> str | None:
    """A listing as written: a code such as `A12`, else a name such as `花桥3号厂房`."""
    code = listing_code(text)
    if code:
        return code
    match = _LISTING_NAME.search(text)
    return match.group() if match else None


@dataclass
class Party:
    """Who a message is about: a company and/or a person, with where the mention ends."""

    company: str | None = None
    person: str | None = None  # as written, with title: `张总`
    surname: str | None = None
    end: int = 0

    @property
    def client(self) -> str | None:
        return self.company or self.person


def _person_at(chunk: str, pos: int = 0) -> re.Match | None:
    """A person mention in `chunk` that is followed by nothing, or by a word that cannot be part of a name."""
    for match in _PERSON.finditer(chunk, pos):
        rest = chunk[match.end() :]
        if (
            not rest
            or rest[0] in _ENDS_NAME
            or _NAME_STOP_PREFIX.match(rest)
            or _DONE_VERB.match(rest)
            or _PERSON.match(rest) is None
            and _starts_new_word(rest)
        ):
            return match
    return None


_ENDS_NAME = " ,，。;；!！?？、:："


def _starts_new_word(rest: str) -> bool:
    return bool(
        re.match(
            r"[那这说的在已再约看出去来要想也还都很没不刚让讲觉表问嫌对今明后通打聊发给跟和见嗯啊呃哦他她就呢]", rest
        )
    )


_FULL_NAME = re.compile(f"^{_SURNAME}[\u4e00-\u9fa5]{{1,2}}$")


def looks_like_full_name(name: str) -> bool:
    """`李建国`, `张明`: two or three characters, a surname first, nothing that names a business."""
    return (
        len(name) <= lx.COMMON_GIVEN_NAME_MAX
        and bool(_FULL_NAME.match(name))
        and not any(c in lx.BUSINESS_CHARS for c in name[1:])
        and region(name) is None
    )


def _surname(match: re.Match) -> str:
    return match.group("surname") or match.group("osurname")


# A legal form ends a company name as written (华兴精密机械有限公司), never cuts it.
_LEGAL_SUFFIXES = {"有限公司", "有限责任公司", "股份有限公司", "股份公司", "公司", "集团", "集团公司"}


_DONE_VERB = re.compile(r"[\u4e00-\u9fa5]了")
# A time the segmenter splits (`下/周三`, `这/周五`): `新锐医疗器械下周三…` ends the name before it.
_TIME_OPENS = re.compile(r"(?:下下?|上|这|本)(?:周|个?月|星期|礼拜)|(?:周|星期|礼拜)[一二三四五六日天1-7]")
# A trade word that names a business when it follows a name (`联想仓储`), though alone it is a property type.
_TRADE_IN_NAME = {"仓储"}


def _company_prefix(chunk: str) -> str:
    """The name at the start of a chunk without spaces: cut at the first word that cannot belong to a name."""
    done = _DONE_VERB.search(chunk, 2)
    if done:  # `瑞祥物流通了电话`: a name never holds 了, so it ends before the verb done
        chunk = chunk[: done.start()]
    name = ""
    for word in tokens(chunk):
        if name and (word in _LEGAL_SUFFIXES or word in _TRADE_IN_NAME):
            name += word
            continue
        if name and (word in _NAME_STOP or _NAME_STOP_PREFIX.match(word) or _TIME_OPENS.match(chunk, len(name))):
            break
        if not name and _NAME_STOP_PREFIX.match(word) and word not in ("华", "金"):
            break
        name += word
    return name


def party(text: str, start: int = 0) -> Party:
    """The client named at `start`: `华兴精密 张总`, `回访宏达物流王经理`, `远航科技陈工`, `李总`."""
    pos = start
    while pos < len(text) and (text[pos].isspace() or text[pos] in ":：,，、"):
        pos += 1
    end_match = _CHUNK_END.search(text, pos)
    chunk_end = end_match.start() if end_match else len(text)
    chunk = text[pos:chunk_end]
    if not chunk:
        return Party(end=pos)
    if is_listing_code(chunk) and chunk_end < len(text):
        return party(text, chunk_end)  # `A12 华兴精密不租了`: the listing is not the client
    person = _person_at(chunk)
    if person and person.start() == 0:
        return Party(person=person.group(), surname=_surname(person), end=pos + person.end())
    if person:
        written = chunk[: person.start()].rstrip("的")
        company = written if is_client_name(written) else None
        return Party(company=company, person=person.group(), surname=_surname(person), end=pos + person.end())
    company = _company_prefix(chunk)
    if not company or not is_client_name(company):
        return Party(end=pos)
    result = Party(company=company, end=pos + len(company))
    if len(company) == len(chunk):
        following = text[chunk_end:].lstrip(" ,，、")
        offset = len(text) - len(following)
        next_end = _CHUNK_END.search(following)
        person = _person_at(following[: next_end.start() if next_end else len(following)])
        if person and person.start() == 0:
            result.person, result.surname, result.end = person.group(), _surname(person), offset + person.end()
    return result
