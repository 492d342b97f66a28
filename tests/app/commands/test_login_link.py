"""python -m app login-link --name NAME: the first admin's way in."""

from __future__ import annotations

import argparse
from dataclasses import replace

import pytest

from app.commands import login_link
from models.enums import Role
from services import staff_sessions
from services.errors import AccountNotFound


@pytest.fixture
def shared(resources):
    """The command's resources as with ``REDIS_URL`` set: the server sees what it writes (here the test's Redis)."""
    return replace(resources, settings=replace(resources.settings, redis_url="redis://127.0.0.1:6379/0"))


async def test_prints_a_link_that_signs_the_named_staff_member_in_once(shared, resources, make_staff, capsys):
    admin = await make_staff("管理员", Role.ADMIN)
    assert await login_link._run(shared, argparse.Namespace(name="管理员")) == 0
    url = capsys.readouterr().out.splitlines()[-1]
    assert url.startswith(f"{resources.settings.public_base_url}/bo/login/link?token=")
    token = url.split("token=", 1)[1]
    assert (await staff_sessions.redeem_link(resources, token)).id == admin.id


async def test_refuses_an_unknown_name(shared):
    with pytest.raises(AccountNotFound):
        await login_link._run(shared, argparse.Namespace(name="没人"))


async def test_in_the_embedded_mode_it_points_to_chat_instead_of_printing_a_dead_link(resources, make_staff, capsys):
    await make_staff("管理员", Role.ADMIN)
    embedded = replace(resources, settings=replace(resources.settings, redis_url=""))
    assert await login_link._run(embedded, argparse.Namespace(name="管理员")) == 2
    out = capsys.readouterr().out
    assert "登录后台" in out and "chat --as 管理员" in out and "token=" not in out
