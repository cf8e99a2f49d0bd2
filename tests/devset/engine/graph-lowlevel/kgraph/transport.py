"""Entry points: stdio and streamable HTTP."""

from __future__ import annotations

import argparse
import contextlib
import json
import logging
from collections.abc import AsyncIterator, Sequence

import anyio
import uvicorn
from mcp.server.stdio import stdio_server
from mcp.server.streamable_http_manager import StreamableHTTPSessionManager
from mcp.server.transport_security import TransportSecuritySettings
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route
from starlette.types import Receive, Scope, Send

from kgraph.config import Settings
from kgraph.graph import GraphStore
from kgraph.server import KnowledgeGraphServer

logger = logging.getLogger(__name__)


async def serve_stdio(graph: KnowledgeGraphServer) -> None:
    async with stdio_server() as (read_stream, write_stream):
        await graph.server.run(read_stream, write_stream, graph.initialization_options())


class _Endpoint:
    """Plain ASGI app (not a function), so Starlette passes the raw scope through."""

    def __init__(self, manager: StreamableHTTPSessionManager) -> None:
        self.manager = manager

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        await self.manager.handle_request(scope, receive, send)


class HttpService:
    def __init__(self, graph: KnowledgeGraphServer, settings: Settings | None = None) -> None:
        self.graph = graph
        self.settings = settings or graph.settings
        self.session_manager = StreamableHTTPSessionManager(
            app=graph.server,
            json_response=self.settings.json_response,
            stateless=self.settings.stateless_http,
            security_settings=TransportSecuritySettings(allowed_hosts=list(self.settings.allowed_hosts)),
        )
        routes = [
            Route("/healthz", self.health, methods=["GET"]),
            Route(self.settings.streamable_http_path, _Endpoint(self.session_manager), methods=["GET", "POST", "DELETE"]),
        ]
        self.app = Starlette(routes=routes, lifespan=self.lifespan)

    @contextlib.asynccontextmanager
    async def lifespan(self, app: Starlette) -> AsyncIterator[None]:
        async with self.session_manager.run():
            logger.info("knowledge graph listening on %s", self.settings.base_url)
            yield

    async def health(self, request: Request) -> JSONResponse:
        store = self.graph.store
        return JSONResponse({"status": "ok", "entities": len(store), "revision": store.revision, **self.settings.describe()})


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="kgraph", description="Knowledge graph MCP server")
    parser.add_argument("--transport", choices=["stdio", "http"])
    parser.add_argument("--host")
    parser.add_argument("--port", type=int)
    parser.add_argument("--json-response", action="store_true", default=None)
    parser.add_argument("--stateless", action="store_true", default=None)
    parser.add_argument("--seed", help="graph document to load at startup")
    args = parser.parse_args(argv)
    settings = Settings.from_env().with_overrides(
        transport=args.transport,
        host=args.host,
        port=args.port,
        json_response=args.json_response,
        stateless_http=args.stateless,
        seed_file=args.seed,
    )
    logging.basicConfig(level=settings.log_level)
    store = GraphStore()
    if settings.seed_file:
        with open(settings.seed_file, encoding="utf-8") as fh:
            store = GraphStore.from_document(json.load(fh))
    graph = KnowledgeGraphServer(store, settings)
    if settings.transport == "stdio":
        anyio.run(serve_stdio, graph)
    else:
        uvicorn.run(HttpService(graph, settings).app, host=settings.host, port=settings.port)
    return 0
