"""Back-office fixtures: a browser-like HTTP client signed in as a given staff member."""

from __future__ import annotations

import re

import httpx
import pytest

from models import Account
from services import staff_sessions
from tests.bot.flows.conftest import say  # noqa: F401  (chat through the signed endpoint)


class Browser(httpx.AsyncClient):
    """An HTTP client with its own cookies; ``csrf`` is its session's token once signed in."""

    csrf: str = ""

    async def post_form(self, url: str, data: dict | None = None, **kw) -> httpx.Response:
        """A form post as the page sends it, with the session's CSRF token."""
        return await self.post(url, data={"csrf": self.csrf, **(data or {})}, **kw)


@pytest.fixture
async def browser(server, resources):
    """``await browser()``: a fresh client against the test server, signed out."""
    opened: list[Browser] = []

    async def open_browser() -> Browser:
        client = Browser(base_url=server, timeout=10)
        opened.append(client)
        return client

    yield open_browser
    for client in opened:
        await client.aclose()


@pytest.fixture
def bo_client(browser, resources):
    """``await bo_client(account)``: a client signed in as ``account``, as after scanning the code."""

    async def sign_in(account: Account) -> Browser:
        client = await browser()
        token = await staff_sessions.start(resources, account, method="qr")
        client.cookies.set("bo_session", token)
        session = await staff_sessions.get(resources, token)
        assert session is not None
        client.csrf = session.csrf
        return client

    return sign_in


def csrf_of(page: str) -> str:
    """The CSRF token a rendered page carries in its forms."""
    found = re.search(r'name="csrf" value="([^"]+)"', page)
    assert found, "the page has no form with a CSRF token"
    return found.group(1)
