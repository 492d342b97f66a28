"""Listing share posters (pillow): cover photo, title, key facts, price, the sharer and a QR code.

Three templates, 750×1334 (a phone screen; WeChat shows it full width):

- ``classic``: the photo on top, facts in a grid on white, the sharer and the code in a band below;
- ``immersive``: the photo fills the poster under a dark gradient, text in white, the code on a card;
- ``brochure``: a navy header with the brand, the photo framed, facts as a two-column list.

Text is measured, never assumed: a title shrinks and wraps to its lines and then ends in "…", facts and
feature chips that do not fit are left out, so nothing runs over an edge whatever the names. Rendering
is CPU work (~20-40 ms): run ``render`` off the event loop. Fonts come from ``fonts-noto-cjk`` (the
Makefile installs it) or the configured ``poster_font``; without a CJK font ``FontMissing`` is raised
rather than drawing boxes.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass, field
from functools import cache, lru_cache
from pathlib import Path

import qrcode
from PIL import Image, ImageDraw, ImageFont
from qrcode.constants import ERROR_CORRECT_M

WIDTH, HEIGHT = 750, 1334
TEMPLATES = ("classic", "immersive", "brochure")
TEMPLATE_NAMES = {"classic": "经典", "immersive": "大图", "brochure": "简约"}

NAVY = (18, 52, 96)
ACCENT = (230, 72, 40)
GOLD = (255, 200, 92)
INK = (28, 32, 38)
GREY = (112, 118, 128)
LIGHT = (244, 246, 249)
LINE = (226, 230, 236)
WHITE = (255, 255, 255)

# (regular, bold, collection index): Debian's fonts-noto-cjk first (index 2 = Simplified Chinese forms).
SYSTEM_FONTS = (
    (
        "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
        "/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc",
        2,
    ),
    (
        "/usr/share/fonts/opentype/noto/NotoSansCJKsc-Regular.otf",
        "/usr/share/fonts/opentype/noto/NotoSansCJKsc-Bold.otf",
        0,
    ),
    ("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc", "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc", 0),
    ("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc", "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc", 0),
)
_TOKEN = re.compile(r"[A-Za-z0-9.%+\-/·]+|\s+|.", re.S)
"""Wrap units: Latin words and numbers stay whole (3000㎡, A12), every CJK character may break."""


class FontMissing(RuntimeError):
    """No CJK font is installed or configured: a poster would show boxes instead of Chinese."""


@dataclass(frozen=True)
class Fonts:
    regular: str
    bold: str
    index: int = 0

    def get(self, size: int, bold: bool = False) -> ImageFont.FreeTypeFont:
        return _font(self.bold if bold else self.regular, self.index, size)


@lru_cache(maxsize=128)
def _font(path: str, index: int, size: int) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(path, size, index=index)


@cache
def find_fonts(configured: str = "") -> Fonts:
    """The configured font file (regular and bold alike), else the first installed system CJK font."""
    if configured:
        if not Path(configured).is_file():
            raise FontMissing(f"poster_font {configured} does not exist")
        return Fonts(configured, configured)
    for regular, bold, index in SYSTEM_FONTS:
        if Path(regular).is_file() and Path(bold).is_file():
            return Fonts(regular, bold, index)
    raise FontMissing("no CJK font installed: `make install-fonts` (apt fonts-noto-cjk) or set poster_font")


@dataclass(frozen=True)
class PosterContent:
    title: str
    place: str
    """苏州 · 昆山 · 花桥"""
    deal: str
    """出租 / 出售"""
    price: str
    """The number as shown big: 28, 2250"""
    price_unit: str
    """元/㎡·月, 万元"""
    price_note: str = ""
    """A second price line: 约8.4万元/月, 单价7500元/㎡"""
    facts: tuple[tuple[str, str], ...] = ()
    """(label, value): (面积, 3000㎡), (层高, 9米) ... the most important first"""
    features: tuple[str, ...] = ()
    person: str = ""
    """The name on the poster: the sharer, or the listing's salesperson"""
    person_role: str = "置业顾问"
    brand: str = ""
    code: str = ""
    qr_text: str = ""
    """What the QR code encodes: the H5 page with the sharer's attribution"""
    call_to_action: str = "长按识别二维码"
    call_to_action_note: str = "查看实拍照片、视频与位置"
    cover: bytes | None = field(default=None, repr=False)


