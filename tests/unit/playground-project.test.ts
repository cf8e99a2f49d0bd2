// The playground's project pieces that need no browser: the .zip reader/writer (against archives made
// by Python's zipfile, hostile ones included), which files a project keeps, the snapshot encoding, fix
// groups, rule labels, and the offline worker's file list.
import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Finding } from '../../src/lib/engine/types';
import { crc32, readZip, writeZip, ZipError } from '../../src/lib/playground/zip';
import { decodeText, fromFileList, fromZip, isAnalysed, safePath } from '../../src/lib/playground/project-files';
import { decodeSparse, encodeSparse, isGzip } from '../../src/lib/playground/snapshot-codec.mjs';
import { fixEdits, fixGroup, planSafeFixes } from '../../src/lib/playground/fixes';
import { ruleAction } from '../../src/lib/playground/panels/labels';
import { ResultCache } from '../../src/lib/playground/result-cache';
import { precacheManifest, urlOf } from '../../src/integrations/service-worker';
import rules from '../../src/generated/rules.json';

const enc = new TextEncoder();
const dec = new TextDecoder();

/** A .zip made by CPython's zipfile: entries [name, text, options]. */
function pythonZip(entries: [string, string, { symlink?: boolean; stored?: boolean }?][]): File {
  const dir = mkdtempSync(join(tmpdir(), 'pg-zip-'));
  const spec = join(dir, 'spec.json');
  writeFileSync(spec, JSON.stringify(entries));
  const out = join(dir, 'project.zip');
  execFileSync('python3', [
    '-c',
    `
import json, sys, zipfile
entries = json.load(open(sys.argv[1]))
with zipfile.ZipFile(sys.argv[2], "w", zipfile.ZIP_DEFLATED) as z:
    for name, text, *rest in entries:
        opts = rest[0] if rest else {}
        info = zipfile.ZipInfo(name)
        info.compress_type = zipfile.ZIP_STORED if opts.get("stored") else zipfile.ZIP_DEFLATED
        if opts.get("symlink"):
            info.create_system = 3
            info.external_attr = (0o120777 << 16)
        z.writestr(info, text)
`,
    spec,
    out,
  ]);
  return new File([readFileSync(out)], 'project.zip');
}

describe('zip', () => {
  it('reads archives written by Python (deflated and stored) and checks their CRCs', async () => {
    const zip = pythonZip([
      ['app/server.py', 'from mcp.server.fastmcp import FastMCP\n'.repeat(50)],
      ['app/README.md', 'hello', { stored: true }],
    ]);
    const entries = await readZip(zip);
    expect(entries.map((e) => [e.name, e.method])).toEqual([
      ['app/server.py', 8],
      ['app/README.md', 0],
    ]);
    expect(dec.decode(await entries[0].read())).toBe('from mcp.server.fastmcp import FastMCP\n'.repeat(50));
    expect(dec.decode(await entries[1].read())).toBe('hello');
  });

  it('writes archives Python reads back byte for byte, copying entries without recompressing', async () => {
    const source = await readZip(pythonZip([['keep/data.txt', 'x'.repeat(1000)]]));
    const zip = await writeZip([
      { name: 'p/main.py', data: enc.encode('print("héllo")\n') },
      { name: 'p/empty.py', data: new Uint8Array() },
      { name: 'p/keep.txt', copy: source[0] },
    ]);
    const dir = mkdtempSync(join(tmpdir(), 'pg-zip-'));
    writeFileSync(join(dir, 'out.zip'), new Uint8Array(await zip.arrayBuffer()));
    const listed = execFileSync('python3', [
      '-c',
      'import sys, zipfile, json; z = zipfile.ZipFile(sys.argv[1]); assert z.testzip() is None; print(json.dumps({n: z.read(n).decode() for n in z.namelist()}))',
      join(dir, 'out.zip'),
    ]).toString();
    expect(JSON.parse(listed)).toEqual({
      'p/main.py': 'print("héllo")\n',
      'p/empty.py': '',
      'p/keep.txt': 'x'.repeat(1000),
    });
  });

  it('refuses a zip bomb (an entry larger than it says) and damaged data', async () => {
    const good = new Uint8Array(
      await (await writeZip([{ name: 'a.py', data: enc.encode('x = 1\n'.repeat(5000)) }])).arrayBuffer(),
    );
    // Shrink the declared size in the central directory: inflating must stop there.
    const bomb = good.slice();
    const view = new DataView(bomb.buffer);
    const cd = bomb.length - 22 - (46 + 'a.py'.length);
    expect(view.getUint32(cd, true)).toBe(0x02014b50);
    view.setUint32(cd + 24, 100, true);
    const [entry] = await readZip(new Blob([bomb]));
    await expect(entry.read()).rejects.toThrow(ZipError);
    const damaged = good.slice();
    new DataView(damaged.buffer).setUint32(cd + 16, 12345, true); // wrong CRC
    await expect((await readZip(new Blob([damaged])))[0].read()).rejects.toThrow(/CRC/);
    await expect(readZip(new Blob([enc.encode('not a zip at all')]))).rejects.toThrow(/not a \.zip/);
  });

  it('computes the standard CRC-32', () => {
    expect(crc32(enc.encode('123456789'))).toBe(0xcbf43926);
  });
});

