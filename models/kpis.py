"""What the dashboard reads: channel spend and satisfaction ratings (entered), and rollups (computed).

Rollup tables are rebuilt by ``services.rollups`` from the raw rows (clients,
stage changes, follow-ups, tracking events) and from the per-day counters kept
in Redis (chat intents, requests, mini-program users); rebuilding a day twice
gives the same rows. Nothing else writes them. They reference other rows by
plain ids, so deleting a client or listing never fails on them.
"""

from tortoise import fields
from tortoise.models import Model

from models.enums import Source


class ChannelSpend(Model):
    """Money spent on one acquisition channel on one day (or for a campaign billed on that day)."""

    id = fields.IntField(primary_key=True)
    channel = fields.CharEnumField(Source, max_length=24)
    spent_on = fields.DateField()
    amount_fen = fields.BigIntField()
    note = fields.CharField(max_length=128, null=True)
    created_by = fields.ForeignKeyField(
        "models.Account", related_name="channel_spends", null=True, on_delete=fields.SET_NULL
    )
    created_by_id: int | None
    created_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "channel_spend"
        indexes = (("spent_on", "channel"),)


class ViewingRating(Model):
    """The 1-5 rating a client gives a viewing, given through the H5 link sent after it."""

    id = fields.IntField(primary_key=True)
    viewing = fields.OneToOneField("models.Viewing", related_name="rating", on_delete=fields.CASCADE)
    viewing_id: int
    client_id = fields.IntField(null=True)
    owner_id = fields.IntField(null=True, description="salesperson of the client when rated")
    score = fields.SmallIntField()
    comment = fields.CharField(max_length=255, null=True)
    rated_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "viewing_ratings"
        indexes = (("rated_at", "owner_id"),)


class ClientMilestones(Model):
    """When one client reached each step of the funnel (null: not reached), rebuilt from its rows."""

    client_id = fields.IntField(primary_key=True)
    owner_id = fields.IntField(null=True)
    source = fields.CharField(max_length=24)
    created_at = fields.DatetimeField(description="客户录入")
    first_contact_at = fields.DatetimeField(description="the earliest of creation and the first follow-up")
    requirement_at = fields.DatetimeField(null=True, description="需求分析: a need with at least one bound")
    pushed_at = fields.DatetimeField(null=True, description="匹配推送: first listing opened or booked")
    interest_at = fields.DatetimeField(null=True, description="意向: consulted, favorited or wrote to us")
    viewing_at = fields.DatetimeField(null=True, description="带看")
    negotiating_at = fields.DatetimeField(null=True, description="谈判")
    won_at = fields.DatetimeField(null=True, description="成交: first signed deal or stage won")
    lost = fields.BooleanField(default=False)
    deals = fields.SmallIntField(default=0, description="active deals signed")
    next_followup_at = fields.DatetimeField(null=True)

    class Meta:
        table = "kpi_client_milestones"
        indexes = (("created_at", "owner_id"), ("won_at", "owner_id"))


class TrackDaily(Model):
    """One business day of H5 tracking per credited account and channel."""

    id = fields.IntField(primary_key=True)
    day = fields.DateField()
    sharer_id = fields.IntField(description="0: nobody credited")
    channel = fields.CharField(max_length=16)
    views = fields.IntField(default=0)
    shares = fields.IntField(default=0, description="visits through a shared link (child views)")
    share_setups = fields.IntField(default=0, description="share cards set up (the WeChat callback)")
    consults = fields.IntField(default=0)
    poster_scans = fields.IntField(default=0)
    dwell_ms = fields.BigIntField(default=0, description="visible reading time of the views of the day")
    new_visitors = fields.IntField(default=0, description="visitors seen for the first time")
    new_via_share = fields.IntField(default=0, description="... whose first visit came through a shared link")
    depth_max = fields.SmallIntField(default=0)
    depth_sum = fields.IntField(default=0, description="sum of the depths of the child views")

    class Meta:
        table = "kpi_track_daily"
        unique_together = (("day", "sharer_id", "channel"),)


