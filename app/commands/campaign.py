"""``campaign``: a campaign referral code (temporary official-account QR) and its image URL."""

from app.commands import command
from models import Account
from services import accounts
from services.referrals import attribution, codes
from services.resources import Resources


def register(sub) -> None:
    p = sub.add_parser("campaign", help="create a campaign QR code (temporary, referral.campaign_qr_expire_s)")
    p.add_argument("--name", required=True, help="campaign name, e.g. 春季招商")
    p.add_argument("--owner", help="name of the staff member credited with its leads")
    p.set_defaults(func=command(_run))


async def _run(resources: Resources, args) -> int:
    owner: Account | None = await accounts.find_staff(args.owner) if args.owner else None
    scene = await attribution.create_campaign(args.name, owner=owner)
    relpath = await codes.qr_image(resources, scene)
    print(f"campaign {args.name}: scene {scene.scene}, expires {scene.qr_expires_at:%Y-%m-%d %H:%M %Z}")
    print(resources.storage.url(relpath))
    return 0
