// End-to-end CLI runs on the realistic v1 projects in examples/v1-projects/: each project tree is copied
// to a temp dir and migrated by both runtimes (`node bin/mcp-migrate.mjs`, Pyodide; `python3 -m
// mcp_migrate`, CPython). Assertions are "contains" checks keyed by rule code (skipped while a rule does
// not exist yet) plus invariants that hold whatever rules exist: outputs parse, look-alike files are
// byte-identical, both runtimes agree, a second run is a fixed point, exit codes follow the CLI contract.
import { execFileSync, spawn } from 'node:child_process';
import { cpSync, globSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, relative, sep } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const repoRoot = join(import.meta.dirname, '..', '..');
const engineDir = join(repoRoot, 'engine');
const projectsDir = join(repoRoot, 'examples', 'v1-projects');
const PROJECTS = ['weather-server', 'lowlevel-server', 'oauth-client'];

interface RuleInfo {
  code: string;
  anchor: string;
  fix_class: string;
}
const RULES: RuleInfo[] = JSON.parse(
  execFileSync(
    'python3',
    [
      '-c',
      'import json,sys; sys.path.insert(0,"engine"); from mcp_migrate.api import list_rules; ' +
        'print(json.dumps([{k: r[k] for k in ("code","anchor","fix_class")} for r in list_rules()]))',
    ],
    { cwd: repoRoot, encoding: 'utf8' },
  ),
);
const ANCHOR = new Map(RULES.map((r) => [r.code, r.anchor]));
// API001 marks what v2 lacks with the section that explains each gap; every other rule uses its own.
const SECTION_ANCHORS = new Set(globSync('content/guide/*/*.mdx', { cwd: repoRoot }).map((f) => basename(f, '.mdx')));
const anchorOk = (code: string, anchor: string) =>
  code === 'API001' ? SECTION_ANCHORS.has(anchor) : ANCHOR.get(code) === anchor;

// Files that look like SDK code but are not (the separate `fastmcp` package, a local `class Server`,
// strings and comments naming SDK modules), or that no rule has business touching.
const UNTOUCHED = [
  'weather-server/src/weather/fastmcp_cloud.py',
  'weather-server/README.md',
  'lowlevel-server/src/notes_server/plugin_registry.py',
  'lowlevel-server/requirements-dev.txt',
  'oauth-client/oauth_client/migration_notes.py',
  'oauth-client/oauth_client/storage.py',
  'oauth-client/README.md',
];

const SUMMARY = /^(\d+) changes in (\d+) files, (\d+) markers left, (\d+) files skipped(?:: (.+))?$/;
const MARKER_LINE =
  /^[ \t]*# mcp-migrate: ([A-Z]{3}\d{3}) (.+) https:\/\/py\.sdk\.modelcontextprotocol\.io\/v2\/migration\/#([a-z0-9_-]+)$/;

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function run(cmd: string, args: string[], cwd: string): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { cwd, env: { ...process.env, MCP_MIGRATE_PROGRESS: '0' } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (b) => {
      stdout += b;
    });
    child.stderr.on('data', (b) => {
      stderr += b;
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}
const py = (args: string[]) => run('python3', ['-m', 'mcp_migrate', ...args], engineDir);
const node = (args: string[]) => run(process.execPath, [join(repoRoot, 'bin', 'mcp-migrate.mjs'), ...args], repoRoot);

/** Relative path -> bytes (as latin1 string, so comparisons are byte-exact) of every file under dir. */
function snapshot(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else out.set(relative(dir, p).split(sep).join('/'), readFileSync(p).toString('latin1'));
    }
  };
  walk(dir);
  return out;
}
const utf8 = (s: string) => Buffer.from(s, 'latin1').toString('utf8');
const summaryLine = (stderr: string) => stderr.trimEnd().split('\n').at(-1) ?? '';

let tmp: string;
let original: Map<string, string>;
let pyOut: Map<string, string>;
let nodeOut: Map<string, string>;
let reviewOut: Map<string, string>;
let reviewOut2: Map<string, string>;
let bothOut: Map<string, string>;
let bothOut2: Map<string, string>;
let report: { files: any[]; summary: string };
const runs: Record<string, Run> = {};

