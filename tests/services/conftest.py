"""Commission fixtures: a sales team, a partner recruited by another partner, a client the partner referred."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from models import Account, Client, WechatUser
from models.enums import Role, Stage
from tests.factories import fund


@dataclass
class Referral:
    sales: Account
    manager: Account
    partner: Account
    recruiter: Account
    client: Client


@pytest.fixture
async def referral(make_staff) -> Referral:
    """老王 (partner) referred 华兴精密, owned by 张三; 老王 joined through 老李's code (老李 is his recruiter)."""
    manager = await make_staff("王经理", Role.MANAGER, bind_openid="o-manager")
    sales = await make_staff("张三", Role.SALES, manager=manager, bind_openid="o-zhang")
    recruiter = await make_staff("老李", Role.PARTNER, manager=sales, bind_openid="o-laoli")
    partner = await make_staff("老王", Role.PARTNER, manager=sales, bind_openid="o-laowang")
    await WechatUser.filter(account_id=partner.id).update(referrer_id=recruiter.id)
    client = await Client.create(
        company="华兴精密",
        company_norm="华兴精密",
        contact_name="张总",
        owner=sales,
        referrer=partner,
        stage=Stage.NEGOTIATING,
    )
    return Referral(sales, manager, partner, recruiter, client)


@pytest.fixture
async def payee(referral) -> Account:
    """老王 with a mini-program identity (transfers go to it) and 1,000 yuan available."""
    await WechatUser.filter(account_id=referral.partner.id).update(miniapp_openid="o_mp_laowang")
    await fund(referral.partner, 100_000)
    return referral.partner
