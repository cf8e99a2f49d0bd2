"""v1's shorthand returns from lowlevel handlers, spelled as the v2 result v1's decorator built from
them (guide: "Lowlevel `Server`: automatic return value wrapping removed"): a bare list becomes
`ListToolsResult(tools=...)`, tool content `CallToolResult(content=...)` (a dict also
`structured_content=`), a `read_resource` string or bytes `ReadResourceResult(contents=[...])`, a
completion `CompleteResult(...)`, nothing `EmptyResult()`.

`convert` answers for one handler being converted: the edits, or why a person must write a return
(the engine cannot tell what the value is). What a value is comes from its own shape, then the
handler's return annotation (the contract type checkers held v1 code to), then inference.
"""

import ast
from typing import List, Optional, Tuple, Union

from .. import sdk
from ..resolver import dotted

EMPTY = ("set_logging_level", "subscribe_resource", "unsubscribe_resource")
READ_RESOURCE_CONTENTS = "mcp.server.lowlevel.helper_types.ReadResourceContents"
ITERABLES = ("Sequence", "Iterable", "MutableSequence", "Collection")


def is_list_expr(ctx, e) -> bool:
    """A list display, comprehension, `list(...)` or a concatenation of lists."""
    if isinstance(e, (ast.List, ast.ListComp)):
        return True
    if isinstance(e, ast.BinOp) and isinstance(e.op, ast.Add):
        return is_list_expr(ctx, e.left) or is_list_expr(ctx, e.right)
    return (
        isinstance(e, ast.Call) and isinstance(e.func, ast.Name) and e.func.id == "list" and ctx.resolve(e.func) is None
    )


def convert(ctx, fn, method: str, kind, ref, needs) -> Union[str, Tuple[list, Optional[ast.Return]]]:
    """(edits, first return wrapped) for the handler's returns, or why a person must write them.

    Wrapping inserts text around the returned value and never rewrites the value itself, so other
    rules' edits inside it (camelCase keywords, renamed types) still apply."""
    if method in ("progress_notification", "get_prompt"):  # nothing, and the `GetPromptResult` itself
        return [], None
    if method in EMPTY:
        return _empty(ctx, fn, ref)
    result = sdk.TYPES + kind.result
    ann = _annotation_kind(ctx, fn.returns, result)
    edits: List = []
    first = None
    for r in ctx.own_returns(fn):
        v = r.value
        if v is None:
            if method != "completion":
                return "a bare `return` (line %d) has no result to wrap" % r.lineno
            edits.append(ctx.replace(r, "return " + _empty_completion(ref)))
            first = first or r
            continue
        if _is_result(ctx, v, result) or ann == "result":
            continue
        wrapped = _wrap(ctx, method, kind, v, ann, ref, needs)
        if wrapped is None:
            return "line %d returns a value whose shape the engine cannot tell; return `%s(...)`" % (
                r.lineno,
                kind.result,
            )
        edits += wrapped
        first = first or r
    if method == "completion" and _falls_through(fn):
        edits.append(_append_return(ctx, fn, "return " + _empty_completion(ref)))
    return edits, first


def _around(ctx, v, before: str, after: str) -> list:
    s, e = ctx.span(v)
    return [ctx.insert(s, before), ctx.insert(e, after)]


def _wrap(ctx, method, kind, v, ann, ref, needs) -> Optional[list]:
    if kind.list_field:
        head = "%s(%s=" % (ref(kind.result), kind.list_field)
        if _plain_list(ctx, v, ann):
            return _around(ctx, v, head, ")")
        if ann == "iterable":
            return _around(ctx, v, head + "list(", "))")
        return None
    if method == "call_tool":
        return _tool_result(ctx, v, ann, ref, needs)
    if method == "read_resource":
        return _resource_result(ctx, v, ann, ref, needs)
    if method == "completion":
        head = "%s(completion=" % ref("CompleteResult")
        if isinstance(v, ast.Constant) and v.value is None:
            return [ctx.replace(v, _empty_completion(ref))]
        if isinstance(v, ast.Call) and ctx.is_ref(v.func, sdk.TYPES + "Completion"):
            return _around(ctx, v, head, ")")
        if isinstance(v, (ast.Name, ast.Attribute, ast.Call, ast.Subscript, ast.Await)):
            return _around(ctx, v, head, " or %s(values=[]))" % ref("Completion"))
        return _around(ctx, v, head + "(", ") or %s(values=[]))" % ref("Completion"))
    return None


