"""The merged, namespaced view of every upstream's tools, resources and prompts."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from pydantic import AnyUrl

import mcp.types as types

from mcpgate import errors
from mcpgate.naming import namespace_uri, qualify

GATEWAY_META_KEY = "io.mcpgate/upstream"


@dataclass(frozen=True)
class ToolRoute:
    upstream: str
    public_name: str
    tool: types.Tool

    def public_tool(self) -> types.Tool:
        meta = {**(self.tool.meta or {}), GATEWAY_META_KEY: {"server": self.upstream, "name": self.tool.name}}
        return types.Tool(
            name=self.public_name,
            title=self.tool.title,
            description=f"[{self.upstream}] {self.tool.description or ''}".rstrip(),
            inputSchema=self.tool.inputSchema,
            outputSchema=self.tool.outputSchema,
            annotations=self.tool.annotations,
            icons=self.tool.icons,
            _meta=meta,
        )


@dataclass(frozen=True)
class ResourceRoute:
    upstream: str
    public_uri: AnyUrl
    resource: types.Resource

    @property
    def public_name(self) -> str:
        return f"{self.upstream}:{self.resource.name}"


@dataclass(frozen=True)
class PromptRoute:
    upstream: str
    public_name: str
    prompt: types.Prompt


@dataclass
class CatalogDiff:
    tools_added: list[ToolRoute] = field(default_factory=list)
    tools_removed: list[str] = field(default_factory=list)
    resources_added: list[ResourceRoute] = field(default_factory=list)
    resources_removed: list[str] = field(default_factory=list)
    prompts_added: list[PromptRoute] = field(default_factory=list)
    prompts_removed: list[str] = field(default_factory=list)

    @property
    def tools_changed(self) -> bool:
        old = set(self.tools_removed)
        return old != {route.public_name for route in self.tools_added}


class Catalog:
    def __init__(self, separator: str = ".") -> None:
        self.separator = separator
        self.tools: dict[str, ToolRoute] = {}
        self.resources: dict[str, ResourceRoute] = {}
        self.prompts: dict[str, PromptRoute] = {}

    def replace_upstream(
        self,
        upstream: str,
        prefix: str,
        *,
        tools: list[types.Tool],
        resources: list[types.Resource],
        prompts: list[types.Prompt],
    ) -> CatalogDiff:
        new_tools = {qualify(prefix, t.name, self.separator): t for t in tools}
        new_resources = {namespace_uri(prefix, str(r.uri)): r for r in resources}
        new_prompts = {qualify(prefix, p.name, self.separator): p for p in prompts}
        for kind, mine, existing in (
            ("tools", new_tools, self.tools),
            ("resources", new_resources, self.resources),
            ("prompts", new_prompts, self.prompts),
        ):
            clash = {key for key in mine if key in existing and existing[key].upstream != upstream}
            if clash:
                raise errors.name_collision(kind, clash, upstream)

        diff = self.drop_upstream(upstream)
        for name, tool in new_tools.items():
            self.tools[name] = ToolRoute(upstream, name, tool)
            diff.tools_added.append(self.tools[name])
        for uri, resource in new_resources.items():
            self.resources[uri] = ResourceRoute(upstream, AnyUrl(uri), resource)
            diff.resources_added.append(self.resources[uri])
        for name, prompt in new_prompts.items():
            self.prompts[name] = PromptRoute(upstream, name, prompt)
            diff.prompts_added.append(self.prompts[name])
        return diff

    def drop_upstream(self, upstream: str) -> CatalogDiff:
        diff = CatalogDiff()
        for removed, table in (
            (diff.tools_removed, self.tools),
            (diff.resources_removed, self.resources),
            (diff.prompts_removed, self.prompts),
        ):
            removed.extend(key for key, route in table.items() if route.upstream == upstream)
            for key in removed:
                del table[key]
        return diff

    def resource(self, public_uri: AnyUrl | str) -> ResourceRoute:
        try:
            return self.resources[str(public_uri)]
        except KeyError:
            raise errors.unknown_route("resource", str(public_uri)) from None

    def resource_for_upstream(self, upstream: str, uri: AnyUrl | str) -> ResourceRoute | None:
        return next(
            (r for r in self.resources.values() if r.upstream == upstream and str(r.resource.uri) == str(uri)),
            None,
        )

    def counts(self) -> dict[str, int]:
        return {
            "tools": len(self.tools),
            "resources": len(self.resources),
            "prompts": len(self.prompts),
        }

    def snapshot(self) -> dict[str, Any]:
        """JSON-ready dump served from ``gateway://catalog``."""
        return {
            "tools": [route.public_tool().model_dump(exclude_none=True) for route in self.tools.values()],
            "resources": [
                {"publicUri": uri, **route.resource.model_dump(mode="json", exclude_none=True)}
                for uri, route in self.resources.items()
            ],
            "prompts": [{**r.prompt.model_dump(exclude_none=True), "name": n} for n, r in self.prompts.items()],
        }
