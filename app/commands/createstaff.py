"""``createstaff``: a staff account and its one-time bind code (last line)."""

from app.commands import command
from models import Account
from models.enums import Role
from services import accounts
from services.resources import Resources


def register(sub) -> None:
    p = sub.add_parser("createstaff", help="create a staff account and print its bind code")
    p.add_argument("--name", required=True)
    p.add_argument("--role", required=True, choices=["admin", "manager", "sales", "partner"])
    p.add_argument("--phone")
    p.add_argument("--manager", help="name of this account's manager")
    p.set_defaults(func=command(_run))


async def _run(resources: Resources, args) -> int:
    manager: Account | None = await accounts.find_staff(args.manager) if args.manager else None
    account, code = await accounts.create_staff(args.name, Role(args.role), phone=args.phone, manager=manager)
    print(
        f"created {account.role.value} {account.name} (id {account.id}); "
        f"in the official account send「绑定 {code}」within 24 hours:"
    )
    print(code)
    return 0
