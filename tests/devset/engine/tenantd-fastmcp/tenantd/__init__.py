"""tenantd - a multi-tenant workspace service exposed over the Model Context Protocol."""

__version__ = "3.1.0"
