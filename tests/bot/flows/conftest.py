"""Staff chat fixtures: ``say`` through the signed endpoint; the team and row factories are in tests/factories.py."""

from __future__ import annotations

from dataclasses import replace

import pytest

from tests.factories import MANAGER, OTHER, SALES  # noqa: F401  (the team's openids, imported by the tests here)


@pytest.fixture
def say(http, wx, resources):
    """``await say(openid, text)`` -> the reply text, through the signed (AES) endpoint.

    The reply deadline is raised to 5 s so a loaded CI machine still gets the passive reply to check.
    """

    async def send(openid: str, text: str, **kw) -> str:
        sent = await wx.text(http, openid, text, **kw)
        assert sent.status == 200, sent.body
        return sent.text

    settings = resources.settings
    resources.settings = replace(settings, reply_deadline_s=5.0)
    yield send
    resources.settings = settings


@pytest.fixture(scope="session", autouse=True)
def warm_parser():
    """The parser loads its dictionaries on first use (~0.5 s): not inside a 1 s reply deadline."""
    import nlp

    nlp.parse("找昆山2000平厂房")
