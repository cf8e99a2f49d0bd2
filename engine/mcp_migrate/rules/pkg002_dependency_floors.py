from ..deps.context import DepsContext
from ..deps.versions import allows_any
from ..framework import rule

# v2's floors (guide table). Probe versions at and above the floor: a pin that allows none of them
# cannot co-install with mcp v2.
FLOORS = {
    "sse-starlette": ("3.0.0", ["3.0.0", "3.5", "4.0", "99"]),
    "pydantic": ("2.12", ["2.12", "2.13", "2.99", "3.0", "99"]),
    "anyio": ("4.9", ["4.9", "4.10", "4.99", "5.0", "99"]),
    "typing-extensions": ("4.13.0", ["4.13.0", "4.14", "4.99", "5.0", "99"]),
    "pywin32": ("311", ["311", "312", "400", "999"]),
}


@rule(
    code="PKG002",
    title="Dependency floors raised and new required dependencies",
    anchor="dependency-floors-raised-and-new-required-dependencies",
    fix_class="manual",
    summary="""
        Marks pins of `sse-starlette`, `pydantic`, `anyio`, `typing-extensions` and `pywin32` that
        exclude the minimum version mcp v2 requires (e.g. `sse-starlette<3`, `pydantic<2.12`).
    """,
    why="""
        The resolver fails before anything installs ("No solution found when resolving
        dependencies"). Relaxing a pin may pull in that library's own breaking changes
        (sse-starlette jumps two majors), so this is left to you.
    """,
    example="""
         [project]
         name = "weather-server"
         dependencies = [
             "mcp>=1.28",
        +    # mcp-migrate: PKG002 `sse-starlette>=2,<3` conflicts with mcp v2, which needs `sse-starlette>=3.0.0`; relax or bump the pin https://py.sdk.modelcontextprotocol.io/v2/migration/#dependency-floors-raised-and-new-required-dependencies
             "sse-starlette>=2,<3",
         ]
    """,
    kinds=("pyproject", "requirements", "setup_cfg", "setup_py"),
)
def check(ctx: DepsContext):
    if not ctx.depends_on("mcp"):
        return
    for req in ctx.requirements():
        if req.name not in FLOORS or not req.spec:
            continue
        floor, probes = FLOORS[req.name]
        if allows_any(req.spec, probes) is False:
            ctx.manual(
                req,
                "`%s%s` conflicts with mcp v2, which needs `%s>=%s`; relax or bump the pin"
                % (req.raw_name, req.spec, req.name, floor),
            )
