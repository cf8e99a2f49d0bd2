"""The widgetkit application object: endpoints (plain typed callables), pages
(functions building a widget tree) and prompt templates.  Protocol-agnostic."""

from __future__ import annotations

import inspect
import time
import typing
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Protocol, TypeVar

F = TypeVar("F", bound=Callable[..., Any])

WIDGET_MIME = "application/vnd.widgetkit.widget+json"
PAGE_MIME = "application/vnd.widgetkit.page+json"


class WidgetError(Exception):
    def __init__(self, message: str, *, code: str = "widget_error") -> None:
        super().__init__(message)
        self.code = code


class ProgressReporter(Protocol):
    """Endpoints that declare a parameter of this type get live progress reporting."""

    async def __call__(self, done: float, total: float | None = None, message: str | None = None) -> None: ...


@dataclass
class CallerInfo:
    """Who is calling an endpoint; injected into endpoints that ask for it."""

    user: str | None = None
    client: str | None = None
    session_id: str | None = None
    transport: str = "local"


@dataclass
class Widget:
    kind: str
    props: dict[str, Any] = field(default_factory=dict)
    children: list[Widget] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "props": dict(self.props),
            "children": [child.to_dict() for child in self.children],
            "mimeType": WIDGET_MIME,
        }


@dataclass
class Page:
    slug: str
    title: str
    builder: Callable[[], Widget]
    description: str = ""

    @property
    def root(self) -> Widget:
        return self.builder()

    def describe(self) -> dict[str, Any]:
        return {
            "uri": f"widget://pages/{self.slug}",
            "title": self.title,
            "mimeType": PAGE_MIME,
            "widgetCount": 1 + len(self.root.children),
        }


@dataclass
class Endpoint:
    name: str
    func: Callable[..., Any]
    title: str | None = None
    description: str = ""
    read_only: bool = False
    destructive: bool = False
    tags: tuple[str, ...] = ()

    @property
    def is_async(self) -> bool:
        return inspect.iscoroutinefunction(self.func)

    def _param_of_type(self, wanted: type) -> str | None:
        for pname, hint in typing.get_type_hints(self.func).items():
            if hint is wanted:
                return pname
        return None

    @property
    def progress_param(self) -> str | None:
        return self._param_of_type(ProgressReporter)

    @property
    def caller_param(self) -> str | None:
        return self._param_of_type(CallerInfo)


@dataclass
class PromptTemplate:
    name: str
    template: str
    description: str = ""
    arguments: tuple[str, ...] = ()
    attach_page: str | None = None

    def render(self, values: dict[str, str]) -> str:
        missing = [a for a in self.arguments if a not in values]
        if missing:
            raise WidgetError(f"missing prompt arguments: {', '.join(missing)}", code="bad_prompt")
        return self.template.format(**values)


@dataclass
class AppSettings:
    """Runtime settings shared by all widgetkit plugins."""

    host: str = "127.0.0.1"
    port: int = 8050
    mount_path: str = "/mcp"
    sse_path: str = "/sse"
    message_path: str = "/messages/"
    json_response: bool = False
    stateless: bool = False
    debug: bool = False
    log_level: str = "INFO"
    allowed_hosts: list[str] = field(default_factory=list)

    @property
    def bind(self) -> str:
        return f"{self.host}:{self.port}"


class WidgetApp:
    def __init__(self, name: str, version: str = "0.1.0", *, settings: AppSettings | None = None) -> None:
        self.name = name
        self.version = version
        self.settings = settings or AppSettings()
        self.endpoints: dict[str, Endpoint] = {}
        self.pages: dict[str, Page] = {}
        self.prompts: dict[str, PromptTemplate] = {}
        self.state: dict[str, Any] = {}
        self.events: list[dict[str, Any]] = []
        self._listeners: list[Callable[[str, Any], Any]] = []

    def endpoint(
        self,
        name: str | None = None,
        *,
        title: str | None = None,
        read_only: bool = False,
        destructive: bool = False,
        tags: tuple[str, ...] = (),
    ) -> Callable[[F], F]:
        def register(func: F) -> F:
            ep_name = name or func.__name__
            if ep_name in self.endpoints:
                raise ValueError(f"endpoint {ep_name!r} registered twice")
            doc = inspect.getdoc(func) or ""
            self.endpoints[ep_name] = Endpoint(ep_name, func, title, doc, read_only, destructive, tags)
            return func

        return register

    def page(self, slug: str, *, title: str, description: str = "") -> Callable[[F], F]:
        def register(func: F) -> F:
            self.pages[slug] = Page(slug=slug, title=title, builder=func, description=description)
            return func

        return register

    def prompt(self, name: str, template: str, *, description: str = "", arguments: tuple[str, ...] = (),
               attach_page: str | None = None) -> None:
        self.prompts[name] = PromptTemplate(name, template, description, arguments, attach_page)

    def on_state_change(self, listener: Callable[[str, Any], Any]) -> None:
        self._listeners.append(listener)

    def set_state(self, key: str, value: Any) -> None:
        self.state[key] = value
        self.record("state", {"key": key})
        for listener in self._listeners:
            listener(key, value)

    def record(self, kind: str, payload: dict[str, Any], *, is_error: bool = False) -> None:
        self.events.append({"kind": kind, "isError": is_error, "at": time.time(), **payload})

    def list_endpoints(self, cursor: str | None = None, limit: int = 50) -> dict[str, Any]:
        """Page of endpoint names, as served by ``GET /api/endpoints``."""
        names = sorted(self.endpoints)
        start = int(cursor) if cursor else 0
        end = start + limit
        return {"items": names[start:end], "nextCursor": str(end) if end < len(names) else None, "total": len(names)}
