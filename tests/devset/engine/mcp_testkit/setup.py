from setuptools import find_packages, setup

setup(
    name="mcp-testkit",
    version="0.6.0",
    description="In-memory fixtures, recorders and assertions for testing MCP servers",
    packages=find_packages(exclude=["tests", "tests.*"]),
    python_requires=">=3.10",
    install_requires=[
        "mcp>=1.20.0,<2.0.0",
        "anyio>=4.5",
    ],
    extras_require={
        "server": ["mcp[cli]>=1.20.0,<2.0.0"],
        "dev": ["ruff", "pyright"],
    },
    classifiers=[
        "Framework :: AnyIO",
        "Topic :: Software Development :: Testing",
    ],
)
