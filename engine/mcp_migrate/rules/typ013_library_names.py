import ast

from .. import sdk
from ..context import PythonContext
from ..framework import rule

FOREIGN = sdk.V1_FOREIGN


@rule(
    code="TYP013",
    title="Library names the SDK's modules no longer import",
    anchor="mcptypes-moved-to-the-mcp-types-package",
    fix_class="safe",
    summary="""
        Imports from their own library the names a v1 SDK module merely imported and v2's no longer
        has: `from mcp.types import AnyUrl` becomes `from pydantic import AnyUrl`, and
        `types.FileUrl(...)` becomes `FileUrl(...)` with `from pydantic import FileUrl`.
    """,
    why="""
        v1's `mcp.types` happened to import pydantic's `AnyUrl`, `FileUrl` and `Field`, so
        `types.FileUrl` worked; v2's `mcp.types` mirrors `mcp_types`, which does not:
        `AttributeError: module 'mcp.types' has no attribute 'FileUrl'`.
    """,
    example="""
         import mcp.types as types
        -from mcp.types import AnyUrl
        +from pydantic import AnyUrl
        +from pydantic import FileUrl

         home = AnyUrl("https://example.com")
        -root = types.Root(uri=types.FileUrl("file:///srv/docs"), name="docs")
        +root = types.Root(uri=FileUrl("file:///srv/docs"), name="docs")
    """,
    v1_names=["mcp.types.AnyUrl", "mcp.types.FileUrl"],
    v2_names=["mcp.types.Root"],
)
def check(ctx: PythonContext):
    if not ctx.imports_from("mcp"):
        return
    for alias in ctx.import_aliases(*FOREIGN):
        module, name = _origin(FOREIGN[ctx.canonical(ctx.import_of(alias).module + "." + alias.name)])
        edits = ctx.move_import_alias(alias, module)
        message = "`%s` is %s's: import it from there (v2's SDK module no longer imports it)" % (name, module)
        if edits:
            ctx.fix(alias, message, edits)
        else:
            ctx.manual(alias, message)
    for ref in ctx.references(*FOREIGN):
        if not isinstance(ref, ast.Attribute):
            continue
        module, name = _origin(FOREIGN[ctx.resolve(ref)])
        message = "`%s` is %s's: import it from there (v2's SDK module no longer has it)" % (name, module)
        bound = ctx.module_binding(name)
        if bound is None:
            imp = ctx.add_import(module, name)
            ctx.fix(ref, message, [ctx.replace(ref, name)] + ([imp] if imp else []))
        elif bound.kind == "import" and (bound.target or "").split(".")[0] == module.split(".")[0]:
            ctx.fix(ref, message, [ctx.replace(ref, name)])
        else:
            ctx.manual(ref, message)


def _origin(qualname):
    """(module, name) to import from: pydantic's public names from `pydantic` itself."""
    module, _, name = qualname.rpartition(".")
    return ("pydantic" if module.startswith("pydantic.") else module), name
