"""Checking and preparing uploaded images and videos, once, on upload.

An image is recognised by its bytes (Pillow), never by its name; it is refused
when too large in bytes or pixels (decompression bombs) or unreadable. Its
metadata is dropped (EXIF with GPS, XMP, comments: a phone photo says where the
salesperson stood), its orientation applied to the pixels, and it is saved
three times: the original size, a web size and a thumbnail (JPEG). A 2:1
image is a 360° panorama (equirectangular) and keeps a larger web size.

A video is recognised by its container's signature (filetype). With ffmpeg
installed its metadata (location included) is dropped without re-encoding and
a poster frame is taken; without it the file is kept as sent.

Everything here blocks (CPU or subprocess): call ``image`` through
``run_cpu`` and ``video`` as the coroutine it is.
"""

from __future__ import annotations

import asyncio
import io
import logging
import shutil
import tempfile
import warnings
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import filetype
from PIL import Image, ImageOps, UnidentifiedImageError

from core.config import MediaConfig

log = logging.getLogger(__name__)

IMAGE_FORMATS = {"JPEG": ("image/jpeg", "jpg"), "PNG": ("image/png", "png"), "WEBP": ("image/webp", "webp")}
VIDEO_TYPES = {
    "video/mp4": "mp4",
    "video/quicktime": "mov",
    "video/x-m4v": "m4v",
    "video/3gpp": "3gp",
    "video/webm": "webm",
}
PANORAMA_RATIO = 2.0
PANORAMA_TOLERANCE = 0.02
PANORAMA_MIN_WIDTH = 2000
FFMPEG_TIMEOUT_S = 60

# Pillow work releases the GIL, so threads run it in parallel; two at a time bounds the memory a burst of
# 60-megapixel photos takes (about 180 MB each, decoded) on our 2-core machines.
_executor = ThreadPoolExecutor(max_workers=2, thread_name_prefix="media")


class Rejected(ValueError):
    """The upload is not one we keep: ``reason`` says why (a code), ``facts`` give the numbers."""

    def __init__(self, reason: str, **facts: Any) -> None:
        super().__init__(reason)
        self.reason, self.facts = reason, facts


@dataclass(frozen=True)
class Rendition:
    data: bytes
    content_type: str
    ext: str


@dataclass(frozen=True)
class ProcessedImage:
    original: Rendition
    web: Rendition
    thumb: Rendition
    width: int
    height: int
    panorama: bool


@dataclass(frozen=True)
class ProcessedVideo:
    original: Rendition
    frame: ProcessedImage | None
    """The poster frame (web size and thumbnail), when ffmpeg could take one."""


async def run_cpu(fn, *args: Any) -> Any:
    return await asyncio.get_running_loop().run_in_executor(_executor, fn, *args)


def sniff(data: bytes) -> str | None:
    """``image``, ``video`` or None, from the first bytes."""
    kind = filetype.guess(data[:8192])
    if kind is None:
        return None
    if kind.mime.startswith("image/"):
        return "image"
    if kind.mime in VIDEO_TYPES:
        return "video"
    return None


def is_panorama(width: int, height: int) -> bool:
    return width >= PANORAMA_MIN_WIDTH and abs(width / height - PANORAMA_RATIO) <= PANORAMA_RATIO * PANORAMA_TOLERANCE


def image(data: bytes, limits: MediaConfig) -> ProcessedImage:
    """Check and prepare one image; ``Rejected`` says why it is refused."""
    if len(data) > limits.max_image_bytes:
        raise Rejected("image_too_large", size=len(data), limit=limits.max_image_bytes)
    picture = _open(data, limits)
    fmt = picture.format
    if fmt not in IMAGE_FORMATS:
        raise Rejected("unsupported_image", format=fmt)
    try:
        picture.load()
        picture = ImageOps.exif_transpose(picture)  # orientation into the pixels; the EXIF goes
    except (OSError, ValueError, SyntaxError) as exc:
        raise Rejected("corrupt_image") from exc
    width, height = picture.size
    panorama = is_panorama(width, height)
    original = _encode_original(picture, fmt, limits)
    flat = _flatten(picture)
    web = _jpeg(_shrunk(flat, limits.panorama_web_size if panorama else limits.web_size), limits.jpeg_quality)
    thumb = _jpeg(_shrunk(flat, limits.thumb_size), limits.jpeg_quality)
    return ProcessedImage(original, web, thumb, width, height, panorama)


def _open(data: bytes, limits: MediaConfig) -> Image.Image:
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            picture = Image.open(io.BytesIO(data))
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise Rejected("too_many_pixels", limit=limits.max_image_pixels) from None
    except (UnidentifiedImageError, OSError, ValueError, SyntaxError):
        raise Rejected("not_an_image") from None
    width, height = picture.size
    if width * height > limits.max_image_pixels:
        raise Rejected("too_many_pixels", width=width, height=height, limit=limits.max_image_pixels)
    if not width or not height:
        raise Rejected("not_an_image")
    return picture


