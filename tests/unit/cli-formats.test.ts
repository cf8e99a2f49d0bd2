// `--output-format github|sarif|json`, with both CLIs: every finding becomes one annotation / SARIF
// result at its position, the SARIF log validates against the SARIF 2.1.0 schema, and both CLIs print
// the same bytes.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clis, repoRoot, type Run, tempDir } from './cli-helpers';

const SERVER = `from mcp import McpError
from mcp.server.fastmcp import FastMCP
from mcp.types import ErrorData

mcp = FastMCP("demo")


@mcp.tool()
def fail(code: int) -> str:
    try:
        check(code)
        raise McpError(ErrorData(code=code, message="no"))
    except KeyError:
        return "missing"
`;
const FILES: Record<string, string> = {
  'app/server.py': SERVER,
  'app/odd, name:1.py': 'from mcp.server.fastmcp import FastMCP\n', // `,` and `:` must be escaped in annotations
  'my app/ünï code.py': 'from mcp.server.fastmcp import FastMCP\n', // a URI needs %-encoding
  'requirements.txt': 'mcp==1.28.1\n',
  'broken.py': 'def f(:\n',
};

let dir: string;
const runs: Record<string, Record<string, Run>> = {};
const [py, node] = clis();

beforeAll(async () => {
  dir = tempDir('formats');
  for (const [rel, text] of Object.entries(FILES)) {
    mkdirSync(join(dir, rel, '..'), { recursive: true });
    writeFileSync(join(dir, rel), text);
  }
  const modes: Record<string, string[]> = {
    json: ['--json', '.'],
    github: ['--check', '--output-format', 'github', '.'],
    sarif: ['--output-format', 'sarif', '.'],
  };
  await Promise.all(
    [py, node].map(async (cli) => {
      runs[cli.name] = {};
      for (const [mode, args] of Object.entries(modes)) runs[cli.name][mode] = await cli.run(args, { cwd: dir });
    }),
  );
}, 300_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const findings = () => {
  const report = JSON.parse(runs[py.name].json.out);
  return report.files.flatMap((f: any) => f.findings.map((x: any) => ({ path: f.path, ...x })));
};

describe('--output-format', () => {
  it('prints the same output in both CLIs', () => {
    for (const mode of ['json', 'github', 'sarif']) {
      expect(runs[node.name][mode].out, mode).toBe(runs[py.name][mode].out);
      expect(runs[node.name][mode].code, mode).toBe(runs[py.name][mode].code);
    }
    expect(runs[py.name].github.code).toBe(1); // --check: something would change
    expect(runs[py.name].sarif.code).toBe(1);
  });

  it('github: one annotation per finding at its position, properties escaped, skipped files as warnings', () => {
    const lines = runs[py.name].github.out.trimEnd().split('\n');
    const all = findings();
    expect(all.length).toBeGreaterThanOrEqual(6);
    expect(lines).toHaveLength(all.length + 1);
    for (const f of all) {
      const file = f.path.replaceAll(':', '%3A').replaceAll(',', '%2C');
      const head =
        `::${f.advisory ? 'warning' : 'error'} title=mcp-migrate (${f.rule}),file=${file},line=${f.start.line},` +
        `col=${f.start.column},endLine=${f.end.line},endColumn=${f.end.column}::${f.path}:${f.start.line}:` +
        `${f.start.column}: ${f.rule} `;
      const line = lines.find((l) => l.startsWith(head) && l.includes(f.message.replaceAll('%', '%25')));
      expect(line, head).toBeDefined();
      expect(line!.endsWith(`%0Ahttps://py.sdk.modelcontextprotocol.io/v2/migration/#${f.anchor}`), line).toBe(true);
    }
    expect(lines).toContain(
      '::warning title=mcp-migrate (file skipped),file=./broken.py,line=1::' +
        './broken.py: skipped: syntax: SyntaxError: invalid syntax',
    );
    expect(lines.some((l) => l.includes('file=./app/odd%2C name%3A1.py,'))).toBe(true);
    expect(lines.some((l) => l.includes('(SRV011)') && l.includes('[manual change]'))).toBe(true);
  });

  it('sarif: validates against the SARIF 2.1.0 schema', () => {
    const schema = JSON.parse(
      readFileSync(join(repoRoot, 'tests', 'fixtures', 'sarif', 'sarif-schema-2.1.0.json'), 'utf8'),
    );
    // The published schema's language-tag pattern is not valid as a Unicode regex, hence unicodeRegExp.
    const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
    addFormats(ajv);
    const validate = ajv.compile(schema);
    const log = JSON.parse(runs[py.name].sarif.out);
    expect(validate(log), JSON.stringify(validate.errors, null, 1)).toBe(true);
    // A log missing what the schema requires fails: the validation can fail.
    expect(validate({ ...log, runs: [{ results: [] }] })).toBe(false);
  });

  it('sarif: one result per finding, with its rule, region, guide link and fix', () => {
    const run = JSON.parse(runs[py.name].sarif.out).runs[0];
    const rules = run.tool.driver.rules;
    expect(run.originalUriBaseIds['%SRCROOT%'].uri).toBe(`file://${encodeURI(dir)}/`);
    const all = findings();
    expect(run.results).toHaveLength(all.length);
    for (const [i, f] of all.entries()) {
      const r = run.results[i];
      expect(r.ruleId).toBe(f.rule);
      expect(rules[r.ruleIndex].id).toBe(f.rule);
      expect(rules[r.ruleIndex].helpUri).toBe(`https://py.sdk.modelcontextprotocol.io/v2/migration/#${f.anchor}`);
      const loc = r.locations[0].physicalLocation;
      expect(decodeURIComponent(loc.artifactLocation.uri)).toBe(f.path.replace(/^\.\//, ''));
      expect(loc.artifactLocation.uriBaseId).toBe('%SRCROOT%');
      expect(loc.region).toEqual({
        startLine: f.start.line,
        startColumn: f.start.column,
        endLine: f.end.line,
        endColumn: f.end.column,
      });
      expect(r.message.text).toContain(f.message);
      // A fix group's findings each carry the edits of the whole group.
      const group = f.group ? all.filter((g: any) => g.path === f.path && g.group === f.group) : [f];
      expect(r.fixes?.[0].artifactChanges[0].replacements.length ?? 0).toBe(
        group.reduce((n: number, g: any) => n + g.edits.length, 0),
      );
    }
    expect(
      all.some((f: any) => f.group && all.filter((g: any) => g.group === f.group && g.path === f.path).length > 1),
    ).toBe(true);
    const uris = run.results.map((r: any) => r.locations[0].physicalLocation.artifactLocation.uri);
    expect(uris).toContain('my%20app/%C3%BCn%C3%AF%20code.py');
    const skipped = run.invocations[0].toolExecutionNotifications;
    expect(skipped).toHaveLength(1);
    expect(skipped[0].locations[0].physicalLocation.artifactLocation.uri).toBe('broken.py');
    expect(run.invocations[0].executionSuccessful).toBe(true);
  });
});
