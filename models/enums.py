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
    CHAT = "chat"  # recorded through the official account
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


class InboundStatus(str, Enum):
    WORKING = "working"  # the reply is being worked out
    ANSWERED = "answered"  # the reply is known, not yet delivered
    DONE = "done"
    FAILED = "failed"  # WeChat refused the reply for good, or the message failed every attempt


class ReferralEventKind(str, Enum):
    SCAN = "scan"
    FOLLOW = "follow"
    LEAD = "lead"
    DEAL = "deal"


class SceneKind(str, Enum):
    STAFF = "staff"
    PARTNER = "partner"
    CAMPAIGN = "campaign"


class EarningKind(str, Enum):
    DEAL = "deal"
    QUALIFIED_LEAD = "qualified_lead"  # 推荐有礼: a fixed reward per qualified lead
    VIEWING = "viewing"  # ... or per viewing


class EarningTier(str, Enum):
    DIRECT = "direct"  # the client's referrer
    SECOND = "second"  # the partner who recruited that referrer (二级)


class EarningStatus(str, Enum):
    FROZEN = "frozen"  # earned, held until the lease has started and any rent-free period ended
    RELEASED = "released"  # available to withdraw
    REVERSED = "reversed"  # the deal fell through before release
    CLAWED_BACK = "clawed_back"  # the tenant left early within the clawback window


class DealStatus(str, Enum):
    ACTIVE = "active"
    CANCELLED = "cancelled"  # fell through before its commissions were released
    TERMINATED = "terminated"  # the tenant left early after release


class Bucket(str, Enum):
    """Where a referrer's money sits; every ledger row moves an amount into or out of one bucket."""

    FROZEN = "frozen"
    AVAILABLE = "available"
    WITHDRAWING = "withdrawing"  # reserved by a withdrawal under review or being paid
    WITHDRAWN = "withdrawn"
    FEES = "fees"


class LedgerKind(str, Enum):
    EARNED = "earned"
    RELEASED = "released"
    REVERSED = "reversed"
    RESERVED = "reserved"
    RETURNED = "returned"  # a rejected, failed or expired withdrawal gives its amount back
    WITHDRAWN = "withdrawn"
    FEE = "fee"


class WithdrawalStatus(str, Enum):
    REVIEWING = "reviewing"  # waiting for a manager (and a second one above the threshold)
    PAYING = "paying"  # approved; the transfer is being created
    CONFIRMING = "confirming"  # WeChat Pay waits for the partner to confirm receipt
    PAID = "paid"
    REJECTED = "rejected"
    FAILED = "failed"  # the transfer failed, expired or was cancelled; the amount is back


class PayoutMethod(str, Enum):
    WECHAT = "wechat"  # WeChat Pay merchant transfer to the partner's change (零钱)
    MANUAL = "manual"  # bank transfer made by an admin, recorded with its reference


class MediaKind(str, Enum):
    PHOTO = "photo"
    VIDEO = "video"
    PANORAMA = "panorama"  # 360° equirectangular image
    VR_LINK = "vr_link"  # a tour provider's VR/3D page, a URL only
    DRONE_VIDEO = "drone_video"
    FLOOR_PLAN = "floor_plan"


class EventKind(str, Enum):
    """What a visitor did on an H5 page (``models.TrackEvent``)."""

    VIEW = "view"
    CLICK = "click"
    DWELL = "dwell"
    SHARE = "share"  # the share card was set up (WeChat's callback); real shares are child views
    POSTER_SCAN = "poster_scan"
    CONSULT = "consult"


class ViewingStatus(str, Enum):
    BOOKED = "booked"
    DONE = "done"
    CANCELLED = "cancelled"


FEATURES = (
    "crane",
    "eia",
    "sewage",
    "property_cert",
    "standalone",
    "dock",
    "dangerous_goods",
    "office_included",
    "dormitory",
    "canteen",
)
