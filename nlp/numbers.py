"""Chinese numerals (through cn2an) and the quantities of this trade: area, height, load, power, prices."""

from __future__ import annotations

import re

from . import lexicon as lx

_cn2an = None  # imported on first use: it costs a sixth of a second at start-up

_CN_DIGITS = "零〇一二两三四五六七八九"
_CN_RUN = re.compile(f"[{_CN_DIGITS}十百千万亿]+(?:点[{_CN_DIGITS}]+(?=[万千米吨元块平方亩]))?")
# `两三千` is a range: two neighbouring digits before one magnitude.
_CN_PAIR = re.compile("([一二两三四五六七八九])([二三四五六七八九])([十百千万])")
_CN_VALUE = {c: i for i, c in enumerate("零一二三四五六七八九")} | {"两": 2, "〇": 0}
_MAGNITUDE = {"十": 10, "百": 100, "千": 1000, "万": 10000}
# A lone 一 that is a word, not a number: 一下, 一起, `0.8一平一天`.
_LONE_ONE_WORDS = set("下起些直定样般手共边切旦致家套")
_TIME_BEFORE_ONE = ("午", "上", "晚", "早", "天", "日", "号", "凌晨")


def cn_to_number(text: str) -> float | None:
    """A Chinese or mixed numeral (`两千五`, `1.5万`) as a number, None when it is not one."""
    global _cn2an
    if _cn2an is None:
        import cn2an

        _cn2an = cn2an.cn2an
    try:
        return float(_cn2an(text, "smart"))
    except (ValueError, KeyError, IndexError, TypeError):
        return None


def _format(value: float) -> str:
    return str(int(value)) if value == int(value) else repr(value)


def _expand_pair(match: re.Match) -> str:
    first, second, magnitude = (_CN_VALUE[match.group(1)], _CN_VALUE[match.group(2)], _MAGNITUDE[match.group(3)])
    if second != first + 1:
        return match.group()
    return f"{first * magnitude}-{second * magnitude}"


def arabize(text: str) -> str:
    """Rewrite Chinese numerals as Arabic ones, leaving words such as 一下 and `一平一天` alone."""
    return arabize_mapped(text)[0]


def arabize_mapped(text: str) -> tuple[str, list[tuple[int, int]]]:
    """`arabize`, and for each character of the result the span of `text` it came from, so that a phrase
    found in the Arabic form can be cut out of the words as written."""
    spans = [(i, i + 1) for i in range(len(text))]
    text, spans = _sub_mapped(_CN_PAIR, _expand_pair, text, spans)

    def replace(match: re.Match, source: str) -> str:
        run = match.group()
        if not any(c in run for c in _CN_DIGITS + "十"):
            return run
        before = source[max(0, match.start() - 2) : match.start()]
        after = source[match.end() : match.end() + 1]
        if run == "一":
            if after in _LONE_ONE_WORDS or before[-1:].isdigit() or before[-1:] in ("元", "块", "毛", "平", "方", "米"):
                return run
            if after == "点" and not before.endswith(_TIME_BEFORE_ONE):
                return run
        value = cn_to_number(run)
        return run if value is None else _format(value)

    return _sub_mapped(_CN_RUN, replace, text, spans)


def _sub_mapped(pattern: re.Pattern, replace, text: str, spans: list[tuple[int, int]]):
    """`pattern.sub(replace, text)` that carries the source spans along: a replaced run maps every one of its
    new characters to the whole span it replaced."""
    out: list[str] = []
    out_spans: list[tuple[int, int]] = []
    last = 0
    for match in pattern.finditer(text):
        new = replace(match) if pattern is _CN_PAIR else replace(match, text)
        out.append(text[last : match.start()])
        out_spans.extend(spans[last : match.start()])
        if new == match.group():
            out_spans.extend(spans[match.start() : match.end()])
        else:
            whole = (spans[match.start()][0], spans[match.end() - 1][1])
            out_spans.extend([whole] * len(new))
        out.append(new)
        last = match.end()
    out.append(text[last:])
    out_spans.extend(spans[last:])
    return "".join(out), out_spans


