// The CLI: `python -m mcp_migrate` (CPython, when present) and `bin/mcp-migrate.mjs` (Pyodide), same
// flags and exit codes, on a throwaway project tree.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasPython3, repoRoot } from './engine-helpers';

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
  for (const skipped of ['.venv/lib/a.py', 'node_modules/x/a.py', 'custom_env/a.py']) writeFileSync(join(dir, skipped), SERVER);
  writeFileSync(join(dir, 'custom_env', 'pyvenv.cfg'), 'home = /usr\n');
}

beforeAll(makeTree);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

type Runner = (args: string[], cwd?: string) => { code: number | null; out: string; err: string };
const runners: [string, Runner, boolean][] = [
  ['python -m mcp_migrate', (args, cwd = dir) => {
    const r = spawnSync('python3', ['-m', 'mcp_migrate', ...args], { cwd, encoding: 'utf8', env: { ...process.env, PYTHONPATH: join(repoRoot, 'engine') } });
    return { code: r.status, out: r.stdout, err: r.stderr };
  }, hasPython3()],
  ['bin/mcp-migrate.mjs (Pyodide)', (args, cwd = dir) => {
    const r = spawnSync(process.execPath, [join(repoRoot, 'bin', 'mcp-migrate.mjs'), ...args], { cwd, encoding: 'utf8' });
    return { code: r.status, out: r.stdout, err: r.stderr };
  }, true],
];

describe.each(runners)('%s', (_name, run, enabled) => {
  it.runIf(enabled)('diff by default, skips venvs/node_modules, summary on stderr, exit 1', () => {
    const r = run([]);
    expect(r.code).toBe(1);
    expect(r.out).toContain('+from mcp.server.mcpserver import MCPServer');
    expect(r.out).toContain('+mcp[cli]>=2,<3 ; python_version>="3.10"');
    expect(r.out).not.toContain('.venv');
    expect(r.out).not.toContain('node_modules');
    expect(r.out).not.toContain('custom_env');
    expect(r.err).toMatch(/3 changes in 2 files, 1 markers left, 1 files skipped: 1 python2/);
    expect(readFileSync(join(dir, 'pkg', 'server.py'), 'utf8')).toBe(SERVER);
  }, 120_000);

  it.runIf(enabled)('--check / --json / --select / usage errors', () => {
    expect(run(['--check', 'pkg/clean.py']).code).toBe(0);
    const check = run(['--check', 'pkg']);
    expect(check.code).toBe(1);
    expect(check.out).toContain('server.py');
    const json = JSON.parse(run(['--json', '--select', 'TYP', 'pkg']).out);
    expect(json.files.every((f: any) => f.findings.length === 0)).toBe(true);
    expect(run(['--no-such-flag']).code).toBe(2);
  }, 120_000);

  it.runIf(enabled)('--write applies, preserves bytes, and a rerun is clean except markers', () => {
    const r = run(['--write', '.']);
    expect(r.code).toBe(1);
    expect(readFileSync(join(dir, 'pkg', 'server.py'), 'utf8')).toBe(
      'from mcp.server.mcpserver import MCPServer\r\n\r\nmcp = MCPServer("demo")  # 😀\r\n');
    expect(readFileSync(join(dir, 'requirements.txt'), 'utf8')).toContain('# mcp-migrate: PKG003');
    const again = run(['--check', '.']);
    expect(again.code).toBe(0);
    makeTree(); // restore for the next runner
  }, 120_000);
});
