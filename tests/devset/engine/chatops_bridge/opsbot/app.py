"""The bot process: reads chat events from a queue and runs each command in its own task."""

from __future__ import annotations

import json
import logging
import os
import signal
import sys
from datetime import timedelta

import anyio
from anyio.abc import TaskGroup
from anyio.streams.memory import MemoryObjectReceiveStream, MemoryObjectSendStream

from .commands import CommandRouter, Invocation
from .elicit import ChannelElicitor, ChatClient
from .pool import ServerConfig, SessionPool
from .tracing import SpanBuffer

log = logging.getLogger("opsbot")

COMMAND_DEADLINE = 180.0


class ConsoleChat:
    """Stand-in for the Slack/Discord client: prints to stdout."""

    async def post(self, channel: str, text: str, *, thread: str | None = None) -> None:
        prefix = f"#{channel}" + (f" (thread {thread})" if thread else "")
        print(f"{prefix}: {text}", flush=True)


def load_servers() -> list[ServerConfig]:
    raw = json.loads(os.environ.get("OPSBOT_SERVERS", "{}"))
    configs: list[ServerConfig] = []
    for label, spec in raw.items():
        configs.append(
            ServerConfig(
                label=label,
                url=spec["url"],
                transport=spec.get("transport", "http"),
                token=spec.get("token"),
                request_timeout=timedelta(seconds=float(spec.get("timeout", 45))),
            )
        )
    return configs


async def _run_one(router: CommandRouter, chat: ChatClient, inv: Invocation) -> None:
    with anyio.move_on_after(COMMAND_DEADLINE) as scope:
        await router.handle(inv)
    if scope.cancelled_caught:
        await chat.post(inv.channel, f"<@{inv.user}> gave up after {COMMAND_DEADLINE:.0f}s")


async def consume(
    events: MemoryObjectReceiveStream[Invocation], router: CommandRouter, elicitor: ChannelElicitor, tg: TaskGroup
) -> None:
    async with events:
        async for inv in events:
            if inv.text.startswith("/answer "):
                if not elicitor.answer(inv.channel, inv.user, inv.text.removeprefix("/answer ")):
                    await router.chat.post(inv.channel, "nothing is waiting for an answer from you")
                continue
            tg.start_soon(_run_one, router, router.chat, inv)


async def read_stdin(events: MemoryObjectSendStream[Invocation]) -> None:
    """Development input: lines of ``channel user /mcp ...``."""
    async with events:
        async for line in anyio.wrap_file(sys.stdin):
            parts = line.strip().split(" ", 2)
            if len(parts) == 3:
                text = parts[2].removeprefix("/mcp ").strip()
                await events.send(Invocation(channel=parts[0], user=parts[1], text=text))


async def watch_signals(scope: anyio.CancelScope) -> None:
    with anyio.open_signal_receiver(signal.SIGINT, signal.SIGTERM) as signals:
        async for signum in signals:
            log.info("received %s, shutting down", signal.Signals(signum).name)
            scope.cancel()
            return


async def main() -> None:
    logging.basicConfig(level=logging.INFO)
    chat = ConsoleChat()
    spans = SpanBuffer()
    elicitor = ChannelElicitor(chat)
    pool = SessionPool(load_servers(), spans, elicitation_callback=elicitor)
    router = CommandRouter(pool, chat, elicitor, spans)
    send, receive = anyio.create_memory_object_stream[Invocation](max_buffer_size=64)
    try:
        async with anyio.create_task_group() as tg:
            tg.start_soon(watch_signals, tg.cancel_scope)
            tg.start_soon(read_stdin, send)
            tg.start_soon(consume, receive, router, elicitor, tg)
    finally:
        await pool.aclose()


if __name__ == "__main__":
    anyio.run(main)
