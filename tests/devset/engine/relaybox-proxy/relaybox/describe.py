"""Summaries of what an upstream server offers, taken from its handshake."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import mcp.types as types
from mcp import ClientSession
from mcp.shared.version import SUPPORTED_PROTOCOL_VERSIONS


def list_changed_features(caps: types.ServerCapabilities) -> set[str]:
    """Which lists the server promises to send ``list_changed`` notifications for."""
    changed: set[str] = set()
    if caps.tools and caps.tools.listChanged:
        changed.add("tools")
    if caps.prompts and caps.prompts.listChanged:
        changed.add("prompts")
    if caps.resources and caps.resources.listChanged:
        changed.add("resources")
    return changed


@dataclass(frozen=True)
class UpstreamInfo:
    name: str
    version: str
    protocol_version: str
    instructions: str | None
    has_tools: bool
    has_resources: bool
    can_subscribe: bool
    has_prompts: bool
    has_completions: bool
    has_logging: bool
    list_changed: frozenset[str]

    @classmethod
    def from_initialize(cls, result: types.InitializeResult) -> UpstreamInfo:
        caps = result.capabilities
        server = result.serverInfo
        return cls(
            name=server.name,
            version=server.version,
            protocol_version=str(result.protocolVersion),
            instructions=result.instructions,
            has_tools=caps.tools is not None,
            has_resources=caps.resources is not None,
            can_subscribe=bool(caps.resources and caps.resources.subscribe),
            has_prompts=caps.prompts is not None,
            has_completions=caps.completions is not None,
            has_logging=caps.logging is not None,
            list_changed=frozenset(list_changed_features(caps)),
        )

    @property
    def protocol_supported(self) -> bool:
        return self.protocol_version in SUPPORTED_PROTOCOL_VERSIONS

    @property
    def features(self) -> list[str]:
        flags = {
            "tools": self.has_tools,
            "resources": self.has_resources,
            "subscribe": self.can_subscribe,
            "prompts": self.has_prompts,
            "completions": self.has_completions,
            "logging": self.has_logging,
        }
        return sorted(name for name, enabled in flags.items() if enabled)


async def snapshot_catalog(session: ClientSession) -> dict[str, Any]:
    """Dump everything an upstream lists, in its wire shape, for diffing."""
    caps = session.get_server_capabilities()
    if caps is None:
        raise RuntimeError("session is not initialized")

    catalog: dict[str, Any] = {}
    if caps.tools is not None:
        listed = await session.list_tools()
        catalog["tools"] = [tool.model_dump(exclude_none=True) for tool in listed.tools]
    if caps.resources is not None:
        resources = await session.list_resources()
        templates = await session.list_resource_templates()
        catalog["resources"] = [r.model_dump(mode="json", exclude_none=True) for r in resources.resources]
        catalog["resourceTemplates"] = [t.model_dump(exclude_none=True) for t in templates.resourceTemplates]
    if caps.prompts is not None:
        prompts = await session.list_prompts()
        catalog["prompts"] = [p.model_dump(exclude_none=True) for p in prompts.prompts]
    return catalog
