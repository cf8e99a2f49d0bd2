from setuptools import find_packages, setup

setup(
    name="hearth-hub",
    version="0.9.0",
    description="Home-automation hub exposed as an MCP server (lights, climate, locks, scenes)",
    long_description=open("README.md", encoding="utf-8").read(),
    long_description_content_type="text/markdown",
    author="Hearth contributors",
    license="MIT",
    packages=find_packages(exclude=["tests", "tests.*"]),
    python_requires=">=3.10",
    install_requires=[
        "mcp>=1.22,<2.0",
        "uvicorn>=0.30",
    ],
    extras_require={"test": ["pytest", "anyio"]},
    entry_points={"console_scripts": ["hearth-hub=hearth_hub.cli:main"]},
    classifiers=[
        "Programming Language :: Python :: 3",
        "Topic :: Home Automation",
    ],
)
