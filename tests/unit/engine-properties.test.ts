// Properties of the whole engine under Pyodide: no false positives on real code, hostile input
// never crashes or hangs, positions and bytes are right, conflicts and bad fixes degrade to markers.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Engine, Result } from '../../src/lib/engine/types';
import { loadTestEngine, pyJson } from './engine-helpers';

let engine: Engine;
const migrate = (text: string, filename = 'main.py', options = {}): Result =>
  engine.migrateSync(text, filename, options);

beforeAll(async () => {
  engine = await loadTestEngine();
});

describe('no false positives', () => {
  it("every .py in Pyodide's python_stdlib.zip gets zero findings and no crash", () => {
    const res = pyJson(
      engine,
      `
import json, sys, zipfile
from mcp_migrate.api import migrate_text
zp = [p for p in sys.path if p.endswith('.zip')][0]
z = zipfile.ZipFile(zp)
names = [n for n in z.namelist() if n.endswith('.py')]
bad, errors = [], {}
for n in names:
    src = z.read(n).decode('utf-8', 'surrogateescape')
    r = migrate_text(src, n)
    if r['error']:
        errors[n] = r['error']['kind']
    elif r['changed'] or r['findings'] or r.get('internal_errors'):
        bad.append([n, [f['rule'] + ' ' + f['message'] for f in r['findings']][:3], r.get('internal_errors')])
json.dumps({'files': len(names), 'bad': bad, 'errors': errors})`,
    );
    console.log(
      `stdlib property: ${res.files} files, ${res.bad.length} with findings, ${Object.keys(res.errors).length} refused`,
    );
    expect(res.files).toBeGreaterThan(400);
    expect(res.bad).toEqual([]);
  }, 300_000);

  const lookAlikes: [string, string][] = [
    [
      'separate fastmcp package',
      'from fastmcp import FastMCP, Context\nmcp = FastMCP("x")\n@mcp.tool()\ndef t(ctx: Context): ...\nmcp.run()\n',
    ],
    ['fastmcp package submodule', 'from fastmcp.server import FastMCP\nimport fastmcp\nfastmcp.FastMCP("x")\n'],
    [
      'local Server class',
      'class Server:\n    def list_tools(self):\n        return lambda f: f\nserver = Server()\n@server.list_tools()\nasync def lt(): ...\n',
    ],
    [
      'own McpError',
      'class McpError(Exception):\n    pass\ntry:\n    pass\nexcept McpError as e:\n    raise McpError("x") from e\n',
    ],
    ['own McpError module', 'from myapp.errors import McpError\nraise McpError()\n'],
    [
      'strings and comments',
      's = "from mcp.server.fastmcp import FastMCP"\n# from mcp import McpError\nx = "McpError FastMCP mcp.server.fastmcp"\n',
    ],
    ['docstring', '"""Uses FastMCP from mcp.server.fastmcp and McpError."""\n'],
    ['relative import', 'from .fastmcp import FastMCP\nfrom . import McpError\n'],
    ['shadowed by parameter', 'import mcp\ndef f(FastMCP, McpError):\n    return FastMCP("x"), McpError\n'],
    ['patch of other code', 'from unittest import mock\n@mock.patch("myapp.fastmcp.FastMCP")\ndef test(m): ...\n'],
    [
      'already v2',
      'from mcp.server.mcpserver import MCPServer, Context\nfrom mcp import MCPError\nmcp = MCPServer("x")\n',
    ],
    ['attribute named like SDK', 'obj.McpError\nobj.server.fastmcp.FastMCP\n'],
  ];
  it.each(lookAlikes)('leaves alone: %s', (_name, src) => {
    const r = migrate(src);
    expect(r.error).toBeNull();
    expect(r.findings).toEqual([]);
    expect(r.text).toBe(src);
  });

  it('requirements/pyproject look-alikes', () => {
    for (const [src, fn] of [
      ['fastmcp==2.0\nmcp-types==1\nmcpx<2\n', 'requirements.txt'],
      ['[project]\nname = "mcp"\nversion = "1.0"\ndependencies = ["mcpserver<2"]\n', 'pyproject.toml'],
      ['[tool.black]\ntarget = ["mcp==1.0"]\n', 'pyproject.toml'],
    ]) {
      const r = migrate(src, fn);
      expect(r.findings, src).toEqual([]);
      expect(r.text).toBe(src);
    }
  });
});

