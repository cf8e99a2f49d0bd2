"""Assembly of the data-tools FastMCP server."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from pydantic import AnyUrl

from mcp.server.fastmcp import FastMCP
from mcp.server.transport_security import TransportSecuritySettings
from mcp.types import (
    Completion,
    CompletionArgument,
    CompletionContext,
    Icon,
    LoggingLevel,
    PromptReference,
    ResourceTemplateReference,
)

from datatools.config import ServerConfig
from datatools.prompts import register_prompts
from datatools.resources import register_resources
from datatools.state import AppState
from datatools.store import DatasetStore
from datatools.tools import register_tools

logger = logging.getLogger(__name__)

INSTRUCTIONS = """\
Tools for exploring tabular datasets. Start with the `datasets://index` resource or the
`describe` tool; datasets are also readable as `dataset://{name}/csv` and
`dataset://{name}/schema`. Destructive tools ask the user for confirmation first."""

ICON = Icon(
    src="data:image/svg+xml;base64,PHN2ZyB4bWxucz0iaHR0cDovL3d3dy53My5vcmcvMjAwMC9zdmciLz4=",
    mimeType="image/svg+xml",
    sizes=["any"],
)

MAX_COMPLETIONS = 20


def _security_for(config: ServerConfig) -> TransportSecuritySettings | None:
    if config.is_local or not config.allowed_hosts:
        return None
    hosts = list(config.allowed_hosts)
    return TransportSecuritySettings(allowed_hosts=hosts, allowed_origins=[f"https://{h}" for h in hosts])


def create_server(config: ServerConfig | None = None, store: DatasetStore | None = None) -> FastMCP[AppState]:
    config = config or ServerConfig.from_env()
    shared_store = store if store is not None else DatasetStore.from_catalog(config.data_dir)

    @asynccontextmanager
    async def lifespan(app: FastMCP[AppState]) -> AsyncIterator[AppState]:
        logger.debug("%s: session starting with %d dataset(s)", app.name, len(shared_store))
        yield AppState(store=shared_store, config=config)

    mcp = FastMCP(
        config.name,
        INSTRUCTIONS,
        website_url="https://example.org/data-tools",
        icons=[ICON],
        host=config.host,
        port=config.port,
        mount_path=config.mount_path,
        sse_path=config.sse_path,
        streamable_http_path=config.streamable_http_path,
        json_response=config.json_response,
        stateless_http=config.stateless_http,
        log_level=config.log_level,
        transport_security=_security_for(config),
        lifespan=lifespan,
    )

    register_tools(mcp)
    register_resources(mcp, config.data_dir)
    register_prompts(mcp)
    register_protocol_handlers(mcp)
    return mcp


def register_protocol_handlers(mcp: FastMCP[AppState]) -> None:
    """Handlers FastMCP has no decorator for: subscriptions, log level, completions."""
    lowlevel = mcp._mcp_server

    @lowlevel.subscribe_resource()
    async def subscribe(uri: AnyUrl) -> None:
        ctx = lowlevel.request_context
        state: AppState = ctx.lifespan_context
        state.subscriptions.add(uri, ctx.session)
        logger.debug("subscribed to %s (scheme=%s host=%s)", uri, uri.scheme, uri.host)

    @lowlevel.unsubscribe_resource()
    async def unsubscribe(uri: AnyUrl) -> None:
        ctx = lowlevel.request_context
        state: AppState = ctx.lifespan_context
        state.subscriptions.discard(uri, ctx.session)

    @lowlevel.set_logging_level()
    async def set_logging_level(level: LoggingLevel) -> None:
        state: AppState = lowlevel.request_context.lifespan_context
        state.log_level = level

    @mcp.completion()
    async def complete(
        ref: PromptReference | ResourceTemplateReference,
        argument: CompletionArgument,
        context: CompletionContext | None,
    ) -> Completion | None:
        state = mcp.get_context().request_context.lifespan_context
        resolved: dict[str, str] = (context.arguments or {}) if context else {}

        if argument.name in ("name", "dataset"):
            candidates = state.store.complete(argument.value)
        elif argument.name in ("column", "x", "y"):
            dataset = resolved.get("dataset") or resolved.get("name")
            if isinstance(ref, ResourceTemplateReference) and dataset is None:
                dataset = _dataset_from_uri(ref.uri)
            if not dataset or dataset not in state.store:
                return None
            columns = state.store.get(dataset).frame.column_names
            candidates = [c for c in columns if c.startswith(argument.value)]
        else:
            return None

        return Completion(
            values=candidates[:MAX_COMPLETIONS],
            total=len(candidates),
            hasMore=len(candidates) > MAX_COMPLETIONS,
        )


def _dataset_from_uri(uri: str) -> str | None:
    # "chart://penguins/{column}" -> "penguins"
    _, _, rest = uri.partition("://")
    head = rest.split("/", 1)[0]
    return None if not head or "{" in head else head