/** Output text of one file (CPython run; the node tree is checked equal to it). */
const out = (rel: string) => utf8(pyOut.get(rel) ?? '');
/** The text without marker comment lines (markers quote v1 names and guide anchors). */
const code = (text: string) =>
  text
    .split('\n')
    .filter((l) => !l.includes('# mcp-migrate:'))
    .join('\n');
const markers = (text: string, code?: string) =>
  text.split(/\r?\n/).filter((l) => MARKER_LINE.test(l) && (!code || MARKER_LINE.exec(l)![1] === code));

beforeAll(async () => {
  tmp = mkdtempSync(join(tmpdir(), 'mcp-migrate-cli-'));
  for (const name of ['orig', 'py', 'node', 'diff', 'review', 'both'])
    cpSync(projectsDir, join(tmp, name), { recursive: true });
  original = snapshot(join(tmp, 'orig'));

  // The Pyodide run is slow to start; run it alongside the CPython sequence.
  const nodeSeq = (async () => {
    runs.nodeWrite = await node(['--write', join(tmp, 'node')]);
    runs.nodeCheckAfter = await node(['--check', join(tmp, 'node')]);
  })();
  const pySeq = (async () => {
    runs.pyJson = await py(['--json', join(tmp, 'orig')]);
    runs.pyCheckBefore = await py(['--check', join(tmp, 'orig')]);
    runs.pyDiff = await py(['--diff', join(tmp, 'diff')]);
    runs.pyWrite = await py(['--write', join(tmp, 'py')]);
    runs.pyWrite2 = await py(['--write', join(tmp, 'py')]);
    runs.pyCheckAfter = await py(['--check', join(tmp, 'py')]);
    runs.pyJsonAfter = await py(['--json', join(tmp, 'py')]);
    runs.pyReview = await py(['--write', '--apply-review', join(tmp, 'review')]);
    reviewOut = snapshot(join(tmp, 'review'));
    runs.pyReview2 = await py(['--write', '--apply-review', join(tmp, 'review')]);
    reviewOut2 = snapshot(join(tmp, 'review'));
    // Default run first, then --apply-review on its output (markers of unapplied review fixes in place).
    runs.bothDefault = await py(['--write', join(tmp, 'both')]);
    runs.bothReview = await py(['--write', '--apply-review', join(tmp, 'both')]);
    bothOut = snapshot(join(tmp, 'both'));
    runs.bothReview2 = await py(['--write', '--apply-review', join(tmp, 'both')]);
    bothOut2 = snapshot(join(tmp, 'both'));
  })();
  await Promise.all([nodeSeq, pySeq]);
  report = JSON.parse(runs.pyJson.stdout);
  pyOut = snapshot(join(tmp, 'py'));
  nodeOut = snapshot(join(tmp, 'node'));
}, 300_000);

