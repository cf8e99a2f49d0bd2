import ast

from .. import sdk
from ..context import PythonContext
from ..framework import rule

CLS = sdk.FASTMCP_RESOURCE_TYPES + "FileResource"
TEXTUAL = ("application/json", "application/xml")


@rule(
    code="SRV013",
    title="`FileResource.is_binary` replaced by `encoding`",
    anchor="fileresourceis_binary-replaced-by-encoding",
    fix_class="safe",
    summary="""
        `FileResource(is_binary=True)` becomes `encoding=None` (serve bytes). `is_binary=False` is removed
        (review: v2 picks text from `mime_type`); `is_binary=flag` becomes
        `**({"encoding": None} if flag else {})` (review). A JSON/XML `mime_type` without `is_binary` gets
        `encoding=None` to keep serving a blob as v1 did. `res.is_binary` reads become
        `(res.encoding is None)` (review).
    """,
    why="""
        v2 replaced the field: `is_binary=` raises `ValidationError` at construction, and JSON/XML files
        silently switch from base64 blobs to text.
    """,
    example="""
         from pathlib import Path

         from mcp.server.fastmcp.resources import FileResource

        -logo = FileResource(uri="file:///logo.png", path=Path("logo.png"), mime_type="image/png", is_binary=True)
        +logo = FileResource(uri="file:///logo.png", path=Path("logo.png"), mime_type="image/png", encoding=None)
    """,
    v1_names=[CLS, CLS + ".is_binary"],
    v2_names=["mcp.server.mcpserver.resources.types.FileResource.encoding"],
)
def check(ctx: PythonContext):
    for call in ctx.calls(CLS):
        _call(ctx, call)
    for call in ctx.walk(ast.Call):
        if (
            isinstance(call.func, ast.Name)
            and call.func.id == "FileResource"
            and ctx.is_unbound(call.func)
            and ctx.keyword(call, "is_binary") is not None
        ):
            ctx.manual(
                call, "`is_binary=` was replaced by `encoding=`: `encoding=None` serves bytes, a codec name serves text"
            )
    for node in ctx.attribute_uses(CLS, "is_binary"):
        span = ctx.attr_span(node)
        if isinstance(node.ctx, ast.Load) and span:
            text = "(%s.encoding is None)" % ctx.source(node.value)
            ctx.fix(
                node,
                "`FileResource.is_binary` was replaced by `encoding` (`None` means bytes)",
                [ctx.replace(node, text)],
                fix_class="review",
            )
        else:
            ctx.manual(node, "`FileResource.is_binary` was replaced by `encoding` (`None` means bytes)")


def _call(ctx, call):
    kw = ctx.keyword(call, "is_binary")
    if kw is None:
        if ctx.keyword(call, "encoding") is None and not any(k.arg is None for k in call.keywords):
            mime = ctx.keyword(call, "mime_type")
            if mime is not None and _textual(mime.value):
                edit = ctx.add_kwargs(call, "encoding=None")
                if edit:
                    ctx.fix(
                        call,
                        "v2 serves `%s` files as text; `encoding=None` keeps the v1 blob" % mime.value.value,
                        [edit],
                    )
        return
    value = kw.value
    if isinstance(value, ast.Constant) and value.value is True:
        ctx.fix(kw, "`is_binary=True` is now `encoding=None`", [ctx.replace(kw, "encoding=None")])
    elif isinstance(value, ast.Constant) and value.value is False:
        edit = ctx.remove_kwarg(call, "is_binary")
        msg = (
            "`is_binary=` was removed; v2 reads text for textual `mime_type`s (pass `encoding=\"utf-8\"` to force text)"
        )
        if edit:
            ctx.fix(kw, msg, [edit], fix_class="review")
        else:
            ctx.manual(call, msg)
    elif ctx.keyword(call, "encoding") is None and not any(k.arg is None for k in call.keywords):
        # Binary: `encoding=None`; else no `encoding`, so v2 picks text or bytes from `mime_type`, as v1 did
        # (but for JSON/XML, which v2 now serves as text).
        ctx.fix(
            kw,
            "`is_binary=` was replaced by `encoding=`: `encoding=None` when binary, else v2's default from "
            "`mime_type` (JSON and XML are now text)",
            [ctx.replace(kw, '**({"encoding": None} if %s else {})' % ctx.source(value))],
            fix_class="review",
        )
    else:
        ctx.manual(
            call,
            "`is_binary=` was replaced by `encoding=`: pass `encoding=None` for bytes or a codec "
            "name (e.g. `\"utf-8\"`) for text",
        )


def _textual(node):
    if not (isinstance(node, ast.Constant) and isinstance(node.value, str)):
        return False
    mime = node.value.split(";")[0].strip().lower()
    return mime in TEXTUAL or mime.endswith(("+json", "+xml"))
