"""Run-time settings in the back office: admins only, validated, with history, never a secret."""

from __future__ import annotations

import pytest

from models import AuditLog, SettingChange
from services import runtime_settings


@pytest.fixture
async def restore_settings(resources, settings):
    """The shared resources get config.yaml's settings back after the test."""
    yield
    resources.settings = settings


@pytest.mark.parametrize(("role", "status"), [("admin", 200), ("manager", 200), ("zhang", 403)])
async def test_the_settings_page_is_for_admins_and_managers(bo_client, company, role, status):
    page = await (await bo_client(company[role])).get("/bo/settings")
    assert page.status_code == status
    if role == "manager":  # their team's reminder times only
        assert "本团队的提醒" in page.text and "matching.weights.area" not in page.text
    if role == "admin":
        assert "matching.weights.area" in page.text and "本团队的提醒" not in page.text


async def test_an_admin_changes_a_weight_and_it_applies_at_once(bo_client, company, resources, restore_settings):
    client = await bo_client(company["admin"])
    saved = await client.post_form("/bo/settings", {"key": "matching.weights.area", "value": "5"})
    assert saved.status_code == 302
    assert resources.settings.matching.weights.area == 5
    page = (await client.get("/bo/settings")).text
    assert "已修改" in page and "面积 → 5" in page
    assert await AuditLog.exists(action="setting.change", actor_id=company["admin"].id)
    back = await client.post_form("/bo/settings", {"key": "matching.weights.area", "reset": "1"})
    assert back.status_code == 302 and resources.settings.matching.weights.area == 3
    assert await SettingChange.filter(key="matching.weights.area").count() == 2


async def test_times_percentages_and_template_ids_are_checked(bo_client, company, resources, restore_settings):
    client = await bo_client(company["admin"])
    for key, value, wording in (
        ("reminders.digest_time", "25:00", "时:分"),
        ("matching.stage_probability.viewing", "130", "0到100之间的整数"),
        ("templates.notice.template_id", "has space", "不含空格"),
        ("secret_key", "x", "可修改的设置"),
    ):
        refused = await client.post_form("/bo/settings", {"key": key, "value": value})
        assert refused.status_code == 400 and wording in refused.text, key
    assert (
        await client.post_form("/bo/settings", {"key": "reminders.digest_time", "value": "7:45"})
    ).status_code == 302
    assert resources.settings.reminders.digest_time.strftime("%H:%M") == "07:45"
    assert (
        await client.post_form("/bo/settings", {"key": "templates.notice.template_id", "value": "tpl-new"})
    ).status_code == 302
    assert resources.settings.template("notice").template_id == "tpl-new"


async def test_a_manager_cannot_change_the_company_s_settings(bo_client, company, resources):
    refused = await (await bo_client(company["manager"])).post_form(
        "/bo/settings", {"key": "matching.weights.area", "value": "9"}
    )
    assert refused.status_code == 403 and resources.settings.matching.weights.area == 3


async def test_no_secret_is_shown(bo_client, company, settings):
    page = (await (await bo_client(company["admin"])).get("/bo/settings")).text
    for secret in (settings.secret_key, settings.pii_key, settings.wechat_secret, settings.wechat_aes_key):
        assert secret not in page


async def test_a_manager_sets_their_team_s_digest_time_with_history_and_audit(
    bo_client, company, resources, restore_settings
):
    manager = company["manager"]
    client = await bo_client(manager)
    saved = await client.post_form(
        "/bo/settings", {"key": "reminders.digest_time", "value": "7:15", "team": manager.id}
    )
    assert saved.status_code == 302
    assert resources.settings.reminders.digest_time.strftime("%H:%M") == "08:30"  # the company's is unchanged
    assert await runtime_settings.team_overrides() == {manager.id: {"reminders.digest_time": "07:15"}}
    page = (await client.get("/bo/settings")).text
    assert "本团队已修改" in page and "每日汇总发送时间 → 07:15" in page
    assert f'name="team" value="{manager.id}"' in page and 'name="csrf" value="' in page  # the form saves it again
    assert "改回公司设置</button>" in page
    entry = await AuditLog.get(action="setting.change", actor_id=manager.id)
    assert entry.after == {"reminders.digest_time": "07:15", "team": manager.id}
    admin_page = (await (await bo_client(company["admin"])).get("/bo/settings")).text
    assert "王经理团队：每日汇总发送时间 07:15" in admin_page
    back = await client.post_form("/bo/settings", {"key": "reminders.digest_time", "reset": "1", "team": manager.id})
    assert back.status_code == 302 and await runtime_settings.team_overrides() == {}


async def test_a_manager_cannot_set_another_team_s_or_a_company_only_setting(bo_client, company, resources):
    client = await bo_client(company["manager"])
    other_team = await client.post_form(
        "/bo/settings", {"key": "reminders.digest_time", "value": "07:00", "team": company["other_manager"].id}
    )
    assert other_team.status_code == 403
    weights = await client.post_form(
        "/bo/settings", {"key": "matching.weights.area", "value": "9", "team": company["manager"].id}
    )
    assert weights.status_code == 400
    assert not await SettingChange.exists()


async def test_a_salesperson_cannot_set_their_team_s_settings(bo_client, company):
    client = await bo_client(company["zhang"])
    refused = await client.post_form(
        "/bo/settings", {"key": "reminders.digest_time", "value": "07:00", "team": company["manager"].id}
    )
    assert refused.status_code == 403 and not await SettingChange.exists()


async def test_an_admin_may_set_a_team_s_setting_but_only_for_a_real_team(bo_client, company, restore_settings):
    client = await bo_client(company["admin"])
    assert (
        await client.post_form(
            "/bo/settings", {"key": "reminders.escalate_after_h", "value": "6", "team": company["other_manager"].id}
        )
    ).status_code == 302
    assert await runtime_settings.team_overrides(company["other_manager"].id) == {
        company["other_manager"].id: {"reminders.escalate_after_h": 6.0}
    }
    not_a_team = await client.post_form(
        "/bo/settings", {"key": "reminders.escalate_after_h", "value": "6", "team": company["zhang"].id}
    )
    assert not_a_team.status_code == 400
