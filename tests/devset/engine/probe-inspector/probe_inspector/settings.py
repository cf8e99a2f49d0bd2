"""Inspector configuration, read from the ``mcpServers`` layout desktop hosts use.

No protocol imports here: the shell completion script loads this module and must start fast.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

TRANSPORT_ALIASES = {"stdio": "stdio", "sse": "sse", "http": "streamable-http", "streamable-http": "streamable-http",
                     "streamableHttp": "streamable-http", "http-pooled": "streamable-http-client", "ws": "websocket"}


class ConfigError(ValueError):
    pass


@dataclass
class ServerEntry:
    name: str
    transport: str = "stdio"
    command: str | None = None
    args: list[str] = field(default_factory=list)
    env: dict[str, str] = field(default_factory=dict)
    cwd: str | None = None
    url: str | None = None
    headers: dict[str, str] = field(default_factory=dict)
    bearer_token: str | None = None
    host: str = "127.0.0.1"
    port: int = 8000
    sse_path: str = "/sse"
    streamable_http_path: str = "/mcp"
    terminate_on_close: bool = True

    def endpoint(self) -> str:
        if self.url:
            return self.url
        if self.transport == "stdio":
            raise ConfigError(f"server {self.name!r} uses stdio and has no URL")
        path = self.sse_path if self.transport == "sse" else self.streamable_http_path
        return f"{'ws' if self.transport == 'websocket' else 'http'}://{self.host}:{self.port}{path}"


@dataclass
class InspectorSettings:
    servers: dict[str, ServerEntry] = field(default_factory=dict)
    read_timeout_seconds: float = 30.0
    sampling_reply: str = "(probe-inspector) {last}"
    auto_accept_elicitation: bool = False
    elicitation_answers: dict[str, Any] = field(default_factory=dict)
    roots: list[str] = field(default_factory=list)


def _entry_from_json(name: str, raw: dict[str, Any]) -> ServerEntry:
    kind = raw.get("type") or ("stdio" if "command" in raw else "streamable-http")
    if kind not in TRANSPORT_ALIASES:
        raise ConfigError(f"server {name!r}: unsupported transport {kind!r}")
    return ServerEntry(
        name=name,
        transport=TRANSPORT_ALIASES[kind],
        command=raw.get("command"),
        args=[str(a) for a in raw.get("args", [])],
        env={str(k): str(v) for k, v in raw.get("env", {}).items()},
        url=raw.get("url") or raw.get("serverUrl"),
        headers=dict(raw.get("headers", {})),
        bearer_token=raw.get("bearerToken"),
        host=raw.get("host", "127.0.0.1"),
        port=int(raw.get("port", 8000)),
        sse_path=raw.get("ssePath", "/sse"),
        streamable_http_path=raw.get("streamableHttpPath", "/mcp"),
        terminate_on_close=bool(raw.get("terminateOnClose", True)),
    )


def settings_from_dict(raw: dict[str, Any]) -> InspectorSettings:
    inspector = raw.get("inspector", {})
    return InspectorSettings(
        servers={name: _entry_from_json(name, spec) for name, spec in raw.get("mcpServers", {}).items()},
        read_timeout_seconds=float(inspector.get("readTimeoutSeconds", 30.0)),
        sampling_reply=inspector.get("samplingReply", InspectorSettings.sampling_reply),
        auto_accept_elicitation=bool(inspector.get("autoAcceptElicitation", False)),
        elicitation_answers=dict(inspector.get("elicitationAnswers", {})),
        roots=list(inspector.get("roots", [])),
    )


def load_settings(path: Path | str) -> InspectorSettings:
    try:
        raw = json.loads(Path(path).read_text(encoding="utf-8"))
    except json.JSONDecodeError as exc:
        raise ConfigError(f"{path}: {exc}") from exc
    return settings_from_dict(raw)


class ConfigTree:
    """Finds the config file for a project directory."""

    FILENAMES = ("probe-inspector.json", ".mcp.json", "mcp.json")

    def __init__(self, root: Path | str | None = None) -> None:
        self._root = Path(root) if root is not None else Path.cwd()

    @property
    def root(self) -> Path:
        return self._root

    def load(self) -> InspectorSettings:
        for name in self.FILENAMES:
            if (self.root / name).is_file():
                return load_settings(self.root / name)
        return InspectorSettings()