describe('project files', () => {
  it('analyses the files the CLI analyses', () => {
    for (const p of [
      'a.py',
      'pkg/x.py',
      'pyproject.toml',
      'setup.cfg',
      'requirements.txt',
      'requirements-dev.in',
      'requirements/base.txt',
    ])
      expect(isAnalysed(p), p).toBe(true);
    for (const p of ['README.md', 'setup.py.bak', 'docs/requirements.md', 'constraints.txt', 'x.pyc'])
      expect(isAnalysed(p), p).toBe(false);
  });

  it('accepts only safe relative paths', () => {
    expect(safePath('./src//pkg/./a.py')).toBe('src/pkg/a.py');
    expect(safePath('src\\pkg\\a.py')).toBe('src/pkg/a.py');
    for (const bad of ['../etc/passwd', 'a/../../b.py', '/abs/a.py', 'C:/x.py', 'a/\u0000.py', '', './'])
      expect(safePath(bad), bad).toBeNull();
  });

  it('opens a hostile .zip: traversal, absolute paths, symlinks, venvs and skipped directories stay out', async () => {
    const zip = pythonZip([
      ['proj/src/app.py', 'from mcp.server.fastmcp import FastMCP\n'],
      ['proj/requirements.txt', 'mcp==1.2\n'],
      ['proj/../../escape.py', 'x = 1\n'],
      ['/etc/abs.py', 'x = 1\n'],
      ['proj/link.py', '/etc/passwd', { symlink: true }],
      ['proj/.venv/lib/site.py', 'x = 1\n'],
      ['proj/env/pyvenv.cfg', 'home = /usr\n'],
      ['proj/env/lib/mod.py', 'x = 1\n'],
      ['proj/node_modules/a.py', 'x = 1\n'],
      ['proj/vendor/lib/.git/HEAD', 'ref: refs/heads/main\n'],
      ['proj/vendor/lib/mod.py', 'x = 1\n'],
      ['proj/docs/index.md', '# docs\n'],
    ]);
    const source = await fromZip(zip);
    expect(source.name).toBe('proj');
    expect(source.files.map((f) => [f.path, f.analysed])).toEqual([
      ['docs/index.md', false],
      ['requirements.txt', true],
      ['src/app.py', true],
    ]);
    const reasons = source.skipped.map((s) => `${s.path}: ${s.reason}`).join('\n');
    expect(reasons).toMatch(/escape\.py: an unsafe path/);
    expect(reasons).toMatch(/abs\.py: an unsafe path/);
    expect(reasons).toMatch(/link\.py: a symbolic link/);
    expect(reasons).toMatch(/\.venv\/: not part of the source/);
    expect(reasons).toMatch(/env\/: a virtual environment/);
    expect(reasons).toMatch(/node_modules\/: not part of the source/);
    expect(reasons).toMatch(/vendor\/lib\/: a separate git repository/);
  });

  it('takes a picked folder (webkitRelativePath), dropping the folder name and refusing oversized code', () => {
    const file = (rel: string, text: string) =>
      Object.assign(new File([text], rel.split('/').pop()!), { webkitRelativePath: rel });
    const source = fromFileList([
      file('weather/src/server.py', 'x = 1\n'),
      file('weather/big.py', 'x'.repeat(1_000_001)),
      file('weather/.git/config', '[core]\n'),
    ]);
    expect(source.name).toBe('weather');
    expect(source.files.map((f) => f.path)).toEqual(['src/server.py']);
    expect(source.skipped.map((s) => s.path)).toEqual(['.git/', 'big.py']);
  });

  it('reads text as the CLI does: UTF-8 with its BOM kept, binary and other encodings refused', () => {
    expect(decodeText(new Uint8Array([0xef, 0xbb, 0xbf, 0x78]))).toEqual({ text: '\ufeffx' });
    expect(decodeText(new Uint8Array([0x78, 0, 0x79]))).toEqual({ reason: 'binary' });
    expect(decodeText(new Uint8Array([0x63, 0x61, 0x66, 0xe9]))).toMatchObject({
      reason: expect.stringMatching(/not UTF-8/),
    });
  });
});

