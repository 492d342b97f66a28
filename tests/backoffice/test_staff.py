"""Staff and the audit log in the back office: admins manage everyone, managers their team, sales nobody."""

from __future__ import annotations

import re

import pytest

from models import Account, AuditLog, Client
from models.enums import Role
from services import accounts


@pytest.mark.parametrize(("role", "status"), [("admin", 200), ("manager", 200), ("zhang", 403)])
async def test_the_staff_page_is_for_admins_and_managers(bo_client, company, role, status):
    page = await (await bo_client(company[role])).get("/bo/staff")
    assert page.status_code == status
    if role == "manager":
        assert "张三" in page.text and "钱五" not in page.text


async def test_an_admin_creates_a_salesperson_and_sees_the_bind_code_once(bo_client, company, resources):
    client = await bo_client(company["admin"])
    created = await client.post_form(
        "/bo/staff/new", {"name": "孙七", "role": "sales", "manager": company["other_manager"].id}
    )
    assert created.status_code == 201
    code = re.search(r'class="bind-code">(\d{6})<', created.text).group(1)
    account = await Account.get(name="孙七")
    assert account.manager_id == company["other_manager"].id
    assert (await accounts.bind(resources.redis, "o-sun", code)).id == account.id
    entry = await AuditLog.get(action="account.create", entity_id=account.id)
    assert entry.actor_id == company["admin"].id


async def test_a_manager_adds_only_salespeople_to_their_own_team(bo_client, company):
    client = await bo_client(company["manager"])
    created = await client.post_form("/bo/staff/new", {"name": "周八", "role": "sales"})
    assert created.status_code == 201
    assert (await Account.get(name="周八")).manager_id == company["manager"].id
    refused = await client.post_form("/bo/staff/new", {"name": "吴九", "role": "admin"})
    assert refused.status_code == 403 and not await Account.exists(name="吴九")


async def test_sales_cannot_create_staff(bo_client, company):
    refused = await (await bo_client(company["zhang"])).post_form("/bo/staff/new", {"name": "郑十", "role": "sales"})
    assert refused.status_code == 403 and not await Account.exists(name="郑十")


@pytest.mark.parametrize(
    ("role", "target", "status"),
    [("admin", "qian", 200), ("manager", "zhang", 200), ("manager", "qian", 403), ("zhang", "li", 403)],
)
async def test_a_staff_member_by_id_opens_only_for_their_managers(bo_client, company, role, target, status):
    page = await (await bo_client(company[role])).get(f"/bo/staff/{company[target].id}")
    assert page.status_code == status


async def test_a_new_bind_code_replaces_the_old(bo_client, company):
    client = await bo_client(company["manager"])
    made = await client.post_form(f"/bo/staff/{company['zhang'].id}/bind-code")
    assert made.status_code == 200 and re.search(r"\d{6}", made.text)
    refused = await client.post_form(f"/bo/staff/{company['qian'].id}/bind-code")
    assert refused.status_code == 403


async def test_only_admins_change_roles_and_managers(bo_client, company):
    admin = await bo_client(company["admin"])
    changed = await admin.post_form(
        f"/bo/staff/{company['li'].id}/role", {"role": "sales", "manager": company["other_manager"].id}
    )
    assert changed.status_code == 302
    assert (await Account.get(id=company["li"].id)).manager_id == company["other_manager"].id
    assert await AuditLog.exists(action="account.role", entity_id=company["li"].id)
    manager = await bo_client(company["manager"])
    refused = await manager.post_form(f"/bo/staff/{company['zhang'].id}/role", {"role": "manager"})
    assert refused.status_code == 403 and (await Account.get(id=company["zhang"].id)).role == Role.SALES


async def test_deactivating_hands_over_the_clients_and_ends_every_session(bo_client, company, make_client):
    own = [await make_client(company["zhang"], name) for name in ("甲公司", "乙公司")]
    zhang = await bo_client(company["zhang"])
    assert (await zhang.get("/bo/")).status_code == 200
    manager = await bo_client(company["manager"])
    refused = await manager.post_form(f"/bo/staff/{company['zhang'].id}/deactivate")
    assert refused.status_code == 409 and "还有2个客户" in refused.text
    assert (await Account.get(id=company["zhang"].id)).active
    outside = await manager.post_form(
        f"/bo/staff/{company['zhang'].id}/deactivate", {"reassign_to": company["qian"].id}
    )
    assert outside.status_code == 403 and (await Account.get(id=company["zhang"].id)).active
    done = await manager.post_form(f"/bo/staff/{company['zhang'].id}/deactivate", {"reassign_to": company["li"].id})
    assert done.status_code == 200 and "2个客户已转给李四" in done.text
    assert not (await Account.get(id=company["zhang"].id)).active
    assert {c.owner_id for c in await Client.filter(id__in=[c.id for c in own])} == {company["li"].id}
    assert (await zhang.get("/bo/")).status_code == 302
    assert await AuditLog.exists(action="account.deactivate", entity_id=company["zhang"].id)


async def test_a_deactivated_salesperson_can_no_longer_chat_as_staff(bo_client, company, say):
    manager = await bo_client(company["manager"])
    await manager.post_form(f"/bo/staff/{company['zhang'].id}/deactivate")
    assert "没有绑定员工账号" in await say("o-zhang", "登录后台")


@pytest.mark.parametrize(
    ("role", "sees"),
    [("admin", {"张三", "钱五", "王经理"}), ("manager", {"张三", "王经理"}), ("zhang", {"张三"})],
)
async def test_the_audit_log_shows_what_the_role_may_read(bo_client, company, make_client, role, sees):
    for who in ("zhang", "qian", "manager"):
        await AuditLog.create(actor=company[who], action="client.update", entity="client", entity_id=1, after={})
    page = await (await bo_client(company[role])).get("/bo/audit?action=client.update")
    assert page.status_code == 200
    shown = {name for name in ("张三", "钱五", "王经理") if f'<td data-label="谁">{name}</td>' in page.text}
    assert shown == sees


async def test_the_audit_log_filters_by_who_what_and_when(bo_client, company):
    await AuditLog.create(actor=company["zhang"], action="client.update", entity="client", entity_id=7, after={"a": 1})
    await AuditLog.create(actor=company["li"], action="listing.update", entity="listing", entity_id=8, after={"b": 2})
    client = await bo_client(company["admin"])
    by_who = await client.get(f"/bo/audit?who={company['li'].id}")
    assert "listing.update" in by_who.text and "client.update" not in by_who.text
    by_what = await client.get("/bo/audit?entity=client&entity_id=7")
    assert "client.update" in by_what.text and "listing.update" not in by_what.text
    future = await client.get("/bo/audit?since=2999-01-01")
    assert "client.update" not in future.text and "listing.update" not in future.text
    assert (await client.get("/bo/audit?since=nonsense&page=0&who=x")).status_code == 200