class ListingShareDaily(Model):
    """Visits through shared links of one listing on a business day (the most forwarded listing on the dashboard)."""

    id = fields.IntField(primary_key=True)
    day = fields.DateField()
    listing_id = fields.IntField()
    shares = fields.IntField(default=0)

    class Meta:
        table = "kpi_listing_share_daily"
        unique_together = (("day", "listing_id"),)
        indexes = (("day", "listing_id", "shares"),)
        """Covering: the period's most forwarded listing is summed from the index alone."""


class ViewDepth(Model):
    """The forwarding depth of a child view (1 = opened from a link shared by a first visitor)."""

    token = fields.CharField(max_length=16, primary_key=True)
    depth = fields.SmallIntField()

    class Meta:
        table = "kpi_view_depth"


class SharerDay(Model):
    """A visitor whose shared link brought someone on that day (fission: new visitors per sharer)."""

    id = fields.IntField(primary_key=True)
    day = fields.DateField()
    visitor = fields.CharField(max_length=24)
    sharer_id = fields.IntField(description="the account credited with the visit of the sharer; 0: none")
    prev_day = fields.DateField(
        null=True, description="the last earlier day this visitor shared: distinct sharers of a period without DISTINCT"
    )

    class Meta:
        table = "kpi_sharer_day"
        unique_together = (("day", "visitor"),)
        indexes = (("visitor", "day"), ("day", "prev_day", "sharer_id"))
        """The second is covering: a period's distinct sharers are counted from the index alone."""


class ActiveDay(Model):
    """Someone active on a surface (``h5`` visitor cookie, ``miniapp`` user id) on a business day."""

    id = fields.BigIntField(primary_key=True)
    surface = fields.CharField(max_length=8)
    day = fields.DateField()
    subject = fields.CharField(max_length=24)

    class Meta:
        table = "kpi_active_day"
        unique_together = (("surface", "day", "subject"),)


class FirstSeen(Model):
    id = fields.BigIntField(primary_key=True)
    surface = fields.CharField(max_length=8)
    subject = fields.CharField(max_length=24)
    first_day = fields.DateField()

    class Meta:
        table = "kpi_first_seen"
        unique_together = (("surface", "subject"),)
        indexes = (("surface", "first_day"),)


class UsageDaily(Model):
    """DAU, MAU (distinct over the 30 days ending that day), new users and time spent, per surface."""

    id = fields.IntField(primary_key=True)
    surface = fields.CharField(max_length=8)
    day = fields.DateField()
    dau = fields.IntField(default=0)
    mau = fields.IntField(default=0)
    new = fields.IntField(default=0)
    time_ms = fields.BigIntField(default=0)

    class Meta:
        table = "kpi_usage_daily"
        unique_together = (("surface", "day"),)


class Retention(Model):
    """Of the users first seen on ``cohort_day``, how many came back 1, 7 and 30 days later."""

    id = fields.IntField(primary_key=True)
    surface = fields.CharField(max_length=8)
    cohort_day = fields.DateField()
    size = fields.IntField(default=0)
    d1 = fields.IntField(default=0)
    d7 = fields.IntField(default=0)
    d30 = fields.IntField(default=0)

    class Meta:
        table = "kpi_retention"
        unique_together = (("surface", "cohort_day"),)


class UserFirstView(Model):
    """When a known WeChat user first opened a listing page (匹配推送 of their client)."""

    wechat_user_id = fields.IntField(primary_key=True)
    first_at = fields.DatetimeField()

    class Meta:
        table = "kpi_user_first_view"


class IntentDaily(Model):
    """Chat replies per handler (the parsed intent, or the exact command) on a business day."""

    id = fields.IntField(primary_key=True)
    day = fields.DateField()
    intent = fields.CharField(max_length=32)
    replies = fields.IntField(default=0)

    class Meta:
        table = "kpi_intent_daily"
        unique_together = (("day", "intent"),)


class EndpointDaily(Model):
    """Requests of one route on a business day: count, server errors and the latency histogram."""

    id = fields.IntField(primary_key=True)
    day = fields.DateField()
    route = fields.CharField(max_length=96)
    requests = fields.IntField(default=0)
    errors = fields.IntField(default=0, description="responses 500 and above")
    buckets = fields.JSONField(default=list, description="requests per latency bucket (services.metrics.BUCKETS_MS)")

    class Meta:
        table = "kpi_endpoint_daily"
        unique_together = (("day", "route"),)
