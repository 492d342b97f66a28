"""Who sees and changes what.

Sales see and change only their own clients; managers and admins see all and
may reassign. Where someone else's client shows up (a duplicate, a listing
hold) its contact data is masked.
"""
from __future__ import annotations

from tortoise.queryset import QuerySet

from models import Account, Client
from models.enums import Role
from models.pii import mask_phone, mask_text
from services.errors import ManagersOnly, NotYourClient


def sees_all(account: Account) -> bool:
    return account.role in (Role.ADMIN, Role.MANAGER)


def visible_clients(account: Account) -> QuerySet[Client]:
    """The clients ``account`` may see in full and change."""
    if sees_all(account):
        return Client.all()
    return Client.filter(owner_id=account.id)


def can_change(account: Account, client: Client) -> bool:
    return sees_all(account) or client.owner_id == account.id


def ensure_can_change(account: Account, client: Client) -> None:
    if not can_change(account, client):
        raise NotYourClient(client)


def contact(account: Account, client: Client) -> dict[str, str]:
    """Phone, WeChat id and email as ``account`` may see them: in full or masked."""
    full = can_change(account, client)
    shown = {}
    if client.phone:
        shown["phone"] = client.phone if full else mask_phone(client.phone)
    if client.wechat_id:
        shown["wechat_id"] = client.wechat_id if full else mask_text(client.wechat_id)
    if client.email:
        shown["email"] = client.email if full else mask_text(client.email)
    return shown


def ensure_manager(account: Account, action: str) -> None:
    """``action`` names what is refused otherwise (``reassign_client``, ``review_listing``)."""
    if not sees_all(account):
        raise ManagersOnly(action)