def _empty_completion(ref) -> str:
    return "%s(completion=%s(values=[]))" % (ref("CompleteResult"), ref("Completion"))


def _tool_result(ctx, v, ann, ref, needs) -> Optional[list]:
    head = "%s(content=" % ref("CallToolResult")
    if isinstance(v, (ast.List, ast.ListComp)):
        return _around(ctx, v, head, ")")
    if isinstance(v, ast.Tuple) and len(v.elts) == 2:
        content, structured = v.elts
        s, e = ctx.span(v)
        cs, ce = ctx.span(content)
        ss, se = ctx.span(structured)
        if isinstance(content, (ast.List, ast.ListComp)):
            open_, close = head, ""
        else:
            open_, close = head + "list(", ")"
        return [
            ctx.replace((s, cs), open_),
            ctx.replace((ce, ss), close + ", structured_content="),
            ctx.replace((se, e), ")") if se < e else ctx.insert(e, ")"),
        ]
    if is_list_expr(ctx, v) or ann in ("list", "iterable") or _inferred_list(ctx, v):
        return _around(ctx, v, head + "list(", "))")
    if ann == "dict" and isinstance(v, ast.Name):
        needs.add((None, "json"))
        return _around(
            ctx,
            v,
            '%s[%s(type="text", text=json.dumps(%s, indent=2))], structured_content='
            % (head, ref("TextContent"), v.id),
            ")",
        )
    if isinstance(v, (ast.Dict, ast.DictComp)):
        return _structured_display(ctx, v, head, ref, needs)
    return _v1_normalization(ctx, v, "call_tool", ref, needs)


# What v1's lowlevel decorators made of a handler's return, for a value whose shape only shows at run time.
V1_CALL_TOOL = """
def {name}(value) -> {result}:
    \"\"\"v1's lowlevel `call_tool()` turned what a handler returned into a `CallToolResult`; v2 takes the
    result itself (https://py.sdk.modelcontextprotocol.io/v2/migration/#lowlevel-server-automatic-return-value-wrapping-removed).\"\"\"
    if isinstance(value, {result}):
        return value
    if isinstance(value, tuple) and len(value) == 2:
        content, structured = value
    elif isinstance(value, dict):
        content, structured = [{text}(type="text", text=json.dumps(value, indent=2))], value
    else:
        content, structured = value, None
    return {result}(content=list(content), structured_content=structured)
"""

V1_READ_RESOURCE = """
def {name}(uri: str, value) -> {result}:
    \"\"\"v1's lowlevel `read_resource()` turned what a handler returned (`str`, `bytes` or `ReadResourceContents`
    items) into a `ReadResourceResult`; v2 takes the result itself
    (https://py.sdk.modelcontextprotocol.io/v2/migration/#lowlevel-server-automatic-return-value-wrapping-removed).\"\"\"
    if isinstance(value, (str, bytes)):
        items = [(value, None, None)]
    else:
        items = [(c.content, c.mime_type, getattr(c, "meta", None)) for c in value]
    contents: list[{text} | {blob}] = []
    for data, mime_type, meta in items:
        if isinstance(data, bytes):
            blob = base64.b64encode(data).decode()
            contents.append({blob}(uri=uri, blob=blob, mime_type=mime_type or "application/octet-stream", _meta=meta))
        else:
            contents.append({text}(uri=uri, text=data, mime_type=mime_type or "text/plain", _meta=meta))
    return {result}(contents=contents)
"""

# method: (function name, its template, the SDK names the template spells, the module it uses, the
# arguments the handler's value follows in the call)
NORMALIZATIONS = {
    "call_tool": ("call_tool_result", V1_CALL_TOOL, {"result": "CallToolResult", "text": "TextContent"}, "json", ""),
    "read_resource": (
        "read_resource_result",
        V1_READ_RESOURCE,
        {"result": "ReadResourceResult", "text": "TextResourceContents", "blob": "BlobResourceContents"},
        "base64",
        "params.uri, ",
    ),
}


