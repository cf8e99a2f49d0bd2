from setuptools import find_packages, setup

setup(
    name="copilot-mcp-client",
    version="0.12.0",
    description="MCP client side of the Copilot IDE assistant: server registry, callbacks and tool catalog",
    packages=find_packages(exclude=["tests", "tests.*"]),
    python_requires=">=3.11",
    install_requires=[
        "mcp>=1.23,<2",
        "httpx>=0.27.1,<1",
        "anyio>=4.5",
        "pydantic>=2.11,<3",
    ],
    extras_require={"dev": ["pyright"]},
)
