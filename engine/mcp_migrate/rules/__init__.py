"""Every rule module, imported explicitly (Pyodide-friendly: no package scanning).

Add new rule modules to RULE_MODULES; the order here is the order rules run in and the
priority when two fixes overlap (earlier wins).
"""

import importlib

RULE_MODULES = [
    # --- PKG: dependency files (engine core) ---
    "pkg001_mcp_pin",
    "pkg002_dependency_floors",
    "pkg003_httpx_pins",
    "pkg004_ws_extra",
    # --- TYP, CLT, TST ---
    "typ001_mcperror_rename",
    # --- end TYP, CLT, TST ---
    # --- SRV ---
    "srv001_fastmcp_rename",
    # --- end SRV ---
    # --- LOW, TRN ---
    # --- end LOW, TRN ---
    # --- AUT, PRO, DPR, ERA, PKG1xx ---
    # --- end AUT, PRO, DPR, ERA, PKG1xx ---
]

for _name in RULE_MODULES:
    importlib.import_module(__name__ + "." + _name)
