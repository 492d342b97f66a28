"""A listing's gallery: photos, videos, panoramas, VR tour links, drone videos and floor plans, in order."""

from tortoise import fields
from tortoise.models import Model

from models.enums import MediaKind


class ListingMedia(Model):
    """One gallery item. Files live in the media storage under ``*_key``; ``*_url`` is where clients fetch them.

    A photo has an original (EXIF GPS removed), a web size and a thumbnail; a video has its file and, when
    ffmpeg was there to take it, a poster frame as web size and thumbnail; a VR link has only ``original_url``.
    """

    id = fields.IntField(primary_key=True)
    listing = fields.ForeignKeyField("models.Listing", related_name="gallery", on_delete=fields.CASCADE)
    listing_id: int
    kind = fields.CharEnumField(MediaKind, max_length=16)
    position = fields.SmallIntField(description="1-based place in the gallery; 第3张 in chat is position 3")
    is_cover = fields.BooleanField(default=False, description="at most one per listing")
    caption = fields.CharField(max_length=128, null=True)
    content_type = fields.CharField(max_length=64, null=True, description="of the original, sniffed from its bytes")
    size_bytes = fields.IntField(null=True, description="of the original")
    width = fields.IntField(null=True, description="pixels of the original image (or poster frame)")
    height = fields.IntField(null=True)
    original_key = fields.CharField(max_length=255, null=True)
    original_url = fields.CharField(max_length=1024, description="the file, or the tour page of a VR link")
    web_key = fields.CharField(max_length=255, null=True)
    web_url = fields.CharField(max_length=1024, null=True, description="at most media.web_size px wide, JPEG")
    thumb_key = fields.CharField(max_length=255, null=True)
    thumb_url = fields.CharField(max_length=1024, null=True, description="at most media.thumb_size px, JPEG")
    source = fields.CharField(max_length=160, null=True, description="where it came from, e.g. wechat:<media_id>")
    uploaded_by = fields.ForeignKeyField(
        "models.Account", related_name="uploaded_media", null=True, on_delete=fields.SET_NULL
    )
    uploaded_by_id: int | None
    created_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "listing_media"
        indexes = (("listing_id", "position"),)
        unique_together = (("listing_id", "source"),)