def render(content: PosterContent, template: str = "classic", *, fonts: Fonts) -> bytes:
    """The poster as a JPEG."""
    if template not in TEMPLATES:
        raise ValueError(f"template must be one of {TEMPLATES}")
    canvas = Image.new("RGB", (WIDTH, HEIGHT), WHITE)
    draw = ImageDraw.Draw(canvas)
    {"classic": _classic, "immersive": _immersive, "brochure": _brochure}[template](canvas, draw, content, fonts)
    out = io.BytesIO()
    canvas.save(out, "JPEG", quality=90, subsampling=0)  # 4:4:4 keeps small red and white text crisp
    return out.getvalue()


# ---- templates ----------------------------------------------------------------------------------------


def _classic(canvas: Image.Image, draw: ImageDraw.ImageDraw, c: PosterContent, fonts: Fonts) -> None:
    photo_h = 520
    canvas.paste(_cover(c.cover, (WIDTH, photo_h), fonts), (0, 0))
    _shade(canvas, (0, 0, WIDTH, 140), top=110, bottom=0)
    if c.brand:
        _text_fit(draw, (40, 34), c.brand, fonts, 28, 22, WIDTH - 260, bold=True, fill=WHITE)
    _pill(
        draw,
        (WIDTH - 40, 30),
        c.deal + (f" · {c.code}" if c.code else ""),
        fonts.get(24, True),
        ACCENT,
        WHITE,
        anchor="right",
    )
    x, right = 44, WIDTH - 44
    y = photo_h + 34
    y = _title(draw, (x, y), c.title, fonts, right - x, sizes=(46, 42, 38, 34), lines=2, fill=INK) + 10
    y = _text_fit(draw, (x, y), "◉ " + c.place, fonts, 26, 22, right - x, fill=GREY) + 22
    y = _price(draw, (x, y), c, fonts, right - x, ACCENT, GREY) + 26
    draw.line((x, y, right, y), fill=LINE, width=2)
    band = HEIGHT - 250
    y = _fact_grid(draw, (x, y + 22), c.facts[:6], fonts, right - x, columns=3, bottom=band - 16) + 4
    if y + 42 <= band - 24:
        _chips(draw, (x, y), c.features, fonts, right - x, outline=NAVY, fill=None, text=NAVY)
    draw.rectangle((0, band, WIDTH, HEIGHT), fill=LIGHT)
    _person_and_code(canvas, draw, c, fonts, top=band, dark=False)


def _immersive(canvas: Image.Image, draw: ImageDraw.ImageDraw, c: PosterContent, fonts: Fonts) -> None:
    canvas.paste(_cover(c.cover, (WIDTH, HEIGHT), fonts), (0, 0))
    _shade(canvas, (0, 0, WIDTH, 220), top=150, bottom=0)
    _shade(canvas, (0, 330, WIDTH, HEIGHT), top=0, bottom=240)
    if c.brand:
        _text_fit(draw, (44, 44), c.brand, fonts, 30, 22, WIDTH - 260, bold=True, fill=WHITE)
    _pill(
        draw,
        (WIDTH - 44, 40),
        c.deal + (f" · {c.code}" if c.code else ""),
        fonts.get(24, True),
        GOLD,
        INK,
        anchor="right",
    )
    x, right = 44, WIDTH - 44
    card_top = HEIGHT - 262
    # Laid out from the bottom up, so the block sits on the card whatever the title's length.
    facts = " | ".join(value for _, value in c.facts[:4])
    blocks_h = 56 + 40 + 96 + 36
    title_font, title_lines = _fit(draw, c.title, fonts, right - x, sizes=(54, 48, 42, 38), lines=2, bold=True)
    title_h = len(title_lines) * int(title_font.size * 1.3)
    y = card_top - 36 - blocks_h - title_h
    for line in title_lines:
        draw.text((x, y), line, font=title_font, fill=WHITE)
        y += int(title_font.size * 1.3)
    y = _text_fit(draw, (x, y + 6), "◉ " + c.place, fonts, 26, 22, right - x, fill=(225, 228, 233)) + 16
    y = _price(draw, (x, y), c, fonts, right - x, GOLD, (225, 228, 233)) + 18
    if facts:
        _text_fit(draw, (x, y), facts, fonts, 28, 22, right - x, bold=True, fill=WHITE)
    card = (28, card_top, WIDTH - 28, HEIGHT - 28)
    draw.rounded_rectangle(card, radius=24, fill=WHITE)
    _person_and_code(canvas, draw, c, fonts, top=card_top, dark=False, inset=28)