describe('hostile input never crashes', () => {
  const cases: [string, () => string, string | null][] = [
    ['syntax error', () => 'def f(:\n    pass\n', 'syntax'],
    ['python 2 print', () => 'print "hello"\n', 'python2'],
    ['python 2 except', () => 'try:\n    pass\nexcept ValueError, e:\n    pass\n', 'python2'],
    ['python 2 exec', () => 'exec "x = 1"\n', 'python2'],
    ['python 2 octal', () => 'x = 0777\n', 'python2'],
    ['NUL byte', () => 'x = 1\x00\n', 'binary'],
    ['lone surrogate', () => 'x = "\ud800"\n', 'encoding'],
    ['too large', () => '# ' + 'x'.repeat(2 * 1024 * 1024 + 10) + '\n', 'too_large'],
    ['deep parens', () => 'x = ' + '('.repeat(5000) + '1' + ')'.repeat(5000) + '\n', 'too_deep'],
    ['deep lists', () => 'x = ' + '['.repeat(100000) + ']'.repeat(100000) + '\n', 'too_deep'],
    ['unbalanced brackets', () => 'x = ' + '['.repeat(100000) + '\n', null],
    ['long binop chain', () => 'x = ' + 'a + '.repeat(50000) + 'a\n', null],
    ['long not chain', () => 'x = ' + 'not '.repeat(50000) + 'a\n', null],
    ['deep unary minus', () => 'x = ' + '-'.repeat(50000) + '1\n', null],
    [
      'deep indentation',
      () => Array.from({ length: 120 }, (_, i) => ' '.repeat(i) + 'if x:\n').join('') + ' '.repeat(120) + 'pass\n',
      null,
    ],
    ['long attribute chain', () => 'import mcp\nx = mcp' + '.a'.repeat(30000) + '\n', null],
    ['many imports', () => 'from mcp import McpError\n'.repeat(5000), null],
    ['empty', () => '', null],
    ['only BOM', () => '\ufeff', null],
    ['only comments', () => '# hi\n# there', null],
    ['form feed and weird newlines', () => 'x = 1\x0c\ny = "\u2028"\rz = 3\r\n', null],
    ['tabs and spaces mix', () => 'if x:\n\tif y:\n        pass\n', null],
  ];
  it.each(cases)(
    '%s',
    (_name, make, kind) => {
      const src = make();
      const t = Date.now();
      const r = migrate(src);
      expect(Date.now() - t).toBeLessThan(30_000);
      if (kind) {
        expect(r.error?.kind).toBe(kind);
        expect(r.error?.message.length).toBeGreaterThan(0);
      }
      if (r.error) {
        expect(r.text).toBe(src);
        expect(r.changed).toBe(false);
      }
    },
    60_000,
  );

  it('a pyproject.toml that is not TOML is an error, not a silent pass', () => {
    const src = '[project\nname = "x"\ndependencies = ["mcp==1.28.1"]\n';
    const r = migrate(src, 'pyproject.toml');
    expect(r.error?.kind).toBe('syntax');
    expect(r.error?.message).toMatch(/pyproject\.toml is not valid TOML/);
    expect(r.error?.line).toBe(1);
    expect(r.findings).toEqual([]);
    expect(r.text).toBe(src);
  });

  it('syntax errors carry a position', () => {
    const r = migrate('x = 1\ny = (\n');
    expect(r.error?.kind).toBe('syntax');
    expect(r.error?.line).toBeGreaterThanOrEqual(2);
  });

  it('the engine still works after hostile input', () => {
    expect(migrate('from mcp import McpError\n').text).toBe('from mcp import MCPError\n');
  });
});

