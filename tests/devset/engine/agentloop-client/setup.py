from setuptools import find_packages, setup

setup(
    name="agentloop",
    version="0.9.2",
    description="A small LLM agent loop that drives Model Context Protocol servers",
    long_description="agentloop turns MCP tools into LLM function schemas and runs the tool-calling loop.",
    packages=find_packages(exclude=["tests", "tests.*"]),
    python_requires=">=3.10",
    install_requires=[
        "mcp>=1.24.0,<2.0.0",
        "httpx>=0.27",
        "anyio>=4.5",
        "pydantic>=2.11,<3",
    ],
    extras_require={"dev": ["pyright"]},
    entry_points={"console_scripts": ["agentloop=agentloop.agent:cli"]},
)
