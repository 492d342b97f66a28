"""Background work on the Redis-backed queue (arq).

A task is an async function ``fn(ctx, *args)`` registered with ``@task()``;
``ctx["resources"]`` holds the process's ``Resources``. The web process only
enqueues (``enqueue(resources, fn, *args)``); ``python -m app worker`` (or, in
embedded mode, ``serve`` itself) runs them. ``@task(retry=RetryPolicy(...))``
runs a task again later when it fails with one of the policy's errors, such
as an outside service's momentary failure.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Coroutine
from dataclasses import dataclass
from typing import Any

from arq import Retry

from services.resources import Resources

Task = Callable[..., Coroutine[Any, Any, Any]]
TASKS: dict[str, Task] = {}


@dataclass(frozen=True)
class RetryPolicy:
    """Run the task again ``defer_s`` later when it raises one of ``on``, up to ``tries`` runs in all."""

    on: tuple[type[Exception], ...]
    tries: int = 3
    defer_s: float = 5


def task(*, retry: RetryPolicy | None = None) -> Callable[[Task], Task]:
    """Register the decorated function as a task under its name."""

    def register(fn: Task) -> Task:
        registered = fn if retry is None else _retrying(fn, retry)
        TASKS[fn.__name__] = registered
        return registered

    return register


def _retrying(fn: Task, policy: RetryPolicy) -> Task:
    @functools.wraps(fn)
    async def run(ctx: dict, *args: Any, **kwargs: Any) -> Any:
        try:
            return await fn(ctx, *args, **kwargs)
        except policy.on:
            if ctx.get("job_try", 1) < policy.tries:
                raise Retry(defer=policy.defer_s) from None
            raise

    return run


async def enqueue(
    resources: Resources, fn: Task, *args: Any, job_id: str | None = None, defer_s: float | None = None
) -> None:
    """Queue the task ``fn``; the same ``job_id`` is queued at most once."""
    if TASKS.get(fn.__name__) is not fn:
        raise KeyError(f"{fn.__name__!r} is not a registered task")
    await resources.queue.enqueue_job(fn.__name__, *args, _job_id=job_id, _defer_by=defer_s)
