"""Headless Chromium (Debian's /usr/bin/chromium) driven by Playwright; screenshots go to tests/artifacts/.

``make test`` installs chromium when it is missing (``make browser-deps``); without it these tests fail
rather than skip, so a machine without a browser cannot pass silently.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from playwright.async_api import async_playwright

from tests.h5.conftest import PHONE_UA, _fresh_caches, flush, make_listing, sales  # noqa: F401  (shared fixtures)

CHROMIUM = "/usr/bin/chromium"
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    # WebGL in software, for the panorama viewer on a machine without a GPU.
    "--use-angle=swiftshader",
    "--enable-unsafe-swiftshader",
]
ARTIFACTS = Path(__file__).resolve().parent.parent / "artifacts"
PHONE = {
    "viewport": {"width": 375, "height": 812},
    "device_scale_factor": 2,
    "is_mobile": True,
    "has_touch": True,
    "user_agent": PHONE_UA,
    "locale": "zh-CN",
}


@pytest.fixture(scope="session")
async def chromium():
    if not os.access(CHROMIUM, os.X_OK):
        pytest.fail(f"{CHROMIUM} is missing: run `make browser-deps` (apt-get install chromium)")
    async with async_playwright() as playwright:
        browser = await playwright.chromium.launch(executable_path=CHROMIUM, args=FLAGS, headless=True)
        yield browser
        await browser.close()


@pytest.fixture
async def phone(chromium, server, resources, fake_wechat):
    """A fresh phone-sized browser context (its own cookies) against the test server."""
    contexts = []

    async def open_context():
        context = await chromium.new_context(base_url=server, **PHONE)
        contexts.append(context)
        return await context.new_page()

    yield open_context
    for context in contexts:
        await context.close()


def screenshot_path(name: str) -> str:
    ARTIFACTS.mkdir(exist_ok=True)
    return str(ARTIFACTS / f"{name}.png")
