"""Fixtures shared by the test modules (imported after tests/ is put on sys.path)."""

from __future__ import annotations

import json
import tempfile
from collections.abc import AsyncIterator, Iterator
from contextlib import asynccontextmanager, contextmanager
from dataclasses import dataclass, field
from datetime import timedelta
from pathlib import Path
from typing import Any

import mcp.types as types
from mcp.client.session import ClientSession, ElicitationFnT
from mcp.shared.memory import create_connected_server_and_client_session

from confgate import GatewayServer, create_gateway
from confgate.client import GatewayClient, NotificationRecorder

PNG_BYTES = b"\x89PNG\r\n\x1a\n" + bytes(range(32))

FILES: dict[str, str | bytes] = {
    "app.json": json.dumps({"service": {"name": "billing", "port": 8080}, "features": {"beta": False}}),
    "database.toml": '[pool]\nsize = 5\n\n[primary]\nhost = "db.internal"\n',
    "logging.ini": "[root]\nlevel = INFO\n",
    "envs/staging/app.json": json.dumps({"service": {"port": 8081}}),
    "envs/prod/app.json": json.dumps({"service": {"port": 443}, "features": {"beta": True}}),
    "envs/prod/database.toml": "[pool]\nsize = 50\n",
    "prompts/oncall.md": "---\nname: oncall-brief\narguments: service, env?\n---\nYou are on call for {{service}} in {{env}}.\n",
    "assets/logo.png": PNG_BYTES,
}


@contextmanager
def config_tree() -> Iterator[Path]:
    with tempfile.TemporaryDirectory(prefix="confgate-") as tmp:
        for rel, content in FILES.items():
            target = Path(tmp) / rel
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(content) if isinstance(content, bytes) else target.write_text(content)
        yield Path(tmp)


@dataclass
class Harness:
    server: GatewayServer
    session: ClientSession
    client: GatewayClient
    recorder: NotificationRecorder
    logs: list[types.LoggingMessageNotificationParams] = field(default_factory=list)


@asynccontextmanager
async def open_gateway(
    root: Path, *, elicitation_callback: ElicitationFnT | None = None, **overrides: Any
) -> AsyncIterator[Harness]:
    server = create_gateway(root, page_size=3, **overrides)
    recorder = NotificationRecorder()
    logs: list[types.LoggingMessageNotificationParams] = []

    async def on_log(params: types.LoggingMessageNotificationParams) -> None:
        logs.append(params)

    async with create_connected_server_and_client_session(
        server,
        read_timeout_seconds=timedelta(seconds=10),
        message_handler=recorder,
        logging_callback=on_log,
        elicitation_callback=elicitation_callback,
        client_info=types.Implementation(name="confgate-tests", version="1.0"),
    ) as session:
        yield Harness(server, session, GatewayClient(session), recorder, logs)
