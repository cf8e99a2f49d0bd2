// The engine as a Python package: it installs from this checkout into a fresh venv with no package
// index (as pip, pipx, uvx and pre-commit build it), its `mcp-migrate` console script behaves exactly
// like `npx mcp-migrate`, and the pre-commit hooks of .pre-commit-hooks.yaml work in a sample repo.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { clis, git, gitEnv, pythonExecutable, repoRoot, snapshot, spawnRun, summaryLine, tempDir } from './cli-helpers';

const V1 = 'from mcp.server.fastmcp import FastMCP\n\nmcp = FastMCP("demo")\n';
const V2 = 'from mcp.server.mcpserver import MCPServer\n\nmcp = MCPServer("demo")\n';
// No index, no configuration (the machine's pip.conf may name a mirror): what an offline CI has.
const OFFLINE = {
  PIP_NO_INDEX: '1',
  PIP_CONFIG_FILE: '/dev/null',
  PIP_DISABLE_PIP_VERSION_CHECK: '1',
  PIP_NO_CACHE_DIR: '1',
};

let dir: string;
let venvBin: string;
const node = clis()[1];

function sh(cmd: string, args: string[], cwd = dir, env: NodeJS.ProcessEnv = {}): string {
  return execFileSync(cmd, args, { cwd, encoding: 'utf8', env: { ...process.env, ...OFFLINE, ...env } });
}

beforeAll(() => {
  dir = tempDir('pypkg');
  sh(pythonExecutable(), ['-m', 'venv', join(dir, 'venv')]);
  venvBin = join(dir, 'venv', 'bin');
  sh(join(venvBin, 'python'), ['-m', 'pip', 'install', '--quiet', '--no-index', repoRoot]);
}, 300_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const script = (args: string[], cwd: string, env: NodeJS.ProcessEnv = {}) =>
  spawnRun(join(venvBin, 'mcp-migrate'), args, { cwd, env });

describe('pip install --no-index . into a fresh venv', () => {
  it('installs the whole engine with its metadata and the console script', () => {
    const site = sh(join(venvBin, 'python'), [
      '-c',
      'import mcp_migrate, os; print(os.path.dirname(mcp_migrate.__file__))',
    ]).trim();
    expect(site.startsWith(join(dir, 'venv'))).toBe(true);
    const list = (root: string) => {
      const out: string[] = [];
      const walk = (d: string) => {
        for (const e of readdirSync(d, { withFileTypes: true })) {
          if (e.name === '__pycache__') continue;
          if (e.isDirectory()) walk(join(d, e.name));
          else out.push(relative(root, join(d, e.name)));
        }
      };
      walk(root);
      return out.sort();
    };
    expect(list(site)).toEqual(list(join(repoRoot, 'engine', 'mcp_migrate')));
    const version = /__version__ = "([^"]+)"/.exec(
      readFileSync(join(repoRoot, 'engine', 'mcp_migrate', '__init__.py'), 'utf8'),
    )![1];
    const meta = sh(join(venvBin, 'python'), [
      '-c',
      'from importlib.metadata import metadata, entry_points\nm = metadata("mcp-migrate")\n' +
        'print(m["Name"], m["Version"], m["Requires-Python"], m["License"])\n' +
        'print([e.value for e in entry_points(group="console_scripts") if e.name == "mcp-migrate"])',
    ]);
    expect(meta.trim().split('\n')).toEqual([`mcp-migrate ${version} >=3.10 MIT`, "['mcp_migrate.cli:main']"]);
  });

  it('also builds an sdist that installs, and reads pyproject.toml without tomllib (Python 3.10)', () => {
    const out = sh(
      pythonExecutable(),
      [
        '-c',
        `
import sys
sys.path.insert(0, "engine/packaging")
import mcp_migrate_build as b
text = open("pyproject.toml", encoding="utf-8").read()
try:
    import tomllib
    print(b.parse_toml_subset(text)["project"] == tomllib.loads(text)["project"])
except ImportError:
    print(b.parse_toml_subset(text)["project"]["scripts"] == {"mcp-migrate": "mcp_migrate.cli:main"})
try:
    b.parse_toml_subset(text + "\\n[project.x]\\nn = 1\\n")
except ValueError as e:
    print(e)
print(b.build_sdist(sys.argv[1]))
`,
        join(dir),
      ],
      repoRoot,
    );
    const [same, refused, sdist] = out.trim().split('\n');
    expect(same).toBe('True');
    expect(refused).toBe("unsupported TOML value: '1'");
    sh(pythonExecutable(), ['-m', 'venv', '--without-pip', join(dir, 'sdist-venv')]);
    sh(join(venvBin, 'python'), [
      '-m',
      'pip',
      '--python',
      join(dir, 'sdist-venv', 'bin', 'python'),
      'install',
      '--quiet',
      '--no-index',
      join(dir, sdist),
    ]);
    const check = execFileSync(join(dir, 'sdist-venv', 'bin', 'python'), ['-m', 'mcp_migrate', '--version'], {
      encoding: 'utf8',
    });
    expect(check.trim()).toMatch(/^mcp-migrate \d+\.\d+\.\d+$/);
  }, 120_000);
});