def _v1_normalization(ctx, v, method, ref, needs) -> Optional[list]:
    """`return <value of run-time shape>` -> `return call_tool_result(<value>)` (or
    `read_resource_result(params.uri, <value>)`), with that function, the normalization v1 applied,
    defined once below the file's imports. None for a handler declared to return another SDK result
    (v1 also passed a `CreateTaskResult` through; v2's handlers take none)."""
    base, template, spelled, module, first = NORMALIZATIONS[method]
    name = ctx.fresh_name(base, "v1_" + base)
    fn = ctx.enclosing(v, ast.FunctionDef, ast.AsyncFunctionDef)
    if name is None or fn is None or _other_results(ctx, fn.returns, spelled["result"]):
        return None
    needs.add((None, module))
    helper = template.format(name=name, **{k: ref(n) for k, n in spelled.items()})
    site = ctx._import_site(fn)
    return _around(ctx, v, name + "(" + first, ")") + [
        ctx.after_imports(helper.lstrip("\n")) if site is None else _after_lazy_import(ctx, site, helper)
    ]


def _after_lazy_import(ctx, site, helper: str):
    """The helper defined in the function that imports the SDK lazily (an optional dependency: no
    module-level SDK import may be added), right after that import. Its return annotation goes: it
    would be evaluated when the def runs, which may be before the names the fix imports there."""
    head, body = helper.strip("\n").split("\n", 1)
    head = head.partition(") -> ")[0] + "):"
    indent = ctx.index.indentation(site.lineno)
    nl = ctx.index.newline()
    lines = [indent + line if line.strip() else "" for line in (head + "\n" + body).split("\n")]
    return ctx.insert(ctx.index.line_start(site.end_lineno + 1), nl + nl.join(lines) + nl)


def _other_results(ctx, ann, result: str) -> bool:
    """The return annotation names an SDK result besides the handler's own (`| CreateTaskResult`)."""
    for n in ast.walk(ann) if ann is not None else ():
        q = ctx.resolve(n) if isinstance(n, (ast.Name, ast.Attribute)) else None
        if q and q.startswith(sdk.TYPES) and q.endswith("Result") and q != sdk.TYPES + result:
            return True
    return False


def _structured_display(ctx, v, head, ref, needs) -> Optional[list]:
    """`return {...}` -> `structured = {...}` and a return of the result v1 built from it."""
    r = ctx.parent(v)
    fn = ctx.enclosing(r, ast.FunctionDef, ast.AsyncFunctionDef)
    name = next((n for n in ("structured", "structured_content", "data") if n not in ctx.names_in(fn)), None)
    ls = ctx.index.line_start(r.lineno)
    if name is None or ctx.text[ls : ctx.span(r)[0]].strip():
        return None
    needs.add((None, "json"))
    indent = ctx.index.indentation(r.lineno)
    after = '%s%sreturn %s[%s(type="text", text=json.dumps(%s, indent=2))], structured_content=%s)' % (
        ctx.index.newline(),
        indent,
        head,
        ref("TextContent"),
        name,
        name,
    )
    return [ctx.replace((ctx.span(r)[0], ctx.span(v)[0]), name + " = "), ctx.insert(ctx.span(v)[1], after)]


def _resource_result(ctx, v, ann, ref, needs) -> Optional[list]:
    head = "%s(contents=[" % ref("ReadResourceResult")
    if _is_str(ctx, v) or (ann == "str" and not isinstance(v, (ast.List, ast.Tuple))):
        return _around(
            ctx, v, head + "%s(uri=params.uri, text=" % ref("TextResourceContents"), ', mime_type="text/plain")])'
        )
    if _is_bytes(ctx, v) or ann == "bytes":
        needs.add((None, "base64"))
        return _around(
            ctx,
            v,
            head + "%s(uri=params.uri, blob=base64.b64encode(" % ref("BlobResourceContents"),
            ').decode(), mime_type="application/octet-stream")])',
        )
    if isinstance(v, ast.List) and v.elts:
        items = [_resource_item(ctx, e, ref, needs) for e in v.elts]
        if any(i is None for i in items):  # an item whose content is text or bytes only at run time
            return _v1_normalization(ctx, v, "read_resource", ref, needs)
        return _around(ctx, v, head[:-1], ")") + [e for i in items for e in i]
    return _v1_normalization(ctx, v, "read_resource", ref, needs)


