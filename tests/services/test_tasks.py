"""The task registry: tasks run by name on the worker; a retry policy runs a failed task again later."""

import pytest
from arq import Retry

from services import tasks


class Hiccup(Exception):
    pass


@tasks.task(retry=tasks.RetryPolicy(on=(Hiccup,), tries=3, defer_s=7))
async def flaky_for_test(ctx: dict, fail_with: type[Exception] | None) -> str:
    if fail_with is not None:
        raise fail_with()
    return "done"


async def test_a_task_is_registered_under_its_name():
    assert tasks.TASKS["flaky_for_test"] is flaky_for_test
    assert await flaky_for_test({"job_try": 1}, None) == "done"


@pytest.mark.parametrize("job_try", [1, 2])
async def test_a_failure_the_policy_names_is_tried_again_later(job_try):
    with pytest.raises(Retry) as retry:
        await flaky_for_test({"job_try": job_try}, Hiccup)
    assert retry.value.defer_score == 7000


async def test_the_last_try_fails_with_the_error_itself():
    with pytest.raises(Hiccup):
        await flaky_for_test({"job_try": 3}, Hiccup)


async def test_other_errors_are_not_retried():
    with pytest.raises(KeyError):
        await flaky_for_test({"job_try": 1}, KeyError)


async def test_only_a_registered_task_can_be_queued(resources):
    async def not_a_task(ctx: dict) -> None:
        return None

    with pytest.raises(KeyError, match="not_a_task"):
        await tasks.enqueue(resources, not_a_task)
