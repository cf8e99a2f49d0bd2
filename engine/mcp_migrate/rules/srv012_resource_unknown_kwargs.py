from .. import sdk
from ..context import PythonContext
from ..framework import rule

MOD = sdk.FASTMCP_RESOURCE_TYPES
BASE = ("uri", "name", "title", "description", "mime_type", "icons", "annotations", "meta")
# Fields per class (identical in v1 and v2 apart from FileResource's is_binary -> encoding, see SRV013).
FIELDS = {
    "TextResource": ("text",),
    "BinaryResource": ("data",),
    "FunctionResource": ("fn",),
    "FileResource": ("path", "encoding", "is_binary"),
    "HttpResource": ("url",),
    "DirectoryResource": ("path", "recursive", "pattern"),
}


@rule(
    code="SRV012",
    title="`Resource` classes reject unknown keyword arguments",
    anchor="resource-classes-reject-unknown-keyword-arguments",
    fix_class="review",
    summary="""
        Removes keyword arguments that the SDK's resource classes (`TextResource`, `BinaryResource`,
        `FunctionResource`, `FileResource`, `HttpResource`, `DirectoryResource`) do not define: v1 dropped
        them silently, v2 rejects them. (`FileResource(is_binary=...)` is SRV013's.)
    """,
    why="""
        v2 sets `extra="forbid"` on `Resource`, so a stray keyword raises
        `pydantic.ValidationError: ... Extra inputs are not permitted` at construction.
    """,
    example="""
         from mcp.server.fastmcp.resources import TextResource

        -memo = TextResource(uri="memo://a", text="hi", encoding="utf-8")
        +memo = TextResource(uri="memo://a", text="hi")
    """,
    v1_names=[MOD + c for c in FIELDS] + ["mcp.server.fastmcp.resources.base.Resource"],
    v2_names=["mcp.server.mcpserver.resources.types." + c for c in FIELDS],
)
def check(ctx: PythonContext):
    for cls, own in FIELDS.items():
        allowed = set(BASE) | set(own)
        for call in ctx.calls(MOD + cls):
            stray = [k for k in call.keywords if k.arg is not None and k.arg not in allowed]
            if not stray:
                continue
            names = ", ".join("`%s=`" % k.arg for k in stray)
            msg = "`%s` has no %s: v1 ignored it, v2 raises `ValidationError`; removed" % (cls, names)
            edits = ctx.remove_args(call, stray)
            if edits:
                ctx.fix(call, msg, edits)
            else:
                ctx.manual(call, "`%s` has no %s: v2 raises `ValidationError`; remove it" % (cls, names))