def _resource_item(ctx, e, ref, needs) -> Optional[list]:
    """`ReadResourceContents(content=..., mime_type=..., meta=...)` turned into the contents v1's
    decorator built: text for a `str`, base64 blob for `bytes`, and for a name whose type the file
    does not show, the same choice v1 made at run time (`Text... if isinstance(x, str) else Blob...`)."""
    if (
        not (isinstance(e, ast.Call) and ctx.is_ref(e.func, READ_RESOURCE_CONTENTS))
        or ctx.has_star(e)
        or len(e.args) > 2
    ):
        return None
    given = dict(zip(("content", "mime_type"), e.args))
    given.update({k.arg: k.value for k in e.keywords})
    if set(given) - {"content", "mime_type", "meta"} or "content" not in given:
        return None
    content, mime, meta = given["content"], given.get("mime_type"), given.get("meta")
    if meta is not None and not (isinstance(meta, ast.Constant) and meta.value is None):
        extra = ", _meta=%s" % ctx.source(meta)
    else:
        extra = ""
    if _is_str(ctx, content) or _is_bytes(ctx, content):
        return _literal_item(ctx, e, content, mime, ref, needs)
    if not _plain_value(content):
        return None
    needs.add((None, "base64"))
    value = ctx.source(content)
    text = "%s(uri=params.uri, text=%s, mime_type=%s%s)" % (
        ref("TextResourceContents"),
        value,
        _mime(ctx, mime, '"text/plain"'),
        extra,
    )
    blob = "%s(uri=params.uri, blob=base64.b64encode(%s).decode(), mime_type=%s%s)" % (
        ref("BlobResourceContents"),
        value,
        _mime(ctx, mime, '"application/octet-stream"'),
        extra,
    )
    return [ctx.replace(e, "%s if isinstance(%s, str) else %s" % (text, value, blob))]


def _plain_value(node) -> bool:
    """A name or attribute chain: cheap and the same value when read twice."""
    while isinstance(node, ast.Attribute):
        node = node.value
    return isinstance(node, ast.Name)


def _mime(ctx, mime, default: str) -> str:
    """The `mime_type=` v1 set: the given one, or the default for a missing, None or empty one."""
    if mime is None or (isinstance(mime, ast.Constant) and mime.value is None):
        return default
    if isinstance(mime, ast.Constant) and isinstance(mime.value, str) and mime.value:
        return ctx.source(mime)
    src = ctx.source(mime)
    return ("%s or %s" if _plain_value(mime) else "(%s) or %s") % (src, default)


def _literal_item(ctx, e, content, mime, ref, needs) -> list:
    """In place, for content written as a `str` or `bytes` literal: the class, `uri=`, the field."""
    if _is_str(ctx, content):
        cls, field, default, pre, post = "TextResourceContents", "text", '"text/plain"', "", ""
    else:
        needs.add((None, "base64"))
        cls, field, default = "BlobResourceContents", "blob", '"application/octet-stream"'
        pre, post = "base64.b64encode(", ").decode()"
    edits = [
        ctx.replace(e.func, ref(cls)),
        ctx.insert(ctx.span(e.args[0] if e.args else e.keywords[0])[0], "uri=params.uri, "),
    ]
    kw = ctx.keyword(e, "content")
    if kw is not None:
        edits.append(ctx.replace(ctx.name_span(kw), field))
        edits += _around(ctx, content, pre, post) if pre else []
    else:
        edits += _around(ctx, content, field + "=" + pre, post)
    meta_kw = ctx.keyword(e, "meta")
    if meta_kw is not None:
        edits.append(ctx.replace(ctx.name_span(meta_kw), "_meta"))  # the field's name in the constructor
    if mime is None:
        edits.append(ctx.insert(ctx.span(e)[1] - 1, ", mime_type=%s" % default))
    elif isinstance(mime, ast.Constant) and mime.value is None:
        edits.append(ctx.replace(mime, default if ctx.keyword(e, "mime_type") else "mime_type=" + default))
    elif not (isinstance(mime, ast.Constant) and isinstance(mime.value, str) and mime.value):
        if ctx.keyword(e, "mime_type") is None:
            edits.append(ctx.insert(ctx.span(mime)[0], "mime_type="))
        edits += _around(ctx, mime, "(", ") or %s" % default)
    elif ctx.keyword(e, "mime_type") is None:
        edits.append(ctx.insert(ctx.span(mime)[0], "mime_type="))
    return edits


def _empty(ctx, fn, ref):
    edits, first = [], None
    text = "return %s()" % ref("EmptyResult")
    for r in ctx.own_returns(fn):
        if r.value is not None and not (isinstance(r.value, ast.Constant) and r.value.value is None):
            if isinstance(r.value, ast.Call) and ctx.is_ref(r.value.func, sdk.TYPES + "EmptyResult"):
                continue
            return "line %d returns a value; v2 wants `EmptyResult()`" % r.lineno
        edits.append(ctx.replace(r, text))
        first = first or r
    if _falls_through(fn):
        edits.append(_append_return(ctx, fn, text))
        first = first or fn.body[-1]
    return edits, first


