import ast

from .. import sdk
from ..context import PythonContext
from ..framework import rule

ADDED = "extensions", "protocol_version"
MSG = "v2's `Server` calls `get_capabilities()` with `extensions` (and `protocol_version=`)"


@rule(
    code="LOW014",
    title="Lowlevel `Server`: a `get_capabilities()` override takes `extensions` and `protocol_version`",
    anchor="lowlevel-server-what-did-not-change",
    fix_class="safe",
    summary="""
        A `Server` subclass overriding `get_capabilities(self, notification_options,
        experimental_capabilities)` gets v2's `extensions=None` parameter and keyword-only
        `protocol_version=None`, handed on to each `super().get_capabilities(...)` call. Marked when the
        override's parameters are not v1's two.
    """,
    why="""
        v2's `create_initialization_options()` calls `self.get_capabilities(notification_options,
        experimental_capabilities, extensions)`, so a v1 override fails when the server starts:
        `TypeError: MyServer.get_capabilities() takes 3 positional arguments but 4 were given`.
    """,
    example="""
         from mcp.server.lowlevel import NotificationOptions, Server
        +from typing import Any


         class SubscribableServer(Server):
        -    def get_capabilities(self, notification_options: NotificationOptions, experimental_capabilities: dict):
        -        caps = super().get_capabilities(notification_options, experimental_capabilities)
        +    def get_capabilities(self, notification_options: NotificationOptions, experimental_capabilities: dict, extensions: dict[str, dict[str, Any]] | None = None, *, protocol_version: str | None = None):
        +        caps = super().get_capabilities(notification_options, experimental_capabilities, extensions=extensions, protocol_version=protocol_version)
                 if caps.resources is not None:
                     caps.resources.subscribe = True
                 return caps
    """,
    v1_names=[sdk.SERVER + ".get_capabilities"],
    v2_names=[sdk.SERVER + ".get_capabilities(extensions)", sdk.SERVER + ".get_capabilities(protocol_version)"],
)
def check(ctx: PythonContext):
    for fn in ctx.overrides(sdk.SERVER, "get_capabilities"):
        a = fn.args
        names = [x.arg for x in a.posonlyargs + a.args + a.kwonlyargs]
        if a.vararg or a.kwarg or any(n in names for n in ADDED):
            continue  # takes them already
        if len(a.posonlyargs + a.args) != 3 or a.kwonlyargs:
            ctx.manual(fn, MSG + ": take `extensions=None, *, protocol_version=None` and pass them to `super()`")
            continue
        # annotated like the override, where `Any` is (or can be) `typing.Any` here
        imports = ctx.imports_for({"Any": ("typing", "typing_extensions")}) if a.args[1].annotation else None
        params = (
            ["extensions: dict[str, dict[str, Any]] | None = None", "*", "protocol_version: str | None = None"]
            if imports is not None
            else ["extensions=None", "*", "protocol_version=None"]
        )
        last = a.args[-1]
        # one parameter per line when the signature is written so
        sep = ", " if last.lineno == fn.lineno else ",\n" + ctx.index.indentation(last.lineno)
        params = sep + sep.join(params)
        end = max(ctx.span(last)[1], ctx.span(a.defaults[-1])[1] if a.defaults else 0)
        edits = [ctx.insert(end, params)] + (imports or [])
        for call in ast.walk(fn):
            if isinstance(call, ast.Call) and ctx.is_super_method(call, "get_capabilities"):
                passed = (
                    None
                    if ctx.has_star(call)
                    else ctx.add_kwargs(call, "extensions=extensions, protocol_version=protocol_version")
                )
                if passed is None:
                    ctx.manual(fn, MSG + ": pass them on to `super().get_capabilities()`")
                    break
                edits.append(passed)
        else:
            ctx.fix(fn, MSG + ": the override takes them and hands them on", edits)
