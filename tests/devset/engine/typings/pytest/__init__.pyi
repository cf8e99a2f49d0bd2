# Minimal shim so pyright can resolve `import pytest` without pytest being
# installed in the type-checking venv.  Every attribute is Any.
from typing import Any

def __getattr__(name: str) -> Any: ...
