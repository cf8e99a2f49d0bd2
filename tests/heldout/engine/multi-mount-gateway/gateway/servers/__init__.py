from .calc import calc
from .echo import echo
from .secure import build_secure_server

__all__ = ["calc", "echo", "build_secure_server"]
