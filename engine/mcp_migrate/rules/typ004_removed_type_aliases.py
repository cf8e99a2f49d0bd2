from .. import sdk
from ..context import PythonContext
from ..framework import rule

T = sdk.TYPES
RENAMED = [("Content", "ContentBlock"), ("ResourceReference", "ResourceTemplateReference")] + [
    (side + kind + "Type", side + kind)
    for side in ("Client", "Server")
    for kind in ("Request", "Notification", "Result")
]
LITERALS = {
    "TASK_FORBIDDEN": '"forbidden"',
    "TASK_OPTIONAL": '"optional"',
    "TASK_REQUIRED": '"required"',
    "TASK_STATUS_WORKING": '"working"',
    "TASK_STATUS_INPUT_REQUIRED": '"input_required"',
    "TASK_STATUS_COMPLETED": '"completed"',
    "TASK_STATUS_FAILED": '"failed"',
    "TASK_STATUS_CANCELLED": '"cancelled"',
}
# removed name -> (its v1 definition, the names that spelling needs, with the modules that may bind them)
SPELLED = {
    "AnyFunction": ("Callable[..., Any]", {"Callable": ("collections.abc", "typing"), "Any": ("typing",)}),
}
MANUAL = {
    "MethodT": "`MethodT` was an internal TypeVar; declare your own `TypeVar`",
    "RequestParamsT": "`RequestParamsT` was an internal TypeVar; declare your own `TypeVar`",
    "NotificationParamsT": "`NotificationParamsT` was an internal TypeVar; declare your own `TypeVar`",
    "TaskExecutionMode": "`TaskExecutionMode` was removed; use `Literal[\"forbidden\", \"optional\", \"required\"]`",
}


@rule(
    code="TYP004",
    title="Removed type aliases and classes",
    anchor="removed-type-aliases-and-classes",
    fix_class="safe",
    summary="""
        Renames `Content` to `ContentBlock`, `ResourceReference` to `ResourceTemplateReference`
        and `ClientRequestType` & co. to the bare union names; replaces `Cursor` by `str` and the
        `TASK_*` constants by their string literals (dropping the imports); marks the internal
        TypeVars and `TaskExecutionMode`. `AnyFunction` becomes its v1 definition, `Callable[..., Any]`
        (importing `Callable` and `Any` where the file does not; marked where it binds either name to
        something else).
    """,
    why="""
        These names are gone from `mcp.types`: `from mcp.types import Content` fails with
        `ImportError: cannot import name 'Content' from 'mcp.types'`.
    """,
    example="""
        -from mcp.types import Content, Cursor, ResourceReference
        +from mcp.types import ContentBlock, ResourceTemplateReference


        -def page(items: list[Content], cursor: Cursor | None = None) -> ResourceReference: ...
        +def page(items: list[ContentBlock], cursor: str | None = None) -> ResourceTemplateReference: ...
    """,
    v1_names=[T + n for n, _ in RENAMED]
    + [T + "Cursor"]
    + [T + n for n in LITERALS]
    + [T + n for n in MANUAL]
    + [T + n for n in SPELLED],
    v2_names=[T + n for _, n in RENAMED],
)
def check(ctx: PythonContext):
    for old, new in RENAMED:
        ctx.rename_symbol(T + old, new, "`%s` was removed from `mcp.types`; use `%s`" % (old, new))
    inlined = [(T + "Cursor", "str", "`Cursor` was removed from `mcp.types`; use `str`", ())]
    for name, literal in LITERALS.items():
        inlined.append(
            (T + name, literal, "`%s` was removed from `mcp.types`; use the literal %s" % (name, literal), ())
        )
    for name, (text, needs) in SPELLED.items():
        if not ctx.mentions(T + name):
            continue
        msg = "`%s` was removed from `mcp.types`; it was `%s`" % (name, text)
        imports = ctx.imports_for(needs)
        if imports is None:
            for node in ctx.import_aliases(T + name) or ctx.references(T + name)[:1]:
                ctx.manual(node, msg + ": spell it out (this file binds `Callable` or `Any` to something else)")
        else:
            inlined.append((T + name, text, msg, imports))
    ctx.inline_names(inlined)
    for name, msg in MANUAL.items():
        for node in ctx.import_aliases(T + name) or ctx.references(T + name)[:1]:
            ctx.manual(node, msg)
