"""resources/* handlers: files, per-environment views and merged views."""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import PurePosixPath
from typing import Any

from pydantic import AnyUrl

import mcp.types as types
from mcp.server.lowlevel import Server
from mcp.server.lowlevel.helper_types import ReadResourceContents

from .catalog import ENV_DIR, PARSEABLE, CatalogError, deep_merge
from .handlers import current_state, entry_to_resource, file_uri, rpc_error, split_uri
from .state import GatewayState


def _template(uri_template: str, name: str, description: str, mime_type: str | None = None) -> types.ResourceTemplate:
    return types.ResourceTemplate(uriTemplate=uri_template, name=name, description=description, mimeType=mime_type)


TEMPLATES = [
    _template("config://files/{path}", "config-file", "Any file below the configuration root."),
    _template("config://env/{env}/{name}", "env-file", "The environment's override of a file, else the base file."),
    _template("config://merged/{env}", "merged-env", "Base files deep-merged with env overrides.", "application/json"),
]


def effective_path(state: GatewayState, env: str, name: str) -> str:
    for candidate in (f"{ENV_DIR}/{env}/{name}", name):
        if candidate in state.catalog.snapshot:
            return candidate
    raise CatalogError(f"{name} is not defined for environment {env}")


def merged_view(state: GatewayState, env: str) -> dict[str, Any]:
    if env not in state.catalog.environments():
        raise CatalogError(f"unknown environment {env!r}")
    merged: dict[str, Any] = {}
    for entry in state.catalog.snapshot.sorted():
        path = PurePosixPath(entry.relpath)
        if len(path.parts) == 1 and path.suffix in PARSEABLE:
            data = state.catalog.load(entry.relpath)
            if f"{ENV_DIR}/{env}/{entry.relpath}" in state.catalog.snapshot:
                data = deep_merge(data, state.catalog.load(f"{ENV_DIR}/{env}/{entry.relpath}"))
            merged[path.stem] = data
    return merged


def read_file(state: GatewayState, relpath: str) -> ReadResourceContents:
    entry = state.catalog.entry(relpath)
    data = state.catalog.read_bytes(relpath)
    meta = {"etag": entry.digest[:12]}
    return ReadResourceContents(data.decode() if entry.is_text else data, mime_type=entry.mime_type, meta=meta)


def register_resource_handlers(server: Server[GatewayState, Any]) -> None:
    @server.list_resources()
    async def list_resources(request: types.ListResourcesRequest) -> types.ListResourcesResult:
        cursor: types.Cursor | None = request.params.cursor if request.params else None
        try:
            page = current_state().catalog.page(cursor)
        except CatalogError as exc:
            raise rpc_error(types.INVALID_PARAMS, str(exc)) from exc
        return types.ListResourcesResult(
            resources=[entry_to_resource(entry) for entry in page["items"]], nextCursor=page["nextCursor"]
        )

    @server.list_resource_templates()
    async def list_templates() -> list[types.ResourceTemplate]:
        return TEMPLATES

    @server.read_resource()
    async def read_resource(uri: AnyUrl) -> Iterable[ReadResourceContents]:
        state = current_state()
        area, path = split_uri(uri)
        try:
            if area == "files":
                return [read_file(state, path)]
            if area == "env":
                env, _, name = path.partition("/")
                return [read_file(state, effective_path(state, env, name))]
            return [ReadResourceContents(json.dumps(merged_view(state, path), sort_keys=True), "application/json")]
        except CatalogError as exc:
            raise rpc_error(types.INVALID_PARAMS, f"Resource not found: {uri}", uri=str(uri)) from exc

    @server.subscribe_resource()
    async def subscribe(uri: AnyUrl) -> None:
        split_uri(uri)
        ctx = server.request_context
        ctx.lifespan_context.hub.subscribe(uri, ctx.session)

    @server.unsubscribe_resource()
    async def unsubscribe(uri: AnyUrl) -> None:
        ctx = server.request_context
        ctx.lifespan_context.hub.unsubscribe(uri, ctx.session)


async def publish_change(state: GatewayState, relpath: str) -> int:
    """Notify watchers of the file itself and of every view derived from it."""
    uris = [file_uri(relpath)]
    parts = PurePosixPath(relpath).parts
    if parts[0] == ENV_DIR and len(parts) >= 3:
        uris += [AnyUrl(f"config://env/{parts[1]}/{'/'.join(parts[2:])}"), AnyUrl(f"config://merged/{parts[1]}")]
    else:
        for env in state.catalog.environments():
            uris += [AnyUrl(f"config://merged/{env}"), AnyUrl(f"config://env/{env}/{relpath}")]
    delivered = 0
    for uri in uris:
        delivered += await state.hub.resource_updated(uri)
    return delivered
