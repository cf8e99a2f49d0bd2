from .. import sdk
from ..context import PythonContext
from ..framework import rule


@rule(
    code="TYP003",
    title="`mcp.types` moved to the `mcp-types` package",
    anchor="mcptypes-moved-to-the-mcp-types-package",
    fix_class="safe",
    summary="""
        Moves imports of the removed `mcp.shared.version` module to `mcp.types.version`.
        `mcp.types` itself stays: it is a permanent alias of `mcp_types` in v2.
    """,
    why="""
        `mcp.shared.version` was removed; importing it fails with
        `ModuleNotFoundError: No module named 'mcp.shared.version'`.
    """,
    example="""
        -from mcp.shared.version import SUPPORTED_PROTOCOL_VERSIONS
        +from mcp.types.version import SUPPORTED_PROTOCOL_VERSIONS

         print(SUPPORTED_PROTOCOL_VERSIONS)
    """,
    v1_names=["mcp.shared.version", "mcp.shared.version.SUPPORTED_PROTOCOL_VERSIONS"],
    v2_names=["mcp.types.version", "mcp_types.version.SUPPORTED_PROTOCOL_VERSIONS"],
)
def check(ctx: PythonContext):
    ctx.rename_module(
        sdk.SHARED_VERSION, "mcp.types.version", "`mcp.shared.version` was removed; import from `mcp.types.version`"
    )
