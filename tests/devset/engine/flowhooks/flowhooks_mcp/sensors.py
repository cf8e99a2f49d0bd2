"""Sensors that wait for a condition on an MCP server."""

from __future__ import annotations

import json
import re
from typing import Any

import anyio

from mcp.shared.exceptions import McpError
from mcp.types import INVALID_PARAMS

from flowhooks_mcp.base import BaseSensor, TaskContext
from flowhooks_mcp.hooks import McpHook


class McpResourceSensor(BaseSensor):
    """Poke a resource until its text matches ``pattern`` (regex) or its JSON has ``json_key`` truthy.

    A resource that does not exist yet (the server answers with an error) counts as "not yet".
    """

    def __init__(
        self,
        *,
        mcp_conn_id: str,
        uri: str,
        pattern: str | None = None,
        json_key: str | None = None,
        hook: McpHook | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(**kwargs)
        if not pattern and not json_key:
            raise ValueError("McpResourceSensor needs pattern= or json_key=")
        self.uri = uri
        self.pattern = re.compile(pattern) if pattern else None
        self.json_key = json_key
        self.hook = hook or McpHook(mcp_conn_id)
        self.last_mime_type: str | None = None

    async def _read(self) -> str | None:
        try:
            text, mime = await self.hook.read_text(self.uri)
        except McpError as exc:
            # v1 servers answer unknown resources with code 0 or INVALID_PARAMS
            if exc.error.code in (0, INVALID_PARAMS):
                self.log.info("resource %s not available yet: %s", self.uri, exc.error.message)
                return None
            raise
        self.last_mime_type = mime
        return text

    def poke(self, context: TaskContext) -> bool:
        text = anyio.run(self._read)
        if text is None:
            return False
        if self.pattern is not None and self.pattern.search(text):
            return True
        if self.json_key and (self.last_mime_type or "").endswith("json"):
            try:
                data = json.loads(text)
            except ValueError:
                return False
            if isinstance(data, dict) and data.get(self.json_key):
                context.xcom_push("sensor_payload", data)
                return True
        return False


class McpToolAvailableSensor(BaseSensor):
    """Wait until a server advertises a tool (e.g. after a plugin finished loading)."""

    def __init__(self, *, mcp_conn_id: str, tool_name: str, hook: McpHook | None = None, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.tool_name = tool_name
        self.hook = hook or McpHook(mcp_conn_id)

    async def _names(self) -> list[str]:
        async with self.hook.get_session() as session:
            return await self.hook.list_tool_names(session)

    def poke(self, context: TaskContext) -> bool:
        names = anyio.run(self._names)
        self.log.debug("tools on %s: %s", self.hook.mcp_conn_id, names)
        return self.tool_name in names
