from __future__ import annotations

import os
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path


@dataclass(frozen=True)
class Limits:
    timeout: float = 10.0
    max_timeout: float = 120.0
    max_output: int = 64 * 1024
    max_concurrent: int = 2
    python: str = sys.executable
    workdir: Path = field(default_factory=lambda: Path(tempfile.gettempdir()))

    @classmethod
    def from_env(cls) -> Limits:
        env = os.environ
        return cls(
            timeout=float(env.get("SANDBOX_TIMEOUT", cls.timeout)),
            max_output=int(env.get("SANDBOX_MAX_OUTPUT", cls.max_output)),
            max_concurrent=int(env.get("SANDBOX_MAX_CONCURRENT", cls.max_concurrent)),
            python=env.get("SANDBOX_PYTHON", sys.executable),
            workdir=Path(env.get("SANDBOX_WORKDIR", tempfile.gettempdir())),
        )

    def clamp_timeout(self, requested: float | None) -> float:
        if requested is None:
            return self.timeout
        return max(0.1, min(float(requested), self.max_timeout))