def _brochure(canvas: Image.Image, draw: ImageDraw.ImageDraw, c: PosterContent, fonts: Fonts) -> None:
    draw.rectangle((0, 0, WIDTH, 470), fill=NAVY)
    x, right = 48, WIDTH - 48
    if c.brand:
        _text_fit(draw, (x, 44), c.brand, fonts, 30, 22, right - x - 180, bold=True, fill=WHITE)
    _pill(
        draw, (right, 40), c.deal + (f" · {c.code}" if c.code else ""), fonts.get(24, True), GOLD, INK, anchor="right"
    )
    frame = (x, 110, right, 110 + 470)
    photo = _cover(c.cover, (frame[2] - frame[0], frame[3] - frame[1]), fonts)
    canvas.paste(photo, frame[:2], _rounded_mask(photo.size, 20))
    y = frame[3] + 30
    y = _title(draw, (x, y), c.title, fonts, right - x, sizes=(44, 40, 36, 32), lines=2, fill=NAVY) + 8
    y = _text_fit(draw, (x, y), "◉ " + c.place, fonts, 26, 22, right - x, fill=GREY) + 20
    y = _price(draw, (x, y), c, fonts, right - x, ACCENT, GREY) + 20
    y = _fact_list(draw, (x, y), c.facts[:6], fonts, right - x, bottom=HEIGHT - 262)
    band = HEIGHT - 240
    draw.line((x, band, right, band), fill=LINE, width=2)
    _person_and_code(canvas, draw, c, fonts, top=band, dark=False)


# ---- pieces ---------------------------------------------------------------------------------------------


def _cover(data: bytes | None, size: tuple[int, int], fonts: Fonts) -> Image.Image:
    """The cover cropped to fill ``size``; without one, a quiet navy panel with the brand's initial mark."""
    if data:
        try:
            opened = Image.open(io.BytesIO(data))
            opened.draft("RGB", (size[0], size[1]))  # JPEG: decode at a reduced scale, 4-8 times faster
            opened.load()
            photo: Image.Image = opened if opened.mode == "RGB" else opened.convert("RGB")
        except (OSError, ValueError):
            return _placeholder(size, fonts)
        scale = max(size[0] / photo.width, size[1] / photo.height)
        crop_w, crop_h = size[0] / scale, size[1] / scale
        left, top = (photo.width - crop_w) / 2, (photo.height - crop_h) * 0.45
        return photo.resize(
            size, Image.Resampling.BILINEAR, box=(left, top, left + crop_w, top + crop_h), reducing_gap=2.0
        )
    return _placeholder(size, fonts)


@lru_cache(maxsize=8)
def _placeholder(size: tuple[int, int], fonts: Fonts) -> Image.Image:
    panel = Image.new("RGB", size, NAVY)
    gradient = Image.linear_gradient("L").resize(size).point(lambda v: v * 0.5)
    panel.paste((40, 96, 160), mask=gradient)
    ImageDraw.Draw(panel).text(
        (size[0] / 2, size[1] / 2), "实拍图更新中", font=fonts.get(34), fill=(200, 214, 235), anchor="mm"
    )
    return panel


@lru_cache(maxsize=16)
def _gradient(width: int, height: int, top: int, bottom: int) -> Image.Image:
    """A black layer's alpha going from ``top`` to ``bottom`` (0-255) down ``height`` pixels."""
    ramp = Image.linear_gradient("L").resize((1, 256))
    ramp = ramp.point(lambda v: int(top + (bottom - top) * (v / 255) ** 0.5))  # eases in: dark soon enough for text
    return ramp.resize((width, height), Image.Resampling.BILINEAR)


def _shade(canvas: Image.Image, box: tuple[int, int, int, int], *, top: int, bottom: int) -> None:
    x0, y0, x1, y1 = box
    canvas.paste((0, 0, 0), box, _gradient(x1 - x0, y1 - y0, top, bottom))


@lru_cache(maxsize=8192)
def _width(text: str, font: ImageFont.FreeTypeFont) -> float:
    """Advance width in pixels; remembered, since fitting measures the same words at several sizes."""
    return font.getlength(text)


def _tokens(text: str) -> list[str]:
    return _TOKEN.findall(text)


