from ..deps.context import DepsContext
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
        environment markers. A hash-pinned requirement (`--hash=...`, a lock file) is not edited:
        it gets a marker to re-lock, since the v1 hashes would not match v2.
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
def check(ctx: DepsContext):
    for req in ctx.requirements():
        if req.name != "mcp" or not req.spec:
            continue
        ok = allows(req.spec, "2.0.0")
        if ok is None:
            ctx.manual(req, "check the `mcp` constraint `%s` allows `>=2,<3`" % req.spec)
        elif not ok and req.hashed:
            ctx.manual(req, "`mcp%s` is hash-pinned: re-lock for `mcp>=2,<3` so the hashes match v2 "
                            "(e.g. `pip-compile --upgrade-package mcp --generate-hashes` or "
                            "`uv pip compile --upgrade-package mcp --generate-hashes`); editing the pin "
                            "alone keeps the v1 hashes" % req.spec)
        elif not ok:
            new = "^2" if req.style == "poetry" and req.spec.strip().startswith("^") else ">=2,<3"
            ctx.fix(req, "widen `mcp%s` to `mcp%s` for v2" % (req.spec, new),
                    [ctx.replace(req.spec_span, new)])


FILENAME = "requirements.txt"
CASES = [
    ("mcp==1.28.1\n", "mcp>=2,<3\n"),
    (  # a hash-pinned lock file: the hashes are v1's, so re-lock instead of editing the pin
        "anyio==4.5.0 --hash=sha256:def\nmcp==1.28.1 \\\n    --hash=sha256:abc\n    # via app\n",
        "anyio==4.5.0 --hash=sha256:def\n# mcp-migrate: PKG001 `mcp==1.28.1` is hash-pinned: re-lock for "
        "`mcp>=2,<3` so the hashes match v2 (e.g. `pip-compile --upgrade-package mcp --generate-hashes` or "
        "`uv pip compile --upgrade-package mcp --generate-hashes`); editing the pin alone keeps the v1 hashes "
        "https://mcp-migrate.dev/guide/#dependency-floors-raised-and-new-required-dependencies\n"
        "mcp==1.28.1 \\\n    --hash=sha256:abc\n    # via app\n",
    ),
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
    "mcp>=2,<3 \\\n    --hash=sha256:abc\n",
    "mcp>=2,<3\n",
    "mcp-types==1.0\nfastmcp==2.0\n",
    "# mcp==1.0\n",
    ('[project]\ndescription = "mcp==1.0"\ndependencies = ["mcp"]\n', "pyproject.toml"),
    ('[tool.poetry.dependencies]\nmcp = "^2.0"\n', "pyproject.toml"),
]
