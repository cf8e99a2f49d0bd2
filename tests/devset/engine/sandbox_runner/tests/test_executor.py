from __future__ import annotations

import anyio

from sandbox_runner.executor import SandboxTimeout, run_snippet
from sandbox_runner.limits import Limits


def test_captures_output_and_exit_code() -> None:
    lines: list[str] = []

    async def on_line(line: str) -> None:
        lines.append(line)

    async def go() -> None:
        result = await run_snippet("import sys\nprint('a')\nprint('b')\nsys.exit(4)", Limits(), on_line=on_line)
        assert result.exit_code == 4
        assert result.stdout == "a\nb\n"
        assert not result.truncated

    anyio.run(go)
    assert lines == ["a", "b"]


def test_stdin_and_stderr() -> None:
    async def go() -> None:
        result = await run_snippet(
            "import sys\ndata = sys.stdin.read()\nprint(data.upper(), file=sys.stderr)", Limits(), stdin="hello"
        )
        assert result.exit_code == 0
        assert result.stderr.strip() == "HELLO"

    anyio.run(go)


def test_output_is_capped() -> None:
    async def go() -> None:
        result = await run_snippet("print('x' * 5000)", Limits(max_output=100))
        assert len(result.stdout) == 100
        assert result.truncated

    anyio.run(go)


def test_timeout_kills_process() -> None:
    async def go() -> None:
        try:
            await run_snippet("while True: pass", Limits(), timeout=0.3)
        except SandboxTimeout as exc:
            assert "0.3s" in str(exc)
        else:
            raise AssertionError("expected a timeout")

    anyio.run(go)


def test_isolated_mode_ignores_user_site() -> None:
    async def go() -> None:
        result = await run_snippet("import sys; print(sys.flags.isolated)", Limits())
        assert result.stdout.strip() == "1"

    anyio.run(go)
