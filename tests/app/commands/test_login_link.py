"""python -m app login-link --name NAME: the first admin's way in."""

from __future__ import annotations

import argparse

import pytest

from app.commands import login_link
from models.enums import Role
from services import staff_sessions
from services.errors import AccountNotFound


async def test_prints_a_link_that_signs_the_named_staff_member_in_once(resources, make_staff, capsys):
    admin = await make_staff("管理员", Role.ADMIN)
    assert await login_link._run(resources, argparse.Namespace(name="管理员")) == 0
    url = capsys.readouterr().out.splitlines()[-1]
    assert url.startswith(f"{resources.settings.public_base_url}/bo/login/link?token=")
    token = url.split("token=", 1)[1]
    assert (await staff_sessions.redeem_link(resources, token)).id == admin.id


async def test_refuses_an_unknown_name(resources):
    with pytest.raises(AccountNotFound):
        await login_link._run(resources, argparse.Namespace(name="没人"))
