import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { detectInput, looksLikeProse } from '../../src/lib/playground/detect';
import { decodeFragment, encodeCode, encodeState, compressText, decompressText } from '../../src/lib/playground/share';
import { unifiedDiff } from '../../src/lib/playground/unified-diff';
import { extractBeforeCode } from '../../src/lib/playground/before-code';
import { injectPolicy, policyFor } from '../../src/integrations/csp.mjs';

const example = (name: string) =>
  readFileSync(new URL(`../../src/lib/playground/examples/${name}`, import.meta.url), 'utf8');

describe('detectInput', () => {
  it('treats the examples as code with the right file names', () => {
    expect(detectInput(example('fastmcp_server.py'), 'server.py')).toMatchObject({
      kind: 'code',
      filename: 'server.py',
    });
    expect(detectInput(example('lowlevel_server.py'))).toMatchObject({ kind: 'code', filename: 'main.py' });
    expect(detectInput(example('test_in_memory.py'))).toMatchObject({ kind: 'code', language: 'python' });
    expect(detectInput(example('pyproject.toml'))).toMatchObject({ kind: 'code', filename: 'pyproject.toml' });
  });
  it('detects tracebacks and bare error lines', () => {
    const tb = `Traceback (most recent call last):\n  File "server.py", line 1, in <module>\n    from mcp.server.fastmcp import FastMCP\nModuleNotFoundError: No module named 'mcp.server.fastmcp'\n`;
    expect(detectInput(tb).kind).toBe('traceback');
    expect(detectInput(`ImportError: cannot import name 'McpError' from 'mcp'`).kind).toBe('traceback');
    expect(detectInput(`E   AttributeError: 'Tool' object has no attribute 'inputSchema'`).kind).toBe('traceback');
  });
  it('does not mistake code that raises for a traceback', () => {
    const code = `from mcp.shared.exceptions import McpError\n\ndef f():\n    raise ValueError("x")\n`;
    expect(detectInput(code).kind).toBe('code');
  });
  it('detects requirements and setup.cfg', () => {
    expect(detectInput('mcp[cli]>=1.9,<2\nhttpx==0.27.0\n# comment\n')).toMatchObject({ filename: 'requirements.txt' });
    expect(detectInput('[metadata]\nname = x\n[options]\ninstall_requires =\n    mcp>=1.2\n')).toMatchObject({
      filename: 'setup.cfg',
    });
  });
  it('goes back to a .py name when Python is pasted over a dependency file', () => {
    expect(detectInput('import mcp\nx = 1\n', 'pyproject.toml')).toMatchObject({ filename: 'main.py' });
  });
  it('refuses binary and oversized input', () => {
    expect(detectInput('abc\u0000def').kind).toBe('binary');
    expect(detectInput('x = 1\n'.repeat(200_000))).toMatchObject({ kind: 'too_large' });
    expect(detectInput('   \n').kind).toBe('empty');
  });
  it('recognises prose', () => {
    expect(looksLikeProse("No module named 'mcp.server.fastmcp'")).toBe(true);
    expect(looksLikeProse('import mcp\n')).toBe(false);
  });
});

describe('share links', () => {
  it('round-trips text, including non-ASCII and large input', async () => {
    const text = 'héllo 🌍 ' + 'x = 1\n'.repeat(10_000);
    expect(await decompressText(await compressText(text))).toBe(text);
  });
  it('round-trips the whole state', async () => {
    const state = {
      code: 'from mcp.server.fastmcp import FastMCP\n',
      file: 'server.py',
      options: { ignore: ['SRV001'], review: ['CLT001'] },
      view: { diff: 'inline' as const, layout: 'editor' as const },
    };
    const frag = await encodeState(state);
    expect(frag.startsWith('state=')).toBe(true);
    expect(frag).toMatch(/^state=[A-Za-z0-9_-]+$/);
    expect(await decodeFragment(`#${frag}`)).toEqual(state);
  });
  it('decodes code-only links and sanitises file names', async () => {
    const frag = await encodeCode('import mcp\n', '../../etc/pyproject.toml');
    const s = await decodeFragment(`#${frag}`);
    expect(s?.code).toBe('import mcp\n');
    expect(s?.file).toBe('pyproject.toml');
    expect(await decodeFragment('#some-anchor')).toBeNull();
    await expect(decodeFragment('#state=!!!')).rejects.toThrow();
  });
});

