// `--write` on hostile trees, with both CLIs: symlinks out of the tree, a FIFO named *.py, a read-only
// file, a file over 10 MB, syntax newer than the running Python, permission errors. Every file is
// processed or skipped with its reason, nothing outside the tree changes, and writes are atomic.
import { execFileSync } from 'node:child_process';
import {
  chmodSync,
  chownSync,
  linkSync,
  lstatSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  rmSync,
  statSync,
  symlinkSync,
  truncateSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { type Cli, clis, pythonExecutable, repoRoot, summaryLine, tempDir, unprivileged } from './cli-helpers';

const V1 = 'from mcp.server.fastmcp import FastMCP\n\nmcp = FastMCP("demo")\n';
const V2 = 'from mcp.server.mcpserver import MCPServer\n\nmcp = MCPServer("demo")\n';
const GENERIC = `def first[T](xs: list[T]) -> T:\n    return xs[0]\n\n\n${V1}`; // PEP 695: Python 3.12
const TEMPLATE = `${V1}greeting = t"hello {mcp}"\n`; // PEP 750: Python 3.14
const older = (cli: Cli, v: [number, number]) =>
  cli.python[0] < v[0] || (cli.python[0] === v[0] && cli.python[1] < v[1]);

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) {
    execFileSync('chmod', ['-R', 'u+rwx', d]);
    rmSync(d, { recursive: true, force: true });
  }
});

function hostileTree() {
  const dir = tempDir('hostile');
  dirs.push(dir);
  const tree = join(dir, 'tree');
  const outside = join(dir, 'outside');
  mkdirSync(join(tree, 'pkg'), { recursive: true });
  mkdirSync(join(outside, 'dir'), { recursive: true });
  writeFileSync(join(outside, 'evil.py'), V1);
  writeFileSync(join(outside, 'shared.py'), V1);
  writeFileSync(join(outside, 'dir', 'inner.py'), V1);
  writeFileSync(join(tree, 'pkg', 'server.py'), V1);
  writeFileSync(join(tree, 'pkg', 'script.py'), V1, { mode: 0o755 });
  writeFileSync(join(tree, 'pkg', 'ro.py'), V1);
  chmodSync(join(tree, 'pkg', 'ro.py'), 0o444);
  symlinkSync('../../outside/evil.py', join(tree, 'pkg', 'link.py'));
  symlinkSync('server.py', join(tree, 'pkg', 'alias.py'));
  linkSync(join(outside, 'shared.py'), join(tree, 'pkg', 'hard.py'));
  symlinkSync('../outside/dir', join(tree, 'linked'));
  execFileSync('mkfifo', [join(tree, 'pkg', 'fifo.py')]);
  writeFileSync(join(tree, 'pkg', 'big.py'), V1);
  truncateSync(join(tree, 'pkg', 'big.py'), 11 * 1024 * 1024);
  writeFileSync(join(tree, 'pkg', 'generic.py'), GENERIC);
  writeFileSync(join(tree, 'pkg', 'template.py'), TEMPLATE);
  return { dir, tree, outside };
}

