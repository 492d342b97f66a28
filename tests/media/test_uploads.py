"""Uploads: type by content, size and pixel limits, metadata (GPS) removed, web size and thumbnail made once."""

from __future__ import annotations

import dataclasses
import io
import stat
import struct
import sys
import zlib
from types import SimpleNamespace

import pytest
from PIL import Image

from core.config import MediaConfig, load_settings
from media import processing
from models.enums import MediaKind
from services import media
from services.errors import InvalidMedia

LIMITS = MediaConfig(ffmpeg="no-such-ffmpeg")
MP4 = b"\x00\x00\x00\x18ftypmp42\x00\x00\x00\x00mp42isom" + b"\x00\x00\x00\x08free" + b"\x00" * 200


def jpeg(
    size=(1200, 900), *, gps: bool = False, orientation: int | None = None, color="steelblue", noise: bool = False
) -> bytes:
    picture = Image.effect_noise(size, 60).convert("RGB") if noise else Image.new("RGB", size, color)
    exif = Image.Exif()
    exif[0x010F] = "TestPhone"  # Make
    if orientation:
        exif[0x0112] = orientation
    if gps:
        exif.get_ifd(0x8825).update({1: "N", 2: (31.0, 22.0, 33.5), 3: "E", 4: (120.0, 57.0, 12.1)})
    out = io.BytesIO()
    picture.save(out, "JPEG", exif=exif.tobytes(), quality=90)
    return out.getvalue()


def png(size=(800, 600), mode="RGBA") -> bytes:
    out = io.BytesIO()
    Image.new(mode, size, (0, 0, 0, 0) if mode == "RGBA" else "white").save(out, "PNG")
    return out.getvalue()


def png_header_only(width: int, height: int) -> bytes:
    """A PNG that claims ``width``×``height`` pixels in a few bytes: a decompression bomb's calling card."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
        + chunk(b"IDAT", zlib.compress(b"\x00" * 64))
        + chunk(b"IEND", b"")
    )


def _exif_of(data: bytes) -> Image.Exif:
    return Image.open(io.BytesIO(data)).getexif()


def test_gps_and_all_other_metadata_are_removed_from_every_size():
    done = processing.image(jpeg(gps=True), LIMITS)
    for rendition in (done.original, done.web, done.thumb):
        exif = _exif_of(rendition.data)
        assert not exif.get_ifd(0x8825) and 0x8825 not in exif and 0x010F not in exif
        assert b"TestPhone" not in rendition.data


def test_the_camera_orientation_is_applied_to_the_pixels():
    done = processing.image(jpeg((1200, 900), orientation=6), LIMITS)  # 6: rotate 90° clockwise to view
    assert (done.width, done.height) == (900, 1200)
    assert Image.open(io.BytesIO(done.web.data)).size == (900, 1200)


def test_web_size_and_thumbnail_are_jpegs_bounded_by_the_configured_sides():
    done = processing.image(jpeg((4000, 3000)), LIMITS)
    assert Image.open(io.BytesIO(done.original.data)).size == (4000, 3000)
    assert Image.open(io.BytesIO(done.web.data)).size == (1600, 1200)
    assert Image.open(io.BytesIO(done.thumb.data)).size == (400, 300)
    assert done.web.content_type == done.thumb.content_type == "image/jpeg" and not done.panorama


def test_a_2_to_1_image_is_a_panorama_and_keeps_a_larger_web_size():
    done = processing.image(jpeg((8000, 4000)), LIMITS)
    assert done.panorama and Image.open(io.BytesIO(done.web.data)).size == (6000, 3000)
    assert not processing.image(jpeg((2400, 1600)), LIMITS).panorama


def test_a_transparent_png_is_kept_as_png_and_shown_on_white():
    done = processing.image(png(), LIMITS)
    assert done.original.content_type == "image/png"
    assert Image.open(io.BytesIO(done.web.data)).getpixel((10, 10)) == (255, 255, 255)


@pytest.mark.parametrize(
    "data, reason",
    [
        (b"<html><script>alert(1)</script></html>", "not_an_image"),
        (b"%PDF-1.4 " + b"x" * 200, "not_an_image"),
        (jpeg(noise=True)[:20_000], "corrupt_image"),
        (png_header_only(30000, 30000), "too_many_pixels"),
    ],
)
def test_files_that_are_not_usable_images_are_refused_with_a_reason(data, reason):
    with pytest.raises(processing.Rejected, match=reason):
        processing.image(data, LIMITS)


def test_a_gif_is_recognised_by_its_bytes_and_refused():
    out = io.BytesIO()
    Image.new("P", (50, 50)).save(out, "GIF")
    with pytest.raises(processing.Rejected) as refused:
        processing.image(out.getvalue(), LIMITS)
    assert (refused.value.reason, refused.value.facts) == ("unsupported_image", {"format": "GIF"})


def test_byte_and_pixel_limits_come_from_configuration():
    strict = dataclasses.replace(LIMITS, max_image_bytes=50_000, max_image_pixels=1_000_000)
    with pytest.raises(processing.Rejected, match="image_too_large"):
        processing.image(jpeg((800, 600), noise=True), strict)
    with pytest.raises(processing.Rejected, match="too_many_pixels") as refused:
        processing.image(jpeg((1200, 900)), strict)
    assert refused.value.facts == {"width": 1200, "height": 900, "limit": 1_000_000}


def test_limits_are_configured_in_the_media_section(fake_wechat_server):
    from tests.conftest import test_environ

    settings = load_settings(environ=test_environ(fake_wechat_server.url, MEDIA__MAX_IMAGE_BYTES="1000"))
    assert settings.media.max_image_bytes == 1000 and settings.media.web_size == 1600


def test_content_decides_the_type_not_the_name():
    assert processing.sniff(png()) == "image" and processing.sniff(MP4) == "video"
    assert processing.sniff(b"MZ\x90\x00" + b"\x00" * 100) is None


async def test_without_ffmpeg_a_video_is_stored_as_sent():
    done = await processing.video(MP4, LIMITS)
    assert done.original.data == MP4 and done.original.content_type == "video/mp4" and done.frame is None


@pytest.fixture
def fake_ffmpeg(tmp_path):
    """An ffmpeg stand-in: copies the input for a remux, writes a 1280×720 JPEG for a frame."""
    frame = tmp_path / "frame-source.jpg"
    frame.write_bytes(jpeg((1280, 720)))
    script = tmp_path / "ffmpeg"
    script.write_text(f"""#!{sys.executable}
