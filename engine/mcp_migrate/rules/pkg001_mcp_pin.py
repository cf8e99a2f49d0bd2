from ..deps.versions import allows
from ..framework import rule

DEP_KINDS = ("pyproject", "requirements", "setup_cfg")


@rule(
    code="PKG001",
    title="Dependency floors raised and new required dependencies",
    anchor="dependency-floors-raised-and-new-required-dependencies",
    fix_class="safe",
    summary="""
        Widens an `mcp` requirement that excludes v2 (`mcp==1.28.1`, `mcp~=1.0`, `mcp<2`, Poetry
        `^1.2`) to `>=2,<3` (Poetry caret pins to `^2`), keeping the name's spelling, extras and
        environment markers.
    """,
    why="""
        A pin that excludes v2 keeps installing v1, or makes the resolver fail once other code
        needs v2.
    """,
    before="""
        dependencies = [
            "mcp[cli]==1.28.1 ; python_version>='3.10'",
        ]
    """,
    after="""
        dependencies = [
            "mcp[cli]>=2,<3 ; python_version>='3.10'",
        ]
    """,
    v1_names=["mcp"],
    v2_names=["mcp"],
    kinds=DEP_KINDS,
)
def check(ctx):
    for req in ctx.requirements():
        if req.name != "mcp" or not req.spec:
            continue
        ok = allows(req.spec, "2.0.0")
        if ok is None:
            ctx.manual(req, "check the `mcp` constraint `%s` allows `>=2,<3`" % req.spec)
        elif not ok:
            new = "^2" if req.style == "poetry" and req.spec.strip().startswith("^") else ">=2,<3"
            ctx.fix(req, "widen `mcp%s` to `mcp%s` for v2" % (req.spec, new),
                    [ctx.replace(req.spec_span, new)])


FILENAME = "requirements.txt"
CASES = [
    ("mcp==1.28.1\n", "mcp>=2,<3\n"),
    ("mcp~=1.0\nhttpx2\n", "mcp>=2,<3\nhttpx2\n"),
    ("mcp<2  # pinned\n", "mcp>=2,<3  # pinned\n"),
    ('mcp[cli]==1.28.1 ; python_version>="3.10"\n', 'mcp[cli]>=2,<3 ; python_version>="3.10"\n'),
    ("MCP[cli] >= 1.2, < 2\r\n", "MCP[cli] >=2,<3\r\n"),
    ("mcp (==1.9)\n", "mcp (>=2,<3)\n"),
    (
        '[project]\nname = "x"\ndependencies = [\n    "mcp==1.28.1",  # server\n    "anyio>=4",\n]\n',
        '[project]\nname = "x"\ndependencies = [\n    "mcp>=2,<3",  # server\n    "anyio>=4",\n]\n',
        "pyproject.toml",
    ),
    (
        "[project]\ndependencies = ['mcp[cli]~=1.2']\n[project.optional-dependencies]\nserver = [\"mcp<2\"]\n",
        "[project]\ndependencies = ['mcp[cli]>=2,<3']\n[project.optional-dependencies]\nserver = [\"mcp>=2,<3\"]\n",
        "pyproject.toml",
    ),
    (
        'dependencies = [\n    "mcp==1.28.1",\n]\n',
        'dependencies = [\n    "mcp>=2,<3",\n]\n',
        "pyproject.toml",
    ),
    (
        '[tool.poetry.dependencies]\npython = "^3.10"\nmcp = "^1.2"\n',
        '[tool.poetry.dependencies]\npython = "^3.10"\nmcp = "^2"\n',
        "pyproject.toml",
    ),
    (
        '[tool.poetry.dependencies]\nmcp = {version = "~1.2", extras = ["cli"]}\n',
        '[tool.poetry.dependencies]\nmcp = {version = ">=2,<3", extras = ["cli"]}\n',
        "pyproject.toml",
    ),
    (
        "[options]\ninstall_requires =\n    mcp==1.20\n    anyio\n",
        "[options]\ninstall_requires =\n    mcp>=2,<3\n    anyio\n",
        "setup.cfg",
    ),
]
NOOP = [
    "mcp>=1.2\n",
    "mcp>=2,<3\n",
    "mcp-types==1.0\nfastmcp==2.0\n",
    "# mcp==1.0\n",
    ('[project]\ndescription = "mcp==1.0"\ndependencies = ["mcp"]\n', "pyproject.toml"),
    ('[tool.poetry.dependencies]\nmcp = "^2.0"\n', "pyproject.toml"),
]
