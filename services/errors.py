"""Domain errors: services raise them with a stable ``code`` and the facts as attributes; each interface
words them (chat: ``bot/errors.py``; the mini-program API answers ``{"error": {code, message, fields}}``).

``message`` is a short English description for logs and API clients, never chat wording.
"""

from __future__ import annotations

from typing import Any


class AppError(Exception):
    """An expected failure with its HTTP status and a stable machine code."""

    status = 400
    code = "bad_request"

    def __init__(
        self,
        message: str,
        *,
        fields: dict[str, str] | None = None,
        status: int | None = None,
        code: str | None = None,
        headers: dict[str, str] | None = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.fields = fields
        self.headers = headers or {}
        if status is not None:
            self.status = status
        if code is not None:
            self.code = code

    def to_json(self) -> dict:
        error: dict = {"code": self.code, "message": self.message}
        if self.fields:
            error["fields"] = self.fields
        return {"error": error}


class NotFound(AppError):
    status, code = 404, "not_found"


class Forbidden(AppError):
    status, code = 403, "forbidden"


class Conflict(AppError):
    status, code = 409, "conflict"


class Unauthorized(AppError):
    status, code = 401, "unauthorized"


class RateLimited(AppError):
    status, code = 429, "rate_limited"


class InvalidField(AppError):
    """A model refused a value (too long, out of range): names the field, never its value."""

    code = "invalid_field"

    def __init__(self, field: str) -> None:
        super().__init__(f"{field} is too long or malformed", fields={field: "invalid"})
        self.field = field


def from_validation(exc: Exception) -> InvalidField:
    """Tortoise's ``ValidationError`` ("field: reason") as an ``InvalidField``."""
    return InvalidField(str(exc).split(":", 1)[0].strip())


# ---- requests (mini-program API, H5 forms and beacons) ---------------------------------------------------


class InvalidRequest(AppError):
    """A body, query, form or beacon that is malformed; ``fields`` names each bad field with its reason."""

    code = "invalid_request"

    def __init__(self, message: str, fields: dict[str, str]) -> None:
        super().__init__(message, fields=fields)


class InvalidPhone(AppError):
    code = "invalid_phone"

    def __init__(self) -> None:
        super().__init__("phone must be a mainland mobile number", fields={"phone": "invalid mobile number"})


class WeChatUnavailable(AppError):
    """WeChat did not answer a call the request needs; ``what``: ``login``, ``miniapp_code``, ``jssdk``."""

    status, code = 503, "wechat_unavailable"

    def __init__(self, what: str) -> None:
        super().__init__(f"WeChat is not answering ({what}), try again shortly")
        self.what = what


class NoVisitor(AppError):
    """A tracking beacon without the visitor cookie its page sets."""

    code = "no_visitor"

    def __init__(self) -> None:
        super().__init__("no visitor cookie: beacons come from the page that set it")


# ---- mini-program sessions -----------------------------------------------------------------------------


class TokenRequired(Unauthorized):
    code = "token_required"

    def __init__(self) -> None:
        super().__init__("a bearer token is required: log in first")


class TokenInvalid(Unauthorized):
    code = "invalid_token"

    def __init__(self) -> None:
        super().__init__("invalid token")


class TokenExpired(Unauthorized):
    """The token's time is up, or its session was ended (logged out elsewhere)."""

    code = "token_expired"

    def __init__(self) -> None:
        super().__init__("token expired or session ended, log in again")


class LoginCodeInvalid(Unauthorized):
    code = "invalid_code"

    def __init__(self) -> None:
        super().__init__("login code is invalid or already used")


# ---- accounts ------------------------------------------------------------------------------------------


class TooManyBindAttempts(RateLimited):
    code = "bind_attempts"

    def __init__(self) -> None:
        super().__init__("too many bind attempts, try again in an hour")


class BindCodeInvalid(NotFound):
    code = "bind_code_invalid"

    def __init__(self) -> None:
        super().__init__("bind code is invalid or expired")


class AccountNotFound(NotFound):
    code = "account_not_found"

    def __init__(self, name: str) -> None:
        super().__init__(f"no active account named {name}")
        self.name = name


class ManagersOnly(Forbidden):
    """``action`` is what was refused: ``reassign_client``, ``review_listing``."""

    code = "managers_only"

    def __init__(self, action: str) -> None:
        super().__init__(f"only managers and admins may {action}")
        self.action = action


class SignInLinkInvalid(Unauthorized):
    code = "sign_in_link_invalid"

    def __init__(self) -> None:
        super().__init__("the sign-in link is invalid, used or expired")


class NoBackOffice(Forbidden):
    """``reason``: ``unbound`` (a WeChat user with no staff account), ``partner``, ``inactive``."""

    code = "no_back_office"

    def __init__(self, reason: str) -> None:
        super().__init__(f"no back office for this account ({reason})")
        self.reason = reason


class ClientsToReassign(Conflict):
    """A staff member still owns clients: they go to someone else in the same step as the deactivation."""

    code = "clients_to_reassign"

    def __init__(self, account: Any, count: int) -> None:
        super().__init__(f"{count} clients must be reassigned first")
        self.account = account
        self.count = count


class NotYourStaff(Forbidden):
    """A manager manages only their own team's accounts; only admins manage everyone's."""

    code = "not_your_staff"

    def __init__(self, account: Any) -> None:
        super().__init__("the account is not in your team")
        self.account = account


class InvalidSetting(AppError):
    """A run-time setting's new value is not of its kind; ``label`` names it, ``expected`` says what fits."""

    code = "invalid_setting"

    def __init__(self, key: str, label: str, expected: str) -> None:
        super().__init__(f"{key} is not valid", fields={key: "invalid"})
        self.label = label
        self.expected = expected


class StaffOnly(Forbidden):
    """``action``: ``listing_figures``."""

    code = "staff_only"

    def __init__(self, action: str) -> None:
        super().__init__(f"only staff may see {action}")
        self.action = action


class StaffNotFound(NotFound):
    """A staff page (an H5 portfolio) for someone who is not, or no longer, active staff."""

    code = "staff_not_found"

    def __init__(self) -> None:
        super().__init__("staff not found")


# ---- clients -------------------------------------------------------------------------------------------


class ClientUnnamed(AppError):
    code = "client_unnamed"

    def __init__(self) -> None:
        super().__init__("a client needs a company, a contact name or a phone")


class DuplicateClient(Conflict):
    code = "duplicate_client"

    def __init__(self, clients: list[Any]) -> None:
        super().__init__("a client with the same phone, WeChat id or company exists")
        self.clients = clients


class ClientNotFound(NotFound):
    code = "client_not_found"

    def __init__(self) -> None:
        super().__init__("client not found")


class NotADuplicate(Conflict):
    """The client is not (or no longer) marked as a possible duplicate."""

    code = "not_a_duplicate"

    def __init__(self, client: Any) -> None:
        super().__init__("the client is not marked as a possible duplicate")
        self.client = client


class ContactTaken(Conflict):
    """A corrected phone or WeChat id belongs to another client (``other``)."""

    code = "contact_taken"

    def __init__(self, other: Any) -> None:
        super().__init__("another client has this phone or WeChat id")
        self.other = other


class CannotUndoWon(Conflict):
    """A won client's deal (and its commission) is not taken back by 撤销."""

    code = "cannot_undo_won"

    def __init__(self, client: Any) -> None:
        super().__init__("a won deal is not undone")
        self.client = client


class CannotUndo(Conflict):
    """The last record is of a kind 撤销 does not take back (``action`` of its audit entry)."""

    code = "cannot_undo"

    def __init__(self, action: str) -> None:
        super().__init__(f"{action} is not undone by undo")
        self.action = action


class NothingToUndo(NotFound):
    code = "nothing_to_undo"

    def __init__(self, minutes: int) -> None:
        super().__init__(f"nothing recorded in the last {minutes} minutes")
        self.minutes = minutes


class NotYourClient(Forbidden):
    code = "not_your_client"

    def __init__(self, client: Any) -> None:
        super().__init__("the client belongs to someone else")
        self.client = client


class NotInYourTeam(Forbidden):
    """A manager may hand a client only to someone in their own team."""

    code = "not_in_your_team"

    def __init__(self, account: Any) -> None:
        super().__init__("the account is not in your team")
        self.account = account


class OutsideYourTeam(Forbidden):
    """A manager sees the clients, follow-ups and figures of their own team only."""

    code = "outside_your_team"

    def __init__(self, account: Any) -> None:
        super().__init__("the account is not in your team")
        self.account = account


class ChangedMeanwhile(Conflict):
    """Someone else changed the row between reading and writing it; sending again is safe."""

    code = "changed_meanwhile"

    def __init__(self, entity: str) -> None:
        super().__init__(f"the {entity} was changed by someone else, try again")
        self.entity = entity


# ---- listings ------------------------------------------------------------------------------------------


class ListingNotFound(NotFound):
    code = "listing_not_found"

    def __init__(self, ref: str) -> None:
        super().__init__("listing not found")
        self.ref = ref


class ListingIncomplete(AppError):
    """``missing`` names the fields (``region``, ``area``)."""

    code = "listing_incomplete"

    def __init__(self, missing: list[str]) -> None:
        super().__init__(f"missing {', '.join(missing)}", fields={name: "missing" for name in missing})
        self.missing = missing


class AlreadyReviewed(Conflict):
    code = "already_reviewed"

    def __init__(self, listing: Any) -> None:
        super().__init__(f"{listing.code} was already reviewed")
        self.listing = listing


class ReasonRequired(AppError):
    code = "reason_required"

    def __init__(self, listing: Any) -> None:
        super().__init__("a rejection needs a reason")
        self.listing = listing


class NotRejected(Conflict):
    """Only a rejected listing is resubmitted for review."""

    code = "listing_not_rejected"

    def __init__(self, listing: Any) -> None:
        super().__init__(f"{listing.code} is {listing.review_status.value}, not rejected")
        self.listing = listing


class NotApproved(Conflict):
    code = "listing_not_approved"

    def __init__(self, listing: Any) -> None:
        super().__init__(f"{listing.code} is not approved")
        self.listing = listing


class OwnerOnly(Forbidden):
    """Only the listing's owner or a manager may take it off the market or relist it."""

    code = "listing_owner_only"

    def __init__(self, listing: Any) -> None:
        super().__init__(f"only the owner of {listing.code} or a manager may do this")
        self.listing = listing


class EditOwnerOnly(Forbidden):
    """Only the listing's owner or a manager corrects or resubmits it."""

    code = "listing_edit_owner_only"

    def __init__(self, listing: Any) -> None:
        super().__init__(f"only the owner or a manager may change {listing.code}")
        self.listing = listing


class CloseOwnerOnly(Forbidden):
    """Closing a listing without naming the deal's client is for its owner or their manager."""

    code = "listing_close_owner_only"

    def __init__(self, listing: Any) -> None:
        super().__init__(f"only the owner of {listing.code} or a manager may close it without a client")
        self.listing = listing


class ListingHeld(Conflict):
    """Another client's deal holds the listing; ``holder`` is a ``services.listings.Holder``."""

    code = "listing_held"

    def __init__(self, listing: Any, holder: Any) -> None:
        super().__init__(f"{listing.code} is held by another client's deal")
        self.listing, self.holder = listing, holder


class HolderOnly(Forbidden):
    """The deal holding the listing is someone else's: only its salesperson or a manager changes it."""

    code = "listing_holder_only"

    def __init__(self, listing: Any, holder: Any) -> None:
        super().__init__(f"{listing.code} is held by a deal of someone else")
        self.listing, self.holder = listing, holder


# ---- viewings (booked by clients in the mini-program) ---------------------------------------------------


class ViewingInPast(AppError):
    code = "viewing_in_past"

    def __init__(self) -> None:
        super().__init__("start_at must be in the future", fields={"start_at": "in the past"})


class ViewingTooFarAhead(AppError):
    code = "viewing_too_far_ahead"

    def __init__(self, days: int) -> None:
        super().__init__(f"start_at is more than {days} days ahead", fields={"start_at": "too far ahead"})
        self.days = days


class TooManyViewings(Conflict):
    code = "too_many_viewings"

    def __init__(self, limit: int) -> None:
        super().__init__(
            f"at most {limit} open viewings per user: cancel one first", fields={"start_at": "too many open viewings"}
        )
        self.limit = limit


class SlotTaken(Conflict):
    code = "slot_taken"

    def __init__(self) -> None:
        super().__init__("this time is already booked for the listing", fields={"start_at": "slot taken"})


class OutsideViewingHours(AppError):
    """``opens`` and ``closes`` are the day's first and last viewing times (business zone)."""

    code = "outside_viewing_hours"

    def __init__(self, opens: Any, closes: Any) -> None:
        super().__init__(
            f"viewings are booked between {opens:%H:%M} and {closes:%H:%M}",
            fields={"start_at": f"outside viewing hours {opens:%H:%M}-{closes:%H:%M}"},
        )
        self.opens, self.closes = opens, closes


class ContactRequired(AppError):
    """A first booking needs the visitor's ``missing`` (``name``, ``phone``)."""

    code = "contact_required"

    def __init__(self, missing: list[str]) -> None:
        super().__init__("the visitor's name and phone are needed once", fields=dict.fromkeys(missing, "required"))
        self.missing = missing


class ViewingNotFound(NotFound):
    code = "viewing_not_found"

    def __init__(self) -> None:
        super().__init__("viewing not found")


class ViewingNotBooked(Conflict):
    code = "not_booked"

    def __init__(self, viewing_status: Any) -> None:
        super().__init__(f"the viewing is {getattr(viewing_status, 'value', viewing_status)}, not booked")
        self.viewing_status = viewing_status


class ViewingStarted(Conflict):
    code = "already_started"

    def __init__(self) -> None:
        super().__init__("the viewing has already started")


# ---- listing media and posters -------------------------------------------------------------------------


class LocationOwnerOnly(Forbidden):
    """Only the listing's owner or a manager sets where it is."""

    code = "location_owner_only"

    def __init__(self, listing: Any) -> None:
        super().__init__(f"only the owner of {listing.code} or a manager may set its location")
        self.listing = listing


class MediaOwnerOnly(Forbidden):
    """Only the listing's owner or a manager changes its photos and videos."""

    code = "media_owner_only"

    def __init__(self, listing: Any) -> None:
        super().__init__(f"only the owner of {listing.code} or a manager may change its media")
        self.listing = listing


class GalleryFull(Conflict):
    code = "gallery_full"

    def __init__(self, listing: Any, limit: int) -> None:
        super().__init__(f"{listing.code} already has {limit} media items")
        self.listing, self.limit = listing, limit


class MediaItemNotFound(NotFound):
    """``number`` is the 1-based position asked for; ``count`` how many items the gallery has."""

    code = "media_item_not_found"

    def __init__(self, listing: Any, number: int, count: int) -> None:
        super().__init__(f"{listing.code} has no item {number} (it has {count})")
        self.listing, self.number, self.count = listing, number, count


class MediaKindMismatch(AppError):
    """Item ``number`` is a ``kind`` and cannot be used as ``wanted`` (a cover, a panorama, a video...)."""

    code = "media_kind_mismatch"

    def __init__(self, number: int, kind: Any, wanted: str) -> None:
        super().__init__(f"item {number} is a {getattr(kind, 'value', kind)}, not usable as {wanted}")
        self.number, self.kind, self.wanted = number, kind, wanted


class InvalidTourUrl(AppError):
    code = "invalid_tour_url"

    def __init__(self) -> None:
        super().__init__("a VR tour link must be a complete http(s) URL", fields={"url": "invalid"})


class InvalidMedia(AppError):
    """An upload refused by its content. ``reason``: image_too_large, too_many_pixels, not_an_image,
    unsupported_image, corrupt_image, video_too_large, not_a_video, not_media, image_as, video_as;
    ``facts`` hold the numbers (size, limit, width, height, format, kind)."""

    status, code = 415, "invalid_media"

    def __init__(self, reason: str, **facts: Any) -> None:
        super().__init__(f"upload refused: {reason}", fields={"file": reason})
        self.reason, self.facts = reason, facts


class WeChatMediaGone(NotFound):
    """WeChat no longer has a message's image or video (temporary media live 3 days), or never had it."""

    code = "wechat_media_gone"

    def __init__(self) -> None:
        super().__init__("WeChat no longer has this media")


class WeChatMediaUnavailable(AppError):
    """WeChat did not answer for a message's media, even after retries."""

    status, code = 503, "wechat_media_unavailable"

    def __init__(self) -> None:
        super().__init__("WeChat did not deliver this media, try again later")


class PosterUnavailable(AppError):
    """``reason``: ``no_font`` (no CJK font installed)."""

    status, code = 503, "poster_unavailable"

    def __init__(self, reason: str) -> None:
        super().__init__(f"the poster cannot be made: {reason}")
        self.reason = reason


# ---- commissions and withdrawals -----------------------------------------------------------------------


class InvalidAmount(AppError):
    """``what`` (an amount) is not a number of yuan with at most two decimals."""

    code = "invalid_amount"

    def __init__(self, what: str) -> None:
        super().__init__(f"{what} must be a number of yuan with at most two decimals", fields={what: "invalid"})
        self.what = what


class InvalidRule(AppError):
    """A commission rule's spec is incomplete or has a bad value; the message names the place."""

    code = "invalid_rule"


class AdminsOnly(Forbidden):
    """``action``: ``edit_commission_rules``, ``record_manual_payout``."""

    code = "admins_only"

    def __init__(self, action: str) -> None:
        super().__init__(f"only admins may {action}")
        self.action = action


class DealAmountMissing(AppError):
    """A deal needs its rent (a lease) or its price (a sale)."""

    code = "deal_amount_missing"

    def __init__(self, deal_type: str) -> None:
        super().__init__(f"a {deal_type} deal needs its {'rent' if deal_type == 'rent' else 'sale price'}")
        self.deal_type = deal_type


class InvalidDealTerm(AppError):
    """``term``: ``rent_free_months`` (0 to 24), ``lease_years`` (up to 70), ``lease_start`` (a date)."""

    code = "invalid_deal_term"

    def __init__(self, term: str) -> None:
        super().__init__(f"{term} is out of range", fields={term: "invalid"})
        self.term = term


class DealExists(Conflict):
    code = "deal_exists"

    def __init__(self, client: Any) -> None:
        super().__init__("the client already has an active deal; cancel it first")
        self.client = client


class DealNotFound(NotFound):
    code = "deal_not_found"

    def __init__(self) -> None:
        super().__init__("deal not found")


class DealEnded(Conflict):
    code = "deal_ended"

    def __init__(self) -> None:
        super().__init__("the deal was already cancelled or terminated")


class WithdrawalLimit(AppError):
    """``limit``: ``minimum``, ``maximum`` (per request), ``daily`` (``used_fen`` asked today), ``fee``."""

    code = "withdrawal_limit"

    def __init__(self, limit: str, limit_fen: int, used_fen: int = 0) -> None:
        super().__init__(f"the amount is outside the {limit} limit", fields={"amount": limit})
        self.limit, self.limit_fen, self.used_fen = limit, limit_fen, used_fen


class RealNameRequired(AppError):
    code = "real_name_required"

    def __init__(self, from_fen: int) -> None:
        super().__init__("WeChat Pay needs the payee's real name from this amount", fields={"real_name": "required"})
        self.from_fen = from_fen


class InsufficientBalance(Conflict):
    code = "insufficient_balance"

    def __init__(self, available_fen: int) -> None:
        super().__init__("the available balance is smaller than the amount")
        self.available_fen = available_fen


class WithdrawalNotFound(NotFound):
    code = "withdrawal_not_found"

    def __init__(self, ref: str) -> None:
        super().__init__(f"no withdrawal {ref}")
        self.ref = ref


class InvalidWithdrawalCode(AppError):
    code = "invalid_withdrawal_code"

    def __init__(self, ref: str) -> None:
        super().__init__("a withdrawal is W followed by its number, e.g. W12")
        self.ref = ref


class OwnWithdrawal(Forbidden):
    code = "own_withdrawal"

    def __init__(self) -> None:
        super().__init__("nobody reviews their own withdrawal")


class WithdrawalSettled(Conflict):
    """The withdrawal is no longer in the state the action needs (already reviewed, paid or ended)."""

    code = "withdrawal_settled"

    def __init__(self, withdrawal: Any) -> None:
        super().__init__(f"withdrawal {withdrawal.code} is {withdrawal.status.value}")
        self.withdrawal = withdrawal


class SecondApproverRequired(Conflict):
    code = "second_approver_required"

    def __init__(self, withdrawal: Any, above_fen: int) -> None:
        super().__init__("above the threshold a second manager who is not the first must approve")
        self.withdrawal, self.above_fen = withdrawal, above_fen


class ReferenceRequired(AppError):
    code = "reference_required"

    def __init__(self) -> None:
        super().__init__("a manual payout needs the bank transfer's reference", fields={"reference": "required"})


class NotManualPayout(Conflict):
    code = "not_manual_payout"

    def __init__(self, withdrawal: Any) -> None:
        super().__init__(f"withdrawal {withdrawal.code} is not waiting for a manual payout")
        self.withdrawal = withdrawal


class InvalidDate(AppError):
    code = "invalid_date"

    def __init__(self, what: str) -> None:
        super().__init__(f"{what} is not a valid date", fields={what: "invalid"})
        self.what = what


# ---- back office figures, ad spend, viewing ratings ----------------------------------------------------


class FiguresOutOfReach(Forbidden):
    """``scope``: ``own_figures`` (a salesperson asked for others'), ``own_team`` (a manager for another team),
    ``no_team``."""

    code = "figures_out_of_reach"

    def __init__(self, scope: str) -> None:
        super().__init__(f"these figures are out of reach ({scope})")
        self.scope = scope


class SpendNotFound(NotFound):
    code = "spend_not_found"

    def __init__(self) -> None:
        super().__init__("no such spend")


class CampaignNotFound(NotFound):
    code = "campaign_not_found"

    def __init__(self) -> None:
        super().__init__("no such campaign")


class RatingLinkInvalid(NotFound):
    code = "rating_link_invalid"

    def __init__(self) -> None:
        super().__init__("no such rating link")


class AlreadyRated(Conflict):
    code = "already_rated"

    def __init__(self) -> None:
        super().__init__("this viewing is already rated")


class ViewingNotOver(Conflict):
    code = "viewing_not_over"

    def __init__(self) -> None:
        super().__init__("a viewing is rated after it has ended")


class RatingClosed(Conflict):
    code = "rating_closed"

    def __init__(self) -> None:
        super().__init__("this viewing can no longer be rated")


class NoConversation(NotFound):
    """The client never wrote to the official account: there is no conversation to answer in."""

    code = "no_conversation"

    def __init__(self) -> None:
        super().__init__("client has no WeChat conversation")
