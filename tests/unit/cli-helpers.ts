// Running the two CLIs (`python3 -m mcp_migrate` on CPython, `bin/mcp-migrate.mjs` on Pyodide) on
// throwaway trees, as a user would: separate processes, real file systems, real git.
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import {
  chmodSync,
  cpSync,
  lchownSync,
  linkSync,
  lstatSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  statSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';

export const repoRoot = join(import.meta.dirname, '..', '..');

export interface Run {
  code: number | null;
  out: string;
  err: string;
  signal: NodeJS.Signals | null;
}
export interface RunOptions {
  cwd: string;
  env?: NodeJS.ProcessEnv;
  timeout?: number;
  uid?: number;
  gid?: number;
}
export interface Cli {
  name: string;
  /** Python version the engine parses with ([3, 14] under Pyodide). */
  python: [number, number];
  run(args: string[], opts: RunOptions): Promise<Run>;
}

export function spawnRun(cmd: string, args: string[], opts: RunOptions): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, {
      cwd: opts.cwd,
      env: { ...process.env, MCP_MIGRATE_PROGRESS: '0', ...opts.env },
      uid: opts.uid,
      gid: opts.gid,
      timeout: opts.timeout ?? 120_000,
      killSignal: 'SIGKILL',
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (b) => {
      out += b;
    });
    child.stderr.on('data', (b) => {
      err += b;
    });
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, out, err, signal }));
  });
}

/** The CLIs, running from `root` (a repository checkout) with the given executables. */
export function clis(root = repoRoot, python = pythonExecutable(), node = process.execPath): Cli[] {
  const pyVersion = JSON.parse(
    execFileSync(python, ['-c', 'import sys, json; print(json.dumps(sys.version_info[:2]))'], { encoding: 'utf8' }),
  );
  return [
    {
      name: 'python -m mcp_migrate',
      python: pyVersion,
      run: (args, opts) =>
        spawnRun(python, ['-m', 'mcp_migrate', ...args], {
          ...opts,
          env: { PYTHONPATH: join(root, 'engine'), ...opts.env },
        }),
    },
    {
      name: 'bin/mcp-migrate.mjs (Pyodide)',
      python: [3, 14],
      run: (args, opts) => spawnRun(node, [join(root, 'bin', 'mcp-migrate.mjs'), ...args], opts),
    },
  ];
}

/** python3's absolute path, so that runs with another PATH (no git) still find it. */
export function pythonExecutable(): string {
  return execFileSync('python3', ['-c', 'import sys; print(sys.executable)'], { encoding: 'utf8' }).trim();
}

export function tempDir(prefix: string): string {
  return mkdtempSync(join(tmpdir(), `mcp-migrate-${prefix}-`));
}

/** Relative path -> bytes (latin1, so comparisons are byte-exact) of every regular file under dir. */
export function snapshot(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (d: string) => {
    let names: string[];
    try {
      names = readdirSync(d).sort();
    } catch {
      return; // a directory the test made unreadable
    }
    for (const name of names) {
      const p = join(d, name);
      const st = statSync(p, { throwIfNoEntry: false });
      if (!st) continue;
      if (st.isDirectory() && name !== '.git') walk(p);
      else if (st.isFile() && st.size < 1 << 20) {
        try {
          out.set(relative(dir, p).split(sep).join('/'), readFileSync(p).toString('latin1'));
        } catch {
          out.set(relative(dir, p).split(sep).join('/'), '<unreadable>');
        }
      }
    }
  };
  walk(dir);
  return out;
}

/** git with no user or system configuration, so tests behave the same on every machine. */
export const gitEnv: NodeJS.ProcessEnv = {
  GIT_CONFIG_NOSYSTEM: '1',
  GIT_CONFIG_GLOBAL: '/dev/null',
  GIT_AUTHOR_NAME: 't',
  GIT_AUTHOR_EMAIL: 't@example.com',
  GIT_COMMITTER_NAME: 't',
  GIT_COMMITTER_EMAIL: 't@example.com',
  GIT_DIR: undefined,
  GIT_WORK_TREE: undefined,
  GIT_INDEX_FILE: undefined,
};

export function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', args, { cwd, encoding: 'utf8', env: { ...process.env, ...gitEnv } });
}

/** The last line of stderr: the summary. */
export const summaryLine = (err: string) => err.trimEnd().split('\n').at(-1) ?? '';

const NOBODY = 65534;

/**
 * How to run the CLIs so that file permissions apply: as they are for a normal user; as root (who may
 * read and write anything) as `nobody`, from a copy of what the CLIs need that `nobody` can read (the
 * checkout and Node may live under /root).
 */
export function unprivileged(): { clis: Cli[]; uid?: number; gid?: number; chown(path: string): void } {
  if (process.getuid?.() !== 0) return { clis: clis(), chown: () => {} };
  const dir = tempDir('nobody');
  chmodSync(dir, 0o755);
  for (const part of [
    'bin',
    join('src', 'lib', 'engine'),
    join('engine', 'mcp_migrate'),
    join('node_modules', 'pyodide'),
  ]) {
    cpSync(join(repoRoot, part), join(dir, part), { recursive: true, filter: (src) => !src.includes('__pycache__') });
  }
  cpSync(join(repoRoot, 'package.json'), join(dir, 'package.json'));
  const node = join(dir, 'node');
  try {
    linkSync(process.execPath, node);
  } catch {
    cpSync(process.execPath, node);
  }
  chmodSync(node, 0o755);
  const candidates = [pythonExecutable(), '/usr/bin/python3', '/usr/local/bin/python3'];
  const python = candidates.find((p) => spawnSync(p, ['-c', 'import ast'], { uid: NOBODY, gid: NOBODY }).status === 0);
  if (!python) throw new Error(`no python3 that the user nobody may run among ${candidates.join(', ')}`);
  const chown = (path: string) => {
    lchownSync(path, NOBODY, NOBODY);
    if (lstatSync(path).isDirectory()) for (const name of readdirSync(path)) chown(join(path, name));
  };
  return { clis: clis(dir, python, node), uid: NOBODY, gid: NOBODY, chown };
}
