"""SRV018: `isinstance()` checks against `ElicitationResult` raise `TypeError`

Rule: engine/mcp_migrate/rules/srv018_elicitation_result_isinstance.py. Table format: engine/tests/tables/__init__.py.
"""

from . import case

CASES = [
    case(
        " from mcp.server.elicitation import ElicitationResult\n"
        "+from mcp.server.elicitation import AcceptedElicitation, DeclinedElicitation, CancelledElicitation\n"
        " \n"
        " \n"
        " async def ask(ctx):\n"
        "     result = await ctx.elicit('Proceed?', Confirm)\n"
        "-    if isinstance(result, ElicitationResult):\n"
        "+    if isinstance(result, (AcceptedElicitation, DeclinedElicitation, CancelledElicitation)):\n"
        "         return result.action\n",
        findings=["SRV018:6 safe"],
    ),
    case(
        " from mcp.server.elicitation import AcceptedElicitation, CancelledElicitation, DeclinedElicitation\n"
        " from mcp.server.fastmcp.server import ElicitationResult as ER\n"
        " \n"
        "-ok = isinstance(r, (ER, str))\n"
        "+ok = isinstance(r, (AcceptedElicitation, DeclinedElicitation, CancelledElicitation, str))\n",
        findings=["SRV018:4 safe"],
    ),
    case(
        " import mcp.server.elicitation as el\n"
        " \n"
        "-ok = isinstance(r, el.ElicitationResult)\n"
        "+ok = isinstance(r, (el.AcceptedElicitation, el.DeclinedElicitation, el.CancelledElicitation))\n",
        findings=["SRV018:3 safe"],
    ),
]

NOOP = [
    "from mcp.server.elicitation import AcceptedElicitation\nok = isinstance(r, AcceptedElicitation)\n",
    "from mcp.server.elicitation import ElicitationResult\n\ndef f(r: ElicitationResult) -> None:\n    pass\n",
    "from mylib import ElicitationResult\nok = isinstance(r, ElicitationResult)\n",
]
