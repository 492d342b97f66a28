"""Pytest fixtures for code that talks to WeChat; import them from a conftest::

from tests.wechat_fixtures import fake_wechat  # noqa: F401
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.fakewechat import FakeWeChat


@pytest.fixture
def fake_wechat() -> Iterator[FakeWeChat]:
    """A started fake WeChat server with fresh state, stopped after the test.

    ``.url`` is the API base (ends in '/'), ``.showqrcode_base`` the showqrcode
    URL; ``.calls(path)``, ``.fail(path, errcode, times=, openid=, status=)``,
    ``.delay(path, seconds)``, ``.expire_tokens(errcode=42001)``,
    ``.templates(openid)``, ``.stats()``, ``.reset()``.
    """
    with FakeWeChat() as fake:
        yield fake
