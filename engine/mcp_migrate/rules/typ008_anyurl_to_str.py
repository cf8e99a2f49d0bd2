import ast

from .. import sdk
from ..context import PythonContext
from ..framework import rule

ANYURL = ("pydantic.AnyUrl", "pydantic.networks.AnyUrl")
SESSIONS = (sdk.CLIENT_SESSION, sdk.CLIENT_SESSION_GROUP)
URI_METHODS = {"read_resource": 0, "subscribe_resource": 0, "unsubscribe_resource": 0}
# AnyUrl attribute -> the urllib.parse.urlparse() attribute with the same meaning
PARTS = {"scheme": "scheme", "host": "hostname", "port": "port", "path": "path", "query": "query",
         "fragment": "fragment", "username": "username", "password": "password"}


@rule(
    code="TYP008",
    title="Resource URI type changed from `AnyUrl` to `str`",
    anchor="resource-uri-type-changed-from-anyurl-to-str",
    fix_class="safe",
    summary="""
        Unwraps `AnyUrl("...")` literals passed as `uri=` to `mcp.types` models or as the URI of
        `ClientSession.read_resource()` / `subscribe_resource()` / `unsubscribe_resource()` (a
        non-literal becomes `str(...)`), and rewrites `.host` / `.scheme` / ... on an MCP object's
        `.uri` to `urlparse(...)` (review: `urlparse` differs from `AnyUrl` on normalisation).
    """,
    why="""
        v2 URIs are plain `str`: the session methods accept only `str`, and
        `resource.uri.host` raises `AttributeError: 'str' object has no attribute 'host'`.
    """,
    example="""
         from pydantic import AnyUrl

         from mcp import ClientSession


         async def host_of(session: ClientSession) -> str:
        -    result = await session.read_resource(AnyUrl("test://resource"))
        +    result = await session.read_resource("test://resource")
        +    # mcp-migrate: TYP008 MCP URIs are `str` in v2: use `urlparse(...).hostname` instead of `.host` (suggested fix: run with --apply-review) https://py.sdk.modelcontextprotocol.io/v2/migration/#resource-uri-type-changed-from-anyurl-to-str
             return result.contents[0].uri.host
    """,
    v1_names=["mcp.types.Resource", "mcp.client.session.ClientSession.read_resource(uri)",
              "mcp.client.session.ClientSession.subscribe_resource(uri)",
              "mcp.client.session.ClientSession.unsubscribe_resource(uri)"],
    v2_names=["mcp.types.Resource", "mcp.client.session.ClientSession.read_resource(uri)"],
)
def check(ctx: PythonContext):
    for call in ctx.walk(ast.Call):
        for arg in _uri_args(ctx, call):
            if isinstance(arg, ast.Call) and ctx.is_ref(arg.func, *ANYURL) and len(arg.args) == 1 \
                    and not arg.keywords:
                _unwrap(ctx, arg, "safe" if _known_target(ctx, call) else "review")
    for node in ctx.walk(ast.Attribute):
        part = PARTS.get(node.attr)
        uri = node.value
        if part is None or not isinstance(uri, ast.Attribute) or uri.attr != "uri":
            continue
        _, level = ctx.protocol_value(uri)
        if level is None:
            continue
        msg = "MCP URIs are `str` in v2: use `urlparse(...).%s` instead of `.%s`" % (part, node.attr)
        edits = [ctx.replace(node, "urlparse(%s).%s" % (ctx.source(uri), part))]
        imp = ctx.add_import("urllib.parse", "urlparse")
        ctx.fix(node, msg, edits + ([imp] if imp else []), fix_class="review")


def _uri_args(ctx, call):
    out = []
    kw = ctx.keyword(call, "uri")
    if ctx.protocol_type(ctx.resolve(call.func)):
        return [kw.value] if kw else []
    f = call.func
    if isinstance(f, ast.Attribute) and f.attr in URI_METHODS:
        if ctx.receiver_level(f.value, *SESSIONS) is None:
            return []
        if kw:
            out.append(kw.value)
        elif call.args:
            out.append(call.args[URI_METHODS[f.attr]])
    return out


def _known_target(ctx, call):
    if ctx.protocol_type(ctx.resolve(call.func)):
        return True
    return ctx.receiver_level(call.func.value, *SESSIONS) == "safe"


def _unwrap(ctx, anyurl, level):
    inner = anyurl.args[0]
    if isinstance(inner, ast.Constant) and isinstance(inner.value, str):
        text = ctx.source(inner)
    else:
        text = "str(%s)" % ctx.source(anyurl)
        level = "review"
    ctx.fix(anyurl, "MCP URIs are plain `str` in v2; pass a string, not `AnyUrl`", [ctx.replace(anyurl, text)],
            fix_class=level)
