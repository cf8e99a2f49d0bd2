"""Load ~/.config/mcphub/servers.json."""

from __future__ import annotations

import json
import os
from datetime import timedelta
from pathlib import Path
from typing import Any

from mcp import StdioServerParameters
from mcp.client.session_group import ServerParameters, SseServerParameters, StreamableHttpParameters

DEFAULT_PATH = Path(os.environ.get("MCPHUB_CONFIG", "~/.config/mcphub/servers.json")).expanduser()


def parse_server(name: str, raw: dict[str, Any]) -> ServerParameters:
    if "command" in raw:
        return StdioServerParameters(
            command=raw["command"],
            args=raw.get("args", []),
            env=raw.get("env"),
            cwd=raw.get("cwd"),
        )
    url = raw["url"]
    headers = {k: os.path.expandvars(v) for k, v in raw.get("headers", {}).items()}
    if raw.get("transport") == "sse" or url.rstrip("/").endswith("/sse"):
        return SseServerParameters(url=url, headers=headers, timeout=raw.get("timeout", 10), sse_read_timeout=300)
    return StreamableHttpParameters(
        url=url,
        headers=headers,
        timeout=timedelta(seconds=raw.get("timeout", 30)),
        sse_read_timeout=timedelta(minutes=raw.get("read_timeout_min", 5)),
        terminate_on_close=raw.get("terminate_on_close", True),
    )


def load(path: Path = DEFAULT_PATH) -> dict[str, ServerParameters]:
    data = json.loads(path.read_text())
    servers = data.get("mcpServers", data)
    return {name: parse_server(name, raw) for name, raw in servers.items() if not raw.get("disabled")}