NUM = r"(\d+(?:\.\d+)?)\s*(个?亿|万|千(?![瓦伏])|w(?![a-z]))?"
_AREA_UNIT = "(?:平方米|平米|平方|平|m2|方|亩)"
_PER = r"\s*(?:/|一|每)\s*"


def number_value(digits: str, multiplier: str | None) -> float:
    value = float(digits)
    if multiplier in ("万", "w"):
        value *= 10000
    elif multiplier and multiplier.endswith("亿"):
        value *= 100000000
    elif multiplier == "千":
        value *= 1000
    return value


def _mask(text: str, span: tuple[int, int]) -> str:
    return text[: span[0]] + " " * (span[1] - span[0]) + text[span[1] :]


_QUALIFIERS = ((lx.AT_LEAST, "min"), (lx.AT_MOST, "max"), (lx.ABOUT, "about"))
_SUFFIX_ONLY = tuple(lx.SUFFIX_ONLY)


def _qualifier(before: str, after: str) -> str | None:
    """'min', 'max' or 'about' from the words around a number, None for a bare number.

    The longest word wins, so `不超过` (max) is not read as `超过` (min).
    """
    best = None
    for words, kind in _QUALIFIERS:
        for word in words:
            if after.startswith(word) and (best is None or len(word) > len(best[0])):
                best = (word, kind)
    if best:
        return best[1]
    for words, kind in _QUALIFIERS:
        for word in words:
            if word not in _SUFFIX_ONLY and before.endswith(word) and (best is None or len(word) > len(best[0])):
                best = (word, kind)
    return best[1] if best else None


def _keyed(keys: list[str], units: str, max_gap: int = 5) -> re.Pattern:
    alternation = "|".join(sorted(keys, key=len, reverse=True))
    # A number that carries another unit (`层高 4000平`, `配电 20元`) is not this quantity.
    other = "(?![\\d.])(?!\\s*(?:平|方|亩|m2|元|块|万|个|台|天|月|号|点))"
    return re.compile(f"(?:{alternation})[^\\d]{{0,{max_gap}}}?{NUM}{other}\\s*(?:{units})?")


_POWER_KEYED = _keyed(lx.POWER_KEYS, "|".join(lx.POWER_UNITS + ["k"]))
_POWER_UNIT = re.compile(f"{NUM}\\s*(?:{'|'.join(lx.POWER_UNITS)})")
_HEIGHT_KEYED = _keyed(lx.HEIGHT_KEYS, "米|m")
_HEIGHT_AFTER = re.compile(f"{NUM}\\s*(?:米|m)(?:以上)?的?(?:层高|净高|檐高|高)")
_LOAD_KEYED = _keyed(lx.LOAD_KEYS, "吨|t")
_LOAD_AFTER = re.compile(f"{NUM}\\s*(?:吨|t)(?:/平|每平)?的?承重")
_LOAD_KILOGRAMS = re.compile(f"(?:{'|'.join(lx.LOAD_KEYS)})[^\\d]{{0,5}}?(\\d+(?:\\.\\d+)?)\\s*(?:公斤|千克|kg)")
_PRICE_PER_DAY = re.compile(
    f"{NUM}\\s*(?:元|块)?(?:{_PER}{_AREA_UNIT}(?:{_PER}|\\s*)(?:天|日)|{_PER}(?:天|日){_PER}{_AREA_UNIT})"
)
# The unit first: `每平每天0.6元`, `每平米每月25块`.
_PRICE_UNIT_FIRST = re.compile(
    f"(?:每|一)\\s*({_AREA_UNIT})\\s*(?:(?:每|一|/)?\\s*(天|日|月|个月))?\\s*{NUM}\\s*(?:元|块)?"
)
_PRICE_PER_AREA = re.compile(f"{NUM}\\s*(?:元|块)?{_PER}{_AREA_UNIT}(?:{_PER}|\\s*)?(月|个月)?")
_PRICE_KEYED = re.compile(
    f"(租金|租价|月租金|月租|单价|售价|价格|报价|总价|预算)[^\\d]{{0,6}}?{NUM}\\s*(?:元|块)?\\s*(/天|每天|一天|/月|每月)?"
)
# A bare price, `20元以内`, `25块左右`: small means rent per m² per month, large a sale price per m².
_PRICE_BARE = re.compile(f"{NUM}\\s*(?:元|块)(?:钱)?(?!\\s*(?:/|每|一)?\\s*(?:天|日|月|年))")
# A price with neither unit nor key, `0.8以内`, `25左右`: only a small number can be a rent.
_PRICE_NAKED = re.compile(r"(?<![\d.])(\d\.\d{1,2}|\d{2})\s*(?:元|块)?\s*(?:以内|以下|之内|左右)")
# Below this a rent per m² per month is implausible, so it was said per day (`0.8以内`).
DAILY_RENT_BELOW = 3.0
# `每层2000平 共4000平`: the total is the listing's size.
_AREA_TOTAL = re.compile(f"(?:共|总共|合计|一共|总面积)\\s*{NUM}\\s*多?\\s*({_AREA_UNIT})")
_AREA_RANGE = re.compile(f"{NUM}\\s*{_AREA_UNIT}?\\s*(?:-|~|到|至|—)\\s*{NUM}\\s*多?个?\\s*({_AREA_UNIT})")
_AREA_SINGLE = re.compile(f"{NUM}\\s*多?个?\\s*({_AREA_UNIT})")
_AREA_KEYED = re.compile(f"面积[^\\d]{{0,4}}?{NUM}")


