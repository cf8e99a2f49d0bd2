from setuptools import find_packages, setup

setup(
    name="sync-agent-adapter",
    version="0.7.1",
    description="Use MCP server tools from synchronous agent frameworks",
    packages=find_packages(exclude=["tests", "tests.*"]),
    python_requires=">=3.10",
    install_requires=["mcp>=1.9.4,<2", "httpx>=0.27", "anyio>=4.5"],
    extras_require={"websocket": ["mcp[ws]>=1.9.4,<2"], "dev": ["pytest>=8"]},
)
