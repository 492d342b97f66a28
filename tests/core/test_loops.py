"""Background loops: a failing step is retried after a pause that doubles up to a cap, and a success resets it."""

import asyncio

import pytest

from core import loops


async def test_a_failing_step_is_retried_with_a_growing_pause_and_a_success_resets_it(monkeypatch):
    pauses: list[float] = []
    outcomes = iter([OSError, OSError, OSError, OSError, OSError, OSError, None, OSError, asyncio.CancelledError])

    async def sleep(seconds: float) -> None:
        pauses.append(seconds)

    async def step() -> None:
        outcome = next(outcomes)
        if outcome is not None:
            raise outcome("database down")

    monkeypatch.setattr(loops.asyncio, "sleep", sleep)
    with pytest.raises(asyncio.CancelledError):
        await loops.every(0.5, step, what="writing")
    assert pauses == [0.5, 1.0, 2.0, 4.0, 8.0, 16.0, 30.0, 0.5, 1.0]
