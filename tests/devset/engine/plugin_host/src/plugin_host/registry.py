"""Plugin registry: plugins declare things here, the host installs them later."""

from __future__ import annotations

import importlib
import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from importlib.metadata import entry_points
from pathlib import Path
from typing import Any

from mcp.server.fastmcp.prompts import Prompt
from mcp.server.fastmcp.resources import FileResource, FunctionResource, Resource, TextResource
from mcp.server.fastmcp.tools import Tool
from mcp.types import ToolAnnotations
from pydantic import AnyUrl

log = logging.getLogger(__name__)

ENTRY_POINT_GROUP = "plugin_host.plugins"


@dataclass
class TemplateSpec:
    uri_template: str
    fn: Callable[..., Any]
    name: str
    description: str | None = None
    mime_type: str = "text/plain"


@dataclass
class PluginManifest:
    """Everything a single plugin contributed."""

    name: str
    version: str = "0.0.0"
    tools: list[Tool] = field(default_factory=list)
    resources: list[Resource] = field(default_factory=list)
    templates: list[TemplateSpec] = field(default_factory=list)
    prompts: list[Prompt] = field(default_factory=list)

    @property
    def summary(self) -> dict[str, int]:
        return {
            "tools": len(self.tools),
            "resources": len(self.resources),
            "templates": len(self.templates),
            "prompts": len(self.prompts),
        }


class PluginRegistry:
    """Collects declarations from plugins.

    A plugin calls ``registry.plugin("name")`` to get a scoped builder and then
    uses ``tool``/``text``/``file``/``template``/``prompt`` on it.
    """

    def __init__(self, *, namespace_tools: bool = True):
        self._manifests: dict[str, PluginManifest] = {}
        self.namespace_tools = namespace_tools

    def plugin(self, name: str, version: str = "0.0.0") -> PluginScope:
        manifest = self._manifests.setdefault(name, PluginManifest(name=name, version=version))
        return PluginScope(self, manifest)

    @property
    def manifests(self) -> list[PluginManifest]:
        return list(self._manifests.values())

    def get(self, name: str) -> PluginManifest | None:
        return self._manifests.get(name)

    def iter_tools(self) -> Iterable[Tool]:
        for manifest in self._manifests.values():
            yield from manifest.tools

    def load_modules(self, module_names: Iterable[str]) -> None:
        for module_name in module_names:
            qualified = module_name if "." in module_name else f"plugin_host.plugins.{module_name}"
            module = importlib.import_module(qualified)
            register = getattr(module, "register", None)
            if register is None:
                raise RuntimeError(f"plugin module {qualified} has no register() function")
            register(self)
            log.info("loaded plugin module %s", qualified)

    def load_entry_points(self) -> int:
        count = 0
        for ep in entry_points(group=ENTRY_POINT_GROUP):
            ep.load()(self)
            count += 1
        return count


class PluginScope:
    def __init__(self, registry: PluginRegistry, manifest: PluginManifest):
        self._registry = registry
        self.manifest = manifest

    def _tool_name(self, name: str) -> str:
        if self._registry.namespace_tools:
            return f"{self.manifest.name}.{name}"
        return name

    def tool(self, *, name: str | None = None, read_only: bool = False, title: str | None = None):
        """Decorator registering a function as a tool of this plugin."""

        def decorator(fn):
            annotations = ToolAnnotations(readOnlyHint=read_only) if read_only else None
            tool = Tool.from_function(
                fn,
                name=self._tool_name(name or fn.__name__),
                title=title,
                annotations=annotations,
            )
            self.manifest.tools.append(tool)
            return fn

        return decorator

    def text(self, uri: str, text: str, *, name: str | None = None, mime_type: str = "text/plain") -> None:
        self.manifest.resources.append(
            TextResource(uri=AnyUrl(uri), name=name or uri.rsplit("/", 1)[-1], text=text, mime_type=mime_type)
        )

    def lazy(self, uri: str, fn: Callable[[], Any], *, description: str | None = None) -> None:
        self.manifest.resources.append(
            FunctionResource.from_function(fn, uri=uri, description=description, mime_type="application/json")
        )

    def file(self, uri: str, path: Path, *, mime_type: str, binary: bool = False) -> None:
        self.manifest.resources.append(
            FileResource(uri=AnyUrl(uri), path=path.resolve(), mime_type=mime_type, is_binary=binary)
        )

    def template(self, uri_template: str, *, name: str | None = None, mime_type: str = "text/plain"):
        def decorator(fn):
            self.manifest.templates.append(
                TemplateSpec(uri_template, fn, name or fn.__name__, fn.__doc__, mime_type)
            )
            return fn

        return decorator

    def prompt(self, name: str | None = None, description: str | None = None):
        def decorator(fn):
            self.manifest.prompts.append(Prompt.from_function(fn, name=name, description=description))
            return fn

        return decorator
