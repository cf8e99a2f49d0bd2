"""The lowlevel MCP server that fronts the ledger database."""

from __future__ import annotations

import logging
from typing import Any

import mcp.types as types
from mcp.server.lowlevel import NotificationOptions, Server
from mcp.server.models import InitializationOptions
from starlette.requests import Request

from ledgerdb import SERVER_NAME, __version__
from ledgerdb.config import GatewaySettings
from ledgerdb.prompts import register_prompts
from ledgerdb.resources import register_resources
from ledgerdb.state import LedgerState, SubscriptionRegistry, make_lifespan
from ledgerdb.tools import register_tools

logger = logging.getLogger(__name__)

INSTRUCTIONS = (
    "Gateway to a double-entry ledger. Amounts are integer cents; positive amounts debit an account. "
    "Use the query tool for ad-hoc SELECTs and read ledger:// resources for accounts and entries."
)


class LedgerServer(Server[LedgerState, Request]):
    def __init__(self, settings: GatewaySettings) -> None:
        self.settings = settings
        self.subscriptions = SubscriptionRegistry()
        super().__init__(SERVER_NAME, __version__, INSTRUCTIONS, lifespan=make_lifespan(settings, self.subscriptions))
        register_tools(self)
        register_resources(self)
        register_prompts(self)

        @self.set_logging_level()
        async def set_logging_level(level: types.LoggingLevel) -> None:
            self.state.log_level = level
            logger.info("client log level set to %s", level)

    @property
    def state(self) -> LedgerState:
        return self.request_context.lifespan_context

    def actor(self) -> str:
        """Who is making the current request; HTTP callers identify themselves with a header."""
        request = self.request_context.request
        if request is None:
            return "local"
        return request.headers.get("x-ledger-actor", "http")

    def get_capabilities(
        self,
        notification_options: NotificationOptions,
        experimental_capabilities: dict[str, dict[str, Any]],
    ) -> types.ServerCapabilities:
        capabilities = super().get_capabilities(notification_options, experimental_capabilities)
        # The base class never advertises subscriptions, even with a subscribe handler registered.
        if capabilities.resources is not None and types.SubscribeRequest in self.request_handlers:
            capabilities.resources.subscribe = True
        return capabilities

    def initialization_options(self) -> InitializationOptions:
        return self.create_initialization_options(
            notification_options=NotificationOptions(resources_changed=True),
            experimental_capabilities={"ledgerdb": {"dialect": "sqlite", "amounts": "cents"}},
        )


def build_server(settings: GatewaySettings | None = None) -> LedgerServer:
    return LedgerServer(settings or GatewaySettings.from_env())
