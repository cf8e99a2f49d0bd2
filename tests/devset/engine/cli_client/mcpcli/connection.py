from __future__ import annotations

import shlex
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from datetime import timedelta
from pathlib import Path

from mcp import ClientSession, StdioServerParameters, stdio_client
from mcp.client.session import ListRootsFnT, LoggingFnT, MessageHandlerFnT, SamplingFnT
from mcp.client.stdio import get_default_environment
from mcp.types import Implementation

CLIENT_INFO = Implementation(name="mcpcli", version="0.9.2")


@dataclass
class ServerCommand:
    command_line: str
    env: dict[str, str] = field(default_factory=dict)
    cwd: Path | None = None
    inherit_env: bool = True

    @classmethod
    def parse(cls, command_line: str, env_pairs: list[str] | None = None, cwd: str | None = None) -> ServerCommand:
        env: dict[str, str] = {}
        for pair in env_pairs or []:
            key, sep, value = pair.partition("=")
            if not sep:
                raise ValueError(f"--env expects KEY=VALUE, got {pair!r}")
            env[key] = value
        return cls(command_line, env, Path(cwd) if cwd else None)


def build_parameters(server: ServerCommand) -> StdioServerParameters:
    argv = shlex.split(server.command_line)
    if not argv:
        raise ValueError("empty server command")
    env = get_default_environment() if server.inherit_env else {}
    env.update(server.env)
    return StdioServerParameters(command=argv[0], args=argv[1:], env=env, cwd=server.cwd)


@asynccontextmanager
async def open_session(
    server: ServerCommand,
    *,
    timeout: float = 30.0,
    sampling_callback: SamplingFnT | None = None,
    list_roots_callback: ListRootsFnT | None = None,
    logging_callback: LoggingFnT | None = None,
    message_handler: MessageHandlerFnT | None = None,
) -> AsyncIterator[ClientSession]:
    params = build_parameters(server)
    async with stdio_client(params) as (read, write):
        async with ClientSession(
            read,
            write,
            read_timeout_seconds=timedelta(seconds=timeout),
            sampling_callback=sampling_callback,
            list_roots_callback=list_roots_callback,
            logging_callback=logging_callback,
            message_handler=message_handler,
            client_info=CLIENT_INFO,
        ) as session:
            yield session
