"""Plugins: bundles of tools, resources, templates and prompts declared with decorators.

A ``Plugin`` only collects declarations. Nothing touches a server until ``install`` is
called, so one plugin can go into several servers and tests can inspect the built
``Tool`` / ``Prompt`` objects without any server at all.
"""

from __future__ import annotations

import base64
import inspect
import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import AnyUrl

from mcp.server.fastmcp import FastMCP
from mcp.server.fastmcp.prompts.base import Prompt
from mcp.server.fastmcp.resources import FileResource, FunctionResource, ResourceTemplate, TextResource
from mcp.server.fastmcp.resources.base import Resource
from mcp.server.fastmcp.tools.base import Tool
from mcp.types import AnyFunction, Icon, ToolAnnotations

from toolforge.manifest import PluginManifest, TemplateEntry, ToolEntry
from toolforge.middleware import Middleware, apply

logger = logging.getLogger(__name__)

Decorator = Callable[[AnyFunction], AnyFunction]

_JSON_TYPES: dict[str, type[Any]] = {"string": str, "integer": int, "number": float, "boolean": bool, "array": list}

_ICON_SVG = b'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 8 8"><rect width="8" height="8"/></svg>'


def default_icon() -> Icon:
    data = base64.b64encode(_ICON_SVG).decode()
    return Icon(src=f"data:image/svg+xml;base64,{data}", mimeType="image/svg+xml", sizes=["any"])


@dataclass
class ToolSpec:
    fn: AnyFunction
    name: str
    title: str | None = None
    description: str | None = None
    annotations: ToolAnnotations | None = None
    icons: list[Icon] | None = None
    middlewares: tuple[Middleware, ...] = ()
    structured_output: bool | None = None


@dataclass
class InstallReport:
    plugin: str
    tools: list[str] = field(default_factory=lambda: list[str]())
    resources: list[str] = field(default_factory=lambda: list[str]())
    templates: list[str] = field(default_factory=lambda: list[str]())
    prompts: list[str] = field(default_factory=lambda: list[str]())
    skipped: list[str] = field(default_factory=lambda: list[str]())


class Plugin:
    def __init__(
        self,
        name: str,
        *,
        prefix: str | None = None,
        scheme: str | None = None,
        middlewares: Sequence[Middleware] = (),
        icon: Icon | None = None,
    ) -> None:
        self.name = name
        self.prefix = prefix
        self.scheme = scheme or name.replace("_", "-")
        self.middlewares = tuple(middlewares)
        self.icon = icon
        self.specs: list[ToolSpec] = []
        self.resources: list[Resource] = []
        self.templates: list[ResourceTemplate] = []
        self.prompts: list[Prompt] = []
        self.prebuilt: list[Tool] = []

    def qualify(self, name: str) -> str:
        return f"{self.prefix}_{name}" if self.prefix else name

    def uri(self, path: str) -> str:
        return f"{self.scheme}://{path.lstrip('/')}"

    # -- declarations -------------------------------------------------------------

    def tool(
        self,
        name: str | None = None,
        *,
        title: str | None = None,
        description: str | None = None,
        read_only: bool = False,
        destructive: bool | None = None,
        middlewares: Sequence[Middleware] = (),
        structured_output: bool | None = None,
    ) -> Decorator:
        def decorator(fn: AnyFunction) -> AnyFunction:
            hints = ToolAnnotations(title=title, readOnlyHint=read_only, destructiveHint=False if read_only else destructive)
            icons = [self.icon] if self.icon else None
            spec = ToolSpec(fn, self.qualify(name or fn.__name__), title, description, hints, icons, tuple(middlewares))
            spec.structured_output = structured_output
            self.specs.append(spec)
            return fn

        return decorator

    def resource(self, path: str, *, mime_type: str | None = None, description: str | None = None) -> Decorator:
        def decorator(fn: AnyFunction) -> AnyFunction:
            self.resources.append(
                FunctionResource.from_function(fn, uri=self.uri(path), description=description, mime_type=mime_type)
            )
            return fn

        return decorator

    def template(self, path_template: str, *, name: str | None = None, mime_type: str | None = None) -> Decorator:
        def decorator(fn: AnyFunction) -> AnyFunction:
            uri_template = self.uri(path_template)
            self.templates.append(ResourceTemplate.from_function(fn, uri_template, name=name, mime_type=mime_type))
            return fn

        return decorator

    def prompt(self, name: str | None = None, *, title: str | None = None) -> Decorator:
        def decorator(fn: AnyFunction) -> AnyFunction:
            self.prompts.append(Prompt.from_function(fn, name=self.qualify(name or fn.__name__), title=title))
            return fn

        return decorator

    def text(self, path: str, text: str, *, mime_type: str = "text/plain") -> TextResource:
        res = TextResource(uri=AnyUrl(self.uri(path)), name=path, text=text, mime_type=mime_type)
        self.resources.append(res)
        return res

    def file(self, path: str, file: Path, *, binary: bool = False, mime_type: str | None = None) -> FileResource:
        res = FileResource(
            uri=AnyUrl(self.uri(path)),
            name=file.name,
            path=file.resolve(),
            is_binary=binary,
            mime_type=mime_type or ("application/octet-stream" if binary else "text/plain"),
        )
        self.resources.append(res)
        return res

    # -- building ----------------------------------------------------------------

    def _wrapped(self, spec: ToolSpec, outer: Sequence[Middleware]) -> AnyFunction:
        return apply(spec.fn, [*outer, *self.middlewares, *spec.middlewares])

    def build_tools(self, outer: Sequence[Middleware] = ()) -> list[Tool]:
        built = [
            Tool.from_function(
                self._wrapped(spec, outer),
                name=spec.name,
                title=spec.title,
                description=spec.description,
                annotations=spec.annotations,
                icons=spec.icons,
                structured_output=spec.structured_output,
            )
            for spec in self.specs
        ]
        return built + self.prebuilt

    def install(self, mcp: FastMCP[Any], outer: Sequence[Middleware] = ()) -> InstallReport:
        report = InstallReport(plugin=self.name)
        manager = mcp._tool_manager
        for spec in self.specs:
            if manager.get_tool(spec.name) is not None:
                report.skipped.append(spec.name)
                if mcp.settings.warn_on_duplicate_tools:
                    logger.warning("plugin %s: tool %s already registered", self.name, spec.name)
                continue
            mcp.add_tool(
                self._wrapped(spec, outer),
                name=spec.name,
                title=spec.title,
                description=spec.description,
                annotations=spec.annotations,
                icons=spec.icons,
                structured_output=spec.structured_output,
            )
            report.tools.append(spec.name)
        for tool in self.prebuilt:
            if tool.name in manager._tools:
                report.skipped.append(tool.name)
            else:
                manager._tools[tool.name] = tool
                report.tools.append(tool.name)
        for res in self.resources:
            mcp.add_resource(res)
            report.resources.append(str(res.uri))
        for tpl in self.templates:
            mcp._resource_manager._templates[tpl.uri_template] = tpl
            report.templates.append(tpl.uri_template)
        for prompt in self.prompts:
            mcp.add_prompt(prompt)
            report.prompts.append(prompt.name)
        return report


