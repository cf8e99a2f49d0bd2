"""Load server definitions from a claude_desktop_config.json-style file.

No MCP imports here: this only deals with JSON on disk.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from pathlib import Path

DEFAULT_LOCATIONS = [Path("mcp.json"), Path.home() / ".config" / "mcp" / "servers.json"]


@dataclass
class ServerEntry:
    name: str
    command: str
    args: list[str] = field(default_factory=list)
    env: dict[str, str] = field(default_factory=dict)
    cwd: str | None = None

    def expanded_env(self) -> dict[str, str]:
        return {k: os.path.expandvars(v) for k, v in self.env.items()}


class ConfigError(Exception):
    """Raised for a missing or malformed config file."""


def find_config(explicit: str | None = None) -> Path:
    if explicit:
        path = Path(explicit).expanduser()
        if not path.exists():
            raise ConfigError(f"config file {path} does not exist")
        return path
    for candidate in DEFAULT_LOCATIONS:
        if candidate.exists():
            return candidate
    raise ConfigError("no MCP server config found; pass --config")


def load_servers(path: Path) -> dict[str, ServerEntry]:
    raw = json.loads(path.read_text())
    servers = raw.get("mcpServers", raw)
    entries: dict[str, ServerEntry] = {}
    for name, spec in servers.items():
        if "command" not in spec:
            raise ConfigError(f"server {name!r} has no command")
        entries[name] = ServerEntry(
            name=name,
            command=spec["command"],
            args=list(spec.get("args", [])),
            env=dict(spec.get("env", {})),
            cwd=spec.get("cwd"),
        )
    return entries
