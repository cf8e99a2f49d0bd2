import ast

from .. import sdk
from ..context import PythonContext
from ..framework import rule

# pydantic URL types a v1 `uri` accepted (and v1 code passed); v2 takes `str`.
URL_TYPES = sdk.URL_TYPES
SESSIONS = (sdk.CLIENT_SESSION, sdk.CLIENT_SESSION_GROUP)
# Models whose `uri` went from `AnyUrl` to `str` (the guide's list; `Root.uri` stays a `FileUrl`).
STR_URI_MODELS = {
    "Resource",
    "ResourceLink",
    "ReadResourceRequestParams",
    "ResourceContents",
    "TextResourceContents",
    "BlobResourceContents",
    "SubscribeRequestParams",
    "UnsubscribeRequestParams",
    "ResourceUpdatedNotificationParams",
}
# MCPServer's resource classes (`TextResource(uri=...)`) take `uri: str` too.
SERVER_RESOURCES = tuple(
    [
        sdk.FASTMCP_RESOURCE_TYPES + c
        for c in (
            "TextResource",
            "BinaryResource",
            "FunctionResource",
            "FileResource",
            "HttpResource",
            "DirectoryResource",
        )
    ]
    + ["mcp.server.fastmcp.resources.base.Resource"]
)
STR_ATTRS = set(dir(str))
URI_METHODS = {"read_resource": 0, "subscribe_resource": 0, "unsubscribe_resource": 0}
PYDANTIC = ("pydantic", "pydantic.networks")  # where `AnyUrl` may be imported from
# AnyUrl attribute -> the urllib.parse.urlparse() attribute with the same meaning
PARTS = {
    "scheme": "scheme",
    "host": "hostname",
    "port": "port",
    "path": "path",
    "query": "query",
    "fragment": "fragment",
    "username": "username",
    "password": "password",
}


