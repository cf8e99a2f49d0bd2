// One lookup everywhere: `mcp-migrate explain --json` gives, for every training paste, exactly the
// answer the lookup module gives the page (same data, full text included). The e2e suite checks the
// page against the module the same way.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { main } from '../../src/cli/explain.mjs';
import { loadLookupData } from '../../src/lib/lookup/data-node.ts';
import { CONFIDENT, lookupSync } from '../../src/lib/lookup/lookup.ts';
import { CASES } from './lookup-table.ts';
import { FORMAT_CASES } from './lookup-table-formats.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const data = loadLookupData();

async function explainJson(paste: string) {
  const out: string[] = [];
  const log = vi.spyOn(console, 'log').mockImplementation((s: unknown) => void out.push(String(s)));
  const err = vi.spyOn(console, 'error').mockImplementation(() => {});
  try {
    const code = await main(['--json', paste]);
    return { code, json: out.length ? JSON.parse(out.join('\n')) : null };
  } finally {
    log.mockRestore();
    err.mockRestore();
  }
}

describe('mcp-migrate explain answers as the page does', () => {
  afterEach(() => vi.restoreAllMocks());

  it('for every paste of the training tables', async () => {
    const differ: string[] = [];
    for (const c of [...CASES, ...FORMAT_CASES]) {
      if (!c.paste.trim()) continue;
      const results = lookupSync(c.paste, data).results;
      const mine = results.map((r) => [r.anchor, r.confidence]);
      const { code, json } = await explainJson(c.paste);
      const cli = (json?.results ?? []).map((r: { anchor: string; confidence: number }) => [r.anchor, r.confidence]);
      expect(code).toBe(results.length && results[0].confidence >= CONFIDENT ? 0 : 1);
      if (JSON.stringify(cli) !== JSON.stringify(mine)) differ.push(c.paste.slice(0, 60));
    }
    expect(differ).toEqual([]);
  });

  it('keeps its JSON contract and says how to stay on v1 for import failures', async () => {
    const { json } = await explainJson("ModuleNotFoundError: No module named 'mcp.server.fastmcp'");
    expect(json.results[0]).toMatchObject({
      anchor: 'fastmcp-renamed-to-mcpserver',
      url: 'https://py.sdk.modelcontextprotocol.io/v2/migration/#fastmcp-renamed-to-mcpserver',
    });
    expect(json.results[0].confidence).toBeGreaterThan(0.9);
    expect(json.stayOnV1).toMatch(/<2/);
  });

  it('reads stdin in a real process', () => {
    const run = spawnSync(process.execPath, ['bin/mcp-migrate.mjs', 'explain', '--json'], {
      cwd: ROOT,
      input:
        'client.py:30: error: Unexpected keyword argument "cursor" for "list_tools" of "ClientSession"  [call-arg]\n',
      encoding: 'utf8',
    });
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout).results[0].anchor).toBe('cursor-parameter-removed-from-clientsession-list-methods');
  });
});
