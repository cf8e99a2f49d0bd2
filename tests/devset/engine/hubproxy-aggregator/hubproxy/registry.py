"""The aggregated catalog: every upstream's tools, prompts and resources."""

from __future__ import annotations

import logging
import re
from collections.abc import Mapping, Sequence
from typing import Any

import anyio
import httpx
from pydantic import AnyUrl

import mcp.types as types
from mcp.server.session import ServerSession
from mcp.shared.exceptions import McpError

from hubproxy.config import UpstreamSpec
from hubproxy.upstream import LocalServer, UpstreamConnection, UpstreamUnavailable
from hubproxy.wiretap import WireTap

logger = logging.getLogger(__name__)

META_UPSTREAM = "hubproxy/upstream"


def template_matches(template: str, uri: str) -> bool:
    pattern = "".join(r"[^/]+" if part.startswith("{") else re.escape(part) for part in re.split(r"(\{[^}]*\})", template))
    return re.fullmatch(pattern, uri) is not None


def is_read_only(tool: types.Tool) -> bool:
    return bool(tool.annotations and tool.annotations.readOnlyHint)


class UpstreamRegistry:
    def __init__(
        self, specs: Sequence[UpstreamSpec], *, separator: str = ".",
        local_servers: Mapping[str, LocalServer] | None = None, tap: WireTap | None = None,
    ) -> None:
        self.specs, self.separator, self._local_servers, self._tap = list(specs), separator, local_servers or {}, tap
        self.connections: dict[str, UpstreamConnection] = {}
        self.failures: dict[str, str] = {}
        self._downstream: set[ServerSession] = set()
        self._subscriptions: dict[str, set[ServerSession]] = {}

    async def __aenter__(self) -> UpstreamRegistry:
        for spec in filter(lambda s: s.enabled, self.specs):
            conn = UpstreamConnection(spec, local_servers=self._local_servers, on_change=self._relay_change, tap=self._tap)
            try:
                await conn.connect()
            except (OSError, McpError, UpstreamUnavailable, httpx.HTTPError) as exc:
                logger.warning("upstream %s unavailable: %s", spec.name, exc)
                self.failures[spec.name] = str(exc)
                await conn.close()
                continue
            self.connections[conn.name] = conn
        return self

    async def __aexit__(self, *exc_info: object) -> None:
        # Each connection owns task groups entered in order; unwind LIFO.
        for conn in reversed(list(self.connections.values())):
            await conn.close()
        self.connections.clear()

    def qualify(self, conn: UpstreamConnection, name: str) -> str:
        return f"{conn.name}{self.separator}{name}"

    def split(self, qualified: str) -> tuple[UpstreamConnection, str] | None:
        namespace, sep, rest = qualified.partition(self.separator)
        conn = self.connections.get(namespace)
        return (conn, rest) if conn is not None and sep and rest else None

    def attach(self, session: ServerSession) -> None:
        self._downstream.add(session)

    def subscribe(self, session: ServerSession, uri: AnyUrl) -> None:
        self._subscriptions.setdefault(str(uri), set()).add(session)

    def unsubscribe(self, session: ServerSession, uri: AnyUrl) -> None:
        self._subscriptions.get(str(uri), set()).discard(session)

    async def _relay_change(self, conn: UpstreamConnection, kind: str, uri: str | None) -> None:
        targets = self._subscriptions.get(uri or "", set()) if kind == "updated" else self._downstream
        for session in list(targets):
            try:
                if kind == "tools":
                    await session.send_tool_list_changed()
                elif kind == "prompts":
                    await session.send_prompt_list_changed()
                elif kind == "resources":
                    await session.send_notification(types.ServerNotification(types.ResourceListChangedNotification()))
                elif uri is not None:
                    await session.send_resource_updated(AnyUrl(uri))
            except (anyio.ClosedResourceError, anyio.BrokenResourceError):
                targets.discard(session)
                self._downstream.discard(session)

    async def refresh_stale(self) -> None:
        for conn in self.connections.values():
            await conn.ensure_fresh()

    def tools(self) -> list[types.Tool]:
        return [
            types.Tool(
                name=self.qualify(conn, tool.name),
                title=tool.title,
                description=f"[{conn.name}] {tool.description or ''}".strip(),
                inputSchema=tool.inputSchema,
                outputSchema=tool.outputSchema,
                annotations=tool.annotations,
                _meta={**(tool.meta or {}), META_UPSTREAM: conn.name},
            )
            for conn in self.connections.values()
            for tool in conn.tools.values()
        ]

    def find_tool(self, qualified: str) -> tuple[UpstreamConnection, types.Tool] | None:
        resolved = self.split(qualified)
        if resolved is None or resolved[1] not in resolved[0].tools:
            return None
        return resolved[0], resolved[0].tools[resolved[1]]

    def prompts(self) -> list[types.Prompt]:
        return [p.model_copy(update={"name": self.qualify(c, p.name)}) for c in self.connections.values() for p in c.prompts.values()]

    def resources(self) -> list[types.Resource]:
        seen: dict[str, types.Resource] = {}
        for conn in self.connections.values():
            for key, res in conn.resources.items():
                meta = {**(res.meta or {}), META_UPSTREAM: conn.name}
                seen.setdefault(key, types.Resource(uri=res.uri, name=res.name, mimeType=res.mimeType, _meta=meta))
        return list(seen.values())

    def templates(self) -> list[types.ResourceTemplate]:
        return [t.model_copy(update={"name": self.qualify(c, t.name)}) for c in self.connections.values() for t in c.templates]

    def resolve_resource(self, uri: AnyUrl | str) -> UpstreamConnection | None:
        key = str(uri)
        for conn in self.connections.values():
            if key in conn.resources or any(template_matches(t.uriTemplate, key) for t in conn.templates):
                return conn
        return None

    def status(self) -> dict[str, Any]:
        upstreams: dict[str, Any] = {}
        for name, conn in self.connections.items():
            assert conn.init_result is not None
            caps = conn.init_result.capabilities
            info = conn.init_result.serverInfo
            upstreams[name] = {
                "server": info.name,
                "version": info.version,
                "protocolVersion": conn.init_result.protocolVersion,
                "toolsListChanged": bool(caps.tools and caps.tools.listChanged),
                "resourceHosts": sorted({f"{r.uri.scheme}://{r.uri.host}" for r in conn.resources.values()}),
                "latencyMs": conn.last_latency_ms,
                "timeouts": conn.timeouts,
                "relayed": dict(conn.bridge.relayed),
            }
        return {"upstreams": upstreams, "failures": dict(self.failures)}