import shutil, sys
args = sys.argv[1:]
source = args[args.index("-i") + 1]
shutil.copy({str(frame)!r} if "-frames:v" in args else source, args[-1])
""")
    script.chmod(script.stat().st_mode | stat.S_IEXEC)
    return str(script)


async def test_with_ffmpeg_a_video_gets_a_poster_frame(fake_ffmpeg):
    done = await processing.video(MP4, dataclasses.replace(LIMITS, ffmpeg=fake_ffmpeg))
    assert done.frame is not None and (done.frame.width, done.frame.height) == (1280, 720)
    assert done.original.data == MP4


async def test_a_refused_video_says_why():
    with pytest.raises(processing.Rejected, match="video_too_large"):
        await processing.video(MP4, dataclasses.replace(LIMITS, max_video_bytes=100))


# ---- through the service, into storage ----------------------------------------------------------------


@pytest.fixture
def uploads(resources, settings):
    return SimpleNamespace(settings=dataclasses.replace(settings, media=LIMITS), storage=resources.storage)


async def test_an_upload_is_stored_in_three_sizes_and_added_to_the_gallery(uploads, make_staff, make_listing):
    owner = await make_staff("张三")
    listing = await make_listing(owner=owner)
    item = await media.add_upload(resources=uploads, actor=owner, listing=listing, data=jpeg((3000, 2000), gps=True))
    assert item.kind == MediaKind.PHOTO and item.is_cover and (item.width, item.height) == (3000, 2000)
    stored = await uploads.storage.get(item.original_key)
    assert not _exif_of(stored).get_ifd(0x8825)
    assert item.original_url.endswith(item.original_key) and item.web_url.endswith("-w.jpg")
    assert Image.open(io.BytesIO(await uploads.storage.get(item.thumb_key))).size == (400, 267)


async def test_a_panorama_is_recognised_and_can_be_marked_explicitly(uploads, make_staff, make_listing):
    owner = await make_staff("张三")
    listing = await make_listing(owner=owner)
    pano = await media.add_upload(resources=uploads, actor=owner, listing=listing, data=jpeg((4096, 2048)))
    marked = await media.add_upload(
        resources=uploads, actor=owner, listing=listing, data=jpeg((3000, 2000)), kind=MediaKind.PANORAMA
    )
    assert pano.kind == marked.kind == MediaKind.PANORAMA


async def test_a_video_upload_is_stored_and_is_not_the_cover(uploads, make_staff, make_listing):
    owner = await make_staff("张三")
    listing = await make_listing(owner=owner)
    item = await media.add_upload(resources=uploads, actor=owner, listing=listing, data=MP4)
    assert item.kind == MediaKind.VIDEO and not item.is_cover and item.original_key.endswith(".mp4")
    assert item.web_url is None and await uploads.storage.get(item.original_key) == MP4


async def test_a_refused_upload_stores_nothing(uploads, make_staff, make_listing):
    owner = await make_staff("张三")
    listing = await make_listing(owner=owner)
    with pytest.raises(InvalidMedia, match="not_media"):
        await media.add_upload(resources=uploads, actor=owner, listing=listing, data=b"plain text, not a photo" * 3)
    with pytest.raises(InvalidMedia, match="video_as"):
        await media.add_upload(resources=uploads, actor=owner, listing=listing, data=MP4, kind=MediaKind.PANORAMA)
    assert await media.list_for_listing(listing.id) == []
