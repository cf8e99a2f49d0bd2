"""The App object: a set of endpoints (functions wired to components), assets and prompts."""

from __future__ import annotations

import inspect
import re
import time
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from appdeck.components import Component, paginate
from appdeck.config import ServerSettings

if TYPE_CHECKING:
    from appdeck.mcp_server import AppMCPServer

ProgressReporter = Callable[[float, "float | None", "str | None"], Awaitable[None]]
AssetListener = Callable[[str], Awaitable[None]]


class Progress:
    """Injected into endpoint functions that declare a ``progress`` parameter."""

    def __init__(self, reporter: ProgressReporter | None = None, total: float = 1.0) -> None:
        self._reporter = reporter
        self.total = total
        self.updates: list[tuple[float, str | None]] = []

    async def __call__(self, fraction: float, desc: str | None = None) -> None:
        self.updates.append((fraction, desc))
        if self._reporter is not None:
            await self._reporter(fraction * self.total, self.total, desc)


@dataclass
class RequestInfo:
    """Injected into endpoint functions that declare a ``request`` parameter."""

    headers: dict[str, str] = field(default_factory=lambda: {})
    client: str | None = None
    session_hash: str | None = None

    @property
    def username(self) -> str | None:
        return self.headers.get("x-appdeck-user")


@dataclass
class Endpoint:
    name: str
    fn: Callable[..., Any]
    inputs: list[Component]
    outputs: list[Component]
    description: str = ""
    title: str | None = None
    read_only: bool = False
    destructive: bool = False
    mutates_api: bool = False
    visibility: str = "public"
    calls: int = 0

    @property
    def wants_progress(self) -> bool:
        return "progress" in inspect.signature(self.fn).parameters

    def input_schema(self) -> dict[str, Any]:
        properties = {c.name: c.json_schema() for c in self.inputs}
        required = [c.name for c in self.inputs if c.value is None]
        schema: dict[str, Any] = {"type": "object", "properties": properties}
        if required:
            schema["required"] = required
        return schema

    def output_schema(self) -> dict[str, Any] | None:
        """Only single JSON outputs have a stable structured shape."""
        if len(self.outputs) == 1 and self.outputs[0].kind == "json":
            return self.outputs[0].json_schema()
        return None

    async def run(
        self,
        payload: dict[str, Any],
        *,
        progress: Progress | None = None,
        request: RequestInfo | None = None,
    ) -> list[Any]:
        kwargs = {c.name: c.preprocess(payload.get(c.name, c.value)) for c in self.inputs}
        if self.wants_progress:
            kwargs["progress"] = progress or Progress()
        if "request" in inspect.signature(self.fn).parameters:
            kwargs["request"] = request or RequestInfo()
        self.calls += 1
        value = self.fn(**kwargs)
        if inspect.isawaitable(value):
            value = await value
        values = list(value) if len(self.outputs) > 1 and isinstance(value, (tuple, list)) else [value]
        return [component.postprocess(v) for component, v in zip(self.outputs, values)]


@dataclass
class Asset:
    name: str
    content: str | bytes
    mime_type: str
    description: str | None = None
    updated_at: float = field(default_factory=time.time)


@dataclass
class PromptTemplate:
    name: str
    template: str
    description: str | None = None
    choices: dict[str, list[str]] = field(default_factory=lambda: {})

    @property
    def arguments(self) -> list[str]:
        return list(dict.fromkeys(re.findall(r"{(\w+)}", self.template)))

    def render(self, values: dict[str, str]) -> str:
        missing = [a for a in self.arguments if a not in values]
        if missing:
            raise KeyError(f"missing prompt arguments: {', '.join(missing)}")
        return self.template.format(**values)


