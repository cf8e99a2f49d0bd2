from mcphub.hub import Hub

__all__ = ["Hub"]
