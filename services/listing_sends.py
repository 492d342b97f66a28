"""Listings sent to a client (``把A61发给华兴精密张总``): the link and poster go to the salesperson to forward,
the client's timeline says what was shown, and matching puts what was already shown last.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from tortoise.exceptions import IntegrityError
from tortoise.transactions import in_transaction

from models import Account, Client, FollowUp, ListingSent
from models.enums import FollowUpChannel
from services import audit, listings_public, matching, permissions
from services.posters import page_url


@dataclass(frozen=True)
class Sent:
    record: ListingSent
    url: str
    before: datetime | None
    """When this listing was sent to this client before, if it was."""


async def send(
    *,
    actor: Account,
    client: Client,
    code: str,
    settings,
    now: datetime,
    contact_name: str | None = None,
    source_msg_id: str | None = None,
) -> Sent:
    """Record that ``actor`` sends listing ``code`` (on the market) to ``client``, and the link to forward
    (credited to ``actor``, so the client's visits and enquiries are theirs)."""
    await permissions.ensure_can_change(actor, client)
    listing = await listings_public.get_visible_by_code(code)
    url = page_url(settings, listing, actor, channel="chat")
    if source_msg_id and (existing := await ListingSent.get_or_none(source_msg_id=source_msg_id)) is not None:
        return Sent(existing, url, None)  # WeChat delivered the message again
    before = await ListingSent.filter(client_id=client.id, listing_id=listing.id).order_by("-sent_at").first()
    to = f"{contact_name}总" if contact_name else client.display_name
    try:
        async with in_transaction():
            record = await ListingSent.create(
                client=client,
                listing=listing,
                sent_by=actor,
                contact_name=contact_name,
                sent_at=now,
                source_msg_id=source_msg_id,
            )
            await FollowUp.create(
                client=client,
                author=actor,
                content=f"发送房源{listing.code}（{listing.title}）给{to}",
                channel=FollowUpChannel.WECHAT,
                happened_at=now,
                done=True,
            )
            await audit.record(actor, "listing.sent", "client", client.id, after={"listing": listing.code, "to": to})
    except IntegrityError:  # the same message delivered twice at once
        return Sent(await ListingSent.get(source_msg_id=source_msg_id), url, None)
    return Sent(record, url, before.sent_at if before else None)


async def sent_to(client: Client) -> dict[int, datetime]:
    """Listing id -> when it was last sent to ``client``."""
    rows = await ListingSent.filter(client_id=client.id).order_by("sent_at").values_list("listing_id", "sent_at")
    return dict(rows)


def unsent_first(found: list[matching.Match], sent: dict[int, datetime]) -> list[matching.Match]:
    """Matches not shown to the client yet first, each group still by score."""
    return sorted(found, key=lambda m: m.listing["id"] in sent)
