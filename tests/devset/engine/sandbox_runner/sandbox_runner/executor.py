"""Run a snippet in a child interpreter, streaming its output."""

from __future__ import annotations

import os
import subprocess
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass

import anyio
from anyio.abc import ByteReceiveStream
from anyio.streams.text import TextReceiveStream

from .limits import Limits

LineCallback = Callable[[str], Awaitable[None]]


class SandboxTimeout(Exception):
    pass


@dataclass
class ExecutionResult:
    exit_code: int
    stdout: str
    stderr: str
    duration_ms: int
    truncated: bool = False


class _Capture:
    def __init__(self, limit: int) -> None:
        self.limit = limit
        self.parts: list[str] = []
        self.size = 0
        self.truncated = False

    def add(self, text: str) -> None:
        room = self.limit - self.size
        if room <= 0:
            self.truncated = True
            return
        if len(text) > room:
            text = text[:room]
            self.truncated = True
        self.parts.append(text)
        self.size += len(text)

    def value(self) -> str:
        return "".join(self.parts)


async def _pump(stream: ByteReceiveStream, capture: _Capture, on_line: LineCallback | None) -> None:
    pending = ""
    async for chunk in TextReceiveStream(stream, errors="replace"):
        capture.add(chunk)
        if on_line is None:
            continue
        pending += chunk
        *lines, pending = pending.split("\n")
        for line in lines:
            await on_line(line)
    if pending and on_line is not None:
        await on_line(pending)


async def run_snippet(
    code: str,
    limits: Limits,
    *,
    timeout: float | None = None,
    stdin: str | None = None,
    on_line: LineCallback | None = None,
) -> ExecutionResult:
    """Execute ``code`` with ``python -I -u``; raises SandboxTimeout, propagates cancellation."""
    effective_timeout = limits.clamp_timeout(timeout)
    env = {"PATH": os.environ.get("PATH", ""), "PYTHONIOENCODING": "utf-8", "PYTHONHASHSEED": "0"}
    started = time.monotonic()
    process = await anyio.open_process(
        [limits.python, "-I", "-u", "-c", code],
        stdin=subprocess.PIPE if stdin is not None else subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        cwd=limits.workdir,
        env=env,
    )
    out, err = _Capture(limits.max_output), _Capture(limits.max_output)
    try:
        with anyio.fail_after(effective_timeout):
            async with anyio.create_task_group() as tg:
                assert process.stdout is not None and process.stderr is not None
                tg.start_soon(_pump, process.stdout, out, on_line)
                tg.start_soon(_pump, process.stderr, err, None)
                if stdin is not None and process.stdin is not None:
                    await process.stdin.send(stdin.encode())
                    await process.stdin.aclose()
            exit_code = await process.wait()
    except TimeoutError:
        raise SandboxTimeout(f"execution timed out after {effective_timeout:g}s") from None
    finally:
        if process.returncode is None:
            with anyio.CancelScope(shield=True):
                process.kill()
                await process.wait()
        with anyio.CancelScope(shield=True):
            await process.aclose()
    return ExecutionResult(
        exit_code=exit_code,
        stdout=out.value(),
        stderr=err.value(),
        duration_ms=int((time.monotonic() - started) * 1000),
        truncated=out.truncated or err.truncated,
    )