def _falls_through(fn) -> bool:
    last = fn.body[-1]
    return not isinstance(last, (ast.Return, ast.Raise))


def _append_return(ctx, fn, text: str):
    last = fn.body[-1]
    indent = ctx.index.indentation(last.lineno)
    line = last.end_lineno
    at = ctx.index.line_start(line + 1) if line < ctx.index.line_count else len(ctx.text)
    nl = ctx.index.newline()
    lead = "" if ctx.text[:at].endswith(("\n", "\r")) else nl
    return ctx.insert(at, "%s%s%s%s" % (lead, indent, text, nl))


def _annotation_kind(ctx, ann, result: str) -> Optional[str]:
    """ "result" / "list" / "iterable" / "dict" / "str" / "bytes" for a handler's return annotation."""
    if ann is None:
        return None
    parsed = isinstance(ann, ast.Constant) and isinstance(ann.value, str)
    if parsed:  # a string annotation: judged by its spelling, the resolver never saw these nodes
        try:
            ann = ast.parse(ann.value.strip(), mode="eval").body
        except SyntaxError:
            return None
    head = ann.value if isinstance(ann, ast.Subscript) else ann
    name = (dotted(head) or "").rpartition(".")[2]
    if (name == result.rpartition(".")[2]) if parsed else ctx.is_ref(ann, result):
        return "result"
    if name in ("list", "List"):
        return "list"
    if name in ITERABLES:
        return "iterable"
    if name in ("dict", "Dict", "Mapping"):
        return "dict"
    if isinstance(ann, ast.Name) and ann.id in ("str", "bytes") and (parsed or ctx.resolve(ann) is None):
        return ann.id
    return None


def _plain_list(ctx, v, ann) -> bool:
    """The value is a `list` itself (not another iterable), so it can be passed as it is."""
    return is_list_expr(ctx, v) or ann == "list" or _inferred_list(ctx, v)


def _inferred_list(ctx, v) -> bool:
    t = ctx.types.type_of(v)
    return isinstance(t, tuple) and t[0] == "list"


def _is_result(ctx, v, result: str) -> bool:
    if isinstance(v, ast.Call) and ctx.is_ref(v.func, result):
        return True
    return ctx.types.type_of(v) == result  # the class itself, not a union that holds it


# Calls whose result is text or bytes whatever they are given: what v1 turned into text or a blob.
STR_FUNCTIONS = {"json.dumps", "builtins.str", "builtins.repr", "builtins.format"}
STR_METHODS = {"decode", "read_text", "hexdigest"}
BYTES_FUNCTIONS = {"builtins.bytes", "base64.b64decode", "base64.urlsafe_b64decode"}
BYTES_METHODS = {"encode", "read_bytes", "digest"}


def _is_str(ctx, v) -> bool:
    return _text_kind(ctx, v) is str


def _is_bytes(ctx, v) -> bool:
    return _text_kind(ctx, v) is bytes


def _text_kind(ctx, v):
    """str or bytes when the expression is one whatever its inputs (a literal, an f-string,
    `json.dumps(...)`, `"".join(...)`, `s.encode()`), else None."""
    if isinstance(v, ast.Constant):
        return type(v.value) if isinstance(v.value, (str, bytes)) else None
    if isinstance(v, ast.JoinedStr):
        return str
    if isinstance(v, ast.BinOp) and isinstance(v.op, (ast.Add, ast.Mod)):
        left = _text_kind(ctx, v.left)
        return left if isinstance(v.op, ast.Mod) or left is _text_kind(ctx, v.right) else None
    if not isinstance(v, ast.Call):
        return None
    f = v.func
    name = ("builtins." + f.id) if isinstance(f, ast.Name) and ctx.binding(f) is None else ctx.resolve(f)
    if name in STR_FUNCTIONS:
        return str
    if name in BYTES_FUNCTIONS:
        return bytes
    declared = ctx.declared_return(f)  # `def describe(...) -> str` of the user's
    if declared in ("str", "bytes"):
        return str if declared == "str" else bytes
    if isinstance(f, ast.Attribute):
        if f.attr in ("join", "format"):
            return _text_kind(ctx, f.value)  # `"\n".join(lines)`, `b"".join(chunks)`: the separator's kind
        if f.attr in STR_METHODS:
            return str
        if f.attr in BYTES_METHODS:
            return bytes
    return None
