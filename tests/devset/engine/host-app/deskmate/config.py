"""Loading of the desktop host configuration file (the shared ``mcpServers`` layout).

Besides ``mcpServers`` the file may carry ``ui`` (``host``, ``port``, ``logLevel``),
``approvalPolicy`` (``defaultMode``, ``trustReadOnly``, ``allowSampling``) and
``workspaces`` (folders opened on start).
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal, cast, get_args

from pydantic import RootModel

TransportKind = Literal["stdio", "sse", "streamable-http"]
LogLevel = Literal["debug", "info", "notice", "warning", "error", "critical", "alert", "emergency"]

_VAR_PATTERN = re.compile(r"\$\{([A-Za-z_][A-Za-z0-9_]*)(?::-([^}]*))?\}")


class ConfigError(ValueError):
    """Raised when the configuration file cannot be understood."""


class WorkspaceList(RootModel[list[str]]):
    def expanded(self) -> list[Path]:
        return [Path(os.path.expanduser(item)).resolve() for item in self.root]


@dataclass
class ServerEntry:
    name: str
    transport: TransportKind
    command: str | None = None
    args: list[str] = field(default_factory=list)
    env: dict[str, str] = field(default_factory=dict)
    cwd: str | None = None
    url: str | None = None
    headers: dict[str, str] = field(default_factory=dict)
    timeout: float = 30.0
    sse_read_timeout: float = 300.0
    auto_approve: list[str] = field(default_factory=list)
    bearer_token_env: str | None = None
    disabled: bool = False


@dataclass
class UiSettings:
    host: str = "127.0.0.1"
    port: int = 6274
    log_level: LogLevel = "info"


@dataclass
class ApprovalSettings:
    default_mode: Literal["auto", "ask", "deny"] = "ask"
    trust_read_only: bool = True
    allow_sampling: bool = True


@dataclass
class HostConfig:
    servers: dict[str, ServerEntry]
    ui: UiSettings = field(default_factory=UiSettings)
    approvals: ApprovalSettings = field(default_factory=ApprovalSettings)
    workspaces: WorkspaceList = field(default_factory=lambda: WorkspaceList([]))

    def enabled(self) -> list[ServerEntry]:
        return [entry for entry in self.servers.values() if not entry.disabled]


def expand_vars(value: str, environ: Mapping[str, str]) -> str:
    """Expand ``${VAR}`` and ``${VAR:-default}`` references."""

    def _sub(match: re.Match[str]) -> str:
        name, default = match.group(1), match.group(2)
        if name not in environ and default is None:
            raise ConfigError(f"environment variable {name} is not set")
        return environ.get(name, default or "")

    return _VAR_PATTERN.sub(_sub, value)


def _transport(name: str, raw: Mapping[str, Any]) -> TransportKind:
    declared = raw.get("type") or raw.get("transport")
    if declared is None and "command" in raw:
        return "stdio"
    if declared is None and "url" in raw:
        return "sse" if str(raw["url"]).rstrip("/").endswith("/sse") else "streamable-http"
    aliases: dict[Any, TransportKind] = {"stdio": "stdio", "sse": "sse", "http": "streamable-http"}
    aliases["streamable-http"] = "streamable-http"
    if declared not in aliases:
        raise ConfigError(f"server {name!r}: unknown or missing transport {declared!r}")
    return aliases[declared]


def _parse_server(name: str, raw: Mapping[str, Any], environ: Mapping[str, str]) -> ServerEntry:
    def expand(mapping: Any) -> dict[str, str]:
        return {key: expand_vars(str(val), environ) for key, val in dict(mapping or {}).items()}

    entry = ServerEntry(
        name=name,
        transport=_transport(name, raw),
        command=raw.get("command"),
        args=[expand_vars(str(arg), environ) for arg in raw.get("args") or []],
        env=expand(raw.get("env")),
        cwd=expand_vars(raw["cwd"], environ) if raw.get("cwd") else None,
        url=expand_vars(raw["url"], environ) if raw.get("url") else None,
        headers=expand(raw.get("headers")),
        timeout=float(raw.get("timeout", 30.0)),
        sse_read_timeout=float(raw.get("sseReadTimeout", 300.0)),
        auto_approve=list(raw.get("autoApprove") or []),
        bearer_token_env=raw.get("bearerTokenEnv"),
        disabled=bool(raw.get("disabled", False)),
    )
    if not (entry.command if entry.transport == "stdio" else entry.url):
        raise ConfigError(f"server {name!r} needs a command (stdio) or a url (remote)")
    return entry


def parse_config(document: Mapping[str, Any], environ: Mapping[str, str] | None = None) -> HostConfig:
    environ = os.environ if environ is None else environ
    raw_servers = document.get("mcpServers")
    if not isinstance(raw_servers, dict):
        raise ConfigError("configuration has no mcpServers object")
    raw_ui = document.get("ui") or {}
    level = str(raw_ui.get("logLevel", "info")).lower()
    if level not in get_args(LogLevel):
        raise ConfigError(f"unknown log level {level!r}")
    raw_policy = document.get("approvalPolicy") or {}
    return HostConfig(
        servers={name: _parse_server(name, raw, environ) for name, raw in raw_servers.items()},
        ui=UiSettings(host=str(raw_ui.get("host", "127.0.0.1")), port=int(raw_ui.get("port", 6274)), log_level=cast(LogLevel, level)),
        approvals=ApprovalSettings(
            default_mode=raw_policy.get("defaultMode", "ask"),
            trust_read_only=bool(raw_policy.get("trustReadOnly", True)),
            allow_sampling=bool(raw_policy.get("allowSampling", True)),
        ),
        workspaces=WorkspaceList.model_validate(document.get("workspaces") or []),
    )


def load_config(path: str | Path, environ: Mapping[str, str] | None = None) -> HostConfig:
    return parse_config(json.loads(Path(path).read_text(encoding="utf-8")), environ)
