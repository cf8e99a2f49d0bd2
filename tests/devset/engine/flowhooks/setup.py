"""Packaging for the flowhooks MCP provider."""

from setuptools import find_packages, setup

setup(
    name="flowhooks-provider-mcp",
    version="0.7.2",
    description="Workflow hooks, operators and sensors that talk to Model Context Protocol servers",
    long_description=open("README.md", encoding="utf-8").read(),
    long_description_content_type="text/markdown",
    packages=find_packages(exclude=["tests", "tests.*"]),
    python_requires=">=3.10",
    install_requires=[
        "mcp>=1.24.0,<2",
        "anyio>=4.5",
        "pydantic>=2.7,<3",
    ],
    extras_require={
        "http": ["httpx>=0.27"],
        "cli": ["mcp[cli]>=1.24.0,<2"],
    },
    entry_points={
        "flowhooks.providers": [
            "mcp = flowhooks_mcp:get_provider_info",
        ],
    },
    classifiers=[
        "Programming Language :: Python :: 3",
        "Framework :: AsyncIO",
    ],
)
