// The CLI: `python -m mcp_migrate` (CPython) and `bin/mcp-migrate.mjs` (Pyodide), same flags and exit
// codes, on a throwaway project tree; --jobs on CPython.
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clis, repoRoot, type Run } from './cli-helpers';

let dir: string;
const SERVER = 'from mcp.server.fastmcp import FastMCP\r\n\r\nmcp = FastMCP("demo")  # 😀\r\n';
const REQS = 'mcp[cli]==1.28.1 ; python_version>="3.10"\nhttpx>=0.27\n';

function makeTree() {
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = mkdtempSync(join(tmpdir(), 'mcp-migrate-cli-'));
  mkdirSync(join(dir, 'pkg'));
  mkdirSync(join(dir, '.venv', 'lib'), { recursive: true });
  mkdirSync(join(dir, 'node_modules', 'x'), { recursive: true });
  mkdirSync(join(dir, 'custom_env'));
  writeFileSync(join(dir, 'pkg', 'server.py'), SERVER);
  writeFileSync(join(dir, 'requirements.txt'), REQS);
  writeFileSync(join(dir, 'pkg', 'legacy.py'), 'print "py2"\n');
  writeFileSync(join(dir, 'pkg', 'clean.py'), 'import os\n');
  for (const skipped of ['.venv/lib/a.py', 'node_modules/x/a.py', 'custom_env/a.py'])
    writeFileSync(join(dir, skipped), SERVER);
  writeFileSync(join(dir, 'custom_env', 'pyvenv.cfg'), 'home = /usr\n');
}

beforeAll(makeTree);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const runners = clis().map((cli): [string, (args: string[], cwd?: string) => Promise<Run>] => [
  cli.name,
  (args, cwd = dir) => cli.run(args, { cwd }),
]);

describe.each(runners)('%s', (_name, run) => {
  it('diff by default, skips venvs/node_modules, summary on stderr, exit 1', async () => {
    const r = await run([]);
    expect(r.code).toBe(1);
    expect(r.out).toContain('+from mcp.server.mcpserver import MCPServer');
    expect(r.out).toContain('+mcp[cli]>=2,<3 ; python_version>="3.10"');
    expect(r.out).not.toContain('.venv');
    expect(r.out).not.toContain('node_modules');
    expect(r.out).not.toContain('custom_env');
    expect(r.err).toMatch(/3 changes in 2 files, 1 markers left, 1 files skipped: 1 python2/);
    expect(readFileSync(join(dir, 'pkg', 'server.py'), 'utf8')).toBe(SERVER);
  }, 120_000);

  it('--check / --json / --select / usage errors', async () => {
    expect((await run(['--check', 'pkg/clean.py'])).code).toBe(0);
    const check = await run(['--check', 'pkg']);
    expect(check.code).toBe(1);
    expect(check.out).toContain('server.py');
    const json = JSON.parse((await run(['--json', '--select', 'TYP', 'pkg'])).out);
    expect(json.files.every((f: any) => f.findings.length === 0)).toBe(true);
    expect((await run(['--no-such-flag'])).code).toBe(2);
    expect((await run(['--jobs', '0'])).code).toBe(2);
  }, 120_000);

  it('--write applies, preserves bytes, and a rerun is clean except markers', async () => {
    const r = await run(['--write', '.']);
    expect(r.code).toBe(1);
    expect(readFileSync(join(dir, 'pkg', 'server.py'), 'utf8')).toBe(
      'from mcp.server.mcpserver import MCPServer\r\n\r\nmcp = MCPServer("demo")  # 😀\r\n',
    );
    expect(readFileSync(join(dir, 'requirements.txt'), 'utf8')).toContain('# mcp-migrate: PKG003');
    const again = await run(['--check', '.']);
    expect(again.code).toBe(0);
    makeTree(); // restore for the next runner
  }, 120_000);
});

describe('--jobs (CPython)', () => {
  it('gives the same output with worker processes as in one process, and reports files/s', async () => {
    const [py] = clis();
    const tree = mkdtempSync(join(tmpdir(), 'mcp-migrate-jobs-'));
    cpSync(join(repoRoot, 'examples', 'v1-projects'), tree, { recursive: true });
    try {
      for (const mode of [['--json'], ['--diff'], ['--output-format', 'sarif']]) {
        const [one, two] = await Promise.all([
          py.run([...mode, '-j', '1', '.'], { cwd: tree }),
          py.run([...mode, '--jobs', '2', '.'], { cwd: tree }),
        ]);
        expect(one.code, one.err).toBe(1);
        expect(two.out, mode.join(' ')).toBe(one.out);
        expect(two.err.trimEnd().split('\n').at(-2)).toMatch(/^\d+ files in \d+\.\d\d s \(\d+ files\/s, 2 jobs\)$/);
        expect(one.err.trimEnd().split('\n').at(-2)).toMatch(/ files\/s, 1 job\)$/);
      }
    } finally {
      rmSync(tree, { recursive: true, force: true });
    }
  }, 120_000);
});

describe('cross-file analysis (two passes: facts of every file, then the migration)', () => {
  const APP = 'from mcp.server.fastmcp import FastMCP\n\nmcp = FastMCP("demo")\n';
  const TOOLS =
    'from mcp import McpError\nfrom mcp.types import ErrorData\n\nfrom .app import mcp\n\n\n' +
    '@mcp.tool()\ndef fail() -> str:\n    raise McpError(ErrorData(code=1, message="no"))\n';
  const rules = (r: Run) =>
    JSON.parse(r.out)
      .files.find((f: any) => f.path.endsWith('tools.py'))
      .findings.map((f: any) => f.rule);

  it('knows `mcp` in tools.py is the FastMCP of app.py, with --jobs too and in both CLIs', async () => {
    const tree = mkdtempSync(join(tmpdir(), 'mcp-migrate-xfile-'));
    try {
      mkdirSync(join(tree, 'pkg'));
      writeFileSync(join(tree, 'pkg', '__init__.py'), '');
      writeFileSync(join(tree, 'pkg', 'app.py'), APP);
      writeFileSync(join(tree, 'pkg', 'tools.py'), TOOLS);
      for (let i = 0; i < 6; i++) writeFileSync(join(tree, 'pkg', `util${i}.py`), `X = ${i}\n`);
      const [py, node] = clis();
      const runs = await Promise.all([
        py.run(['--json', '-j', '1', '.'], { cwd: tree }),
        py.run(['--json', '-j', '2', '.'], { cwd: tree }),
        node.run(['--json', '.'], { cwd: tree }),
      ]);
      for (const r of runs) expect(rules(r)).toEqual(['TYP001', 'TYP002', 'SRV011']);
      expect(runs[1].err).toContain('files/s, 2 jobs)');
      // Alone, tools.py cannot tell what `mcp` is: SRV011 needs the project index.
      expect(rules(await py.run(['--json', 'pkg/tools.py'], { cwd: tree }))).toEqual(['TYP001', 'TYP002']);
    } finally {
      rmSync(tree, { recursive: true, force: true });
    }
  }, 120_000);
});
