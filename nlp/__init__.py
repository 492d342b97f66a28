"""Chat parsing: a salesperson's Chinese message -> one intent and normalized slots (see CONTRACT.md)."""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from datetime import datetime, tzinfo
from typing import Any
from zoneinfo import ZoneInfo

from . import lexicon as lx
from . import slots as sx
from .intents import classify
from .numbers import arabize, extract_quantities
from .places import PLACES, flatten_regions
from .segment import add_words
from .timeparse import agenda_day, find_times, next_followup
from .values import DealType, Feature, ListingStatus, PropertyType, Source, Stage, to_json, typed

__all__ = ["Parsed", "parse", "configure", "Stage", "ListingStatus", "PropertyType", "DealType", "Source", "Feature",
           "to_json", "typed"]

# Chat messages are short; a longer paste is cut so the bot stays fast whatever it is sent.
MAX_CHARS = 300
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u200b-\u200f\u2028-\u202f\ufeff]+")
_SPACES = re.compile(r"\s+")
_LEADING_FOLLOWUP = re.compile(
    rf"^\s*(?:(?:{sx._alternation(lx.FOLLOWUP_OPENER_TIMES)})\s*)?(?:{sx._alternation(lx.FOLLOWUP_OPENERS)})\s*[:：]?")
_POSTER_WORDS = re.compile(r"生成|制作|做一?张|出一?张|帮我|给我|发我|一下|一张|的|海报|给|做|出")
_AFTER_CUE = re.compile(r"[\s:：]*(?:一下|下)?")
_LEADING_PREP = re.compile(f"^(?:{sx._alternation(lx.CLIENT_PREPOSITIONS)})")


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
        return _parse(normalize(text), _now(now))
    except Exception:  # a chat bot must answer whatever it is sent
        return Parsed("unknown", {})


def _parse(text: str, now: datetime) -> Parsed:
    numeric = arabize(text).lower()
    sale = sx.deal_type(text) == "sale"
    has_quantities = bool(extract_quantities(_without_contacts(numeric), True, sale))
    intent, cue = classify(text, has_quantities, bool(find_times(numeric, now)))
    builder = _BUILDERS.get(intent)
    found = builder(text, now, cue) if builder else {}
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
    found = {
        "region": sx.region(text),
        "deal_type": deal,
        "property_type": sx.property_type(text),
        "single_storey": sx.single_storey(text),
        "features": sx.features(text),
    }
    found.update(extract_quantities(arabize(text).lower(), requirement, deal == "sale"))
    return found


def _new_client(text: str, now: datetime, cue: re.Match | None) -> dict:
    who = sx.party(text, cue.end() if cue else 0)
    phone, rest = sx.phone(text)
    wechat = sx.wechat_id(rest, phone)
    surname = who.surname
    if not surname:
        person = sx._person_at(rest[who.end:])
        surname = sx._surname(person) if person else None
    company = who.company
    if company and not who.person and not surname and sx.looks_like_full_name(company):
        company, surname = None, company  # `新客户 李建国 做机械的`: a person, named in full
    rest = _blank(rest, who.company, who.person, wechat, cue.group() if cue else None)
    found = {"company": company, "contact_name": surname, "phone": phone, "wechat_id": wechat,
             "industry": sx.industry(rest), "source": sx.source(rest)}
    found.update(_property_slots(rest, requirement=True))
    return found


def _new_listing(text: str, now: datetime, cue: re.Match | None) -> dict:
    phone, rest = sx.phone(text)
    wechat = sx.wechat_id(rest, phone)
    rest = _blank(rest, wechat, cue.group() if cue else None)
    person = sx._PERSON.search(rest)
    code = sx.listing_code(rest)
    found = {"listing": code, "contact_name": sx._surname(person) if person else None, "phone": phone,
             "wechat_id": wechat}
    found.update(_property_slots(_blank(rest, code, person.group() if person else None), requirement=False))
    return found


def _search(text: str, now: datetime, cue: re.Match | None) -> dict:
    return _property_slots(text, requirement=True)


def _followup(text: str, now: datetime, cue: re.Match | None) -> dict:
    opening = _LEADING_FOLLOWUP.match(text)
    start = opening.end() if opening else 0
    who = sx.party(text, start)
    note = text[who.end:]
    numeric_note = arabize(note)
    when = next_followup(numeric_note, now)
    content = numeric_note
    if when:
        content = numeric_note[: when.start] + numeric_note[when.end:]
    stage = sx.stage(_blank(text, who.company, who.person))
    if stage == "won" and when and not sx.won_is_done(text):
        stage = "negotiating"  # a signing set for the next meeting is not a deal yet
    return {"client": who.client, "contact_name": who.surname if who.company else None,
            "stage": stage, "next_at": when.at if when else None,
            "content": _SPACES.sub(" ", content).strip(" ,，。")}


def _client_before_or_after(text: str, cue: re.Match | None) -> str | None:
    if cue is None:
        return sx.party(text).client
    before = _LEADING_PREP.sub("", text[: cue.start()].strip())
    if before:
        return sx.party(before).client
    after_cue = _AFTER_CUE.match(text, cue.end())  # always matches: every part is optional
    return sx.party(text, after_cue.end() if after_cue else cue.end()).client


def _match_client(text: str, now: datetime, cue: re.Match | None) -> dict:
    if cue is not None and "who" in cue.re.groupindex:
        return {"client": sx.party(cue.group("who")).client}
    return {"client": _client_before_or_after(text, cue)}


def _client_info(text: str, now: datetime, cue: re.Match | None) -> dict:
    return {"client": _client_before_or_after(text, cue)}


def _update_stage(text: str, now: datetime, cue: re.Match | None) -> dict:
    return {"client": _client_before_or_after(text, cue), "stage": sx.stage(text)}


_STATUS_FILLERS = re.compile(sx._alternation(set(lx.LISTING_STATUS_FILLERS) | set(sx._STATUS_OF) | set(sx._STAGE_OF)))


def _listing_status(text: str, now: datetime, cue: re.Match | None) -> dict:
    status = sx.status_match(text)
    before = text[: status.start()].strip() if status else ""
    listing = sx.listing_reference(before) or sx.listing_code(text) or before or None
    return {"listing": listing, "listing_status": sx.listing_status(text), "client": _listing_client(text, listing)}


def _listing_client(text: str, listing: str | None) -> str | None:
    """The client a listing went to or is held for: what is left once the listing, the status words and
    the fillers are taken out (`A12租给李总了` -> 李总, `A12签约了 华兴精密` -> 华兴精密)."""
    rest = _STATUS_FILLERS.sub(lambda m: " " * len(m.group()), _blank(text, listing))
    client = sx.party(rest).client
    return client if sx.is_client_name(client) or (client and sx._PERSON.fullmatch(client)) else None


def _poster(text: str, now: datetime, cue: re.Match | None) -> dict:
    listing = sx.listing_reference(text) or _POSTER_WORDS.sub("", text).strip(" ,，。")
    return {"listing": listing or None}


def _agenda(text: str, now: datetime, cue: re.Match | None) -> dict:
    return {"day": agenda_day(arabize(text), now)}


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