@rule(
    code="TYP008",
    title="Resource URI type changed from `AnyUrl` to `str`",
    anchor="resource-uri-type-changed-from-anyurl-to-str",
    fix_class="safe",
    summary="""
        Unwraps `AnyUrl("...")` literals passed as `uri=` to the models whose URI became `str` (`Resource`,
        `ResourceLink`, `ReadResourceRequestParams`, the resource contents, the subscribe params; not
        `Root`, whose `uri` stays a `FileUrl`), to MCPServer's resource classes, or as the URI of
        `ClientSession.read_resource()` / `subscribe_resource()` / `unsubscribe_resource()`, and to the
        user's subclasses of those classes; other URL objects there (an `AnyUrl(x)` call, a name annotated
        or built as one, the user's field or list declared one, a constant another module of the project
        builds with `AnyUrl(...)`, a call of the user's function or method, here or in another module,
        declared `-> AnyUrl`) become `str(...)`, the string v1 sent. Reads `.host` / `.scheme` / ... of an
        MCP object's or an MCPServer resource's `.uri` off `AnyUrl(...)`, the object v1 gave (the same
        parts, normalised the same way); where the file's own `AnyUrl` is something else, off
        `urlparse(...)` (review: it normalises differently); a comprehension filtering on the part it
        collects keeps the filtered value (`{host for r in rs if (host := AnyUrl(r.uri).host)}`). An MCP
        object's `.uri` handed to the file's own function, or dataclass or pydantic model, or to a
        method or function of another module of the project, whose parameter or field is annotated
        `AnyUrl` is wrapped in `AnyUrl(...)`, the object v1 handed it; an
        `AnyUrl("...")` literal compared with one (`==`, `in`, a list of them) becomes the string.
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
        -    return result.contents[0].uri.host
        +    return AnyUrl(result.contents[0].uri).host
    """,
    v1_names=[
        "mcp.types.Resource",
        "mcp.client.session.ClientSession.read_resource(uri)",
        "mcp.client.session.ClientSession.subscribe_resource(uri)",
        "mcp.client.session.ClientSession.unsubscribe_resource(uri)",
    ],
    v2_names=["mcp.types.Resource", "mcp.client.session.ClientSession.read_resource(uri)"],
)
def check(ctx: PythonContext):
    if ctx.mentions(*URL_TYPES) or _imports_project_url(ctx):
        for call in ctx.walk(ast.Call):
            target = _uri_target(ctx, call)
            if target is None:
                continue
            arg, level = target
            literal = _literal_url(ctx, arg)
            if literal is not None:
                ctx.fix(
                    arg,
                    "MCP URIs are plain `str` in v2; pass a string, not `AnyUrl`",
                    [ctx.replace(arg, ctx.source(literal))],
                    fix_class=level,
                )
            elif _url_valued(ctx, arg):
                # `str(...)` of a URL object is the string v1 sent on the wire; of a str, itself.
                ctx.fix(
                    arg,
                    "MCP URIs are plain `str` in v2: pass `str(...)` of the URL object",
                    [ctx.replace(arg, "str(%s)" % ctx.source(arg))],
                    fix_class=level,
                )
    if not ctx.attributes_named("uri") and not any("uri" in m.kwd_attrs for m in ctx.walk(ast.MatchClass)):
        return
    if ctx.mentions(*URL_TYPES):
        for call in ctx.walk(ast.Call):
            _into_own_url_parameters(ctx, call)
        for compare in ctx.walk(ast.Compare):
            _compared_to_url_literal(ctx, compare)
    for call in ctx.attr_calls(*ctx.project_url_methods()):
        _into_project_url_parameters(ctx, call)
    functions = ctx.project_url_functions()
    local = {a.asname or a.name for i in ctx.imports() for a in i.names if a.name in functions}
    for name in (n for local_name in sorted(local) for n in ctx.names_with_id(local_name)):
        call = ctx.parent(name)
        if isinstance(call, ast.Call) and call.func is name:
            _into_project_url_parameters(ctx, call)
    guards = set()  # `if` conditions a comprehension's rewrite already took
    for node in ctx.walk(ast.Attribute):
        part = PARTS.get(node.attr)
        if id(node) in guards or part is None and (node.attr in STR_ATTRS or node.attr == "uri"):
            continue
        uri = _mcp_uri(ctx, node.value)
        if uri is None:
            continue
        if part is None:  # `uri.serialize_url`, `uri._url`, `uri.unicode_host()`: pydantic's, gone
            ctx.manual(
                node,
                "MCP URIs are `str` in v2, so `.%s` (a pydantic URL attribute) is gone: use the "
                "string itself, or `urllib.parse.urlparse(...)`" % node.attr,
            )
            continue
        url_imports = ctx.imports_for({"AnyUrl": PYDANTIC})  # None: the file's own `AnyUrl` is something else
        if url_imports is not None:  # the object v1 gave: the same parts, normalised the same way
            msg = "MCP URIs are `str` in v2: `.%s` is read off `AnyUrl(...)`, the object v1 gave" % node.attr
            parsed = "AnyUrl(%s).%s" % (ctx.source(node.value), node.attr)
        else:
            msg = "MCP URIs are `str` in v2: use `urlparse(...).%s` instead of `.%s`" % (part, node.attr)
            parsed = "urlparse(%s).%s" % (ctx.source(node.value), part)
        guard = _comprehension_guard(ctx, node)
        name = ctx.fresh_name(node.attr, node.attr + "_") if guard is not None else None
        if name is not None:  # `{r.uri.host for r in rs if r.uri.host}`: the value the guard narrowed
            guards.add(id(guard))
            edits = [ctx.replace(node, name), ctx.replace(guard, "(%s := %s)" % (name, parsed))]
        else:
            edits = [ctx.replace(node, parsed)]
        if url_imports is not None:
            ctx.fix(node, msg, edits + url_imports)
            continue
        imp = ctx.add_import("urllib.parse", "urlparse")
        ctx.fix(node, msg, edits + ([imp] if imp else []), fix_class="review")


def _comprehension_guard(ctx, node):
    """The `if` of a comprehension whose element is `node` and that tests the same expression
    (`{r.uri.host for r in rs if r.uri.host}`), else None."""
    comp = ctx.parent(node)
    if not (isinstance(comp, (ast.ListComp, ast.SetComp, ast.GeneratorExp)) and comp.elt is node):
        return None
    if isinstance(ctx.enclosing(comp), ast.ClassDef):
        return None  # `:=` in a comprehension in a class body is a SyntaxError
    text = ctx.source(node)
    return next((t for g in comp.generators for t in g.ifs if ctx.source(t) == text), None)