def _encode_original(picture: Image.Image, fmt: str, limits: MediaConfig) -> Rendition:
    """Full size, no metadata at all (no ``exif=``, ``icc_profile`` kept so colours stay right)."""
    content_type, ext = IMAGE_FORMATS[fmt]
    out = io.BytesIO()
    icc = picture.info.get("icc_profile")
    extra = {"icc_profile": icc} if icc else {}
    if fmt == "JPEG":
        target = picture if picture.mode in ("RGB", "L", "CMYK") else picture.convert("RGB")
        target.save(out, "JPEG", quality=92, optimize=False, **extra)
    elif fmt == "PNG":
        picture.save(out, "PNG", compress_level=6, **extra)
    else:
        picture.save(out, "WEBP", quality=90, **extra)
    return Rendition(out.getvalue(), content_type, ext)


def _flatten(picture: Image.Image) -> Image.Image:
    """RGB on white: transparent PNGs and palette images become what a JPEG can hold."""
    if picture.mode in ("RGBA", "LA", "P", "PA"):
        picture = picture.convert("RGBA")
        background = Image.new("RGB", picture.size, "white")
        background.paste(picture, mask=picture.getchannel("A"))
        return background
    return picture.convert("RGB") if picture.mode != "RGB" else picture


def _shrunk(picture: Image.Image, longest: int) -> Image.Image:
    if max(picture.size) <= longest:
        return picture
    copy = picture.copy()
    copy.thumbnail((longest, longest), Image.Resampling.LANCZOS, reducing_gap=3.0)
    return copy


def _jpeg(picture: Image.Image, quality: int) -> Rendition:
    out = io.BytesIO()
    picture.save(out, "JPEG", quality=quality, optimize=True, progressive=True)
    return Rendition(out.getvalue(), "image/jpeg", "jpg")


async def video(data: bytes, limits: MediaConfig) -> ProcessedVideo:
    """Check one video; with ffmpeg, drop its metadata and take a poster frame."""
    if len(data) > limits.max_video_bytes:
        raise Rejected("video_too_large", size=len(data), limit=limits.max_video_bytes)
    kind = filetype.guess(data[:8192])
    if kind is None or kind.mime not in VIDEO_TYPES:
        raise Rejected("not_a_video")
    original = Rendition(data, kind.mime, VIDEO_TYPES[kind.mime])
    ffmpeg = shutil.which(limits.ffmpeg)
    if ffmpeg is None:
        return ProcessedVideo(original, None)
    with tempfile.TemporaryDirectory(prefix="scrm-video-") as tmp:
        source = Path(tmp) / f"in.{original.ext}"
        await asyncio.to_thread(source.write_bytes, data)
        cleaned = Path(tmp) / f"clean.{original.ext}"
        if await _ffmpeg(
            ffmpeg,
            "-i",
            str(source),
            "-map",
            "0",
            "-map_metadata",
            "-1",
            "-c",
            "copy",
            "-movflags",
            "+faststart",
            str(cleaned),
        ):
            original = Rendition(await asyncio.to_thread(cleaned.read_bytes), original.content_type, original.ext)
        frame_path = Path(tmp) / "frame.jpg"
        for at in ("1", "0"):  # a clip shorter than a second has its frame at 0
            if await _ffmpeg(ffmpeg, "-ss", at, "-i", str(source), "-frames:v", "1", "-q:v", "3", str(frame_path)):
                break
        if not await asyncio.to_thread(frame_path.is_file):
            return ProcessedVideo(original, None)
        try:
            frame = await run_cpu(image, await asyncio.to_thread(frame_path.read_bytes), limits)
        except Rejected:
            frame = None
    return ProcessedVideo(original, frame)


async def _ffmpeg(binary: str, *args: str) -> bool:
    """Run ffmpeg; True when it succeeded and wrote its output (the last argument)."""
    process = await asyncio.create_subprocess_exec(
        binary,
        "-nostdin",
        "-v",
        "error",
        "-y",
        *args,
        stdin=asyncio.subprocess.DEVNULL,
        stdout=asyncio.subprocess.DEVNULL,
        stderr=asyncio.subprocess.PIPE,
    )
    try:
        _, stderr = await asyncio.wait_for(process.communicate(), FFMPEG_TIMEOUT_S)
    except TimeoutError:
        process.kill()
        await process.wait()
        log.warning("ffmpeg timed out after %s s", FFMPEG_TIMEOUT_S)
        return False
    if process.returncode != 0:
        log.info("ffmpeg failed (%s): %s", process.returncode, stderr.decode(errors="replace")[-300:])
        return False
    return await asyncio.to_thread(Path(args[-1]).is_file)
