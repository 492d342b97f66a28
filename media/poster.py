"""Listing share posters: title, key facts and the sharer's QR code on one PNG (pillow).

Rendering is CPU work: call ``render`` off the event loop (``asyncio.to_thread``).
"""
from __future__ import annotations

import io
import logging
from functools import cache
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

log = logging.getLogger(__name__)

SYSTEM_FONTS = (
    "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
    "/usr/share/fonts/opentype/noto/NotoSansCJKsc-Regular.otf",
    "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
    "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",
)
WIDTH, HEIGHT = 750, 1200
MARGIN = 48
QR_SIZE = 280
BRAND = (22, 78, 150)


@cache
def font_path(configured: str = "") -> str | None:
    """The configured font, else the first installed system CJK font, else None (pillow's default)."""
    for candidate in ((configured,) if configured else ()) + SYSTEM_FONTS:
        if Path(candidate).is_file():
            return candidate
    log.warning("no CJK font found for posters: set poster_font or install fonts-noto-cjk")
    return None


def _font(path: str | None, size: int) -> ImageFont.FreeTypeFont | ImageFont.ImageFont:
    return ImageFont.truetype(path, size) if path else ImageFont.load_default(size)


def _wrap(draw: ImageDraw.ImageDraw, text: str, font, width: int) -> list[str]:
    """Character-wise wrapping (Chinese has no spaces to break at)."""
    lines, line = [], ""
    for char in text:
        if draw.textlength(line + char, font=font) > width and line:
            lines.append(line)
            line = char
        else:
            line += char
    return lines + [line] if line else lines


def render(title: str, lines: list[str], qr_png: bytes, *, footer: str, font: str | None) -> bytes:
    """A 750×1200 PNG: a coloured header with ``title``, one fact per line, the QR code and ``footer``."""
    image = Image.new("RGB", (WIDTH, HEIGHT), "white")
    draw = ImageDraw.Draw(image)
    draw.rectangle((0, 0, WIDTH, 260), fill=BRAND)
    y = 70
    for part in _wrap(draw, title, _font(font, 52), WIDTH - 2 * MARGIN)[:2]:
        draw.text((MARGIN, y), part, font=_font(font, 52), fill="white")
        y += 70
    y = 310
    body = _font(font, 34)
    for line in lines:
        for part in _wrap(draw, line, body, WIDTH - 2 * MARGIN):
            if y > HEIGHT - QR_SIZE - 140:
                break
            draw.text((MARGIN, y), part, font=body, fill=(40, 40, 40))
            y += 54
    qr = Image.open(io.BytesIO(qr_png)).convert("RGB").resize((QR_SIZE, QR_SIZE), Image.Resampling.NEAREST)
    top = HEIGHT - QR_SIZE - 110
    image.paste(qr, ((WIDTH - QR_SIZE) // 2, top))
    small = _font(font, 28)
    width = draw.textlength(footer, font=small)
    draw.text(((WIDTH - width) / 2, top + QR_SIZE + 30), footer, font=small, fill=(110, 110, 110))
    out = io.BytesIO()
    image.save(out, format="PNG", optimize=True)
    return out.getvalue()
