"""The reference for `bench h5`: a bare Sanic handler returning a page's bytes from memory.

    BARE_PAGE_SOURCE=http://127.0.0.1:8100/h5/listings/A21 python -m tests.bench.bare_page --port 8201 --workers 2

Each worker fetches the page once (as a phone browser) and then answers every GET with those bytes.
"""

from __future__ import annotations

import argparse
import os
import urllib.request

from sanic import Sanic
from sanic.response import HTTPResponse, raw

app = Sanic("bare_page")


@app.before_server_start
async def fetch_page(app: Sanic) -> None:
    request = urllib.request.Request(
        os.environ["BARE_PAGE_SOURCE"], headers={"User-Agent": "Mozilla/5.0 (iPhone) bench reference"}
    )
    with urllib.request.urlopen(request) as response:
        app.ctx.body = response.read()


@app.get("/<path:path>")
async def page(request, path: str) -> HTTPResponse:
    return raw(request.app.ctx.body, content_type="text/html; charset=utf-8")


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8201)
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()
    app.run(host=args.host, port=args.port, workers=args.workers, access_log=False, motd=False)