describe('the mcp-migrate console script and npx mcp-migrate', () => {
  let tree: string;
  beforeAll(() => {
    tree = join(dir, 'projects');
    cpSync(join(repoRoot, 'examples', 'v1-projects'), tree, { recursive: true });
  });

  it.each([
    [['--check', '.']],
    [['--json', '--apply-review', '--select', 'SRV,TYP,LOW', '.']],
    [['weather-server', 'lowlevel-server/src']],
  ])(
    '%j: same stdout, summary and exit code',
    async (args) => {
      const [a, b] = await Promise.all([script(args, tree), node.run(args, { cwd: tree })]);
      expect(a.code, a.err).toBe(1);
      expect(b.code).toBe(a.code);
      expect(b.out).toBe(a.out);
      expect(summaryLine(b.err)).toBe(summaryLine(a.err));
      expect(a.out.length).toBeGreaterThan(100);
    },
    120_000,
  );

  it('--help: the same options, with examples and exit codes', async () => {
    const [a, b] = await Promise.all([script(['--help'], tree), node.run(['--help'], { cwd: tree })]);
    expect(a.code).toBe(0);
    expect(b.code).toBe(0);
    const options = (help: string) => [...new Set(help.match(/--[a-z][a-z-]+/g))].sort();
    expect(options(b.out)).toEqual(options(a.out));
    for (const o of ['--write', '--check', '--output-format', '--allow-dirty', '--jobs', '--apply-review']) {
      expect(options(a.out)).toContain(o);
    }
    for (const text of ['examples:', 'mcp-migrate --write .', 'exit codes:', 'npx mcp-migrate explain']) {
      expect(a.out).toContain(text);
    }
  }, 120_000);
});

describe('.pre-commit-hooks.yaml in a sample repository', () => {
  const hooks: { id: string; entry: string; files: string; types: string[]; language: string }[] = parse(
    readFileSync(join(repoRoot, '.pre-commit-hooks.yaml'), 'utf8'),
  );
  /** What pre-commit does for a `language: python` hook: the files staged for commit that match
   * `files` and `types: [file]`, passed to `entry` with the hook's venv first on PATH. */
  const runHook = (id: string, repo: string) => {
    const hook = hooks.find((h) => h.id === id)!;
    expect(hook.language).toBe('python');
    expect(hook.types).toEqual(['file']);
    const staged = git(repo, 'diff', '--cached', '--name-only', '--diff-filter=ACMR').split('\n').filter(Boolean);
    const files = staged.filter((f) => new RegExp(hook.files).test(f));
    const [cmd, ...args] = hook.entry.split(' ');
    return {
      files,
      run: script([...args, ...files], repo, { ...gitEnv, PATH: `${venvBin}:${process.env.PATH}` }),
      cmd,
    };
  };

  it('mcp-migrate fails the commit while v1 code is staged, mcp-migrate-fix rewrites it, then it passes', async () => {
    const repo = join(dir, 'sample');
    mkdirSync(join(repo, 'app', 'requirements'), { recursive: true });
    writeFileSync(join(repo, 'app', 'server.py'), V1);
    writeFileSync(join(repo, 'app', 'util.py'), 'import os\n');
    writeFileSync(join(repo, 'app', 'requirements', 'base.txt'), 'mcp==1.28.1\n');
    writeFileSync(join(repo, 'notes.txt'), 'from mcp.server.fastmcp import FastMCP\n');
    writeFileSync(join(repo, 'README.md'), '# sample\n');
    git(repo, 'init', '-q');
    git(repo, 'add', '-A');

    const check = runHook('mcp-migrate', repo);
    expect(check.cmd).toBe('mcp-migrate');
    expect(check.files).toEqual(['app/requirements/base.txt', 'app/server.py', 'app/util.py']);
    const failed = await check.run;
    expect(failed.code, failed.err).toBe(1);
    expect(failed.out).toBe('would change app/requirements/base.txt\nwould change app/server.py\n');

    const fix = await runHook('mcp-migrate-fix', repo).run; // staged files count as uncommitted: --allow-dirty
    expect(fix.code, fix.err).toBe(1);
    expect(snapshot(repo).get('app/server.py')).toBe(V2);
    expect(snapshot(repo).get('app/requirements/base.txt')).toBe('mcp>=2,<3\n');
    expect(snapshot(repo).get('notes.txt')).toBe('from mcp.server.fastmcp import FastMCP\n');

    git(repo, 'add', '-A');
    const passed = await runHook('mcp-migrate', repo).run;
    expect(passed.code, passed.err).toBe(0);
    expect(passed.out).toBe('');
  }, 120_000);
});
