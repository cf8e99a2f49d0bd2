"""Starlette application exposing the pool over HTTP."""

from __future__ import annotations

import logging
from typing import Any

from pydantic import AnyUrl, ValidationError
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route

from restbridge.openapi import build_document
from restbridge.translate import error_to_http, prompt_to_http, resource_to_http, tool_result_to_http
from restbridge.upstreams import UpstreamPool

log = logging.getLogger(__name__)


def _json(status: int, body: dict[str, Any]) -> JSONResponse:
    return JSONResponse(body, status_code=status)


def create_app(pool: UpstreamPool, *, title: str = "MCP REST bridge", lifespan: Any = None) -> Starlette:
    async def openapi(request: Request) -> JSONResponse:
        return JSONResponse(build_document(pool.upstreams, title=title))

    async def list_upstreams(request: Request) -> JSONResponse:
        rows = []
        for name, up in pool.upstreams.items():
            caps = up.capabilities
            rows.append(
                {
                    "name": name,
                    "server": up.server_info.name if up.server_info else None,
                    "version": up.server_info.version if up.server_info else None,
                    "protocol": up.protocol_version,
                    "tools": sorted(up.tools),
                    "resources": bool(caps and caps.resources),
                    "prompts": bool(caps and caps.prompts),
                    "tools_list_changed": bool(caps and caps.tools and caps.tools.listChanged),
                }
            )
        return JSONResponse({"upstreams": rows})

    async def call_tool(request: Request) -> JSONResponse:
        name = request.path_params["upstream"]
        tool = request.path_params["tool"]
        try:
            upstream = pool.get(name)
            if tool not in upstream.tools:
                await upstream.refresh_tools()
            if tool not in upstream.tools:
                return _json(404, {"error": f"{name} has no tool {tool!r}"})
            arguments = await request.json() if await request.body() else {}
            if not isinstance(arguments, dict):
                return _json(400, {"error": "request body must be a JSON object"})
            result = await upstream.session.call_tool(tool, arguments)
        except Exception as exc:  # noqa: BLE001 - every failure becomes an HTTP error
            log.info("tool call %s/%s failed: %s", name, tool, exc)
            return _json(*error_to_http(exc))
        return _json(*tool_result_to_http(result))

    async def read_resource(request: Request) -> JSONResponse:
        name = request.path_params["upstream"]
        raw_uri = request.query_params.get("uri")
        if not raw_uri:
            return _json(400, {"error": "missing ?uri="})
        try:
            uri = AnyUrl(raw_uri)
        except ValidationError:
            return _json(400, {"error": f"not a valid URI: {raw_uri}"})
        try:
            result = await pool.get(name).session.read_resource(uri)
        except Exception as exc:  # noqa: BLE001
            return _json(*error_to_http(exc))
        return _json(*resource_to_http(result))

    async def get_prompt(request: Request) -> JSONResponse:
        name = request.path_params["upstream"]
        prompt = request.path_params["prompt"]
        try:
            body = await request.json() if await request.body() else {}
            arguments = {str(k): str(v) for k, v in dict(body).items()}
            result = await pool.get(name).session.get_prompt(prompt, arguments)
        except Exception as exc:  # noqa: BLE001
            return _json(*error_to_http(exc))
        return _json(*prompt_to_http(result))

    routes = [
        Route("/openapi.json", openapi),
        Route("/upstreams", list_upstreams),
        Route("/u/{upstream}/tools/{tool}", call_tool, methods=["POST"]),
        Route("/u/{upstream}/resources", read_resource),
        Route("/u/{upstream}/prompts/{prompt}", get_prompt, methods=["POST"]),
    ]
    return Starlette(routes=routes, lifespan=lifespan)
