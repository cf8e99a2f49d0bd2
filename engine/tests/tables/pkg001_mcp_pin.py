"""PKG001: Dependency floors raised and new required dependencies

Rule: engine/mcp_migrate/rules/pkg001_mcp_pin.py. Table format: engine/tests/tables/__init__.py.
"""

from . import case

FILENAME = "requirements.txt"

CASES = [
    case(
        "-mcp==1.28.1\n+mcp>=2,<3\n",
        findings=["PKG001:1 safe"],
    ),
    # a hash-pinned lock file: the hashes are v1's, so re-lock instead of editing the pin
    case(
        " anyio==4.5.0 --hash=sha256:def\n"
        "+# mcp-migrate: PKG001 `mcp==1.28.1` is hash-pinned: re-lock for `mcp>=2,<3` so the hashes match v2 (e.g. `pip-compile --upgrade-package mcp --generate-hashes` or `uv pip compile --upgrade-package mcp --generate-hashes`); editing the pin alone keeps the v1 hashes https://py.sdk.modelcontextprotocol.io/v2/migration/#dependency-floors-raised-and-new-required-dependencies\n"
        " mcp==1.28.1 \\\n"
        "     --hash=sha256:abc\n"
        "     # via app\n",
        findings=["PKG001:2 manual"],
    ),
    case(
        "-mcp~=1.0\n+mcp>=2,<3\n httpx2\n",
        findings=["PKG001:1 safe"],
    ),
    case(
        "-mcp<2  # pinned\n+mcp>=2,<3  # pinned\n",
        findings=["PKG001:1 safe"],
    ),
    case(
        '-mcp[cli]==1.28.1 ; python_version>="3.10"\n+mcp[cli]>=2,<3 ; python_version>="3.10"\n',
        findings=["PKG001:1 safe"],
    ),
    case(
        "-MCP[cli] >= 1.2, < 2\r\n+MCP[cli] >=2,<3\r\n",
        findings=["PKG001:1 safe"],
    ),
    case(
        "-mcp (==1.9)\n+mcp (>=2,<3)\n",
        findings=["PKG001:1 safe"],
    ),
    case(
        " [project]\n"
        ' name = "x"\n'
        " dependencies = [\n"
        '-    "mcp==1.28.1",  # server\n'
        '+    "mcp>=2,<3",  # server\n'
        '     "anyio>=4",\n'
        " ]\n",
        findings=["PKG001:4 safe"],
        filename="pyproject.toml",
    ),
    case(
        " [project]\n"
        "-dependencies = ['mcp[cli]~=1.2']\n"
        "+dependencies = ['mcp[cli]>=2,<3']\n"
        " [project.optional-dependencies]\n"
        '-server = ["mcp<2"]\n'
        '+server = ["mcp>=2,<3"]\n',
        findings=["PKG001:2 safe", "PKG001:4 safe"],
        filename="pyproject.toml",
    ),
    case(
        " dependencies = [\n-    \"mcp==1.28.1\",\n+    \"mcp>=2,<3\",\n ]\n",
        findings=["PKG001:2 safe"],
        filename="pyproject.toml",
    ),
    case(
        " [tool.poetry.dependencies]\n python = \"^3.10\"\n-mcp = \"^1.2\"\n+mcp = \"^2\"\n",
        findings=["PKG001:3 safe"],
        filename="pyproject.toml",
    ),
    case(
        " [tool.poetry.dependencies]\n"
        '-mcp = {version = "~1.2", extras = ["cli"]}\n'
        '+mcp = {version = ">=2,<3", extras = ["cli"]}\n',
        findings=["PKG001:2 safe"],
        filename="pyproject.toml",
    ),
    case(
        " [options]\n install_requires =\n-    mcp==1.20\n+    mcp>=2,<3\n     anyio\n",
        findings=["PKG001:3 safe"],
        filename="setup.cfg",
    ),
    # setup.py: literal lists, a module-level list named by the keyword, and extras
    case(
        " from setuptools import setup\n"
        " \n"
        "-REQUIRES = ['mcp==1.20', 'anyio']\n"
        "+REQUIRES = ['mcp>=2,<3', 'anyio']\n"
        " \n"
        " setup(\n"
        "     name='demo',\n"
        "     install_requires=REQUIRES,\n"
        "-    extras_require={'server': [\"mcp[cli]~=1.26\"]},\n"
        "+    extras_require={'server': [\"mcp[cli]>=2,<3\"]},\n"
        " )\n",
        findings=["PKG001:3 safe", "PKG001:8 safe"],
        filename="setup.py",
    ),
]

NOOP = [
    ("from setuptools import setup\nsetup(name='x', install_requires=[f'mcp=={V}'])\n", "setup.py"),
    ("print 'python 2 setup'\nsetup(install_requires=['mcp==1.0'])\n", "setup.py"),
    ("description = 'mcp==1.0'\nsetup(name='x', description=description)\n", "setup.py"),
    "mcp>=1.2\n",
    # pins that already allow a 2.x release are left as written
    "mcp==2.1.4\n",
    "mcp>=2.2\n",
    "mcp~=2.1\n",
    "mcp[cli]>2.2,<3 ; python_version >= '3.10'\n",
    "mcp>=2,<3 \\\n    --hash=sha256:abc\n",
    "mcp>=2,<3\n",
    "mcp-types==1.0\nfastmcp==2.0\n",
    "# mcp==1.0\n",
    (
        "[project]\ndescription = \"mcp==1.0\"\ndependencies = [\"mcp\"]\n",
        "pyproject.toml",
    ),
    (
        "[tool.poetry.dependencies]\nmcp = \"^2.0\"\n",
        "pyproject.toml",
    ),
]
