"""Who sees and changes what.

- sales: their own clients;
- manager: their team's clients (those owned by accounts whose manager they are) and their own;
- admin: every client.

Seeing a client in full and changing it go together: whoever sees a client's phone may also record
follow-ups on it, and a manager reassigns only clients of their team, to someone in their team.
Where someone else's client shows up (a duplicate, a listing hold) its contact data is masked.
Listing reviews are by role: any manager or admin approves listings.
"""

from __future__ import annotations

from tortoise.expressions import Q
from tortoise.queryset import QuerySet

from models import Account, Client, ClientContact, FollowUp, Listing
from models.enums import ReviewStatus, Role
from models.pii import mask_phone, mask_text
from services.errors import ManagersOnly, NotInYourTeam, NotYourClient


def sees_all(account: Account) -> bool:
    """Only admins see every team's clients."""
    return account.role == Role.ADMIN


def visible_clients(account: Account) -> QuerySet[Client]:
    """The clients ``account`` may see in full and change (never a deleted one)."""
    if sees_all(account):
        return Client.live()
    if account.role == Role.MANAGER:
        return Client.live().filter(Q(owner_id=account.id) | Q(owner__manager_id=account.id))
    return Client.live().filter(owner_id=account.id)


def visible_followups(account: Account) -> QuerySet[FollowUp]:
    """Follow-ups of the clients ``account`` may see (``visible_clients``)."""
    query = FollowUp.filter(client__deleted_at__isnull=True)
    if sees_all(account):
        return query
    if account.role == Role.MANAGER:
        return query.filter(Q(client__owner_id=account.id) | Q(client__owner__manager_id=account.id))
    return query.filter(client__owner_id=account.id)


def visible_listings(account: Account) -> QuerySet[Listing]:
    """The listings ``account`` may open: the shared pool (approved listings), and their own and, for a manager,
    their team's whatever their review; admins every listing."""
    if sees_all(account):
        return Listing.all()
    pool = Q(review_status=ReviewStatus.APPROVED) | Q(owner_id=account.id)
    if account.role == Role.MANAGER:
        return Listing.filter(pool | Q(owner__manager_id=account.id))
    return Listing.filter(pool)


async def manages(account: Account, member_id: int | None) -> bool:
    """Whether ``member_id`` is ``account`` itself or, for a manager, in their team; admins manage everyone."""
    if member_id is None:
        return sees_all(account)
    if member_id == account.id or sees_all(account):
        return True
    return account.role == Role.MANAGER and await Account.filter(id=member_id, manager_id=account.id).exists()


async def can_change(account: Account, client: Client) -> bool:
    return await manages(account, client.owner_id)


async def ensure_can_change(account: Account, client: Client) -> None:
    if not await can_change(account, client):
        raise NotYourClient(client)


async def contact(account: Account, client: Client, person: ClientContact | None = None) -> dict[str, str]:
    """Phone, WeChat id and email of ``client`` (or of its other contact ``person``) as ``account`` may see
    them: in full or masked."""
    full = await can_change(account, client)
    shown = {}
    for key, mask in (("phone", mask_phone), ("wechat_id", mask_text), ("email", mask_text)):
        if value := getattr(person or client, key, None):
            shown[key] = value if full else mask(value)
    return shown


def ensure_manager(account: Account, action: str) -> None:
    """``action`` names what is refused otherwise (``reassign_client``, ``review_listing``)."""
    if not account.is_manager:
        raise ManagersOnly(action)


async def ensure_can_reassign(account: Account, client: Client, to: Account) -> None:
    """A manager moves clients of their team within their team; an admin anywhere."""
    ensure_manager(account, "reassign_client")
    await ensure_can_change(account, client)
    if not await manages(account, to.id):
        raise NotInYourTeam(to)
