"""Thin wrappers around the git CLI. No MCP code here."""

from __future__ import annotations

import subprocess
from dataclasses import dataclass
from pathlib import Path


class GitError(RuntimeError):
    pass


@dataclass
class Commit:
    sha: str
    author: str
    date: str
    subject: str

    def short(self) -> str:
        return f"{self.sha[:8]} {self.date} {self.author}: {self.subject}"


def run_git(repo: Path, *args: str) -> str:
    proc = subprocess.run(
        ["git", "-C", str(repo), *args],
        capture_output=True,
        text=True,
        check=False,
    )
    if proc.returncode != 0:
        raise GitError(proc.stderr.strip() or f"git {' '.join(args)} failed")
    return proc.stdout


def status(repo: Path) -> str:
    return run_git(repo, "status", "--short", "--branch")


def diff(repo: Path, target: str | None = None, staged: bool = False) -> str:
    args = ["diff"]
    if staged:
        args.append("--cached")
    if target:
        args.append(target)
    return run_git(repo, *args)


def log(repo: Path, max_count: int = 10) -> list[Commit]:
    out = run_git(repo, "log", f"--max-count={max_count}", "--pretty=format:%H%x1f%an%x1f%ad%x1f%s", "--date=short")
    commits: list[Commit] = []
    for line in out.splitlines():
        sha, author, date, subject = line.split("\x1f", 3)
        commits.append(Commit(sha, author, date, subject))
    return commits


def commit(repo: Path, message: str) -> str:
    return run_git(repo, "commit", "-m", message).strip()


def is_repo(path: Path) -> bool:
    try:
        run_git(path, "rev-parse", "--git-dir")
    except (GitError, FileNotFoundError):
        return False
    return True
