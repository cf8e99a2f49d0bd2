from setuptools import find_packages, setup

setup(
    name="mcptoolkit",
    version="0.9.1",
    description="Thin helpers around the MCP ClientSession: pagination, error mapping, change tracking",
    packages=find_packages(exclude=["tests"]),
    python_requires=">=3.10",
    install_requires=[
        "mcp>=1.20.0,<2.0.0",
        "anyio>=4.5",
    ],
    extras_require={"test": ["pytest>=8", "trio"]},
)
