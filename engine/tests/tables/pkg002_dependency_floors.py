"""PKG002: Dependency floors raised and new required dependencies

Rule: engine/mcp_migrate/rules/pkg002_dependency_floors.py. Table format: engine/tests/tables/__init__.py.
"""

from . import case

FILENAME = "requirements.txt"

CASES = [
    case(
        " mcp>=2,<3\n"
        "+# mcp-migrate: PKG002 `sse-starlette>=2,<3` conflicts with mcp v2, which needs `sse-starlette>=3.0.0`; relax or bump the pin https://py.sdk.modelcontextprotocol.io/v2/migration/#dependency-floors-raised-and-new-required-dependencies\n"
        " sse-starlette>=2,<3\n",
        findings=["PKG002:2 manual"],
    ),
    case(
        " [project]\n"
        " dependencies = [\n"
        '     "mcp==1.28.1",\n'
        "+    # mcp-migrate: PKG002 `pydantic==2.11.3` conflicts with mcp v2, which needs `pydantic>=2.12`; relax or bump the pin https://py.sdk.modelcontextprotocol.io/v2/migration/#dependency-floors-raised-and-new-required-dependencies\n"
        '     "pydantic==2.11.3",\n'
        " ]\n",
        findings=["PKG002:4 manual"],
        filename="pyproject.toml",
    ),
]

NOOP = [
    "mcp\nsse-starlette>=3\npydantic>=2.11\nanyio~=4.5\n",
    # no mcp in this file: not our business
    "sse-starlette<3\n",
]