def _into_own_url_parameters(ctx, call):
    """An MCP object's `.uri` handed to the file's own function (or dataclass, pydantic model) whose
    parameter is annotated `AnyUrl` (`self.path_for(resource.uri)` with `def path_for(self, uri:
    AnyUrl)`): v1 handed it that object, so it is rebuilt from the string, and the function keeps
    working as it did."""
    found = ctx.own_call_parameters(call)
    for pname, ann, arg in found[1] if found else ():
        url = (
            next(
                (n for n in ast.walk(ann) if isinstance(n, (ast.Name, ast.Attribute)) and ctx.is_ref(n, *URL_TYPES)),
                None,
            )
            if ann is not None
            else None
        )
        if url is None or _mcp_uri(ctx, arg) is None:
            continue
        ctx.fix(
            arg,
            "MCP URIs are `str` in v2, and `%s()` takes `%s: %s`: build the URL object v1 passed"
            % (found[0], pname, ctx.source(url)),
            [ctx.replace(arg, "%s(%s)" % (ctx.source(url), ctx.source(arg)))],
        )


def _into_project_url_parameters(ctx, call):
    """The same for a method of the project's own class in another module (`remote.read(res.uri)`
    with `async def read(self, uri: AnyUrl)` in `remote.py`), or a function this file imports from
    one (`describe(res.uri)` with `def describe(uri: AnyUrl)` there)."""
    if ctx.types.local_def(call.func) is not None or ctx.has_star(call):
        return
    for index, name, qual in ctx.project_url_params(call):
        arg = call.args[index] if index is not None and index < len(call.args) else ctx.keyword_value(call, name)
        if arg is None or _mcp_uri(ctx, arg) is None:
            continue
        cls = qual.rpartition(".")[2]
        bound = ctx.module_binding(cls)
        if bound is not None and not (bound.kind == "import" and (bound.target or "").startswith("pydantic")):
            continue  # the file's own `AnyUrl` is something else
        imp = ctx.add_import("pydantic", cls) if bound is None else None
        ctx.fix(
            arg,
            "MCP URIs are `str` in v2, and `%s()` takes `%s: %s`: build the URL object v1 passed"
            % (getattr(call.func, "attr", None) or call.func.id, name, cls),
            [ctx.replace(arg, "%s(%s)" % (cls, ctx.source(arg)))] + ([imp] if imp else []),
        )


def _compared_to_url_literal(ctx, compare):
    """`resource.uri == AnyUrl("memo://x")` (or a list of `.uri`s against a list of such literals):
    a `str` never equals a URL object, so the check that held in v1 now always fails. The string
    as written is what it compares with in v2."""
    if len(compare.ops) != 1 or not isinstance(compare.ops[0], (ast.Eq, ast.NotEq, ast.In, ast.NotIn)):
        return
    left, right = compare.left, compare.comparators[0]
    for uri_side, other in ((left, right), (right, left)):
        if not _uris(ctx, uri_side):
            continue
        items = other.elts if isinstance(other, (ast.List, ast.Tuple, ast.Set)) else [other]
        literals = [(item, _literal_url(ctx, item)) for item in items]
        for item, literal in literals:
            if literal is not None:
                ctx.fix(
                    item,
                    "MCP URIs are `str` in v2 and never equal a URL object: compare with the string",
                    [ctx.replace(item, ctx.source(literal))],
                )
        return


def _uris(ctx, expr) -> bool:
    """An MCP object's `.uri`, or a list comprehension of them (`[r.uri for r in listing.resources]`)."""
    if isinstance(expr, (ast.ListComp, ast.SetComp, ast.GeneratorExp)):
        expr = expr.elt
    return _mcp_uri(ctx, expr) is not None


