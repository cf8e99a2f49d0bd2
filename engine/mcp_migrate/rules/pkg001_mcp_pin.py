from ..deps.context import DepsContext
from ..deps.versions import allows_major
from ..framework import rule

DEP_KINDS = ("pyproject", "requirements", "setup_cfg", "setup_py")


@rule(
    code="PKG001",
    title="Dependency floors raised and new required dependencies",
    anchor="dependency-floors-raised-and-new-required-dependencies",
    fix_class="safe",
    summary="""
        Widens an `mcp` requirement that excludes v2 (`mcp==1.28.1`, `mcp~=1.0`, `mcp<2`, Poetry
        `^1.2`) to `>=2,<3` (Poetry caret pins to `^2`), keeping the name's spelling, extras and
        environment markers. A hash-pinned requirement (`--hash=...`, a lock file) is not edited:
        it gets a marker to re-lock, since the v1 hashes would not match v2.
    """,
    why="""
        A pin that excludes v2 keeps installing v1, or makes the resolver fail once other code
        needs v2.
    """,
    example="""
         [project]
         name = "weather-server"
         dependencies = [
        -    "mcp[cli]==1.28.1 ; python_version>='3.10'",
        +    "mcp[cli]>=2,<3 ; python_version>='3.10'",
         ]
    """,
    v1_names=["mcp"],
    v2_names=["mcp"],
    kinds=DEP_KINDS,
)
def check(ctx: DepsContext):
    for req in ctx.requirements():
        if req.name != "mcp" or not req.spec:
            continue
        ok = allows_major(req.spec, 2)
        if ok is None:
            ctx.manual(req, "check the `mcp` constraint `%s` allows `>=2,<3`" % req.spec)
        elif not ok and req.hashed:
            ctx.manual(
                req,
                "`mcp%s` is hash-pinned: re-lock for `mcp>=2,<3` so the hashes match v2 "
                "(e.g. `pip-compile --upgrade-package mcp --generate-hashes` or "
                "`uv pip compile --upgrade-package mcp --generate-hashes`); editing the pin "
                "alone keeps the v1 hashes" % req.spec,
            )
        elif not ok:
            new = "^2" if req.style == "poetry" and req.spec.strip().startswith("^") else ">=2,<3"
            ctx.fix(req, "widen `mcp%s` to `mcp%s` for v2" % (req.spec, new), [ctx.replace(req.spec_span, new)])
