from setuptools import find_packages, setup

setup(
    name="oauthgate-client",
    version="0.6.2",
    description="OAuth-aware connection manager for remote MCP servers",
    long_description=open("README.md", encoding="utf-8").read(),
    long_description_content_type="text/markdown",
    author="Platform Integrations",
    license="Apache-2.0",
    packages=find_packages(exclude=["tests", "tests.*"]),
    python_requires=">=3.11",
    install_requires=["mcp>=1.22.0,<2"],
    extras_require={"dev": ["pytest>=8", "anyio[trio]>=4.5"]},
    classifiers=[
        "Programming Language :: Python :: 3",
        "Framework :: AsyncIO",
        "Intended Audience :: Developers",
    ],
)