describe.each(clis())('$name', (cli) => {
  it('--write on a hostile tree: stays inside, only regular files, skips with reasons, exit 2', async () => {
    const { tree, outside } = hostileTree();
    const inode = statSync(join(tree, 'pkg', 'server.py')).ino;
    const r = await cli.run(['--write', 'tree'], { cwd: join(tree, '..'), timeout: 90_000 });
    expect(r.signal, 'hung (the FIFO?)').toBeNull();
    expect(r.code, r.err).toBe(2); // ro.py could not be written

    // Nothing outside the tree changed; links are still links to where they pointed.
    expect(readFileSync(join(outside, 'evil.py'), 'utf8')).toBe(V1);
    expect(readFileSync(join(outside, 'dir', 'inner.py'), 'utf8')).toBe(V1);
    expect(readFileSync(join(outside, 'shared.py'), 'utf8')).toBe(V1);
    expect(statSync(join(tree, 'pkg', 'hard.py')).ino).toBe(statSync(join(outside, 'shared.py')).ino);
    expect(readlinkSync(join(tree, 'pkg', 'link.py'))).toBe('../../outside/evil.py');
    expect(readlinkSync(join(tree, 'pkg', 'alias.py'))).toBe('server.py');
    expect(lstatSync(join(tree, 'linked')).isSymbolicLink()).toBe(true);
    expect(lstatSync(join(tree, 'pkg', 'fifo.py')).isFIFO()).toBe(true);

    // Written files: replaced by rename (new inode), mode kept, no temporary file left behind.
    expect(readFileSync(join(tree, 'pkg', 'server.py'), 'utf8')).toBe(V2);
    expect(statSync(join(tree, 'pkg', 'server.py')).ino).not.toBe(inode);
    expect(readFileSync(join(tree, 'pkg', 'script.py'), 'utf8')).toBe(V2);
    expect(statSync(join(tree, 'pkg', 'script.py')).mode & 0o777).toBe(0o755);
    expect(readFileSync(join(tree, 'pkg', 'ro.py'), 'utf8')).toBe(V1);
    expect(readdirSync(join(tree, 'pkg')).filter((n) => n.includes('mcp-migrate'))).toEqual([]);

    const lines = r.err.split('\n');
    for (const line of [
      'tree/linked: skipped: symlinked directory to outside the tree (not followed)',
      'tree/pkg/alias.py: skipped: symlink (not followed; its target is inside the tree)',
      'tree/pkg/big.py: skipped: too large (11.0 MB; the limit is 2 MB)',
      'tree/pkg/fifo.py: skipped: not a regular file (a FIFO)',
      'tree/pkg/hard.py: error: not written: the file has 2 hard links, which a new file would split',
      'tree/pkg/link.py: skipped: symlink to outside the tree (not followed)',
      'tree/pkg/ro.py: error: not written: read-only file (mode 444)',
    ])
      expect(lines, line).toContain(line);

    // Newer syntax than the running Python: a clear message, the file untouched, the run goes on.
    const skipped = [
      'not a regular file',
      'not written',
      'not written',
      'symlink',
      'symlink to outside the tree',
      'symlinked directory to outside the tree',
      'too large',
    ];
    let written = 2;
    for (const [file, text, version, line] of [
      ['generic.py', GENERIC, [3, 12], 1],
      ['template.py', TEMPLATE, [3, 14], 4],
    ] as const) {
      const path = join(tree, 'pkg', file);
      if (older(cli, [...version])) {
        expect(readFileSync(path, 'utf8')).toBe(text);
        expect(r.err).toMatch(
          new RegExp(
            `^tree/pkg/${file}:${line}: skipped: syntax: SyntaxError: .*; the file uses .* which ` +
              `needs Python >= ${version.join('\\.')}, and this is Python ${cli.python.join('\\.')}: run mcp-migrate under a ` +
              'newer Python \\(or npx mcp-migrate\\)$',
            'm',
          ),
        );
        skipped.push(`needs Python >= ${version.join('.')}`);
      } else {
        expect(readFileSync(path, 'utf8')).toContain('mcp = MCPServer("demo")');
        written++;
      }
    }
    const counts = new Map<string, number>();
    for (const s of skipped) counts.set(s, (counts.get(s) ?? 0) + 1);
    const list = [...counts]
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([s, n]) => `${n} ${s}`)
      .join(', ');
    expect(summaryLine(r.err)).toBe(
      `${2 * written} changes in ${written} files, 0 markers left, ${skipped.length} files skipped: ${list}`,
    );
  }, 120_000);

  it('follows a symlink named on the command line, writing its target and keeping the link', async () => {
    const { tree, outside } = hostileTree();
    const r = await cli.run(['--write', join('pkg', 'link.py')], { cwd: tree });
    expect(r.code, r.err).toBe(1);
    expect(readFileSync(join(outside, 'evil.py'), 'utf8')).toBe(V2);
    expect(readlinkSync(join(tree, 'pkg', 'link.py'))).toBe('../../outside/evil.py');
    // A FIFO named on the command line is refused, not opened.
    const fifo = await cli.run(['--check', join('pkg', 'fifo.py')], { cwd: tree, timeout: 90_000 });
    expect(fifo.signal).toBeNull();
    expect(fifo.err).toContain('pkg/fifo.py: skipped: not a regular file (a FIFO)');
    expect(fifo.code).toBe(0);
    // A file reached through several arguments is looked at once.
    const twice = await cli.run(['--check', '.', 'pkg', join('pkg', 'server.py')], { cwd: tree });
    expect(twice.out.split('\n').filter((l) => l.endsWith('server.py'))).toEqual(['would change ./pkg/server.py']);
  }, 120_000);
});

