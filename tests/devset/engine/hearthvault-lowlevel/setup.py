from setuptools import find_packages, setup

setup(
    name="hearthvault",
    version="2.3.0",
    description="Home-automation hub exposed as a Model Context Protocol server",
    packages=find_packages(exclude=["tests"]),
    python_requires=">=3.11",
    install_requires=[
        "mcp>=1.25.0,<2.0.0",
        "anyio>=4.5",
        "starlette>=0.40",
        "uvicorn>=0.30",
        "jsonschema>=4.20",
    ],
    entry_points={"console_scripts": ["hearthvault=hearthvault.main:cli"]},
)