describe('positions and bytes', () => {
  it('columns are UTF-16 code units after emoji and CJK', () => {
    const src = 'from mcp import McpError\nx = "😀中"; raise McpError(1)\n';
    const r = migrate(src, 'main.py', { select: ['TYP001'] });
    // The import's finding carries the reference edits too (one rename, one finding).
    const edit = r.findings.flatMap((f) => f.edits).find((e) => e.start.line === 2)!;
    // `x = "😀中"; raise ` = 4 + 1 + 2 (emoji) + 1 + 1 + 2 + 6 = 17 code units -> column 18
    expect(edit).toEqual({ start: { line: 2, column: 18 }, end: { line: 2, column: 26 }, text: 'MCPError' });
    expect(src.split('\n')[1].slice(17, 25)).toBe('McpError');
    expect(r.findings[0].start).toEqual({ line: 1, column: 17 });
  });

  it("each finding's edits applied alone give a valid edit of the input", () => {
    const src = 'from mcp.server.fastmcp import FastMCP  # 😀\nm = FastMCP("中")\n';
    const r = migrate(src, 'main.py', { select: ['SRV001'] });
    const lines = src.split('\n');
    for (const f of r.findings) {
      for (const e of f.edits) {
        const line = lines[e.start.line - 1];
        const old = line.slice(e.start.column - 1, e.end.column - 1);
        expect(['mcp.server.fastmcp', 'FastMCP']).toContain(old);
      }
    }
  });

  it('preserves CRLF, BOM, tabs, comments and non-ASCII byte for byte', () => {
    const src =
      '\ufeff# -*- coding: utf-8 -*-\r\nfrom mcp import (\tMcpError,  # ¡ojo! 😀\r\n)\r\n\tx = 1 if False else 2\r\n';
    const r = migrate(src.replace('\tx', 'x'), 'main.py', { select: ['TYP001'] });
    expect(r.text).toBe(src.replace('\tx', 'x').replace('McpError', 'MCPError'));
  });

  it('markers use the statement indentation and the file newline, and are a fixed point', () => {
    const src = 'import mcp\r\nif True:\r\n\tserver = 1\r\n';
    const out = pyJson(
      engine,
      `
import json
from mcp_migrate.framework import rule, REGISTRY
from mcp_migrate.api import migrate_text
@rule(code="TST999", title="t", anchor="a", fix_class="manual", summary="s", why="w")
def _check(ctx):
    import ast
    for n in ctx.walk(ast.Assign):
        ctx.manual(n.value, "look here")
        ctx.manual(n.targets[0], "and here")
try:
    r1 = migrate_text(${JSON.stringify(src)}, "m.py", select=["TST999"])
    r2 = migrate_text(r1["text"], "m.py", select=["TST999"])
finally:
    del REGISTRY[[r.code for r in REGISTRY].index("TST999")]
json.dumps([r1, r2])`,
    );
    const [r1, r2] = out;
    expect(r1.text).toBe(
      'import mcp\r\nif True:\r\n\t# mcp-migrate: TST999 and here; look here https://py.sdk.modelcontextprotocol.io/v2/migration/#a\r\n\tserver = 1\r\n',
    );
    expect(r2.changed).toBe(false);
    expect(r2.findings.length).toBe(2);
  });
});