// Permission errors need a user the file modes apply to: as root the CLIs run as `nobody`.
const asUser = unprivileged();
describe.each(asUser.clis)('$name, permission errors', (cli) => {
  it('skips unreadable files and directories and unwritable ones with the reason, writes the rest, exit 2', async () => {
    const dir = tempDir('perm');
    dirs.push(dir);
    chmodSync(dir, 0o755);
    mkdirSync(join(dir, 'locked'));
    mkdirSync(join(dir, 'frozen'));
    for (const f of ['ok.py', 'secret.py', 'locked/inner.py', 'frozen/v1.py']) writeFileSync(join(dir, f), V1);
    chmodSync(join(dir, 'frozen', 'v1.py'), 0o666);
    asUser.chown(dir);
    // What the user may not touch belongs to root (when running as root) and has no permission bits.
    const own = (p: string) => {
      if (asUser.uid !== undefined) chownSync(p, 0, 0);
    };
    for (const p of ['secret.py', 'locked', 'frozen']) own(join(dir, p));
    chmodSync(join(dir, 'secret.py'), 0o000);
    chmodSync(join(dir, 'locked'), 0o000);
    chmodSync(join(dir, 'frozen'), 0o555);

    const r = await cli.run(['--write', '.'], { cwd: dir, uid: asUser.uid, gid: asUser.gid });
    expect(r.err).not.toMatch(/Traceback|internal error/);
    expect(r.code, r.err).toBe(2);
    expect(readFileSync(join(dir, 'ok.py'), 'utf8')).toBe(V2);
    expect(readFileSync(join(dir, 'frozen', 'v1.py'), 'utf8')).toBe(V1);
    expect(readdirSync(join(dir, 'frozen'))).toEqual(['v1.py']);
    const lines = r.err.split('\n');
    for (const line of [
      './frozen/v1.py: error: not written: permission denied',
      './locked: error: cannot list directory: permission denied',
      './secret.py: error: cannot read: permission denied',
    ])
      expect(lines, r.err).toContain(line);
    expect(summaryLine(r.err)).toBe(
      '2 changes in 1 files, 0 markers left, 3 files skipped: 1 cannot list directory, 1 cannot read, 1 not written',
    );
  }, 120_000);
});

// The write itself (one implementation for both CLIs): what an interruption or a race leaves.
describe('files.write_source', () => {
  const python = (code: string, cwd: string) =>
    execFileSync(pythonExecutable(), ['-c', code], {
      cwd,
      encoding: 'utf8',
      env: { ...process.env, PYTHONPATH: join(repoRoot, 'engine') },
    });
  const PRELUDE =
    'import os\nfrom mcp_migrate import files\nsrc = files.read_source("a.py")\nroot = os.path.realpath(".")\n';

  it('an interrupted write leaves the original whole and no temporary file', () => {
    const dir = tempDir('interrupt');
    dirs.push(dir);
    writeFileSync(join(dir, 'a.py'), V1);
    const out = python(
      `${PRELUDE}
def interrupted(a, b):
    raise KeyboardInterrupt
os.replace = interrupted
try:
    files.write_source("a.py", root, src, ${JSON.stringify(V2)} * 1000)
except KeyboardInterrupt:
    print("interrupted")
`,
      dir,
    );
    expect(out.trim()).toBe('interrupted');
    expect(readFileSync(join(dir, 'a.py'), 'utf8')).toBe(V1);
    expect(readdirSync(dir)).toEqual(['a.py']);
  });

  it('refuses a file changed since it was read, or swapped for a link out of the tree', () => {
    const dir = tempDir('race');
    dirs.push(dir);
    writeFileSync(join(dir, 'a.py'), V1);
    writeFileSync(join(dir, 'other.py'), V1);
    const out = python(
      `${PRELUDE}
with open("a.py", "a") as f:
    f.write("# edited meanwhile\\n")
try:
    files.write_source("a.py", root, src, "x = 1\\n")
except files.Skip as e:
    print(e)
os.unlink("a.py")
os.symlink(os.path.join(root, "..", os.path.basename(root) + "-elsewhere.py"), "a.py")
try:
    files.write_source("a.py", root, src, "x = 1\\n")
except files.Skip as e:
    print(str(e).split(":")[0] + ": " + str(e).split(", ")[-1])
`,
      dir,
    );
    expect(out.trim().split('\n')).toEqual([
      'not written: changed on disk while mcp-migrate ran',
      'not written: outside the tree',
    ]);
    expect(readFileSync(join(dir, 'other.py'), 'utf8')).toBe(V1);
  });
});
