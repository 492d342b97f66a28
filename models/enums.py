"""Closed vocabularies shared by models, services, the parser's output and the API.

Values are the parser contract's slot values (shared/nlp/CONTRACT.md), so a
parsed slot can be stored as is.
"""
from enum import Enum


class Role(str, Enum):
    ADMIN = "admin"
    MANAGER = "manager"
    SALES = "sales"
    PARTNER = "partner"  # external referrer: broker, past client, partner


class Source(str, Enum):
    DOUYIN = "douyin"
    REFERRAL = "referral"
    VISIT = "visit"
    OFFICIAL_ACCOUNT = "official_account"
    CHANNELS = "channels"
    MOMENTS_AD = "moments_ad"
    MINIAPP = "miniapp"
    OTHER = "other"


class Stage(str, Enum):
    INTENT = "intent"
    VIEWING = "viewing"
    NEGOTIATING = "negotiating"
    WON = "won"
    LOST = "lost"


class DealType(str, Enum):
    RENT = "rent"
    SALE = "sale"


class PropertyType(str, Enum):
    FACTORY = "factory"
    WAREHOUSE = "warehouse"
    OFFICE = "office"
    LAND = "land"


class ListingStatus(str, Enum):
    VACANT = "vacant"
    VIEWING = "viewing"
    NEGOTIATING = "negotiating"
    CLOSED = "closed"
    PAUSED = "paused"


class ReviewStatus(str, Enum):
    PENDING = "pending"
    APPROVED = "approved"
    REJECTED = "rejected"


class FollowUpChannel(str, Enum):
    CHAT = "chat"        # recorded through the official account
    PHONE = "phone"
    VISIT = "visit"
    VIEWING = "viewing"
    WECHAT = "wechat"
    OTHER = "other"


class NotificationStatus(str, Enum):
    PENDING = "pending"
    SENDING = "sending"
    SENT = "sent"
    FAILED = "failed"
    CANCELLED = "cancelled"


class ReferralEventKind(str, Enum):
    SCAN = "scan"
    FOLLOW = "follow"
    LEAD = "lead"
    DEAL = "deal"


class SceneKind(str, Enum):
    STAFF = "staff"
    PARTNER = "partner"
    CAMPAIGN = "campaign"


class CommissionStatus(str, Enum):
    PENDING = "pending"      # earned, not yet confirmed by a manager
    APPROVED = "approved"
    PAID = "paid"
    CANCELLED = "cancelled"


class MediaKind(str, Enum):
    PHOTO = "photo"
    VIDEO = "video"
    PANORAMA = "panorama"        # 360° equirectangular image
    VR_LINK = "vr_link"          # a tour provider's VR/3D page, a URL only
    DRONE_VIDEO = "drone_video"
    FLOOR_PLAN = "floor_plan"


class EventKind(str, Enum):
    """What a visitor did on an H5 page (``models.TrackEvent``)."""

    VIEW = "view"
    CLICK = "click"
    DWELL = "dwell"
    SHARE = "share"            # the share card was set up (WeChat's callback); real shares are child views
    POSTER_SCAN = "poster_scan"
    CONSULT = "consult"


class ViewingStatus(str, Enum):
    BOOKED = "booked"
    DONE = "done"
    CANCELLED = "cancelled"


FEATURES = (
    "crane", "eia", "sewage", "property_cert", "standalone", "dock",
    "dangerous_goods", "office_included", "dormitory", "canteen",
)