describe('conflicts and safety net', () => {
  it('overlapping fixes: one copying the text composes, one respelling it becomes a marker, one discarding it wins; unparsable fixes are dropped', () => {
    const out = pyJson(
      engine,
      `
import json
from mcp_migrate.framework import rule, REGISTRY
from mcp_migrate.api import migrate_text
@rule(code="TST997", title="t", anchor="a", fix_class="safe", summary="s", why="w")
def _a(ctx):
    import ast
    for c in ctx.walk(ast.Call):
        ctx.fix(c.func, "rename", [ctx.replace(c.func, "g")])
@rule(code="TST998", title="t", anchor="b", fix_class="safe", summary="s", why="w")
def _b(ctx):
    import ast
    for c in ctx.walk(ast.Call):
        ctx.fix(c, "wrap", [ctx.replace(c, "h(" + ctx.source(c) + ")")])
@rule(code="TST994", title="t", anchor="e", fix_class="safe", summary="s", why="w")
def _respell(ctx):
    import ast
    for c in ctx.walk(ast.Call):
        ctx.fix(c, "respell", [ctx.replace(c, "f" + ctx.source(c))])
@rule(code="TST995", title="t", anchor="d", fix_class="safe", summary="s", why="w")
def _c(ctx):
    import ast
    for c in ctx.walk(ast.Call):
        ctx.fix(c, "replace", [ctx.replace(c, "h()")])
@rule(code="TST996", title="t", anchor="c", fix_class="safe", summary="s", why="w")
def _broken(ctx):
    import ast
    for n in ctx.walk(ast.Assign):
        ctx.fix(n, "break it", [ctx.insert(ctx.span(n)[0], "(((")])
# (the comment names the SDK: the engine skips files with nothing SDK-related)
src = "x = f(1)  # mcp\\n"
try:
    r1 = migrate_text(src, "m.py", select=["TST997", "TST998"])
    r2 = migrate_text(src, "m.py", select=["TST996"])
    r3 = migrate_text(r2["text"], "m.py", select=["TST996"])
    r4 = migrate_text(src, "m.py", select=["TST997", "TST995"])
    r5 = migrate_text(src, "m.py", select=["TST997", "TST994"])
finally:
    for code in ("TST994", "TST995", "TST996", "TST997", "TST998"):
        del REGISTRY[[r.code for r in REGISTRY].index(code)]
json.dumps([r1, r2, r3, r4, r5])`,
    );
    const [r1, r2, r3, r4, r5] = out;
    // TST998 copies the call into `h(...)`: its edit is split around the copied text, so TST997's
    // rename inside applies too, in the same run.
    expect(r1.text).toBe('x = h(g(1))  # mcp\n');
    expect(r1.findings.map((f: any) => [f.rule, f.applied, f.fix_class])).toEqual([
      ['TST997', true, 'safe'],
      ['TST998', true, 'safe'],
    ]);
    // TST994 copies the call but respells the very name TST997 renames (`f` -> `ff`): two changes
    // of one word clash, so the later (by rule order) runs again on the first's output, in the same
    // run (a second run would change nothing), and counts as applied.
    expect(r5.text).toBe('x = g(1)  # mcp\n');
    expect(r5.findings.map((f: any) => [f.rule, f.applied, f.fix_class, f.marker])).toEqual([
      ['TST994', true, 'safe', false],
      ['TST997', true, 'safe', false],
    ]);
    // TST995 (first by number) rewrites the whole call without copying it: TST997's rename inside is
    // moot, not a clash; it counts as applied through TST995.
    expect(r4.text).toBe('x = h()  # mcp\n');
    expect(r4.findings.map((f: any) => [f.rule, f.applied, f.marker])).toEqual([
      ['TST995', true, false],
      ['TST997', true, false],
    ]);
    expect(r2.text.startsWith('# mcp-migrate: TST996 break it (its automatic fix did not produce valid Python')).toBe(
      true,
    );
    expect(r2.text.endsWith('x = f(1)  # mcp\n')).toBe(true);
    expect(r3.changed).toBe(false);
  });

  it('a crashing rule is reported, not fatal', () => {
    const out = pyJson(
      engine,
      `
import json
from mcp_migrate.framework import rule, REGISTRY
from mcp_migrate.api import migrate_text
@rule(code="TST995", title="t", anchor="a", fix_class="safe", summary="s", why="w")
def _crash(ctx):
    raise KeyError("boom")
try:
    r = migrate_text("from mcp import McpError\\n", "m.py")
finally:
    del REGISTRY[[r.code for r in REGISTRY].index("TST995")]
json.dumps(r)`,
    );
    expect(out.text).toBe('from mcp import MCPError\n');
    expect(out.internal_errors[0]).toMatch(/TST995: KeyError/);
  });

  it('fixes that parse alone but not together cost only the rule that clashes, not the whole file', () => {
    const out = pyJson(
      engine,
      `
import ast, json
from mcp_migrate.framework import rule, REGISTRY
from mcp_migrate.api import migrate_text
def deleter(code, target):
    @rule(code=code, title="t", anchor="a", fix_class="safe", summary="s", why="w")
    def _delete(ctx):
        for stmt in ctx.walk(ast.Assign):
            if stmt.targets[0].id == target:
                ctx.fix(stmt, "drop " + target, [ctx.delete(ctx.line_span(stmt))])
deleter("TST996", "a")
deleter("TST997", "b")
try:
    r = migrate_text("from mcp import McpError\\n\\nif x:\\n    a = 1\\n    b = 2\\n", "m.py")
finally:
    for code in ("TST996", "TST997"):
        del REGISTRY[[x.code for x in REGISTRY].index(code)]
json.dumps(r)`,
    );
    // Deleting both assignments empties the block; each alone, and the unrelated rename, still apply.
    expect(out.text).toMatch(
      /^from mcp import MCPError\n\nif x:\n {4}# mcp-migrate: TST997 drop b \(the combined automatic fixes did not produce valid Python; apply by hand\)/,
    );
    expect(out.text.endsWith('\n    b = 2\n')).toBe(true);
    expect(out.findings.map((f: { rule: string; applied: boolean }) => [f.rule, f.applied])).toEqual([
      ['TYP001', true],
      ['TST996', true],
      ['TST997', false],
    ]);
  });
});