afterAll(() => {
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

describe('CLI on examples/v1-projects: invariants', () => {
  it('runs cleanly in both runtimes (exit 1 = changes or findings, no internal errors)', () => {
    for (const key of ['pyWrite', 'nodeWrite']) {
      expect(runs[key].stderr, key).not.toMatch(/internal error|Traceback/);
      expect(runs[key].code, `${key}: ${runs[key].stderr}`).toBe(1);
    }
  });

  it('writes identical trees with CPython and Pyodide', () => {
    expect([...nodeOut.keys()]).toEqual([...pyOut.keys()]);
    for (const [rel, text] of pyOut) expect(nodeOut.get(rel), rel).toBe(text);
  });

  it('creates and deletes no files', () => {
    expect([...pyOut.keys()]).toEqual([...original.keys()]);
  });

  it('leaves look-alike and unrelated files byte-identical', () => {
    for (const rel of UNTOUCHED) {
      expect(original.has(rel), rel).toBe(true);
      expect(pyOut.get(rel), rel).toBe(original.get(rel));
      expect(nodeOut.get(rel), rel).toBe(original.get(rel));
    }
  });

  it('changes at least one file in every project', () => {
    for (const p of PROJECTS) {
      const changed = [...pyOut].filter(([rel, t]) => rel.startsWith(p + '/') && original.get(rel) !== t);
      expect(changed.length, p).toBeGreaterThan(0);
    }
  });

  it('produces Python that parses', () => {
    const files = [...pyOut.keys()].filter((r) => r.endsWith('.py')).map((r) => join(tmp, 'py', r));
    expect(files.length).toBeGreaterThanOrEqual(10);
    const res = execFileSync(
      'python3',
      [
        '-c',
        'import ast,sys\nfor p in sys.argv[1:]:\n    ast.parse(open(p, encoding="utf-8").read(), p)\nprint(len(sys.argv) - 1)',
        ...files,
      ],
      { encoding: 'utf8' },
    );
    expect(Number(res.trim())).toBe(files.length);
  });

  it('writes only well-formed markers, each naming a known rule and its own anchor', () => {
    let total = 0;
    for (const [rel, text] of pyOut) {
      for (const line of utf8(text).split(/\r?\n/)) {
        if (!line.includes('# mcp-migrate:')) continue;
        const m = MARKER_LINE.exec(line);
        expect(m, `${rel}: ${line}`).not.toBeNull();
        expect(anchorOk(m![1], m![3]), `${rel}: ${line}`).toBe(true);
        total++;
      }
    }
    expect(total).toBeGreaterThan(0);
  });

  it('prints the summary line in the documented format, the same in both runtimes and in --json', () => {
    const line = summaryLine(runs.pyWrite.stderr);
    const m = SUMMARY.exec(line);
    expect(m, line).not.toBeNull();
    expect(summaryLine(runs.nodeWrite.stderr)).toBe(line);
    expect(report.summary).toBe(line);
    const [, changes, files, markerCount, skipped] = m!.map(Number);
    // M = files that actually differ on disk, N = applied findings, K = findings left as markers
    // (manual ones and review fixes not applied; advisory findings leave none).
    const differing = [...pyOut].filter(([rel, t]) => original.get(rel) !== t).length;
    expect(files).toBe(differing);
    const findings = report.files.flatMap((f) => f.findings);
    expect(changes).toBe(findings.filter((f) => f.applied).length);
    expect(markerCount).toBe(findings.filter((f) => f.marker).length);
    expect(findings.filter((f) => f.marker)).toEqual(
      findings.filter((f) => f.fix_class === 'manual' || (f.fix_class === 'review' && !f.applied && !f.advisory)),
    );
    const markerLines = [...pyOut.values()].reduce((n, t) => n + markers(utf8(t)).length, 0);
    expect(markerLines).toBeGreaterThan(0);
    expect(markerLines).toBeLessThanOrEqual(markerCount); // one marker per (statement, code)
    expect(skipped).toBe(0);
  });

  it('--json reports every visited file with findings carrying rule, anchor and positions', () => {
    expect(runs.pyJson.code).toBe(1);
    const paths = report.files.map((f) => relative(join(tmp, 'orig'), f.path).split(sep).join('/'));
    const candidates = [...original.keys()].filter((r) => /\.py$|pyproject\.toml$|requirements[^/]*\.txt$/.test(r));
    expect(paths.sort()).toEqual(candidates.sort());
    let n = 0;
    for (const file of report.files) {
      const rel = relative(join(tmp, 'orig'), file.path).split(sep).join('/');
      expect(file.error, rel).toBeNull();
      expect(file.changed, rel).toBe(original.get(rel) !== pyOut.get(rel));
      for (const f of file.findings) {
        n++;
        expect(anchorOk(f.rule, f.anchor), `${rel} ${f.rule} ${f.anchor}`).toBe(true);
        expect(['safe', 'review', 'manual']).toContain(f.fix_class);
        expect(typeof f.message).toBe('string');
        for (const pos of [f.start, f.end]) {
          expect(Number.isInteger(pos.line) && pos.line >= 1, `${rel} ${f.rule}`).toBe(true);
          expect(Number.isInteger(pos.column) && pos.column >= 1, `${rel} ${f.rule}`).toBe(true);
        }
        expect(f.end.line > f.start.line || (f.end.line === f.start.line && f.end.column >= f.start.column)).toBe(true);
        if (f.fix_class === 'manual') expect(f.edits, `${rel} ${f.rule}`).toEqual([]);
        if (f.applied) expect(f.edits.length, `${rel} ${f.rule}`).toBeGreaterThan(0);
      }
    }
    expect(n).toBeGreaterThan(20);
  });

  it('--check exits 1 and names the files before --write, writes nothing', () => {
    expect(runs.pyCheckBefore.code).toBe(1);
    const named = runs.pyCheckBefore.stdout
      .trim()
      .split('\n')
      .map((l) => l.replace(/^would change /, ''));
    const changed = [...pyOut.keys()].filter((r) => original.get(r) !== pyOut.get(r)).map((r) => join(tmp, 'orig', r));
    expect(named.sort()).toEqual(changed.sort());
    expect(snapshot(join(tmp, 'orig'))).toEqual(original);
  });

  it('--diff (default) prints a unified diff and writes nothing', () => {
    expect(runs.pyDiff.code).toBe(1);
    expect(runs.pyDiff.stdout).toMatch(/^--- a\//m);
    expect(runs.pyDiff.stdout).toMatch(/^\+\+\+ b\//m);
    expect(snapshot(join(tmp, 'diff'))).toEqual(original);
  });

  it('is a fixed point: a second --write changes nothing, --check then exits 0 in both runtimes', () => {
    expect(snapshot(join(tmp, 'py'))).toEqual(pyOut);
    expect(summaryLine(runs.pyWrite2.stderr)).toMatch(/^0 changes in 0 files, \d+ markers left, 0 files skipped$/);
    // Contract: without --check, exit 1 means "changes or findings"; markers left keep findings alive.
    const after = JSON.parse(runs.pyJsonAfter.stdout);
    const stillFinds = after.files.some((f: any) => f.findings.length > 0);
    expect(runs.pyWrite2.code).toBe(stillFinds ? 1 : 0);
    expect(after.files.every((f: any) => f.changed === false)).toBe(true);
    expect(after.files.flatMap((f: any) => f.findings).filter((f: any) => f.applied)).toEqual([]);
    // --check: exit 1 only if something would change.
    expect(runs.pyCheckAfter.code, runs.pyCheckAfter.stdout).toBe(0);
    expect(runs.pyCheckAfter.stdout).toBe('');
    expect(runs.nodeCheckAfter.code, runs.nodeCheckAfter.stdout + runs.nodeCheckAfter.stderr).toBe(0);
  });
});

describe('CLI on examples/v1-projects: --apply-review', () => {
  it('applies review fixes without internal errors and the output parses', () => {
    expect(runs.pyReview.stderr).not.toMatch(/internal error|Traceback/);
    expect(runs.pyReview.code).toBe(1);
    const files = [...reviewOut.keys()].filter((r) => r.endsWith('.py')).map((r) => join(tmp, 'review', r));
    execFileSync('python3', [
      '-c',
      'import ast,sys\nfor p in sys.argv[1:]:\n    ast.parse(open(p, encoding="utf-8").read(), p)',
      ...files,
    ]);
    for (const rel of UNTOUCHED) expect(reviewOut.get(rel), rel).toBe(original.get(rel));
  });
  // Regression: same-offset add_import insertions used to clash (AUT004 demoted), and a LOW010 marker
  // used to land above LOW001's inserted `name, arguments = ...` line, so run 2 changed files.
  it('is a fixed point with --apply-review too', () => {
    expect(summaryLine(runs.pyReview2.stderr)).toMatch(/^0 changes in 0 files, /);
    expect(reviewOut2).toEqual(reviewOut);
  });
  it('default run then --apply-review: applied review fixes lose their markers, no duplicates, fixed point', () => {
    expect(runs.bothReview.stderr).not.toMatch(/internal error|Traceback/);
    expect(summaryLine(runs.bothReview2.stderr)).toMatch(/^0 changes in 0 files, /);
    expect(bothOut2).toEqual(bothOut);
    for (const [rel, text] of bothOut) {
      const lines = utf8(text).split(/\r?\n/);
      for (let i = 1; i < lines.length; i++) {
        if (MARKER_LINE.test(lines[i])) expect(lines[i], `${rel}:${i + 1} duplicated`).not.toBe(lines[i - 1]);
      }
    }
    // Files whose review fixes all apply from the v1 text come out exactly as with --apply-review directly.
    for (const rel of [
      'lowlevel-server/src/notes_server/server.py',
      'oauth-client/oauth_client/main.py',
      'weather-server/tests/test_server.py',
    ])
      expect(utf8(bothOut.get(rel)!), rel).toBe(utf8(reviewOut.get(rel)!));
    // Markers of review fixes applied on the second run are gone.
    const low = utf8(bothOut.get('lowlevel-server/src/notes_server/server.py')!);
    expect(low).not.toMatch(/suggested fix: run with --apply-review/);
    expect(low).not.toContain('@server.');
  });
});

describe('CLI on examples/v1-projects: weather-server (FastMCP)', () => {
  const server = () => out('weather-server/src/weather/server.py');
  const pyproject = () => out('weather-server/pyproject.toml');

  it('SRV001 renames FastMCP and its module', () => {
    expect(server()).toContain('from mcp.server.mcpserver import Context, MCPServer\n');
    expect(server()).toContain('from mcp.server.mcpserver.prompts import base\n');
    expect(server()).toContain('mcp = MCPServer(\n    "weather",\n');
    expect(code(server())).not.toMatch(/fastmcp|FastMCP/);
  });
  it('SRV004 passes the positional instructions by keyword', () => {
    expect(server()).toContain('    instructions="Get weather forecasts');
  });
  it('SRV007 keeps host/port/stateless_http for run() and the app events.py mounts', () => {
    const ctor = server().slice(server().indexOf('mcp = MCPServer('), server().indexOf('mcp_transport_settings ='));
    expect(ctor).not.toMatch(/host=|port=|stateless_http=/);
    expect(ctor).toContain('dependencies=["httpx"]');
    expect(server()).toContain('from types import SimpleNamespace\n');
    expect(server()).toContain(
      'mcp_transport_settings = SimpleNamespace(\n    host=os.environ.get("WEATHER_HOST", "0.0.0.0"),\n' +
        '    port=int(os.environ.get("WEATHER_PORT", "8080")),\n    stateless_http=True,\n)\n',
    );
    expect(server()).toContain(
      'mcp.run(transport="streamable-http", host=mcp_transport_settings.host, port=mcp_transport_settings.port, ' +
        'stateless_http=mcp_transport_settings.stateless_http)',
    );
    const events = out('weather-server/src/weather/events.py');
    expect(events).toContain('from weather.server import mcp\nfrom weather.server import mcp_transport_settings\n');
    expect(events).toContain(
      'mcp.streamable_http_app(host=mcp_transport_settings.host, stateless_http=mcp_transport_settings.stateless_http)',
    );
  });
  it('TYP001 renames McpError', () => {
    expect(server()).toContain('from mcp.shared.exceptions import MCPError\n');
    expect(server()).not.toContain('McpError(');
  });
  it('TYP002 unwraps ErrorData in MCPError(...)', () => {
    expect(server()).toContain(
      'raise MCPError(\n                INTERNAL_ERROR, f"NWS returned {exc.response.status_code}"\n            ) from exc',
    );
  });
  it('TYP005 renames camelCase fields on known mcp.types objects', () => {
    for (const s of [
      'tool.input_schema',
      'tool.output_schema',
      'tool.annotations.read_only_hint',
      'result.is_error',
      'result.structured_content',
    ])
      expect(server()).toContain(s);
    expect(server()).not.toMatch(/\.(inputSchema|outputSchema|isError|structuredContent|readOnlyHint)\b/);
    // JSON keys of the NWS payload are not MCP fields.
    expect(server()).toContain("p['temperatureUnit']");
    expect(server()).toContain("props.get('areaDesc', 'Unknown')");
  });
  it('SRV015 renames Context.log(message=) to data=', () => {
    expect(server()).toContain('await ctx.log(level="warning", data="no active alerts")');
  });
  it('SRV011 raises ToolError where a tool raised McpError: the isError result v1 sent', () => {
    expect(server()).toContain('        raise ToolError(f"not a state code: {state!r}")\n');
    expect(server()).toContain('from mcp.server.mcpserver.exceptions import ToolError\n');
    expect(server()).not.toContain('mcp-migrate: SRV011');
  });
  it('keeps the sync tool, resources and prompts as they were', () => {
    for (const s of [
      '@mcp.tool()\ndef celsius_to_fahrenheit(celsius: float) -> float:',
      '@mcp.resource("weather://stations/{station_id}", mime_type="application/json")',
      '@mcp.prompt(title="Severe weather briefing")',
      'base.UserMessage(',
    ])
      expect(server()).toContain(s);
  });
  it('PKG001 widens the mcp pin, keeping the extra', () => {
    expect(pyproject()).toContain('    "mcp[cli]>=2,<3",\n');
  });
  it('PKG002 marks the sse-starlette 2.x pin', () => {
    expect(pyproject()).toMatch(/# mcp-migrate: PKG002 [^\n]*\n {4}"sse-starlette>=2,<3", {2}# our own/);
  });
  it('PKG003 marks the httpx dependency', () => {
    expect(pyproject()).toMatch(/# mcp-migrate: PKG003 [^\n]*\n {4}"httpx>=0\.27",/);
  });
  it('keeps the rest of pyproject.toml', () => {
    for (const s of ['[project.optional-dependencies]', '"anyio>=4.5",', '[tool.hatch.build.targets.wheel]'])
      expect(pyproject()).toContain(s);
  });
  it('TST001 reports create_connected_server_and_client_session in --json', () => {
    const f = report.files.find((x) => x.path.endsWith('weather-server/tests/test_server.py'));
    expect(f.findings.map((x: any) => x.rule)).toContain('TST001');
  });
  it('TST001 opens a Client and keeps the block on its ClientSession, no marker', () => {
    const t = out('weather-server/tests/test_server.py');
    expect(t).toContain('from mcp.client import Client\n');
    expect(t).toMatch(
      / {4}async with Client\(mcp\.\w+, mode="legacy"\) as client:\n {8}session = client\.session\n {8}result = await session\.list_tools\(\)\n/,
    );
    expect(t).not.toContain('create_connected_server_and_client_session');
    expect(markers(t, 'TST001')).toEqual([]);
  });
});

describe('CLI on examples/v1-projects: lowlevel-server', () => {
  const server = () => out('lowlevel-server/src/notes_server/server.py');

  it('PKG001 rewrites the compatible-release pin in requirements.txt', () => {
    expect(out('lowlevel-server/requirements.txt')).toContain('\nmcp>=2,<3\n');
    expect(out('lowlevel-server/requirements.txt')).toContain('# Runtime dependencies for the notes server\n');
  });
  it('TYP005 renames camelCase constructor kwargs', () => {
    expect(server()).toContain('            input_schema={\n');
    expect(server()).toContain('output_schema={"type": "object"');
    expect(server()).toContain('mime_type="text/plain"');
    expect(server()).not.toMatch(/\b(inputSchema|outputSchema|mimeType)=/);
  });
  it('LOW010 turns every server.request_context use into the handler ctx', () => {
    expect(server()).not.toContain('request_context');
    expect(server().match(/ {4}store: NoteStore = ctx\.lifespan_context\["store"\]\n/g)).toHaveLength(4);
    expect(server()).toContain('        await ctx.session.send_resource_list_changed()\n');
  });
  it('LOW002 wraps the shorthand returns of the handlers LOW001 converts', () => {
    expect(server()).toContain(
      '        structured = {"count": len(store.notes)}\n' +
        '        return types.CallToolResult(content=[types.TextContent(type="text", text=json.dumps(structured, indent=2))], ' +
        'structured_content=structured)\n',
    );
    expect(server()).toContain('text=store.notes[name], mime_type="text/plain")])');
    expect(code(server())).not.toContain('@server.');
  });
  it('LOW001 keeps a marker on the call_tool handler: v2 no longer validates its arguments', () => {
    expect(server()).toMatch(
      /# mcp-migrate: LOW001 v1's `call_tool\(\)` checked `arguments` [^\n]*\n(?:# mcp-migrate: [^\n]*\n)*@tool_errors_as_results\nasync def call_tool\(ctx: ServerRequestContext\[Any\], params: types\.CallToolRequestParams\) -> types\.CallToolResult:\n/,
    );
    expect(server()).not.toContain(
      'suggested fix: run with --apply-review) https://py.sdk.modelcontextprotocol.io/v2/migration/#lowlevel-server',
    );
  });
  it("LOW003 wraps the raising call_tool handler in v1's catch-all: errors stay is_error results", () => {
    expect(server()).toContain('def tool_errors_as_results(\n');
    expect(server()).toContain(
      '        except Exception as e:\n            return CallToolResult(content=[TextContent(type="text", text=str(e))], is_error=True)\n',
    );
    expect(server()).not.toContain('mcp-migrate: LOW003');
  });
  // Regression: LOW004 used to skip every Server(...) that LOW001 *would* move, even when LOW001's
  // fix was not applied, leaving `Server("notes", "1.4.0")` positional and unflagged.
  it('the positional Server(name, version) is rewritten where LOW001 moves it', () => {
    expect(server()).toContain(
      'server = Server("notes", version="1.4.0", lifespan=lifespan, on_list_tools=list_tools, on_call_tool=call_tool, ',
    );
  });
  it('leaves the stdio run and the lowlevel imports alone', () => {
    for (const s of [
      'async with mcp.server.stdio.stdio_server() as (read_stream, write_stream):',
      'from mcp.server.lowlevel import NotificationOptions, Server',
      'raise_exceptions=False,',
    ])
      expect(server()).toContain(s);
  });
});

describe('CLI on examples/v1-projects: oauth-client', () => {
  const main = () => out('oauth-client/oauth_client/main.py');

  it('PKG001 rewrites the Poetry caret pin', () => {
    expect(out('oauth-client/pyproject.toml')).toContain('\nmcp = "^2"\n');
    expect(out('oauth-client/pyproject.toml')).toContain('\nclick = "^8.1"\n');
  });
  it('PKG003 marks the Poetry httpx dependency', () => {
    expect(out('oauth-client/pyproject.toml')).toMatch(/# mcp-migrate: PKG003 [^\n]*\nhttpx = "\^0\.27"/);
  });
  it('TRN001 renames streamablehttp_client and marks its removed kwargs', () => {
    expect(main()).toContain('from mcp.client.streamable_http import streamable_http_client\n');
    expect(code(main())).not.toContain('streamablehttp_client');
    expect(markers(main(), 'TRN001')).toHaveLength(1);
  });
  it("TRN001's marker covers the used get_session_id; --apply-review keeps it with a response hook", () => {
    expect(markers(main(), 'TRN002')).toHaveLength(0);
    expect(markers(main(), 'TRN001')[0]).toContain('for the `get_session_id` callback');
    const review = utf8(reviewOut.get('oauth-client/oauth_client/main.py') ?? '');
    expect(review).toContain('\n    def get_session_id() -> str | None:\n');
    expect(review).toContain('event_hooks={"response": [capture_session_id]}');
    expect(review).toContain(') as (read_stream, write_stream):\n');
    expect(markers(review, 'TRN001')).toHaveLength(0);
  });
  it('CLT004 turns timedelta timeouts into float seconds', () => {
    expect(main()).toContain('read_stream, write_stream, read_timeout_seconds=30\n');
    expect(main()).toContain('read_timeout_seconds=120,\n');
  });
  it('CLT002 rewrites list_tools(cursor=...)', () => {
    expect(main()).toContain('await session.list_tools(params=PaginatedRequestParams(cursor=cursor))');
    expect(main()).toMatch(/^from mcp\.types import [^\n]*\bPaginatedRequestParams\b/m);
  });
  it('CLT001 replaces get_server_capabilities()', () => {
    expect(main()).toContain('caps = session.server_capabilities\n');
    expect(main()).not.toContain('get_server_capabilities');
  });
  it('TYP001 renames McpError', () => {
    expect(main()).toContain('from mcp.shared.exceptions import MCPError\n');
    expect(main()).toContain('except MCPError as e:');
  });
  it('CLT005 rewrites or flags the 408 timeout check', () => {
    const fixed = main().includes('if e.error.code == REQUEST_TIMEOUT:');
    const flagged = /# mcp-migrate: CLT005 [^\n]*\n\s+if e\.error\.code == 408:/.test(main());
    expect(fixed || flagged).toBe(true);
  });
  it('AUT006 drops OAuthClientProvider(timeout=)', () => {
    expect(main()).not.toContain('timeout=300.0');
    expect(main()).toContain('        callback_handler=handle_callback,\n    )');
  });
  it('TYP005 renames fields on results the file can type', () => {
    for (const s of [
      'page.next_cursor',
      'init.server_info.name',
      'init.protocol_version',
      'result.is_error',
      'result.structured_content',
    ])
      expect(main()).toContain(s);
  });
  it('AUT004 (review) reports the tuple-returning callback_handler in --json', () => {
    const f = report.files.find((x) => x.path.endsWith('oauth-client/oauth_client/main.py'));
    expect(f.findings.map((x: any) => x.rule)).toContain('AUT004');
  });
});
