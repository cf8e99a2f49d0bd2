from setuptools import find_packages, setup

setup(
    name="pipeline-server",
    version="0.7.0",
    description="MCP front-end for the internal data pipeline scheduler",
    author="Data Platform Team",
    packages=find_packages(exclude=("tests",)),
    python_requires=">=3.10",
    install_requires=[
        "mcp>=1.25,<2",
        "starlette>=0.40",
        "uvicorn[standard]>=0.30",
        "sse-starlette>=2.1,<3",
    ],
    entry_points={"console_scripts": ["pipeline-mcp=pipeline_server.__main__:main"]},
)
