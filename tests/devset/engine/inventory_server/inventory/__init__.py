from .server import InventoryServer

__all__ = ["InventoryServer"]
