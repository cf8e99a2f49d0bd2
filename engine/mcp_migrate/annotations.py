"""`--output-format github`: workflow commands that GitHub Actions shows as annotations on the diff.

https://docs.github.com/actions/reference/workflow-commands-for-github-actions
"""

from typing import Iterable, List

from .links import guide_url

_FIX = {"safe": "safe fix", "review": "fix to review (--apply-review)", "manual": "manual change"}


def _escape_data(s: str) -> str:
    return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(s: str) -> str:
    return _escape_data(s).replace(":", "%3A").replace(",", "%2C")


def _command(level: str, message: str, **props) -> str:
    fields = ",".join("%s=%s" % (k, _escape_property(str(v))) for k, v in props.items() if v is not None)
    return "::%s %s::%s\n" % (level, fields, _escape_data(message))


def finding_level(f: dict) -> str:
    # Advisory findings change nothing and do not fail --check; everything else is v1 code.
    return "warning" if f["advisory"] else "error"


def annotations(files: Iterable[dict], skipped: Iterable[dict]) -> str:
    out: List[str] = []
    for rep in files:
        for f in rep["findings"]:
            how = "advice" if f["advisory"] else _FIX[f["fix_class"]]
            if rep.get("written") and f["applied"]:
                how = "fixed"
            out.append(
                _command(
                    finding_level(f),
                    "%s:%d:%d: %s %s [%s]\n%s"
                    % (
                        rep["path"],
                        f["start"]["line"],
                        f["start"]["column"],
                        f["rule"],
                        f["message"],
                        how,
                        guide_url(f["anchor"]),
                    ),
                    title="mcp-migrate (%s)" % f["rule"],
                    file=rep["path"],
                    line=f["start"]["line"],
                    col=f["start"]["column"],
                    endLine=f["end"]["line"],
                    endColumn=f["end"]["column"],
                )
            )
    for s in skipped:
        out.append(
            _command(
                "error" if s["failed"] else "warning",
                "%s: skipped: %s" % (s["path"], s["reason"]),
                title="mcp-migrate (file skipped)",
                file=s["path"],
                line=s.get("line"),
            )
        )
    return "".join(out)
