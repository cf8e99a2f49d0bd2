"""The single FastMCP instance used by the host and every plugin."""

from __future__ import annotations

import logging
import platform
import time
from collections.abc import AsyncIterator, Callable, Sequence
from contextlib import AbstractAsyncContextManager, asynccontextmanager
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Literal, cast

from mcp.server.fastmcp import FastMCP
from mcp.server.fastmcp.tools import Tool
from mcp.server.transport_security import TransportSecuritySettings
from mcp.types import ContentBlock, Icon

from pluginhost import __version__
from pluginhost.config import HostConfig

if TYPE_CHECKING:
    from pluginhost.plugins import Plugin

logger = logging.getLogger("pluginhost")

INSTRUCTIONS = (
    "This server hosts a set of plugins. Use the notes tools to keep short notes per topic, "
    "the files resources to inspect bundled assets, and host_status to see what is loaded."
)

LogLevel = Literal["DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL"]


@dataclass
class HostState:
    config: HostConfig
    started_at: float = field(default_factory=time.monotonic)
    calls: dict[str, int] = field(default_factory=dict)
    client_log_level: str = "info"
    subscriptions: set[str] = field(default_factory=set)

    def bump(self, key: str) -> int:
        self.calls[key] = self.calls.get(key, 0) + 1
        return self.calls[key]


_app: FastMCP[HostState] | None = None
_config: HostConfig | None = None
_plugins: list[Plugin] = []


def host_info() -> dict[str, Any]:
    """Describe the running host process."""
    config = get_config()
    return {
        "name": config.name,
        "version": __version__,
        "python": platform.python_version(),
        "transport": config.transport,
        "plugins": [p.name for p in _plugins],
    }


def _make_lifespan(config: HostConfig) -> Callable[[FastMCP[HostState]], AbstractAsyncContextManager[HostState]]:
    @asynccontextmanager
    async def lifespan(server: FastMCP[HostState]) -> AsyncIterator[HostState]:
        state = HostState(config=config)
        logger.debug("starting %s with %d plugins", server.name, len(_plugins))
        try:
            yield state
        finally:
            logger.debug("stopping %s after %s", server.name, state.calls)

    return lifespan


def apply_settings(mcp: FastMCP[Any], config: HostConfig) -> None:
    """Copy the environment-derived configuration onto the server settings."""
    mcp.settings.host = config.host
    mcp.settings.port = config.port
    mcp.settings.mount_path = config.mount_path
    mcp.settings.sse_path = config.sse_path
    mcp.settings.message_path = config.message_path
    mcp.settings.streamable_http_path = config.streamable_http_path
    mcp.settings.json_response = config.json_response
    mcp.settings.stateless_http = config.stateless_http
    mcp.settings.debug = config.debug
    mcp.settings.log_level = cast(LogLevel, config.log_level)
    if not config.is_local:
        mcp.settings.transport_security = TransportSecuritySettings(
            enable_dns_rebinding_protection=True,
            allowed_hosts=[f"{config.host}:*"],
            allowed_origins=[f"http://{config.host}:*", f"https://{config.host}:*"],
        )


def create_app(config: HostConfig | None = None) -> FastMCP[HostState]:
    global _app, _config, _plugins
    from pluginhost.plugins import install_plugins

    config = config or HostConfig.from_env()
    _config = config
    builtin = Tool.from_function(host_info, name="host_info", title="Host information")
    mcp: FastMCP[HostState] = FastMCP(
        config.name,
        INSTRUCTIONS,
        "https://example.invalid/pluginhost",
        [Icon(src="https://example.invalid/pluginhost.png", mimeType="image/png", sizes=["64x64"])],
        tools=[builtin],
        lifespan=_make_lifespan(config),
        warn_on_duplicate_tools=False,
    )
    apply_settings(mcp, config)
    _app = mcp
    _plugins = install_plugins(mcp, config)
    return mcp


def get_app() -> FastMCP:
    """Return the process-wide server, creating it on first use."""
    if _app is None:
        return create_app()
    return _app


def reset_app(config: HostConfig | None = None) -> FastMCP[HostState]:
    """Throw away the current server and build a fresh one (used by tests and the CLI)."""
    global _app
    _app = None
    return create_app(config)


def get_config() -> HostConfig:
    if _config is None:
        get_app()
    assert _config is not None
    return _config


def get_plugins() -> list[Plugin]:
    get_app()
    return list(_plugins)


async def invoke_tool(name: str, arguments: dict[str, Any]) -> tuple[list[ContentBlock], dict[str, Any] | None]:
    """Call a tool in-process (no client) and return ``(content, structured)``."""
    result = await get_app().call_tool(name, arguments)
    if isinstance(result, dict):
        return [], result
    if isinstance(result, tuple):
        content, structured = cast(tuple[Sequence[ContentBlock], dict[str, Any]], result)
        return list(content), structured
    return list(result), None