describe('resolver', () => {
  const resolve = (src: string, exprs: string[]) =>
    pyJson(
      engine,
      `
import ast, json
from mcp_migrate.context import PythonContext
src = ${JSON.stringify(src)}
ctx = PythonContext(src, "m.py", ast.parse(src))
out = {}
for e in ${JSON.stringify(exprs)}:
    hits = [n for n in ctx.walk(ast.expr) if ctx.source(n) == e]
    n = hits[-1]
    out[e] = [ctx.resolve(n), ctx.instance_of(n)]
json.dumps(out)`,
    );

  it('imports, aliases, chains and instances', () => {
    const r = resolve(
      'import mcp\nimport mcp.types as types\nfrom mcp import types as t2\nfrom mcp.server.fastmcp import FastMCP as F\n' +
        'from mcp.server.lowlevel import Server\nfrom mcp import ClientSession\n' +
        'mcp_app = F("x")\nserver = Server("s")\nclass A:\n    def __init__(self):\n        self.srv = Server("y")\n    def m(self):\n        self.srv\n' +
        'async def main(ctx: "Context", r, w):\n    async with ClientSession(r, w) as session:\n        session\n' +
        'x = (mcp.server.fastmcp.FastMCP, types.Tool, t2.Tool, mcp_app, server)\n',
      ['mcp.server.fastmcp.FastMCP', 'types.Tool', 't2.Tool', 'mcp_app', 'server', 'self.srv', 'session'],
    );
    expect(r['mcp.server.fastmcp.FastMCP'][0]).toBe('mcp.server.fastmcp.server.FastMCP');
    expect(r['types.Tool'][0]).toBe('mcp.types.Tool');
    expect(r['t2.Tool'][0]).toBe('mcp.types.Tool');
    expect(r.mcp_app[1]).toBe('mcp.server.fastmcp.server.FastMCP');
    expect(r.server[1]).toBe('mcp.server.lowlevel.server.Server');
    expect(r['self.srv'][1]).toBe('mcp.server.lowlevel.server.Server');
    expect(r.session[1]).toBe('mcp.client.session.ClientSession');
  });

  it('scopes: a parameter shadows a module name only inside its function', () => {
    const r = resolve(
      'from mcp.server.lowlevel import Server\nserver = Server("x")\ndef helper(server):\n    return server.a\nserver.b\n',
      ['server.a', 'server.b'],
    );
    expect(r['server.a']).toEqual([null, null]);
    expect(
      pyJson(
        engine,
        `
import ast, json
from mcp_migrate.context import PythonContext
src = 'from mcp.server.lowlevel import Server\\nserver = Server("x")\\ndef helper(server):\\n    return server.a\\nserver.b\\n'
ctx = PythonContext(src, "m.py", ast.parse(src))
n = [n for n in ctx.walk(ast.Attribute) if n.attr == "b"][0]
json.dumps(ctx.instance_of(n.value))`,
      ),
    ).toBe('mcp.server.lowlevel.server.Server');
  });
});