describe('snapshot encoding', () => {
  it('round-trips a memory image with zero pages left out', () => {
    const full = new Uint8Array(64 * 4096);
    full.set([1, 2, 3], 5);
    full.set(enc.encode('python heap'), 10 * 4096 + 17);
    full[full.length - 1] = 9;
    const sparse = encodeSparse(full);
    expect(sparse.length).toBeLessThan(4 * 4096);
    expect(decodeSparse(sparse)).toEqual(full);
    expect(() => decodeSparse(sparse.subarray(0, sparse.length - 10))).toThrow(/truncated/);
    expect(() => decodeSparse(enc.encode('garbage garbage garbage'))).toThrow(/not an engine snapshot/);
    expect(isGzip(new Uint8Array([0x1f, 0x8b, 8]))).toBe(true);
    expect(isGzip(sparse)).toBe(false);
  });
});

describe('fixes', () => {
  const pos = (line: number, column: number) => ({ line, column });
  const finding = (
    rule: string,
    line: number,
    group: string | null,
    fix_class: Finding['fix_class'] = 'safe',
  ): Finding => ({
    rule,
    anchor: 'a',
    fix_class,
    message: rule,
    applied: true,
    advisory: false,
    marker: false,
    start: pos(line, 1),
    end: pos(line, 5),
    edits: [{ start: pos(line, 1), end: pos(line, 5), text: `${rule}${line}` }],
    group,
  });

  it('applies a group whole: the import and the name it imports go together', () => {
    const all = [finding('SRV001', 1, 'g1'), finding('TYP001', 2, null), finding('SRV001', 9, 'g1')];
    expect(fixGroup(all[0], all)).toEqual([all[0], all[2]]);
    expect(fixEdits(all[2], all).map((e) => e.text)).toEqual(['SRV0011', 'SRV0019']);
    expect(fixGroup(all[1], all)).toEqual([all[1]]);
  });

  it('plans all safe fixes as whole groups and leaves overlapping ones for the next run', () => {
    const all = [
      finding('SRV001', 1, 'g1'),
      finding('SRV001', 9, 'g1'),
      finding('TYP001', 9, null),
      finding('CLT001', 4, null, 'review'),
      finding('TYP005', 6, null),
    ];
    const plan = planSafeFixes(all);
    expect(plan.fixes).toBe(2);
    expect(plan.edits.map((e) => e.text)).toEqual(['SRV0011', 'SRV0019', 'TYP0056']);
  });
});

describe('rule labels', () => {
  it('say what each rule does, no two alike (rules of one guide section share its title)', () => {
    const labels = (rules as Parameters<typeof ruleAction>[0][]).map((r) => ruleAction(r));
    expect(new Set(labels).size).toBe(labels.length);
    for (const l of labels) {
      expect(l.length).toBeGreaterThan(15);
      expect((l.match(/`/g)?.length ?? 0) % 2, l).toBe(0);
    }
    const by = (code: string) =>
      ruleAction((rules as { code: string; summary: string; title: string }[]).find((r) => r.code === code)!);
    expect(by('PKG001')).not.toBe(by('PKG002'));
    expect(by('TYP001')).toMatch(/^Renames the SDK's `McpError`/);
  });
});

describe('result cache', () => {
  it('keeps the most recently used answers', () => {
    const c = new ResultCache(2);
    const k = (t: string) => ResultCache.key(t, 'a.py', {}, false);
    c.set(k('a'), 'A');
    c.set(k('b'), 'B');
    expect(c.get(k('a'))).toBe('A');
    c.set(k('c'), 'C');
    expect(c.get(k('b'))).toBeUndefined();
    expect(c.get(k('a'))).toBe('A');
    expect(ResultCache.key('x', 'a.py', { ignore: ['SRV001'] }, false)).not.toBe(
      ResultCache.key('x', 'a.py', {}, false),
    );
  });
});

describe('offline worker file list', () => {
  it('lists every page by its URL and keeps Python apart', () => {
    const dir = mkdtempSync(join(tmpdir(), 'pg-sw-'));
    for (const f of [
      'index.html',
      'guide/a/index.html',
      '_astro/x.js',
      'pyodide/pyodide.asm.wasm',
      'sw.js',
      '_astro/x.js.map',
    ]) {
      mkdirSync(join(dir, f, '..'), { recursive: true });
      writeFileSync(join(dir, f), f);
    }
    const m = precacheManifest(dir, '/base/');
    expect(m.shell).toEqual(['/base/_astro/x.js', '/base/guide/a/', '/base/']);
    expect(m.runtime).toEqual(['/base/pyodide/pyodide.asm.wasm']);
    expect(urlOf('404.html', '/')).toBe('/404.html');
    writeFileSync(join(dir, 'guide/a/index.html'), 'changed');
    expect(precacheManifest(dir, '/base/').version).not.toBe(m.version);
  });
});
