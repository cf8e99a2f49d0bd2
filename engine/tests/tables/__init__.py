"""Rule tables: one module per rule, named like the rule's module
(`mcp_migrate/rules/srv001_fastmcp_rename.py` -> `tests/tables/srv001_fastmcp_rename.py`).

A table holds

- `CASES`: rows run with only this rule selected and review fixes applied (`apply_review=True`):
  - `case(diff, findings=[...])`: the engine turns the input into exactly the output and reports exactly
    `findings`. `diff` is the file as a diff, every line marked: `" "` in both, `"-"` input only,
    `"+"` output only (at least one line changes);
  - `findings_only(source, findings=[...])`: report-only rows (advisory findings: no edit, no marker),
    where the output must equal the input and the findings are the whole point;
- `NOOP`: sources the rule must leave alone: no findings, no change (a string, or `(source, filename)`);
- `FILENAME` (optional): the file name rows run under (default `main.py`; `requirements.txt` ...);
  a row can name its own with `filename=`.

Rows sharing unchanged lines may start from a named constant (`SERVER + " ..."`, see LOW002's table).

A finding is written `"CODE:line class"`: the rule code, the 1-based line of the code it points at in
`before`, and its class as the result reports it: `safe`, `review`, `manual`, or `advisory` (review
advice without edits or marker). Every output must parse and be a fixed point (a second run changes
nothing). `python3 engine/tests/run_tables.py` runs every table (and `--print CODE` shows what the
engine does with a table's rows, to check and copy into a new row).
"""

from typing import NamedTuple, Optional, Sequence, Tuple

from mcp_migrate.framework import split_diff

CLASSES = ("safe", "review", "manual", "advisory")


class Row(NamedTuple):
    before: str
    after: str
    findings: Tuple[str, ...]
    filename: Optional[str]
    findings_only: bool


def case(diff: str, findings: Sequence[str], filename: Optional[str] = None) -> Row:
    before, after = split_diff(diff)
    return Row(before, after, tuple(findings), filename, False)


def findings_only(source: str, findings: Sequence[str], filename: Optional[str] = None) -> Row:
    return Row(source, source, tuple(findings), filename, True)