def _wrap(draw: ImageDraw.ImageDraw, text: str, font, width: int) -> list[str]:
    if _width(text, font) <= width:
        return [text]
    lines, line = [], ""
    tokens: list[str] = []
    for token in _tokens(text):  # a word wider than the line may break anywhere
        tokens.extend(token if len(token) > 1 and _width(token, font) > width else [token])
    for token in tokens:
        if _width(line + token, font) <= width or not line:
            line += token
        else:
            space = line.rfind(" ")
            if space > len(line) * 2 // 3:  # a space near the end is the better break (带行车 stays whole)
                line, carried = line[:space], line[space + 1 :]
            else:
                carried = ""
            lines.append(line.rstrip())
            line = (carried + token).lstrip()
    if line:
        lines.append(line)
    return [_ellipsize(draw, part, font, width) for part in lines]


def _ellipsize(draw: ImageDraw.ImageDraw, text: str, font, width: int) -> str:
    """``text``, or its longest beginning that fits with "…" after it (found by bisection)."""
    if _width(text, font) <= width:
        return text
    low, high = 0, len(text)
    while low < high:
        middle = (low + high + 1) // 2
        if _width(text[:middle] + "…", font) <= width:
            low = middle
        else:
            high = middle - 1
    return text[:low].rstrip() + "…"


def _fit(draw, text: str, fonts: Fonts, width: int, *, sizes: tuple[int, ...], lines: int, bold: bool):
    """The largest of ``sizes`` at which ``text`` wraps into ``lines``; else the smallest, cut with "…"."""
    for size in sizes:
        font = fonts.get(size, bold)
        wrapped = _wrap(draw, text, font, width)
        if len(wrapped) <= lines:
            return font, wrapped
    wrapped = wrapped[:lines]
    wrapped[-1] = _ellipsize(draw, wrapped[-1] + "……", font, width)
    return font, wrapped


def _title(draw, xy, text: str, fonts: Fonts, width: int, *, sizes, lines: int, fill) -> int:
    font, wrapped = _fit(draw, text, fonts, width, sizes=sizes, lines=lines, bold=True)
    x, y = xy
    step = int(font.size * 1.3)
    for line in wrapped:
        draw.text((x, y), line, font=font, fill=fill)
        y += step
    return y


def _text_fit(
    draw, xy, text: str, fonts: Fonts, size: int, min_size: int, width: int, *, bold: bool = False, fill=INK
) -> int:
    """One line: shrunk down to ``min_size``, then cut with "…". Returns the y below it."""
    font, wrapped = _fit(draw, text, fonts, width, sizes=tuple(range(size, min_size - 1, -2)), lines=1, bold=bold)
    draw.text(xy, wrapped[0], font=font, fill=fill)
    return xy[1] + int(font.size * 1.35)


def _price(draw, xy, c: PosterContent, fonts: Fonts, width: int, color, note_color) -> int:
    x, y = xy
    big = fonts.get(64, True)
    if _width(c.price, big) > width * 0.6:
        big = fonts.get(48, True)
    draw.text((x, y), c.price, font=big, fill=color)
    x += _width(c.price, big) + 8
    unit = fonts.get(26, True)
    baseline = y + big.getmetrics()[0]
    draw.text((x, baseline), c.price_unit, font=unit, fill=color, anchor="ls")
    x += _width(c.price_unit, unit) + 20
    if c.price_note and xy[0] + width - x > 80:
        note = fonts.get(24)
        draw.text(
            (x, baseline),
            _ellipsize(draw, c.price_note, note, int(xy[0] + width - x)),
            font=note,
            fill=note_color,
            anchor="ls",
        )
    return y + int(big.size * 1.2)


def _fact_grid(draw, xy, facts, fonts: Fonts, width: int, *, columns: int, bottom: int) -> int:
    """Rows of (value over label) cells; rows that would pass ``bottom`` are left out."""
    x0, y = xy
    cell = width // columns
    value_font, label_font = fonts.get(34, True), fonts.get(22)
    for row_start in range(0, len(facts), columns):
        if y + 84 > bottom:
            break
        for i, (label, value) in enumerate(facts[row_start : row_start + columns]):
            x = x0 + i * cell
            if i:
                draw.line((x - 14, y + 6, x - 14, y + 78), fill=LINE, width=2)
            font = value_font
            for size in (34, 30, 26, 22):
                font = fonts.get(size, True)
                if _width(value, font) <= cell - 28:
                    break
            draw.text((x, y), _ellipsize(draw, value, font, cell - 28), font=font, fill=INK)
            draw.text((x, y + 50), label, font=label_font, fill=GREY)
        y += 100
    return y