describe('unifiedDiff', () => {
  const cases: [string, string][] = [
    ['a\nb\nc\n', 'a\nB\nc\n'],
    ['', 'new\n'],
    ['old\n', ''],
    ['x\n'.repeat(30) + 'y\n' + 'x\n'.repeat(30), 'x\n'.repeat(30) + 'z\n' + 'x\n'.repeat(29) + 'w\n'],
    ['no newline', 'no newline\n'],
    ['a\nb', 'a\nc'],
    [
      example('fastmcp_server.py'),
      example('fastmcp_server.py')
        .replace(/FastMCP/g, 'MCPServer')
        .replace('import httpx\n', ''),
    ],
  ];
  it.each(cases.map((c, i) => [i, ...c]))('case %i applies with patch(1)', (_i, before, after) => {
    const patch = unifiedDiff(before as string, after as string, 'f.py');
    if (before === after) return expect(patch).toBe('');
    const dir = mkdtempSync(join(tmpdir(), 'pg-diff-'));
    writeFileSync(join(dir, 'f.py'), before as string);
    writeFileSync(join(dir, 'p.diff'), patch);
    execFileSync('patch', ['-s', '-p1', '-i', 'p.diff'], { cwd: dir });
    expect(readFileSync(join(dir, 'f.py'), 'utf8')).toBe(after);
  });
  it('is empty for equal texts', () => expect(unifiedDiff('a\n', 'a\n')).toBe(''));
});

describe('extractBeforeCode', () => {
  it('takes the python blocks after Before (v1) labels', () => {
    const body =
      '**Before (v1):**\n\n```python\nfrom mcp.server.fastmcp import FastMCP\n```\n\n**After (v2):**\n\n```python\nx\n```\n';
    expect(extractBeforeCode(body)).toEqual({ code: 'from mcp.server.fastmcp import FastMCP\n', file: 'main.py' });
    expect(extractBeforeCode('no code')).toBeNull();
  });
});

describe('CSP', () => {
  it('hashes inline scripts and styles and allows only self', () => {
    const html =
      '<html><head><meta charset="utf-8"><script>alert(1)</script><style>a{}</style></head><body><p style="color:red"></p><script src="/x.js"></script></body></html>';
    const policy = policyFor(html);
    expect(policy).toContain("script-src 'self' 'wasm-unsafe-eval' 'sha256-");
    expect(policy).not.toMatch(/unsafe-inline|https?:/);
    expect(policy).toContain("style-src-attr 'unsafe-hashes' 'sha256-");
    const out = injectPolicy(html);
    expect(out.indexOf('Content-Security-Policy')).toBeGreaterThan(out.indexOf('charset'));
    expect(injectPolicy(out).match(/Content-Security-Policy/g)).toHaveLength(1);
  });
  it('relaxes styles (only) on the Monaco page', () => {
    const policy = policyFor('<div data-csp-monaco></div><script>x()</script>');
    expect(policy).toContain("style-src 'self' 'unsafe-inline'");
    expect(policy).not.toMatch(/script-src[^;]*unsafe-inline/);
  });
});

describe('failedRulesNotice', () => {
  it('names the rules that crashed and says their findings are missing', async () => {
    const { failedRulesNotice } = await import('../../src/lib/playground/panels/findings');
    expect(failedRulesNotice([])).toBeNull();
    expect(failedRulesNotice(['TYP001: ValueError: boom'])).toBe(
      'Rule TYP001 failed on this file (TYP001: ValueError: boom), so its findings and fixes are missing here; ' +
        'the others are complete. Please report it with the file.',
    );
    expect(failedRulesNotice(['TYP001: KeyError: a', 'SRV007: IndexError: b', 'TYP001: KeyError: c'])).toMatch(
      /^Rules TYP001, SRV007 failed on this file \(TYP001: KeyError: a; SRV007: IndexError: b; TYP001: KeyError: c\)/,
    );
  });
});
