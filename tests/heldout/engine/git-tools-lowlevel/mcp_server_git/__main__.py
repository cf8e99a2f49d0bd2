"""Run the git server over stdio: `python -m mcp_server_git -r ~/src/project`."""

from __future__ import annotations

import logging
from pathlib import Path

import anyio
import click
from mcp.server.lowlevel import NotificationOptions
from mcp.server.models import InitializationOptions
from mcp.server.stdio import stdio_server

from .gitcmd import is_repo
from .server import register_repository, server


async def serve(repositories: list[Path]) -> None:
    for repo in repositories:
        if not is_repo(repo):
            raise click.BadParameter(f"{repo} is not a git repository")
        register_repository(repo)

    options = InitializationOptions(
        server_name="mcp-git",
        server_version="0.6.2",
        capabilities=server.get_capabilities(
            notification_options=NotificationOptions(),
            experimental_capabilities={},
        ),
        instructions="Use git_status before committing.",
    )
    async with stdio_server() as (read_stream, write_stream):
        await server.run(read_stream, write_stream, options, raise_exceptions=False)


@click.command()
@click.option("-r", "--repository", "repositories", multiple=True, type=click.Path(path_type=Path))
@click.option("-v", "--verbose", count=True)
def main(repositories: tuple[Path, ...], verbose: int) -> None:
    level = logging.WARNING - 10 * min(verbose, 2)
    logging.basicConfig(level=level)
    anyio.run(serve, list(repositories))


if __name__ == "__main__":
    main()
