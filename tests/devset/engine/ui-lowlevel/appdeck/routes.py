"""ASGI application: the HTTP prediction API, plus the optional MCP endpoints."""

from __future__ import annotations

import contextlib
import logging
from collections.abc import AsyncIterator
from typing import Any

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import BaseRoute, Route

from appdeck.app import App, RequestInfo
from appdeck.config import ServerSettings

logger = logging.getLogger("appdeck.routes")


def build_asgi_app(app: App, *, mcp_server: bool = False, settings: ServerSettings | None = None) -> Starlette:
    settings = settings or app.settings

    async def health(_: Request) -> Response:
        return JSONResponse({"status": "ok", "app": app.slug, "version": app.version})

    async def config(_: Request) -> Response:
        body: dict[str, Any] = {"title": app.title, "mcpEnabled": mcp_server, **settings.to_public_dict()}
        return JSONResponse(body)

    async def api_info(request: Request) -> Response:
        return JSONResponse(app.api_info(request.query_params.get("cursor")))

    async def predict(request: Request) -> Response:
        name = request.path_params["name"]
        payload = await request.json()
        info = RequestInfo(headers={k.lower(): v for k, v in request.headers.items()})
        try:
            outputs = await app.predict(name, payload.get("data", {}), request=info)
        except KeyError as exc:
            return JSONResponse({"error": str(exc), "isError": True}, status_code=404)
        except Exception as exc:  # the UI shows the message in a toast
            return JSONResponse({"error": str(exc), "isError": True}, status_code=500)
        return JSONResponse({"data": [_jsonable(o) for o in outputs], "isError": False})

    routes: list[BaseRoute] = [
        Route("/healthz", health),
        Route("/config", config),
        Route("/api/info", api_info),
        Route("/api/predict/{name}", predict, methods=["POST"]),
    ]

    lifespan = None
    if mcp_server:
        from appdeck.mcp_server import StreamableHTTPEndpoint

        bridge = app.mcp_server()

        async def schema(_: Request) -> Response:
            return JSONResponse(bridge.describe())

        routes.append(Route(f"{settings.mcp_path}/schema", schema))
        routes.append(Route(settings.mcp_path, endpoint=StreamableHTTPEndpoint(bridge)))
        routes.extend(bridge.sse_routes())

        @contextlib.asynccontextmanager
        async def _lifespan(_: Starlette) -> AsyncIterator[None]:
            async with bridge.http_lifespan():
                logger.info("MCP server for %s listening on %s", app.slug, settings.url(settings.mcp_path))
                yield

        lifespan = _lifespan

    return Starlette(debug=settings.debug, routes=routes, lifespan=lifespan)


def _jsonable(value: Any) -> Any:
    to_payload = getattr(value, "to_payload", None)
    if callable(to_payload):
        return to_payload()
    return value


def serve(app: App, *, mcp_server: bool = False, transport: str = "http") -> None:
    """Blocking entry point used by :meth:`App.launch`."""
    if transport == "stdio":
        import anyio

        anyio.run(app.mcp_server().run_stdio)
        return

    import uvicorn

    settings = app.settings
    asgi = build_asgi_app(app, mcp_server=mcp_server, settings=settings)
    uvicorn.run(asgi, host=settings.host, port=settings.port, root_path=settings.root_path, log_level="info")
