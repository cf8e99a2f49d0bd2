import ast

from .. import sdk
from ..context import PythonContext
from ..framework import rule

LATEST = sdk.LATEST_PROTOCOL_VERSION
SUPPORTED = sdk.SUPPORTED_PROTOCOL_VERSIONS
VERSION_MODULE = "mcp.types.version"


@rule(
    code="TYP011",
    title="`SUPPORTED_PROTOCOL_VERSIONS` deprecated; `LATEST_PROTOCOL_VERSION` changed meaning",
    anchor="supported_protocol_versions-deprecated-latest_protocol_version-changed-meaning",
    fix_class="review",
    summary="""
        Renames `LATEST_PROTOCOL_VERSION` to `LATEST_HANDSHAKE_VERSION` and
        `SUPPORTED_PROTOCOL_VERSIONS` to `HANDSHAKE_PROTOCOL_VERSIONS` (both from
        `mcp.types.version`), which keep v1's values and meaning. v1's list is a tuple in v2, so
        where the code used it as a list (`+ [...]`, a `list[str]` annotation) it becomes
        `list(HANDSHAKE_PROTOCOL_VERSIONS)`. A module attribute (`types.LATEST_PROTOCOL_VERSION`)
        becomes the imported v2 name.
    """,
    why="""
        Silent: v2's `LATEST_PROTOCOL_VERSION` is `"2026-07-28"`, which the initialize handshake
        cannot negotiate; `SUPPORTED_PROTOCOL_VERSIONS` is deprecated and now a tuple that also
        holds the 2026-era versions.
    """,
    example="""
        -from mcp.types import LATEST_PROTOCOL_VERSION
        +from mcp.types.version import LATEST_HANDSHAKE_VERSION


         def handshake_version() -> str:
        -    return LATEST_PROTOCOL_VERSION
        +    return LATEST_HANDSHAKE_VERSION
    """,
    v1_names=list(LATEST + SUPPORTED),
    v2_names=["mcp_types.version.LATEST_HANDSHAKE_VERSION", "mcp_types.version.HANDSHAKE_PROTOCOL_VERSIONS"],
)
def check(ctx: PythonContext):
    for olds, new, why in (
        (
            LATEST,
            "LATEST_HANDSHAKE_VERSION",
            "v2's `LATEST_PROTOCOL_VERSION` is the 2026-era revision; `LATEST_HANDSHAKE_VERSION` keeps v1's value",
        ),
        (
            SUPPORTED,
            "HANDSHAKE_PROTOCOL_VERSIONS",
            "`SUPPORTED_PROTOCOL_VERSIONS` is deprecated and includes "
            "2026-era versions; `HANDSHAKE_PROTOCOL_VERSIONS` keeps v1's meaning",
        ),
    ):
        for alias in ctx.import_aliases(*olds):
            node = ctx.parent(alias)
            if node.module == sdk.SHARED_VERSION:  # TYP003 moves the module; only rename here
                span = ctx.name_span(alias)
                edits = [ctx.replace(span, new)] if span else None
            else:
                edits = ctx.move_import_alias(alias, VERSION_MODULE, new)
            if edits is None:
                ctx.manual(alias, why)
                continue
            local = alias.asname or new
            for n in ctx.bound_names(alias):
                text = _spelled(ctx, n, local, olds is SUPPORTED)
                if text != n.id:
                    edits.append(ctx.replace(n, text))
            ctx.fix(alias, why, edits)
        for ref in ctx.references(*olds):
            if isinstance(ref, ast.Attribute):
                span = ctx.attr_span(ref)
                imports = ctx.imports_for({new: (VERSION_MODULE,)})
                if ctx.resolve(ref.value) == sdk.SHARED_VERSION and span:
                    ctx.fix(ref, why, [ctx.replace(span, new)])
                elif imports is not None:  # `types.LATEST_PROTOCOL_VERSION`: v2's name, imported
                    ctx.fix(ref, why, [ctx.replace(ref, _spelled(ctx, ref, new, olds is SUPPORTED))] + imports)
                else:
                    ctx.manual(ref, why + " (`from mcp.types.version import %s`)" % new)


def _spelled(ctx, name, new, was_list):
    """`new`, or `list(new)` where the code used v1's list as one: concatenated with something that is
    not a tuple (`+ ["2024-10-07"]`, `+ (extra or [])`) or stored under a `list[...]` annotation."""
    if not was_list:
        return new
    parent = ctx.parent(name)
    if isinstance(parent, ast.BinOp) and isinstance(parent.op, ast.Add):
        other = parent.right if parent.left is name else parent.left
        return new if isinstance(other, ast.Tuple) else "list(%s)" % new
    if isinstance(parent, ast.AnnAssign) and parent.value is name:
        ann = parent.annotation.value if isinstance(parent.annotation, ast.Subscript) else parent.annotation
        if isinstance(ann, ast.Name) and ann.id in ("list", "List"):
            return "list(%s)" % new
    return new
