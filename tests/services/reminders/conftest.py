"""Fixtures for reminders: an injected clock, follow-ups, and a sender on that clock."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta, timezone

import pytest

from bot import notices
from models import Account, Client, FollowUp
from models.enums import Role, Stage
from services import reminders
from services.outbox import Sender

# 2026-03-10 10:00 in Asia/Shanghai.
T0 = datetime(2026, 3, 10, 2, 0, tzinfo=timezone.utc)
OPENID = "o-zhang"


@dataclass
class Clock:
    now: datetime = T0

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **delta: float) -> datetime:
        self.now += timedelta(**delta)
        return self.now


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
async def manager(make_staff) -> Account:
    return await make_staff("王经理", Role.MANAGER, bind_openid="o-wang")


@pytest.fixture
async def sales(make_staff, manager) -> Account:
    return await make_staff("张三", manager=manager, bind_openid=OPENID)


@pytest.fixture
def make_followup(resources):
    """``await make_followup(owner, next_at)``: a client of ``owner`` and its open follow-up."""

    async def make(
        owner: Account,
        next_at: datetime | None,
        *,
        company: str = "苏州精密机械有限公司",
        content: str = "客户想看昆山2000平厂房",
        stage: Stage = Stage.VIEWING,
        done: bool = False,
    ) -> FollowUp:
        client = await Client.create(company=company, owner=owner, stage=stage, next_followup_at=next_at)
        return await FollowUp.create(
            client=client, author=owner, content=content, happened_at=T0 - timedelta(days=1), next_at=next_at, done=done
        )

    return make


@pytest.fixture
def sender(resources, clock):
    """A sender of the outbox on the test clock; ``sender(**config)`` overrides its settings."""

    def make(**overrides) -> Sender:
        s = Sender(resources, wording=notices.values, name="test-worker", clock=clock)
        for key, value in overrides.items():
            setattr(s, key, value)
        return s

    return make


@pytest.fixture
def tick(resources, clock, sender):
    """One worker tick at the clock's time: schedule, then send everything sendable."""

    async def run():
        await reminders.schedule(resources, now=clock.now)
        return await sender().drain()

    return run


@pytest.fixture
def delivered(fake_wechat, settings):
    """``delivered("followup_due")``: template messages of that kind the fake WeChat delivered to ``openid``."""

    def of(kind: str, openid: str = OPENID) -> list[dict]:
        template_id = settings.template(kind).template_id
        return [t for t in fake_wechat.templates(openid) if t["template_id"] == template_id]

    return of
