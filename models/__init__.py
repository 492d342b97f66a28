"""The data model. Tortoise loads every model from this module (app label "models")."""

from models.accounts import Account, WechatUser
from models.audit import AuditLog
from models.clients import Client, ClientContact, FollowUp, Requirement, StageChange
from models.commissions import CommissionRule, Deal, Earning, LedgerEntry, LevelChange, Wallet, Withdrawal
from models.inbound import InboundMessage
from models.kpis import (
    ActiveDay,
    ChannelSpend,
    ClientMilestones,
    EndpointDaily,
    FirstSeen,
    IntentDaily,
    ListingShareDaily,
    Retention,
    SharerDay,
    TrackDaily,
    UsageDaily,
    UserFirstView,
    ViewDepth,
    ViewingRating,
)
from models.listings import Listing, ListingSent, ListingStatusChange
from models.media import ListingMedia
from models.miniapp import Favorite, SubscribeGrant, Viewing
from models.notifications import Notification
from models.referrals import ReferralEvent, ReferralScene
from models.settings import SettingChange
from models.tracking import TrackEvent

__all__ = [
    "Account",
    "ActiveDay",
    "AuditLog",
    "ChannelSpend",
    "Client",
    "ClientContact",
    "ClientMilestones",
    "CommissionRule",
    "Deal",
    "Earning",
    "EndpointDaily",
    "Favorite",
    "FirstSeen",
    "FollowUp",
    "InboundMessage",
    "IntentDaily",
    "LedgerEntry",
    "LevelChange",
    "Listing",
    "ListingMedia",
    "ListingShareDaily",
    "ListingSent",
    "ListingStatusChange",
    "Notification",
    "ReferralEvent",
    "ReferralScene",
    "Requirement",
    "Retention",
    "SettingChange",
    "SharerDay",
    "StageChange",
    "SubscribeGrant",
    "TrackDaily",
    "TrackEvent",
    "UsageDaily",
    "UserFirstView",
    "ViewDepth",
    "Viewing",
    "ViewingRating",
    "Wallet",
    "WechatUser",
    "Withdrawal",
]
