"""Run-time settings in the back office: admins only, validated, with history, never a secret."""

from __future__ import annotations

import pytest

from models import AuditLog, SettingChange


@pytest.fixture
async def restore_settings(resources, settings):
    """The shared resources get config.yaml's settings back after the test."""
    yield
    resources.settings = settings


@pytest.mark.parametrize(("role", "status"), [("admin", 200), ("manager", 403), ("zhang", 403)])
async def test_the_settings_page_is_for_admins(bo_client, company, role, status):
    assert (await (await bo_client(company[role])).get("/bo/settings")).status_code == status


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


async def test_a_manager_cannot_change_settings(bo_client, company, resources):
    refused = await (await bo_client(company["manager"])).post_form(
        "/bo/settings", {"key": "matching.weights.area", "value": "9"}
    )
    assert refused.status_code == 403 and resources.settings.matching.weights.area == 3


async def test_no_secret_is_shown(bo_client, company, settings):
    page = (await (await bo_client(company["admin"])).get("/bo/settings")).text
    for secret in (settings.secret_key, settings.pii_key, settings.wechat_secret, settings.wechat_aes_key):
        assert secret not in page
