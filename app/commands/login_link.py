"""``login-link``: a one-time back-office sign-in link for a staff member (the first admin of a new install)."""

from app.commands import command
from services import accounts, staff_sessions
from services.resources import Resources


def register(sub) -> None:
    p = sub.add_parser("login-link", help="print a one-time back-office sign-in link for a staff member")
    p.add_argument("--name", required=True, help="the staff member's name (createstaff --name)")
    p.set_defaults(func=command(_run))


async def _run(resources: Resources, args) -> int:
    if resources.settings.embedded_redis:  # the link would live in this command's own stand-in, gone with it
        print("embedded mode: a sign-in link only works when the running server issues it; send 登录后台 in chat")
        print(f"(python -m app chat --as {args.name}), or set REDIS_URL so that this command and the server share it")
        return 2
    account = await accounts.find_staff(args.name)
    url = await staff_sessions.issue_link(resources, account)
    minutes = resources.settings.backoffice.login_ttl_s // 60
    print(f"one-time sign-in link for {account.name} ({account.role.value}), valid {minutes} minutes:")
    print(url)
    return 0
