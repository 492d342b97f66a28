"""The terminal chat and the endpoint benchmark, run as an operator runs them against a live server."""

import asyncio
import json
import sys

from tests.conftest import test_environ


async def run_app(env: dict, *args: str, stdin: str = "") -> tuple[int, str]:
    proc = await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "app",
        *args,
        env=env,
        stdin=asyncio.subprocess.PIPE,
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.STDOUT,
    )
    out, _ = await asyncio.wait_for(proc.communicate(stdin.encode()), 120)
    return proc.returncode, out.decode()


async def test_terminal_chat_binds_the_staff_member_and_talks_through_the_signed_endpoint(
    server, make_staff, fake_wechat
):
    await make_staff("张三")
    code, out = await run_app(
        test_environ(fake_wechat.url), "chat", "--as", "张三", "--url", f"{server}/wechat", stdin="帮助\n"
    )
    assert code == 0, out
    assert "绑定成功：张三" in out
    assert "新客户" in out.split("你>", 1)[1]


async def test_bench_bot_prints_throughput_and_latency_as_its_last_line(server, resources, fake_wechat):
    code, out = await run_app(
        test_environ(fake_wechat.url),
        "bench",
        "bot",
        "--url",
        f"{server}/wechat",
        "--n",
        "40",
        "--concurrency",
        "4",
        "--aes",
    )
    assert code == 0, out
    summary = json.loads(out.strip().splitlines()[-1])
    assert summary["n"] == 40 and summary["errors"] == 0
    assert summary["p50_ms"] <= summary["p95_ms"] <= summary["p99_ms"]


async def test_bench_scans_checks_every_follow_is_welcomed_and_attributed_to_its_code(server, resources, fake_wechat):
    code, out = await run_app(
        test_environ(fake_wechat.url),
        "bench",
        "scans",
        "--url",
        f"{server}/wechat",
        "--n",
        "30",
        "--codes",
        "3",
        "--concurrency",
        "5",
        "--aes",
    )
    summary = json.loads(out.strip().splitlines()[-1])
    assert summary["n"] == summary["attributed_right"] == summary["users_stored"] == 30
    assert summary["attributed_twice"] == 0
    # A welcome past the endpoint's deadline (a loaded machine) goes by customer-service message: the bench
    # counts it as an error and exits 1; how fast is the benchmark's business, not this test's.
    assert code == (0 if summary["errors"] == summary["over_deadline"] == 0 else 1), out
