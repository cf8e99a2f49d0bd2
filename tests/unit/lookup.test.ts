import { afterAll, describe, expect, it } from 'vitest';
import sections from '../../src/generated/sections.json' with { type: 'json' };
import symbols from '../../src/generated/symbol-index.json' with { type: 'json' };
import { lookup, lookupSync, normalise } from '../../src/lib/lookup/lookup.ts';
import type { LookupData } from '../../src/lib/lookup/types.ts';
import { CASES } from './lookup-table.ts';

const data = { sections, symbols } as LookupData;
const anchors = new Set(data.sections.map((s) => s.anchor));

describe('lookup table', () => {
  let hits = 0;
  const misses: string[] = [];
  afterAll(() => {
    const pct = ((100 * hits) / CASES.length).toFixed(1);
    console.log(`lookup top-1 accuracy: ${hits}/${CASES.length} (${pct}%)` + (misses.length ? `\n  misses:\n    ${misses.join('\n    ')}` : ''));
  });

  it('has enough cases of every kind', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(150);
    expect(CASES.filter((c) => c.expect === null).length).toBeGreaterThanOrEqual(20);
    for (const k of ['line', 'traceback', 'mangled', 'behaviour', 'log']) expect(CASES.some((c) => c.kind === k)).toBe(true);
  });

  it('only expects anchors that exist', () => {
    expect(CASES.filter((c) => c.expect && !anchors.has(c.expect)).map((c) => c.expect)).toEqual([]);
  });

  for (const [i, c] of CASES.entries()) {
    const label = `#${i} ${c.kind}: ${c.paste.replace(/\u001b\[[0-9;]*m/g, '').split('\n').pop()!.slice(0, 70)}`;
    it(label, () => {
      const { results } = lookupSync(c.paste, data);
      const top = results[0]?.anchor ?? null;
      if (top === c.expect) hits++;
      else misses.push(`${label} -> got ${top}, want ${c.expect}`);
      if (c.knownMiss) return;
      expect(top).toBe(c.expect);
    });
  }
});

describe('lookup contract', () => {
  it('returns confidence in 0..1 and human-readable evidence', () => {
    const { results } = lookupSync("ModuleNotFoundError: No module named 'mcp.server.fastmcp'", data);
    expect(results[0].confidence).toBeGreaterThan(0.5);
    expect(results[0].confidence).toBeLessThanOrEqual(1);
    expect(results[0].evidence.join(' ')).toMatch(/mcp\.server\.fastmcp/);
    expect(results[0].path).toBe('guide/mcpserver-formerly-fastmcp/fastmcp-renamed-to-mcpserver/');
  });

  it('drops weak full-text-only matches, keeps full text as support', async () => {
    const weak = async () => [{ anchor: 'websocket-transport-removed', score: 0.3 }];
    expect((await lookup("KeyError: 'city'", data, { fulltext: weak })).results).toEqual([]);
    const support = async () => [{ anchor: 'fastmcp-renamed-to-mcpserver', score: 1 }];
    const r = await lookup("No module named 'mcp.server.fastmcp'", data, { fulltext: support });
    expect(r.results[0].anchor).toBe('fastmcp-renamed-to-mcpserver');
    expect(r.results[0].evidence.some((e) => e.startsWith('full-text'))).toBe(true);
  });

  it('survives a failing full-text search', async () => {
    const broken = async () => {
      throw new Error('offline');
    };
    const r = await lookup("No module named 'mcp.server.fastmcp'", data, { fulltext: broken });
    expect(r.results[0].anchor).toBe('fastmcp-renamed-to-mcpserver');
  });
});

describe('normalise', () => {
  it('reads the innermost exception of a group and strips noise', () => {
    const n = normalise(`\u001b[31m  + Exception Group Traceback (most recent call last):
  |   File "/x/a.py", line 1, in f
  | ExceptionGroup: unhandled errors in a TaskGroup (1 sub-exception)
  +-+---------------- 1 ----------------
    | Traceback (most recent call last):
    |   File "/x/b.py", line 2, in g
    |     obj.run()
    | AttributeError: 'Thing' object at 0x7f00deadbeef has no attribute 'go'. Did you mean: 'run'?
    +------------------------------------\u001b[0m`);
    expect(n.primary).toEqual({ type: 'AttributeError', message: "'Thing' object has no attribute 'go'" });
    expect(n.suggestions).toEqual(['run']);
    expect(n.text).not.toMatch(/0x7f|File "|\u001b/);
  });

  it('strips log prefixes and pytest gutters', () => {
    expect(normalise('2026-08-02 10:14:07,912 - mcp.server - ERROR - boom').text).toBe('boom');
    expect(normalise('ERROR:root:KeyError: x').primary?.type).toBe('KeyError');
    expect(normalise('E       TypeError: f() takes 1 positional argument but 2 were given').primary?.type).toBe('TypeError');
    expect(normalise('[error] ValueError: v').primary?.message).toBe('v');
  });
});
