"""/openapi.json and /docs for the mini-program API."""

from __future__ import annotations

from sanic import Blueprint, Request
from sanic.response import HTTPResponse, html, json

from miniapp_api.openapi import openapi

bp = Blueprint("mp_docs")

_PAGE = """<!doctype html><html><head><meta charset="utf-8"><title>SCRM mini-program API</title></head>
<body><redoc spec-url="/openapi.json"></redoc>
<script src="https://cdn.jsdelivr.net/npm/redoc@2/bundles/redoc.standalone.js"></script></body></html>"""


@bp.get("/openapi.json")
async def document(request: Request) -> HTTPResponse:
    return json(openapi(server_url=request.app.ctx.settings.public_base_url.rstrip("/")))


@bp.get("/docs")
async def docs(request: Request) -> HTTPResponse:
    return html(_PAGE)