def _mcp_uri(ctx, expr):
    """`expr` is the `.uri` of an MCP object, directly or through a name bound to it; that `.uri`."""
    if isinstance(expr, ast.Name):
        b = ctx.binding(expr)
        if b is not None and isinstance(b.node, ast.MatchAs):
            return expr if _captured_uri(ctx, b.node) else None
        if b is None or b.how != "call" or not isinstance(b.node, ast.Assign) or len(b.node.targets) != 1:
            return None
        expr = b.expr
    if not (isinstance(expr, ast.Attribute) and expr.attr == "uri"):
        return None
    if ctx.protocol_value(expr)[1] is not None:
        # A known owner whose `uri` did not become `str` (`Root.uri` is still a `FileUrl`): not this change.
        if any(c.rpartition(".")[2] not in STR_URI_MODELS for c in ctx.types.classes_of(expr.value)):
            return None
        return expr
    owners = ctx.types.classes_of(expr.value)  # an MCPServer resource (`Resource.uri` is `str` too)
    server_resources = {ctx.canonical(c) for c in SERVER_RESOURCES}
    return expr if owners and all(ctx.canonical(c) in server_resources for c in owners) else None


def _captured_uri(ctx, capture: ast.MatchAs) -> bool:
    """`case types.ResourceLink(uri=uri):` captures the `uri` of a model whose URI is `str` in v2."""
    pattern = ctx.parent(capture)
    if not isinstance(pattern, ast.MatchClass) or capture not in pattern.kwd_patterns:
        return False
    model = ctx.protocol_type(ctx.resolve(pattern.cls))
    return pattern.kwd_attrs[pattern.kwd_patterns.index(capture)] == "uri" and model in STR_URI_MODELS


def _uri_target(ctx, call):
    """(the `uri` argument, level) of a call that takes a `str` URI in v2, else None."""
    kw = ctx.keyword(call, "uri")
    q = ctx.resolve(call.func)
    if ctx.protocol_type(q) is None and q not in SERVER_RESOURCES:  # the user's subclass, which keeps `uri`
        q = ctx.types.sdk_constructor(call) or q
    model = ctx.protocol_type(q)
    if model is not None or q in SERVER_RESOURCES:
        if kw is None or (model is not None and model not in STR_URI_MODELS):
            return None
        return kw.value, "safe"
    f = call.func
    if isinstance(f, ast.Attribute) and f.attr in URI_METHODS:
        level = ctx.receiver_level(f.value, *SESSIONS)
        own = ctx.types.type_of(f.value)
        if level is None or (isinstance(own, tuple) and own[0] == "uobj"):
            return None  # not a session, or the project's own class (`_into_project_url_parameters`)
        if kw is not None:
            return kw.value, level
        if len(call.args) > URI_METHODS[f.attr] and not isinstance(call.args[0], ast.Starred):
            return call.args[URI_METHODS[f.attr]], level
    return None


def _literal_url(ctx, expr):
    """The string literal in `AnyUrl("x://y")` / `AnyUrl(url="x://y")`, else None."""
    if not (isinstance(expr, ast.Call) and ctx.is_ref(expr.func, *URL_TYPES)):
        return None
    values = list(expr.args) + [k.value for k in expr.keywords if k.arg == "url"]
    if len(values) != 1 or len(expr.args) + len(expr.keywords) != 1:
        return None
    return values[0] if ctx.const_str(values[0]) is not None else None


def _url_valued(ctx, expr):
    """`expr` holds a pydantic URL object, as the inference knows it: a constructor call, a name
    annotated or bound to one, a call of the user's function or method declared to return one (here or
    in another module), the user's field or list declared one, a constant another module builds; or a
    conditional one of whose values is one."""
    if isinstance(expr, ast.IfExp):
        return _url_valued(ctx, expr.body) or _url_valued(ctx, expr.orelse)
    typed = ctx.types.classes_of(expr)
    return bool(typed) and all(c in URL_TYPES for c in typed)


def _imports_project_url(ctx) -> bool:
    """The file imports a URL object, or a function that returns one, from another module of the project."""
    if ctx.types.project is None:
        return False
    for imp in ctx.walk(ast.ImportFrom):
        for a in imp.names:
            t = ctx.project_global_type(a)
            if t in URL_TYPES or (isinstance(t, tuple) and t[0] == "def" and t[1] in URL_TYPES):
                return True
    return False
