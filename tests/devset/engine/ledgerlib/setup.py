from setuptools import setup

setup(
    name="ledgerlib",
    version="3.8.1",
    description="Double-entry ledger utilities with an optional MCP server",
    packages=["ledgerlib"],
    python_requires=">=3.10",
    install_requires=["python-dateutil>=2.8"],
    extras_require={
        "mcp": ["mcp>=1.21,<2"],
        "dev": ["pytest>=8"],
    },
    entry_points={"console_scripts": ["ledger-mcp=ledgerlib.mcp_server:main [mcp]"]},
)
