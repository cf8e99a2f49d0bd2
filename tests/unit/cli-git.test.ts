// `--write` in git work trees, with both CLIs: it refuses to write over uncommitted changes (naming the
// files) unless --allow-dirty, goes ahead when only unrelated files are dirty, never enters a submodule,
// and refuses when git cannot be asked.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { clis, git, gitEnv, snapshot, summaryLine, tempDir } from './cli-helpers';

const V1 = 'from mcp.server.fastmcp import FastMCP\n\nmcp = FastMCP("demo")\n';
const V2 = 'from mcp.server.mcpserver import MCPServer\n\nmcp = MCPServer("demo")\n';

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

function repo(files: Record<string, string>): string {
  const dir = tempDir('git');
  dirs.push(dir);
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(join(dir, rel, '..'), { recursive: true });
    writeFileSync(join(dir, rel), text);
  }
  git(dir, 'init', '-q');
  git(dir, 'add', '-A');
  git(dir, 'commit', '-qm', 'v1');
  return dir;
}

describe.each(clis())('$name', (cli) => {
  const run = (args: string[], cwd: string, env: NodeJS.ProcessEnv = {}) =>
    cli.run(args, { cwd, env: { ...gitEnv, ...env } });

  it('refuses to write over uncommitted changes, naming the files; --allow-dirty writes', async () => {
    const dir = repo({ 'pkg/a.py': V1, 'pkg/b.py': V1, 'pkg/c.py': V1, 'README.md': '# demo\n' });
    writeFileSync(join(dir, 'pkg', 'a.py'), `${V1}# work in progress\n`); // modified
    writeFileSync(join(dir, 'pkg', 'b.py'), `${V1}# staged\n`);
    git(dir, 'add', 'pkg/b.py'); // staged
    writeFileSync(join(dir, 'pkg', 'd.py'), V1); // untracked
    writeFileSync(join(dir, 'README.md'), '# edited\n'); // dirty, but not a file the run would write
    const before = snapshot(dir);

    const r = await run(['--write', '.'], dir);
    expect(r.code, r.err).toBe(2);
    expect(r.err).toContain('not writing anything: these files have uncommitted changes');
    const named = r.err
      .split('\n')
      .filter((l) => l.startsWith('  '))
      .map((l) => l.trim());
    expect(named).toEqual(['./pkg/a.py (modified)', './pkg/b.py (staged)', './pkg/d.py (untracked)']);
    expect(r.err).toContain('--allow-dirty');
    expect(snapshot(dir)).toEqual(before);

    const forced = await run(['--write', '--allow-dirty', '.'], dir);
    expect(forced.code, forced.err).toBe(1);
    expect(summaryLine(forced.err)).toBe('8 changes in 4 files, 0 markers left, 0 files skipped');
    expect(snapshot(dir).get('pkg/d.py')).toBe(V2);
    expect(snapshot(dir).get('pkg/a.py')).toBe(`${V2}# work in progress\n`);
  }, 120_000);

  it('writes in a clean tree although unrelated files are dirty, and leaves submodules alone', async () => {
    const sub = repo({ 'vendored.py': V1 });
    const dir = repo({ 'pkg/a.py': V1, 'README.md': '# demo\n' });
    git(dir, '-c', 'protocol.file.allow=always', 'submodule', 'add', '-q', sub, 'vendor');
    git(dir, 'commit', '-qm', 'vendor');
    writeFileSync(join(dir, 'README.md'), '# edited\n');

    const r = await run(['--write', '.'], dir);
    expect(r.code, r.err).toBe(1);
    expect(r.err.split('\n')).toContain(
      './vendor: skipped: separate git repository (submodule?): not entered; run mcp-migrate inside it',
    );
    expect(summaryLine(r.err)).toBe('2 changes in 1 files, 0 markers left, 1 files skipped: 1 separate git repository');
    expect(snapshot(dir).get('vendor/vendored.py')).toBe(V1);
    expect(git(dir, 'status', '--porcelain')).toBe(' M README.md\n M pkg/a.py\n');
    expect(git(join(dir, 'vendor'), 'status', '--porcelain')).toBe('');
    // Named on the command line, the submodule is a tree of its own, with its own git state.
    const inside = await run(['--write', 'vendor'], dir);
    expect(inside.code, inside.err).toBe(1);
    expect(snapshot(dir).get('vendor/vendored.py')).toBe(V2);
  }, 120_000);

  it('refuses when git cannot be asked about a work tree, and writes outside git', async () => {
    const dir = repo({ 'a.py': V1 });
    const r = await run(['--write', '.'], dir, { PATH: '/nonexistent' });
    expect(r.code, r.err).toBe(2);
    expect(r.err).toMatch(
      /^mcp-migrate: not writing anything: cannot tell whether \. has uncommitted changes \(git: .*\)\. Pass --allow-dirty to write anyway\.$/m,
    );
    expect(snapshot(dir).get('a.py')).toBe(V1);

    const plain = tempDir('nogit');
    dirs.push(plain);
    writeFileSync(join(plain, 'a.py'), V1);
    const outside = await run(['--write', '.'], plain, { PATH: '/nonexistent' });
    expect(outside.code, outside.err).toBe(1);
    expect(snapshot(plain).get('a.py')).toBe(V2);
  }, 120_000);
});
