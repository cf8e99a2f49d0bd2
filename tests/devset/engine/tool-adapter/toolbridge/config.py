"""Connection configuration for the MCP servers an agent talks to.

Connections are plain dicts (TypedDicts) so they can be loaded straight from a
JSON file in the ``mcpServers`` layout used by desktop clients.
"""

from __future__ import annotations

import json
from datetime import timedelta
from pathlib import Path
from typing import Any, Literal, TypedDict

import httpx
from typing_extensions import NotRequired

from mcp import StdioServerParameters
from mcp.client.session_group import ServerParameters, SseServerParameters, StreamableHttpParameters
from mcp.client.stdio import get_default_environment
from mcp.server.fastmcp import FastMCP
from mcp.server.lowlevel import Server
from mcp.shared._httpx_utils import McpHttpClientFactory

DEFAULT_HTTP_TIMEOUT = timedelta(seconds=30)
DEFAULT_SSE_READ_TIMEOUT = timedelta(minutes=5)
DEFAULT_SESSION_READ_TIMEOUT = timedelta(seconds=60)

class StdioConnection(TypedDict):
    transport: Literal["stdio"]
    command: str
    args: list[str]
    env: NotRequired[dict[str, str] | None]
    cwd: NotRequired[str | Path | None]
    inherit_env: NotRequired[bool]


class SSEConnection(TypedDict):
    transport: Literal["sse"]
    url: str
    headers: NotRequired[dict[str, Any] | None]
    timeout: NotRequired[float]
    sse_read_timeout: NotRequired[float]
    auth: NotRequired[httpx.Auth]
    httpx_client_factory: NotRequired[McpHttpClientFactory]


class StreamableHttpConnection(TypedDict):
    transport: Literal["streamable_http"]
    url: str
    headers: NotRequired[dict[str, str] | None]
    timeout: NotRequired[timedelta]
    sse_read_timeout: NotRequired[timedelta]
    terminate_on_close: NotRequired[bool]
    auth: NotRequired[httpx.Auth]
    httpx_client_factory: NotRequired[McpHttpClientFactory]


class InMemoryConnection(TypedDict):
    """Connect to a server object living in the same process (tests, embedding)."""

    transport: Literal["memory"]
    server: FastMCP | Server[Any, Any]
    raise_exceptions: NotRequired[bool]


Connection = StdioConnection | SSEConnection | StreamableHttpConnection | InMemoryConnection


class ConfigError(ValueError):
    pass


class BearerAuth(httpx.Auth):
    """Static bearer token."""

    def __init__(self, token: str) -> None:
        self.token = token

    def auth_flow(self, request: httpx.Request):
        request.headers["Authorization"] = f"Bearer {self.token}"
        response: httpx.Response = yield request
        if response.status_code == httpx.codes.UNAUTHORIZED:
            response.read()


def stdio_parameters(conn: StdioConnection) -> StdioServerParameters:
    env: dict[str, str] = get_default_environment() if conn.get("inherit_env", True) else {}
    env.update(conn.get("env") or {})
    return StdioServerParameters(
        command=conn["command"],
        args=list(conn["args"]),
        env=env,
        cwd=conn.get("cwd"),
    )


def to_server_parameters(conn: Connection) -> ServerParameters:
    """Translate a connection dict into the parameter models ClientSessionGroup understands."""
    if conn["transport"] == "stdio":
        return stdio_parameters(conn)
    if conn["transport"] == "sse":
        return SseServerParameters(
            url=conn["url"],
            headers=conn.get("headers"),
            timeout=conn.get("timeout", 5),
            sse_read_timeout=conn.get("sse_read_timeout", 300),
        )
    if conn["transport"] == "streamable_http":
        return StreamableHttpParameters(
            url=conn["url"],
            headers=conn.get("headers"),
            timeout=conn.get("timeout", DEFAULT_HTTP_TIMEOUT),
            sse_read_timeout=conn.get("sse_read_timeout", DEFAULT_SSE_READ_TIMEOUT),
            terminate_on_close=conn.get("terminate_on_close", True),
        )
    raise ConfigError("in-memory connections have no server parameters")


def _seconds(value: Any, field_name: str) -> timedelta:
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return timedelta(seconds=float(value))
    raise ConfigError(f"{field_name} must be a number of seconds, got {value!r}")


def parse_connection(name: str, raw: dict[str, Any]) -> Connection:
    """Parse one entry of an ``mcpServers`` config block."""
    transport = str(raw.get("transport") or raw.get("type") or ("stdio" if "command" in raw else "http"))
    transport = transport.replace("-", "_")
    if transport == "stdio":
        stdio: StdioConnection = {
            "transport": "stdio",
            "command": str(raw["command"]),
            "args": [str(a) for a in raw.get("args", [])],
        }
        if raw.get("env"):
            stdio["env"] = {str(k): str(v) for k, v in raw["env"].items()}
        return stdio

    url, headers = raw.get("url"), raw.get("headers")
    if not url:
        raise ConfigError(f"server {name!r}: {transport} connection needs a url")
    auth = BearerAuth(raw["bearerToken"]) if raw.get("bearerToken") else None
    if transport == "sse":
        sse: SSEConnection = {"transport": "sse", "url": url, "headers": headers}
        if "timeout" in raw:
            sse["timeout"] = float(raw["timeout"])
        if auth is not None:
            sse["auth"] = auth
        return sse
    if transport not in ("streamable_http", "http"):
        raise ConfigError(f"server {name!r}: unknown transport {transport!r}")
    http: StreamableHttpConnection = {"transport": "streamable_http", "url": url, "headers": headers}
    if "timeout" in raw:
        http["timeout"] = _seconds(raw["timeout"], "timeout")
    if "sseReadTimeout" in raw:
        http["sse_read_timeout"] = _seconds(raw["sseReadTimeout"], "sseReadTimeout")
    if auth is not None:
        http["auth"] = auth
    return http


def parse_config(document: dict[str, Any]) -> dict[str, Connection]:
    servers = document.get("mcpServers", document)
    if not isinstance(servers, dict):
        raise ConfigError("mcpServers must be an object")
    return {str(name): parse_connection(str(name), dict(entry)) for name, entry in servers.items()}


def load_config_file(path: str | Path) -> dict[str, Connection]:
    return parse_config(json.loads(Path(path).read_text(encoding="utf-8")))
