"""The Sanic application: routes, listeners, error handling, request logs."""

from __future__ import annotations

import asyncio
import logging
import time
from pathlib import Path

from sanic import Request, Sanic
from sanic.exceptions import SanicException
from sanic.response import HTTPResponse, json, redirect
from tortoise.exceptions import ValidationError

import nlp
from app.metrics import metrics_page
from backoffice import bp as backoffice_bp
from bot import dedupe, router
from bot.endpoint import bp as wechat_bp
from bot.inbound import Inbound
from bot.protocol import Protocol
from core import db, logs
from core.config import Settings
from h5 import bp as h5_bp
from media import storage
from miniapp_api import bp as miniapp_bp
from miniapp_api import errors as api_errors
from miniapp_api.docs import bp as miniapp_docs_bp
from payments.endpoint import bp as payments_bp
from services import follows, metrics, runtime_settings, tracking
from services.errors import AppError, from_validation
from services.resources import Resources

log = logging.getLogger("app.request")


def create_app(settings: Settings, resources: Resources | None = None, *, name: str = "scrm") -> Sanic:
    """``resources`` given (tests) are shared, not opened or closed by the app."""
    logs.configure(settings.log_level)
    app = Sanic(name, configure_logging=False)
    app.config.REQUEST_MAX_SIZE = 10 * 1024 * 1024
    app.config.KEEP_ALIVE_TIMEOUT = 30
    app.config.FALLBACK_ERROR_FORMAT = "json"
    # request.remote_addr: the client's address from forwarding headers, trusted only as configured.
    app.config.PROXIES_COUNT = settings.proxies_count
    app.config.REAL_IP_HEADER = settings.real_ip_header or None
    app.ctx.settings = settings
    app.ctx.base_settings = settings  # config.yaml and the environment; run-time settings apply on top
    app.ctx.protocol = Protocol(settings)
    app.ctx.resources = resources
    app.blueprint(wechat_bp)
    app.blueprint(miniapp_bp)
    app.blueprint(miniapp_docs_bp)
    app.blueprint(h5_bp)
    app.blueprint(payments_bp)
    app.blueprint(backoffice_bp)
    if settings.media.storage == "local":  # in production nginx serves these (deploy/nginx.conf)
        media_root = Path(settings.media_dir).resolve()
        media_root.mkdir(parents=True, exist_ok=True)
        app.static(storage.URL_PREFIX, media_root, name="media")
    app.add_route(healthz, "/healthz", methods=["GET"])
    app.add_route(metrics_page, "/metrics", methods=["GET"])
    app.add_route(home, "/", methods=["GET"])

    @app.before_server_start
    async def open_resources(app: Sanic) -> None:
        if app.ctx.resources is None:
            app.ctx.resources = await Resources.open(settings)
            app.ctx.owns_resources = True
            if settings.embedded_redis:
                from app import worker

                app.ctx.worker = worker.build(app.ctx.resources)
                app.ctx.worker_task = asyncio.ensure_future(app.ctx.worker.async_run())

    @app.before_server_start
    async def prepare_chat(app: Sanic) -> None:
        nlp.configure(
            settings.regions, timezone=settings.timezone
        )  # the agency's towns are places (generic names such as 开发区 are not)
        router.prepare()
        app.ctx.replies = dedupe.Replies(app.ctx.resources.redis, settings)
        app.ctx.inbound = Inbound(app.ctx.resources)

    @app.after_server_start
    async def resume_inbound(app: Sanic) -> None:
        app.ctx.inbound.start()

    @app.after_server_start
    async def follow_runtime_settings(app: Sanic) -> None:
        def use(overrides: dict) -> None:
            app.ctx.settings = runtime_settings.apply(app.ctx.settings, settings, overrides)

        app.ctx.settings_task = asyncio.ensure_future(runtime_settings.follow(app.ctx.resources, settings, use))

    @app.before_server_stop
    async def stop_following_settings(app: Sanic) -> None:
        app.ctx.settings_task.cancel()

    # The background writers of what requests queue in Redis: each process's loop, and its last flush at stop.
    writers = (
        (follows.run_writer, follows.flush),
        (tracking.run_ingest, lambda resources: tracking.flush(resources.redis, settings=resources.settings)),
    )

    @app.after_server_start
    async def start_writers(app: Sanic) -> None:
        app.ctx.writer_tasks = [asyncio.ensure_future(run(app.ctx.resources)) for run, _ in writers]

    @app.before_server_stop
    async def stop_writers(app: Sanic) -> None:
        for task in app.ctx.writer_tasks:
            task.cancel()
        for _, flush in writers:
            try:  # bounded: another process may hold the follows writers' lock
                await asyncio.wait_for(flush(app.ctx.resources), follows.LOCK_TTL_MS / 1000)
            except Exception:  # what is left stays queued for the next process
                log.exception("final flush of a background writer failed")

    @app.after_server_stop
    async def close_resources(app: Sanic) -> None:
        if getattr(app.ctx, "inbound", None) is not None:
            await app.ctx.inbound.stop()  # late replies finish before the database closes
        if getattr(app.ctx, "worker", None) is not None:
            await app.ctx.worker.close()
            app.ctx.worker_task.cancel()
        if getattr(app.ctx, "replies", None) is not None:
            await app.ctx.replies.settle()  # replies being cached for WeChat's retries
        if app.ctx.resources is not None:
            await tracking.push(app.ctx.resources.redis)  # events of requests answered after the writer's flush
            await metrics.flush(app.ctx.resources.redis)
        if getattr(app.ctx, "owns_resources", False):
            await app.ctx.resources.close()

    app.on_request(_start_timer)
    app.on_response(_log_request)
    app.error_handler.add(AppError, _app_error)
    app.error_handler.add(ValidationError, _validation_error)
    app.error_handler.add(SanicException, _sanic_error)
    app.error_handler.add(Exception, _unexpected_error)
    return app


