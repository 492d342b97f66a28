"""Background work on the Redis-backed queue (arq).

A task is an async function ``fn(ctx, *args)`` registered with ``@task``;
``ctx["resources"]`` holds the process's ``Resources``. The web process only
enqueues; ``python -m app worker`` (or, in embedded mode, ``serve`` itself)
runs them.
"""
from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

from services.resources import Resources

TASKS: dict[str, Callable[..., Awaitable[Any]]] = {}


def task(fn: Callable[..., Awaitable[Any]]) -> Callable[..., Awaitable[Any]]:
    TASKS[fn.__name__] = fn
    return fn


async def enqueue(resources: Resources, name: str, *args: Any, job_id: str | None = None, defer_s: float | None = None) -> None:
    """Queue ``name``; the same ``job_id`` is queued at most once."""
    if name not in TASKS:
        raise KeyError(f"unknown task {name!r}")
    await resources.queue.enqueue_job(name, *args, _job_id=job_id, _defer_by=defer_s)


@task
async def send_text(ctx: dict, openid: str, text: str) -> None:
    """A chat answer that missed the passive-reply deadline, as a customer-service message."""
    await ctx["resources"].wechat.message.send_text(openid, text)