def _fact_list(draw, xy, facts, fonts: Fonts, width: int, *, bottom: int) -> int:
    x0, y = xy
    half = width // 2
    label_font, value_font = fonts.get(24), fonts.get(28, True)
    for i, (label, value) in enumerate(facts):
        if y + 44 > bottom:
            break
        x = x0 + (i % 2) * half
        draw.text((x, y + 2), label, font=label_font, fill=GREY)
        offset = _width(label, label_font) + 14
        draw.text(
            (x + offset, y), _ellipsize(draw, value, value_font, int(half - offset - 20)), font=value_font, fill=INK
        )
        if i % 2:
            y += 52
    return y + (52 if len(facts) % 2 else 0)


def _chips(draw, xy, words, fonts: Fonts, width: int, *, outline, fill, text) -> None:
    x, y = xy
    font = fonts.get(22)
    for word in words:
        w = _width(word, font) + 32
        if x + w > xy[0] + width:
            break
        draw.rounded_rectangle((x, y, x + w, y + 42), radius=21, outline=outline, fill=fill, width=2)
        draw.text((x + w / 2, y + 21), word, font=font, fill=text, anchor="mm")
        x += w + 12


def _pill(draw, xy, text: str, font, background, color, *, anchor: str = "left") -> None:
    w = _width(text, font) + 36
    x, y = xy
    if anchor == "right":
        x -= w
    draw.rounded_rectangle((x, y, x + w, y + 46), radius=23, fill=background)
    draw.text((x + w / 2, y + 23), text, font=font, fill=color, anchor="mm")


def _person_and_code(canvas, draw, c: PosterContent, fonts: Fonts, *, top: int, dark: bool, inset: int = 0) -> None:
    """The band at the bottom: avatar, name and call to action on the left, the QR code on the right."""
    qr_size = 176
    qr_x, qr_y = WIDTH - inset - 40 - qr_size, top + (HEIGHT - inset - top - qr_size) // 2
    draw.rounded_rectangle(
        (qr_x - 10, qr_y - 10, qr_x + qr_size + 10, qr_y + qr_size + 10), radius=12, fill=WHITE, outline=LINE, width=2
    )
    canvas.paste(_qr(c.qr_text, qr_size), (qr_x, qr_y))
    x = inset + 40
    text_width = qr_x - 30 - x
    y = top + 40
    if c.person:
        avatar = _avatar(c.person[:1], 72, fonts)
        canvas.paste(avatar, (x, y), avatar)
        name_x = x + 72 + 18
        _text_fit(draw, (name_x, y + 2), c.person, fonts, 32, 24, text_width - 90, bold=True, fill=INK)
        _text_fit(draw, (name_x, y + 46), c.person_role, fonts, 22, 20, text_width - 90, fill=GREY)
        y += 104
    else:
        y += 12
    _text_fit(draw, (x, y), c.call_to_action, fonts, 30, 22, text_width, bold=True, fill=ACCENT)
    _text_fit(draw, (x, y + 44), c.call_to_action_note, fonts, 22, 18, text_width, fill=GREY)


@lru_cache(maxsize=64)
def _avatar(initial: str, size: int, fonts: Fonts) -> Image.Image:
    """A navy disc with the name's first character, drawn at 4× and reduced for smooth edges."""
    big = size * 4
    disc = Image.new("RGBA", (big, big), (0, 0, 0, 0))
    draw = ImageDraw.Draw(disc)
    draw.ellipse((0, 0, big - 1, big - 1), fill=NAVY + (255,))
    draw.text((big / 2, big / 2), initial, font=fonts.get(int(big * 0.46), True), fill=WHITE, anchor="mm")
    return disc.resize((size, size), Image.Resampling.LANCZOS)


@lru_cache(maxsize=256)
def _qr(text: str, size: int) -> Image.Image:
    code = qrcode.QRCode(error_correction=ERROR_CORRECT_M, border=1, box_size=8)
    code.add_data(text or " ")
    code.make(fit=True)
    image = code.make_image(fill_color="black", back_color="white").get_image().convert("RGB")
    return image.resize((size, size), Image.Resampling.NEAREST)


def _rounded_mask(size: tuple[int, int], radius: int) -> Image.Image:
    mask = Image.new("L", (size[0] * 2, size[1] * 2), 0)
    ImageDraw.Draw(mask).rounded_rectangle((0, 0, size[0] * 2 - 1, size[1] * 2 - 1), radius=radius * 2, fill=255)
    return mask.resize(size, Image.Resampling.LANCZOS)