describe('runner: insertions, markers and review findings (regressions)', () => {
  const run = (src: string, review: boolean | string[] = false, filename = 'main.py') => {
    const r1 = migrate(src, filename, { apply_review: review });
    const r2 = migrate(r1.text, filename, { apply_review: review });
    expect(r2.text, 'fixed point').toBe(r1.text);
    return r1;
  };

  it('two add_import insertions at one offset both apply, merged into one line', () => {
    const src =
      'from mcp import ClientSession\nfrom mcp.shared.exceptions import McpError\n\n\n' +
      'async def go(session: ClientSession):\n    try:\n        await session.list_tools(cursor=None)\n' +
      '    except McpError as e:\n        if e.error.code == 408:\n            pass\n';
    for (const review of [false, true]) {
      const r = run(src, review);
      expect(r.text).toContain(
        'from mcp.shared.exceptions import MCPError\nfrom mcp.types import PaginatedRequestParams, REQUEST_TIMEOUT\n\n\n',
      );
      expect(r.text).toContain('await session.list_tools(params=PaginatedRequestParams(cursor=None))');
      expect(r.text).toContain('if e.error.code == REQUEST_TIMEOUT:');
      expect(r.findings.filter((f) => f.fix_class === 'manual')).toEqual([]);
    }
  });

  it('a marker goes directly above its statement, below lines a fix inserts there', () => {
    const src =
      'from mcp.server.lowlevel import Server\nserver = Server("notes", version="1")\n@server.call_tool()\n' +
      'async def call_tool(name, arguments):\n    store = lookup(name)\n    return [store]\n';
    const out = pyJson(
      engine,
      `
import ast, json
from mcp_migrate.framework import rule, REGISTRY
from mcp_migrate.api import migrate_text
@rule(code="TST993", title="t", anchor="a", fix_class="manual", summary="s", why="w")
def _check(ctx):
    for n in ctx.walk(ast.Assign):
        if getattr(n.targets[0], "id", "") == "store":
            ctx.manual(n, "look here")
try:
    src = ${JSON.stringify(src)}
    sel = ["LOW001", "TST993"]
    r = migrate_text(src, "m.py", select=sel, apply_review=True)
    d = migrate_text(migrate_text(src, "m.py", select=["TST993"])["text"], "m.py", select=sel)
finally:
    del REGISTRY[[r.code for r in REGISTRY].index("TST993")]
json.dumps([r["text"], d["text"]])`,
    );
    const [r, d] = out as string[];
    expect(r).toMatch(/\n {4}name = params\.name\n {4}# mcp-migrate: TST993 [^\n]*\n {4}store = /);
    // The marker written first, then the fix that moves its statement: same output, no duplicated marker.
    expect(d).toBe(r);
  });

  it('a marker follows its statement when a fix moves it; the gap left behind keeps its width', () => {
    const src =
      'from mcp.server.lowlevel import Server\n\nserver = Server("notes")\n\n\n' +
      '@server.call_tool()\nasync def call_tool(name, arguments):\n    return [name]\n\n\ndef main():\n    server.run()\n';
    const out = pyJson(
      engine,
      `
import ast, json
from mcp_migrate.framework import rule, REGISTRY
from mcp_migrate.api import migrate_text
@rule(code="TST994", title="t", anchor="a", fix_class="manual", summary="s", why="w")
def _check(ctx):
    for n in ctx.walk(ast.Assign):
        if isinstance(n.value, ast.Call) and getattr(n.value.func, "id", "") == "Server":
            ctx.manual(n.value, "look here")
try:
    src = ${JSON.stringify(src)}
    sel = ["LOW001", "TST994"]
    r1 = migrate_text(src, "m.py", select=sel, apply_review=True)
    r2 = migrate_text(r1["text"], "m.py", select=sel, apply_review=True)
    d1 = migrate_text(src, "m.py", select=["TST994"])
    d2 = migrate_text(d1["text"], "m.py", select=sel)
    d3 = migrate_text(d2["text"], "m.py", select=sel)
finally:
    del REGISTRY[[r.code for r in REGISTRY].index("TST994")]
json.dumps([r1["text"], r2["text"], d1["text"], d2["text"], d3["text"]])`,
    );
    const [r1, r2, d1, d2, d3] = out as string[];
    expect(r1).toBe(
      'from mcp.server.lowlevel import Server\nfrom mcp.server import ServerRequestContext\n' +
        'from mcp.types import CallToolRequestParams, CallToolResult\n\n\n' +
        "# mcp-migrate: LOW001 v1's `call_tool()` checked `arguments` against the tool's `inputSchema` (and structured " +
        'output against `outputSchema`) before calling this handler; v2 does not, so validate here if you relied on it ' +
        'https://py.sdk.modelcontextprotocol.io/v2/migration/#lowlevel-server-decorator-based-handlers-replaced-with-constructor-on_-params\n' +
        'async def call_tool(ctx: ServerRequestContext, params: CallToolRequestParams):\n' +
        '    name = params.name\n    return CallToolResult(content=[name])\n\n\n' +
        '# mcp-migrate: TST994 look here https://py.sdk.modelcontextprotocol.io/v2/migration/#a\n' +
        'server = Server("notes", on_call_tool=call_tool)\n\n\ndef main():\n    server.run()\n',
    );
    expect(r2).toBe(r1);
    expect(d1).toMatch(/# mcp-migrate: TST994 [^\n]*\nserver = Server\("notes"\)\n/);
    expect(d1).toMatch(/\n@server\.call_tool\(\)\nasync def call_tool\(name, arguments\):/);
    expect(d2).toBe(r1);
    expect(d3).toBe(d2);
  });

  it('LOW004 names a positional version whether or not LOW001 moves the Server(...) call', () => {
    // A stacked decorator leaves the handler to a person: LOW001 does not move the Server(...) call.
    const src =
      'from mcp.server.lowlevel import Server\n\nserver = Server("notes", "1.4.0")\n\n\n' +
      '@server.call_tool()\nasync def call_tool(name, arguments):\n    return []\n';
    const kept = run(src.replace('@server.call_tool()\n', '@server.call_tool()\n@traced\n'));
    expect(kept.text).toContain('server = Server("notes", version="1.4.0")\n');
    const moved = run(src);
    expect(moved.text).toContain('server = Server("notes", version="1.4.0", on_call_tool=call_tool)\n');
    const low004 = moved.findings.filter((f) => f.rule === 'LOW004');
    expect(low004.map((f) => [f.applied, f.marker])).toEqual([[true, false]]);
    expect(moved.text).not.toContain('mcp-migrate: LOW004');
  });

  it('unapplied review fixes leave a marker (removed once applied); advisory findings leave none', () => {
    const src = 'import mcp.types as types\n\ndef schema_of(tool):\n    return tool.inputSchema\n';
    const d = run(src);
    const typ = d.findings.find((f) => f.rule === 'TYP005')!;
    expect([typ.fix_class, typ.applied, typ.marker, typ.advisory]).toEqual(['review', false, true, false]);
    expect(d.text).toContain('\n    # mcp-migrate: TYP005 ');
    expect(d.text).toContain('(suggested fix: run with --apply-review)');
    const direct = run(src, true);
    expect(direct.text).toBe('import mcp.types as types\n\ndef schema_of(tool):\n    return tool.input_schema\n');
    expect(run(d.text, true).text).toBe(direct.text);
    expect(run(d.text, ['TYP']).text).toBe(direct.text); // the playground's per-code list
    const adv =
      'from mcp import ClientSession\n\nasync def watch(read, write):\n' +
      '    async with ClientSession(read, write) as session:\n        await session.subscribe_resource("x")\n';
    const a = run(adv);
    const dpr = a.findings.filter((f) => f.rule === 'DPR001');
    expect(dpr.length).toBe(1);
    expect([dpr[0].fix_class, dpr[0].advisory, dpr[0].marker]).toEqual(['review', true, false]);
    expect(a.text).toBe(adv);
  });
});