_PER_MU = re.compile(r"\s*(?:/|一|每)\s*亩")


def _per_m2(value: float, unit: str) -> float:
    """A price per mu (land) as a price per m²."""
    return round(value / lx.MU_IN_M2, 2) if unit == "亩" else value


def _first_value(patterns: list[re.Pattern], text: str, limit: float = float("inf")) -> tuple[float | None, str]:
    """The first plausible value (at most `limit`), and the text with its mention blanked out."""
    for pattern in patterns:
        for match in pattern.finditer(text):
            value = number_value(match.group(1), match.group(2))
            if value <= limit:
                return value, _mask(text, match.span())
    return None, text


def extract_quantities(text: str, requirement: bool, sale: bool) -> dict:
    """Quantities from arabized, lower-case text.

    A requirement (client, search) yields `*_min`/`*_max` bounds, a listing exact values.
    Each match is blanked out so that a number is used once: the 10 t of a crane is not a floor load.
    """
    slots: dict = {}
    suffix_min = "_min" if requirement else ""
    suffix_max = "_max" if requirement else ""

    value, text = _first_value([_POWER_UNIT, _POWER_KEYED], text)
    if value is not None:
        slots["power_kva" + suffix_min] = value
    value, text = _first_value([_HEIGHT_KEYED, _HEIGHT_AFTER], text, limit=50)
    if value is not None:
        slots["ceiling_height" + suffix_min] = value
    value, text = _first_value([_LOAD_KEYED, _LOAD_AFTER], text, limit=50)
    if value is not None:
        slots["floor_load" + suffix_min] = value
    else:
        match = _LOAD_KILOGRAMS.search(text)
        if match:  # `承重800公斤`: tonnes per m², as every load
            slots["floor_load" + suffix_min] = round(float(match.group(1)) / 1000, 3)
            text = _mask(text, match.span())

    text = _extract_prices(text, slots, requirement, sale, suffix_max)
    _extract_area(text, slots, requirement)
    return slots


