"""Stopping the server and worker processes a benchmark or test started."""

from __future__ import annotations

import subprocess


def stop(processes: list[subprocess.Popen], *, timeout: float = 10) -> list[subprocess.Popen]:
    """SIGTERM each, wait, and kill any still running; returns those that had to be killed."""
    for process in processes:
        if process.poll() is None:
            process.terminate()
    killed = []
    for process in processes:
        try:
            process.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
            killed.append(process)
    return killed