# -- manifests ------------------------------------------------------------------------


def _function_from_entry(entry: ToolEntry) -> AnyFunction:
    props: dict[str, Any] = entry.inputSchema.get("properties", {})
    required = set(entry.required_args())
    template = entry.reply or entry.name

    def reply(**kwargs: Any) -> str:
        try:
            return template.format(**{k: v for k, v in kwargs.items() if v is not None})
        except KeyError as exc:
            return f"{template} (missing {exc.args[0]})"

    params = [
        inspect.Parameter(
            pname,
            inspect.Parameter.KEYWORD_ONLY,
            annotation=_JSON_TYPES.get(str(schema.get("type")), str),
            default=inspect.Parameter.empty if pname in required else None,
        )
        for pname, schema in props.items()
    ]
    reply.__name__ = entry.name
    reply.__doc__ = entry.description
    setattr(reply, "__signature__", inspect.Signature(params, return_annotation=str))
    return reply


def _template_from_entry(entry: TemplateEntry) -> ResourceTemplate:
    def render(**params: str) -> str:
        return entry.body.format(**params)

    names = entry.variables()
    return ResourceTemplate(
        uri_template=entry.uriTemplate,
        name=names[0] if names else "template",
        description=f"manifest template {entry.uriTemplate}",
        mime_type=entry.mimeType,
        fn=render,
        parameters={"type": "object", "properties": {n: {"type": "string"} for n in names}, "required": names},
        context_kwarg=None,
    )


def plugin_from_manifest(manifest: PluginManifest) -> Plugin:
    """Build a plugin whose tools answer with canned, formatted replies."""
    plugin = Plugin(manifest.name, scheme=manifest.name)
    for entry in manifest.tools:
        plugin.prebuilt.append(
            Tool.from_function(
                _function_from_entry(entry),
                name=entry.name,
                description=entry.description or f"{manifest.name} {entry.name}",
                annotations=ToolAnnotations(readOnlyHint=entry.readOnlyHint),
            )
        )
    for res in manifest.resources:
        uri = AnyUrl(res.uri)
        plugin.resources.append(TextResource(uri=uri, name=res.name or res.uri, text=res.text, mime_type=res.mimeType))
    plugin.templates.extend(_template_from_entry(tpl) for tpl in manifest.resourceTemplates)
    return plugin