def _extract_prices(text: str, slots: dict, requirement: bool, sale: bool, suffix_max: str) -> str:
    match = _PRICE_PER_DAY.search(text)
    if match:
        slots["rent" + suffix_max] = round(number_value(match.group(1), match.group(2)) * 30, 2)
        text = _mask(text, match.span())
    match = _PRICE_UNIT_FIRST.search(text)
    if match:
        unit, period = match.group(1), match.group(2)
        value = _per_m2(number_value(match.group(3), match.group(4)), unit)
        if period is None and (sale or value > 300):
            slots.setdefault("sale_price" + suffix_max, value)  # `每平3500`, `每亩80万`
        else:
            slots.setdefault("rent" + suffix_max, round(value * 30, 2) if period in ("天", "日") else value)
        text = _mask(text, match.span())
    match = _PRICE_PER_AREA.search(text)
    if match:
        value = _per_m2(number_value(match.group(1), match.group(2)), "亩" if "亩" in match.group() else "")
        if match.group(3) or not (sale or value > 300):
            slots.setdefault("rent" + suffix_max, value)
        else:
            slots.setdefault("sale_price" + suffix_max, value)
        text = _mask(text, match.span())
    for match in _PRICE_KEYED.finditer(text):
        key, period = match.group(1), match.group(4) or ""
        value = number_value(match.group(2), match.group(3))
        per_mu = _PER_MU.match(text, match.end())
        if per_mu:  # `单价80万一亩`: land is priced per mu
            value = _per_m2(value, "亩")
            match_end = per_mu.end()
        else:
            match_end = match.end()
        window = text[max(0, match.start() - 3) : match.start()]
        if key == "总价" or (key == "预算" and sale):
            if requirement:
                slots.setdefault("sale_total_max", value)
        elif key == "预算" and value <= 300 and not sale and not period:
            if requirement:  # `预算30元`: no month costs 30 yuan, it is the rent per m²
                slots.setdefault("rent_max", round(value * 30, 2) if value < DAILY_RENT_BELOW else value)
        elif key == "预算" or (key in ("月租", "月租金", "租金") and value > 300):
            if requirement and not sale:
                per_day = "天" in match.group(0) or any(word in window for word in ("每天", "一天", "每日"))
                slots.setdefault("budget_month_max", round(value * 30, 2) if per_day else value)
        elif key in ("单价", "售价") or (sale and value > 300):
            slots.setdefault("sale_price" + suffix_max, value)
        else:
            if "天" in period or "天" in window or value < DAILY_RENT_BELOW:
                value = round(value * 30, 2)
            slots.setdefault("rent" + suffix_max, value)
        text = _mask(text, (match.start(), match_end))
    for match in _PRICE_BARE.finditer(text):
        value = number_value(match.group(1), match.group(2))
        if value <= 300 and not sale:
            per_day = value < DAILY_RENT_BELOW  # `价格一块以内`, `0.9元`: no one pays 1 yuan a month
            slots.setdefault("rent" + suffix_max, round(value * 30, 2) if per_day else value)
        elif sale and 300 < value <= 100000:
            slots.setdefault("sale_price" + suffix_max, value)
        else:
            continue
        text = _mask(text, match.span())
        break
    if requirement and not sale and "rent_max" not in slots:
        match = _PRICE_NAKED.search(text)
        if match:
            value = float(match.group(1))
            slots["rent_max"] = round(value * 30, 2) if value < DAILY_RENT_BELOW else value
            text = _mask(text, match.span())
    return text


def _extract_area(text: str, slots: dict, requirement: bool) -> None:
    total = _AREA_TOTAL.search(text)
    if total and not requirement:
        value = number_value(total.group(1), total.group(2))
        slots["area"] = round(value * lx.MU_IN_M2 if total.group(3) == "亩" else value, 2)
        return
    match = _AREA_RANGE.search(text)
    if match:
        low = number_value(match.group(1), match.group(2))
        high = number_value(match.group(3), match.group(4))
        if match.group(2) is None and match.group(4) and low < 10:
            low = number_value(match.group(1), match.group(4))
        if match.group(5) == "亩":
            low, high = low * lx.MU_IN_M2, high * lx.MU_IN_M2
        if requirement:
            slots["area_min"], slots["area_max"] = round(low, 2), round(high, 2)
        else:
            slots["area"] = round(low, 2)
        return
    match = _AREA_SINGLE.search(text) or _AREA_KEYED.search(text)
    if not match:
        return
    value = number_value(match.group(1), match.group(2))
    if match.re is _AREA_SINGLE and match.group(3) == "亩":
        value *= lx.MU_IN_M2
    value = round(value, 2)
    if not requirement:
        slots["area"] = value
        return
    kind = _qualifier(
        text[max(0, match.start() - 4) : match.start()].rstrip(), text[match.end() : match.end() + 4].lstrip()
    )
    if kind == "min":
        slots["area_min"] = value
    elif kind == "max":
        slots["area_max"] = value
    else:
        slots["area_min"], slots["area_max"] = round(value * 0.9, 2), round(value * 1.1, 2)
