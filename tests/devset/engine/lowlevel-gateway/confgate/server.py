"""Gateway factory: builds a lowlevel MCP server over a configuration directory."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

import mcp.types as types
from mcp.server.lowlevel import NotificationOptions, Server
from mcp.server.models import InitializationOptions

from .completions import register_completion_handler
from .handlers import current_state
from .prompts import register_prompt_handlers
from .resources import register_resource_handlers
from .settings import GatewaySettings, load_settings
from .state import GatewayState
from .tools import register_tool_handlers

logger = logging.getLogger("confgate")

class GatewayServer(Server[GatewayState, Any]):
    """A lowlevel server that also advertises subscriptions and list-changed support."""

    def __init__(self, settings: GatewaySettings, state: GatewayState) -> None:
        @asynccontextmanager
        async def lifespan(_server: Server[GatewayState, Any]) -> AsyncIterator[GatewayState]:
            state.connections += 1
            state.catalog.refresh()
            try:
                yield state
            finally:
                state.connections -= 1

        super().__init__(settings.name, settings.version, settings.instructions, lifespan=lifespan)
        self.settings = settings
        self.state = state

    def get_capabilities(
        self,
        notification_options: NotificationOptions,
        experimental_capabilities: dict[str, dict[str, Any]],
    ) -> types.ServerCapabilities:
        capabilities = super().get_capabilities(notification_options, experimental_capabilities)
        if capabilities.resources is not None and types.SubscribeRequest in self.request_handlers:
            capabilities.resources = types.ResourcesCapability(
                subscribe=True, listChanged=capabilities.resources.listChanged
            )
        return capabilities

    def create_initialization_options(
        self,
        notification_options: NotificationOptions | None = None,
        experimental_capabilities: dict[str, dict[str, Any]] | None = None,
    ) -> InitializationOptions:
        return super().create_initialization_options(
            notification_options or NotificationOptions(prompts_changed=True, resources_changed=True),
            experimental_capabilities or {"confgate": {"writes": self.settings.allow_writes}},
        )


def register_logging_handlers(server: GatewayServer) -> None:
    @server.set_logging_level()
    async def set_level(level: types.LoggingLevel) -> None:
        current_state().log_levels[server.request_context.session] = level

    @server.progress_notification()
    async def client_progress(token: str | int, progress: float, total: float | None, message: str | None) -> None:
        # Clients report how far they got applying a change set we handed out.
        server.state.client_progress[token] = progress / total if total else progress


def create_gateway(root: Path | str | GatewaySettings, **overrides: Any) -> GatewayServer:
    settings = root if isinstance(root, GatewaySettings) else load_settings(root, **overrides)
    if not settings.root.is_dir():
        raise FileNotFoundError(f"config root {settings.root} is not a directory")
    server = GatewayServer(settings, GatewayState.create(settings))
    register_resource_handlers(server)
    register_prompt_handlers(server)
    register_completion_handler(server)
    register_tool_handlers(server)
    register_logging_handlers(server)
    logger.info("gateway %s serving %d files", settings.name, len(server.state.catalog.snapshot.root))
    return server