def slugify(title: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", title.lower()).strip("-") or "app"


class App:
    def __init__(
        self,
        title: str,
        *,
        description: str = "",
        version: str = "0.1.0",
        settings: ServerSettings | None = None,
    ) -> None:
        self.title = title
        self.slug = slugify(title)
        self.description = description
        self.version = version
        self.settings = settings or ServerSettings()
        self.endpoints: dict[str, Endpoint] = {}
        self.assets: dict[str, Asset] = {}
        self.prompts: dict[str, PromptTemplate] = {}
        self.history: list[dict[str, Any]] = []
        self._asset_listeners: list[AssetListener] = []
        self._mcp: AppMCPServer | None = None

    def fn(
        self,
        inputs: Sequence[Component],
        outputs: Sequence[Component],
        *,
        name: str | None = None,
        title: str | None = None,
        read_only: bool = False,
        destructive: bool = False,
        mutates_api: bool = False,
        visibility: str = "public",
    ) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
        def register(func: Callable[..., Any]) -> Callable[..., Any]:
            self.add_endpoint(
                Endpoint(
                    name=name or func.__name__,
                    fn=func,
                    inputs=list(inputs),
                    outputs=list(outputs),
                    description=inspect.cleandoc(func.__doc__ or ""),
                    title=title,
                    read_only=read_only,
                    destructive=destructive,
                    mutates_api=mutates_api,
                    visibility=visibility,
                )
            )
            return func

        return register

    def add_endpoint(self, endpoint: Endpoint) -> Endpoint:
        if endpoint.name in self.endpoints:
            raise ValueError(f"endpoint {endpoint.name!r} already registered")
        self.endpoints[endpoint.name] = endpoint
        return endpoint

    def add_asset(self, name: str, content: str | bytes, mime_type: str, description: str | None = None) -> Asset:
        asset = Asset(name=name, content=content, mime_type=mime_type, description=description)
        self.assets[name] = asset
        return asset

    async def write_asset(self, name: str, content: str | bytes) -> Asset:
        asset = self.assets[name]
        asset.content = content
        asset.updated_at = time.time()
        for listener in list(self._asset_listeners):
            await listener(name)
        return asset

    def on_asset_change(self, listener: AssetListener) -> None:
        self._asset_listeners.append(listener)

    def add_prompt(
        self,
        name: str,
        template: str,
        description: str | None = None,
        choices: dict[str, list[str]] | None = None,
    ) -> PromptTemplate:
        prompt = PromptTemplate(name=name, template=template, description=description, choices=dict(choices or {}))
        self.prompts[name] = prompt
        return prompt

    async def predict(
        self,
        endpoint_name: str,
        payload: dict[str, Any],
        *,
        progress: Progress | None = None,
        request: RequestInfo | None = None,
    ) -> list[Any]:
        endpoint = self.endpoints.get(endpoint_name)
        if endpoint is None:
            raise KeyError(f"no endpoint named {endpoint_name!r}")
        started = time.perf_counter()
        try:
            result = await endpoint.run(payload, progress=progress, request=request)
        except Exception as exc:
            self.history.append({"endpoint": endpoint_name, "ok": False, "error": str(exc)})
            raise
        self.history.append(
            {"endpoint": endpoint_name, "ok": True, "seconds": round(time.perf_counter() - started, 4)}
        )
        return result

    def api_info(self, cursor: str | None = None) -> dict[str, Any]:
        described = [
            {
                "name": e.name,
                "description": e.description,
                "parameters": [c.api_info() for c in e.inputs],
                "returns": [c.api_info() for c in e.outputs],
            }
            for e in self.endpoints.values()
            if e.visibility == "public"
        ]
        return paginate(described, cursor, self.settings.page_size).to_json()

    def mcp_server(self) -> AppMCPServer:
        """The MCP bridge for this app (requires the ``mcp`` extra)."""
        if self._mcp is None:
            from appdeck.mcp_server import AppMCPServer

            self._mcp = AppMCPServer(self)
        return self._mcp

    def launch(self, *, mcp_server: bool = False, transport: str = "http") -> None:
        from appdeck.routes import serve

        serve(self, mcp_server=mcp_server, transport=transport)