async def healthz(request: Request) -> HTTPResponse:
    resources: Resources = request.app.ctx.resources
    status = {"status": "ok", "db": "ok", "redis": "embedded" if resources.settings.embedded_redis else "ok"}
    try:
        await asyncio.wait_for(db.ping(), 2)
    except Exception as exc:  # any failure means "down", whatever the driver raises
        status["db"] = f"down: {type(exc).__name__}"
    try:
        await asyncio.wait_for(resources.redis.ping(), 2)
    except Exception as exc:
        status["redis"] = f"down: {type(exc).__name__}"
    if status["db"] != "ok" or status["redis"] not in ("ok", "embedded"):
        status["status"] = "down"
        return json(status, status=503)
    return json(status)


async def home(request: Request) -> HTTPResponse:
    """People who type the site's address land on the back office (its sign-in when signed out)."""
    return redirect("/bo/")


async def _start_timer(request: Request) -> None:
    request.ctx.started = time.perf_counter()


async def _log_request(request: Request, response: HTTPResponse) -> None:
    started = getattr(request.ctx, "started", None)
    ms = round((time.perf_counter() - started) * 1000, 1) if started else None
    resources: Resources | None = request.app.ctx.resources
    if resources is not None and ms is not None:
        route = f"/{request.route.path}" if request.route is not None else "unmatched"
        metrics.count_request(
            resources.redis,
            timezone=resources.settings.timezone,
            method=request.method,
            route=route,
            status=response.status,
            ms=ms,
        )
    # The path only: query strings carry signatures and tokens.
    log.info(
        "request",
        extra={"fields": {"method": request.method, "path": request.path, "status": response.status, "ms": ms}},
    )


USER_FACING = ("/api/mp/", "/h5/")
"""Paths whose errors people read (in the mini-program, on H5 pages): worded in Chinese by ``miniapp_api.errors``;
elsewhere (callbacks, health checks) the English message stays."""


def _for_users(request: Request) -> bool:
    return request.path.startswith(USER_FACING)


def _app_error(request: Request, exc: AppError) -> HTTPResponse:
    body = api_errors.to_json(exc) if _for_users(request) else exc.to_json()
    return json(body, status=exc.status, headers=exc.headers)


def _validation_error(request: Request, exc: ValidationError) -> HTTPResponse:
    return _app_error(request, from_validation(exc))


def _sanic_error(request: Request, exc: SanicException) -> HTTPResponse:
    status = getattr(exc, "status_code", 500)
    code = {400: "bad_request", 404: "not_found", 405: "method_not_allowed", 413: "too_large"}.get(status, "error")
    if _for_users(request):
        return json(api_errors.body(code), status=status)
    message = str(exc) if status < 500 else "internal error"
    return json({"error": {"code": code, "message": message}}, status=status)


def _unexpected_error(request: Request, exc: Exception) -> HTTPResponse:
    log.error("unhandled error on %s %s", request.method, request.path, exc_info=exc)
    if _for_users(request):
        return json(api_errors.body("internal"), status=500)
    return json({"error": {"code": "internal", "message": "internal error"}}, status=500)
