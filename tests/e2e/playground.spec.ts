// The playground (/playground/) end to end, in Chromium against the built site.
// Pyodide takes a while to start on a cold cache, so most checks share one page (serial).
import { test, expect, type Page, type BrowserContext } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';

test.describe.configure({ mode: 'serial', timeout: 240_000 });

interface Hooks {
  setText(t: string): void;
  getText(): string;
  getDiffText(): string;
  getResult(): { findings: { rule: string }[]; text: string } | null;
  client: { kill(): void; timeoutMs: number };
}
declare global {
  interface Window {
    __playground: Hooks;
  }
}

let context: BrowserContext;
let page: Page;
const foreign: string[] = [];
const pageErrors: string[] = [];

function watch(p: Page, origin: string) {
  p.on('request', (r) => {
    const url = r.url();
    if (!url.startsWith(origin) && !url.startsWith('data:') && !url.startsWith('blob:')) foreign.push(url);
  });
  p.on('pageerror', (e) => pageErrors.push(`${e.message}\n${(e.stack ?? '').split('\n').slice(0, 6).join('\n')}`));
  p.on('console', (m) => {
    if (/Content Security Policy/i.test(m.text())) pageErrors.push(m.text());
  });
}

async function ready(p: Page) {
  await p.waitForSelector('#playground[data-ready="true"]', { timeout: 60_000 });
  await p.waitForSelector('#playground[data-engine="ready"]', { timeout: 180_000 });
}

/** Wait until the analysis of the editor's current text has been shown. */
async function settled(p: Page) {
  await p.waitForFunction(() => (window as any).__playground?.isSettled(), null, { timeout: 90_000 });
}

async function codes(p: Page): Promise<string[]> {
  return p.evaluate(() => [...new Set((window.__playground.getResult()?.findings ?? []).map((f) => f.rule))].sort());
}

async function loadExample(p: Page, label: string) {
  await p.getByLabel('Example').selectOption({ label });
  await settled(p);
}

test.beforeAll(async ({ browser, baseURL }) => {
  context = await browser.newContext();
  page = await context.newPage();
  watch(page, new URL(baseURL!).origin);
  await page.goto('playground/');
  await ready(page);
});

test.afterAll(async () => {
  await context.close();
});

const EXAMPLES: { label: string; rules: string[]; diff: string[]; file: string }[] = [
  {
    label: 'FastMCP server',
    file: 'server.py',
    rules: ['SRV001', 'SRV004', 'SRV007', 'SRV008', 'SRV015', 'SRV016', 'TYP001', 'TYP002', 'TYP005'],
    diff: ['from mcp.server.mcpserver import', 'MCPServer(', 'MCPError', '# mcp-migrate: '],
  },
  {
    label: 'Lowlevel server',
    file: 'notes_server.py',
    rules: ['LOW001', 'LOW010', 'TYP001', 'TYP005'],
    diff: ['MCPError', 'input_schema', '# mcp-migrate: LOW'],
  },
  {
    label: 'Streamable HTTP client with OAuth',
    file: 'client.py',
    rules: ['AUT004', 'AUT006', 'CLT001', 'CLT002', 'CLT004', 'TRN001', 'TYP001', 'TYP004', 'TYP005'],
    diff: ['streamable_http_client', 'MCPError', 'is_error'],
  },
  {
    label: 'In-memory tests (pytest)',
    file: 'test_server.py',
    rules: ['SRV001', 'SRV003', 'TST001', 'TYP001', 'TYP005'],
    diff: ['MCPServer(', 'MCPError', 'read_timeout_seconds=5'],
  },
  {
    label: 'pyproject.toml dependencies',
    file: 'pyproject.toml',
    rules: ['PKG001', 'PKG003'],
    diff: ['mcp'],
  },
];

for (const ex of EXAMPLES) {
  test(`example "${ex.label}" produces its findings and v2 diff`, async () => {
    await loadExample(page, ex.label);
    await expect(page.getByLabel('File name')).toHaveValue(ex.file);
    const found = await codes(page);
    for (const rule of ex.rules) expect(found, `rule ${rule} in ${found.join(' ')}`).toContain(rule);
    // Findings panel: grouped by section, each with a rule code, a fix-class badge and a guide link.
    const list = page.locator('#pg-findings-list');
    await expect(list.locator('.pg-finding').first()).toBeVisible();
    await expect(list.locator('.pg-group h3 a').first()).toHaveAttribute('href', /guide\/#[\w-]+$/);
    await expect(list.locator('.pg-badge').first()).toHaveText(/safe fix|review fix|manual/);
    // Monaco markers for every finding.
    const markers = await page.evaluate(() => (window as any).__playground.getMarkers().length);
    expect(markers).toBe((await page.evaluate(() => window.__playground.getResult()!.findings.length)));
    // The diff editor shows the suggested v2 text.
    const v2 = await page.evaluate(() => window.__playground.getDiffText());
    for (const s of ex.diff) expect(v2).toContain(s);
    expect(v2).toBe(await page.evaluate(() => window.__playground.getResult()!.text));
  });
}

test('clicking a finding reveals its line in the editor', async () => {
  await loadExample(page, 'Lowlevel server');
  const finding = page.locator('.pg-finding-main', { hasText: 'LOW001' }).first();
  const line = Number(await finding.getAttribute('data-line'));
  await finding.focus();
  await page.keyboard.press('Enter');
  const cursorLine = await page.evaluate(() => (window as any).__playground.app.input.getPosition().lineNumber);
  expect(cursorLine).toBe(line);
});

test('a quick fix (Ctrl+.) changes the editor text', async () => {
  await page.evaluate(() => window.__playground.setText('from mcp.shared.exceptions import McpError\n\nraise McpError\n'));
  await settled(page);
  expect(await codes(page)).toContain('TYP001');
  await page.evaluate(() => {
    const ed = (window as any).__playground.app.input;
    ed.setPosition({ lineNumber: 1, column: 38 });
    ed.focus();
  });
  await page.keyboard.press('Control+.');
  const menu = page.locator('.action-widget').first();
  await expect(menu).toBeVisible();
  await expect(menu).toContainText('Fix TYP001');
  await menu.getByText(/Fix TYP001/).first().click();
  await expect.poll(() => page.evaluate(() => window.__playground.getText())).toContain('import MCPError');
});

test('"Apply all safe fixes" rewrites the code and can be undone', async () => {
  await loadExample(page, 'FastMCP server');
  const before = await page.evaluate(() => window.__playground.getText());
  await page.getByRole('button', { name: 'Apply all safe fixes' }).click();
  await expect.poll(() => page.evaluate(() => window.__playground.getText())).toContain('from mcp.server.mcpserver import');
  await page.evaluate(() => (window as any).__playground.app.input.focus());
  await page.keyboard.press('Control+z');
  await expect.poll(() => page.evaluate(() => window.__playground.getText())).toBe(before);
});

test('every rule can be turned off, and review fixes switched on', async () => {
  await loadExample(page, 'FastMCP server');
  await page.locator('.pg-finding', { hasText: 'SRV001' }).first().getByRole('button', { name: 'Turn off SRV001' }).click();
  await settled(page);
  expect(await codes(page)).not.toContain('SRV001');
  await page.locator('#pg-options summary').click();
  await page.getByRole('button', { name: 'Turn every rule on' }).click();
  await settled(page);
  expect(await codes(page)).toContain('SRV001');
  const review = await page.evaluate(() =>
    window.__playground.getResult()!.findings.filter((f: any) => f.fix_class === 'review' && !f.applied).length,
  );
  await page.getByRole('switch', { name: 'Apply all review fixes' }).check();
  await settled(page);
  const stillUnapplied = await page.evaluate(() =>
    window.__playground.getResult()!.findings.filter((f: any) => f.fix_class === 'review' && !f.applied).length,
  );
  if (review > 0) expect(stillUnapplied).toBeLessThan(review);
  await page.getByRole('switch', { name: 'Apply all review fixes' }).uncheck();
  await page.locator('#pg-options summary').click();
  await settled(page);
});

test('copy patch, copy v2 and download', async () => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await loadExample(page, 'FastMCP server');
  await page.getByRole('button', { name: 'Copy patch' }).click();
  await expect(page.locator('#pg-message')).toContainText('patch copied');
  const patch = await page.evaluate(() => navigator.clipboard.readText());
  expect(patch).toMatch(/^--- a\/server\.py\n\+\+\+ b\/server\.py\n@@ /);
  expect(patch).toContain('+from mcp.server.mcpserver import');
  await page.getByRole('button', { name: 'Copy v2' }).click();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(
    await page.evaluate(() => window.__playground.getResult()!.text),
  );
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download' }).click()]);
  expect(download.suggestedFilename()).toBe('server.py');
});

test('a share link round-trips in a new page', async ({ baseURL }) => {
  const code = 'from mcp.server.fastmcp import FastMCP\n\nmcp = FastMCP("shared")\n';
  await page.evaluate((c) => window.__playground.setText(c), code);
  await page.getByLabel('File name').fill('shared_server.py');
  await page.getByLabel('File name').press('Enter');
  await page.locator('#pg-diffmode').selectOption('inline');
  await page.getByRole('button', { name: 'Copy share link' }).click();
  await expect.poll(() => page.url()).toContain('#state=');
  const url = page.url();
  const other = await context.newPage();
  watch(other, new URL(baseURL!).origin);
  await other.goto(url);
  await other.waitForSelector('#playground[data-ready="true"]');
  expect(await other.evaluate(() => window.__playground.getText())).toBe(code);
  await expect(other.getByLabel('File name')).toHaveValue('shared_server.py');
  await expect(other.locator('#pg-diffmode')).toHaveValue('inline');
  await other.close();
  await page.locator('#pg-diffmode').selectOption('side');
  await page.evaluate(() => history.replaceState(null, '', location.pathname));
});

test('a pasted traceback shows the matching guide section instead of running the engine', async () => {
  const tb = [
    'Traceback (most recent call last):',
    '  File "/app/server.py", line 3, in <module>',
    '    from mcp.server.fastmcp import FastMCP',
    "ModuleNotFoundError: No module named 'mcp.server.fastmcp'",
  ].join('\n');
  await page.evaluate((t) => window.__playground.setText(t), tb);
  const lookup = page.locator('#pg-lookup');
  await expect(lookup).toBeVisible();
  await expect(lookup.locator('li').first()).toHaveAttribute('data-anchor', 'fastmcp-renamed-to-mcpserver');
  await expect(lookup.locator('li a').first()).toHaveAttribute('href', /guide\/mcpserver-formerly-fastmcp\/fastmcp-renamed-to-mcpserver\/$/);
});

test('a syntax error shows a marker and keeps the last diff, greyed', async () => {
  await loadExample(page, 'FastMCP server');
  await page.evaluate(() => window.__playground.setText('from mcp.server.fastmcp import FastMCP\n\ndef broken(:\n    pass\n'));
  await expect(page.locator('#pg-message')).toContainText(/Syntax error at line 3/);
  await expect(page.locator('#playground')).toHaveAttribute('data-stale', 'true');
  const markers = await page.evaluate(() => (window as any).__playground.getMarkers());
  expect(markers[0].startLineNumber).toBe(3);
  expect(await page.evaluate(() => window.__playground.getDiffText())).toContain('MCPServer(');
});

test('a 2 MB paste keeps the page responsive and says why it is not analysed', async () => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const big = 'x = 1  # padding line for a large paste ...........................\n'.repeat(30_000);
  expect(big.length).toBeGreaterThan(2_000_000);
  await page.evaluate((t) => navigator.clipboard.writeText(t), big);
  await page.evaluate(() => {
    const ed = (window as any).__playground.app.input;
    ed.setValue?.('');
    ed.getModel().setValue('');
    ed.focus();
  });
  const t0 = Date.now();
  await page.keyboard.press('Control+v');
  await expect(page.locator('#pg-message')).toContainText('live analysis stops at 1.0 MB', { timeout: 15_000 });
  // The main thread answers quickly: a frame within a second, and typing still works.
  const frame = await page.evaluate(() => {
    const s = performance.now();
    return new Promise<number>((r) => requestAnimationFrame(() => r(performance.now() - s)));
  });
  expect(frame).toBeLessThan(1000);
  expect(Date.now() - t0).toBeLessThan(15_000);
  // Nothing lost (the system clipboard may turn line ends into CRLF).
  const lf = () => page.evaluate(() => window.__playground.getText().replace(/\r\n/g, '\n').length);
  expect(await lf()).toBe(big.length);
  await page.keyboard.type('y');
  expect(await lf()).toBe(big.length + 1);
});

test('killing the worker mid-analysis recovers', async () => {
  await loadExample(page, 'Streamable HTTP client with OAuth');
  const expected = await codes(page);
  // Kill the worker the moment the analysis starts: polling for that moment can miss a fast analysis.
  await page.evaluate(
    () =>
      new Promise<void>((resolve) => {
        const root = document.getElementById('playground')!;
        const observer = new MutationObserver(() => {
          if (root.dataset.analyzing !== 'true') return;
          observer.disconnect();
          window.__playground.client.kill();
          resolve();
        });
        observer.observe(root, { attributes: true, attributeFilter: ['data-analyzing'] });
        const code = window.__playground.getText();
        window.__playground.setText(`${code}\n${code}`);
      }),
  );
  await page.waitForSelector('#playground[data-engine="ready"]', { timeout: 180_000 });
  await settled(page);
  await expect(page.locator('#pg-message')).toContainText('finding');
  for (const c of expected) expect(await codes(page)).toContain(c);
});

test('an analysis over the time limit restarts the worker and says so', async () => {
  // A ~2,000-line file takes far longer than 50 ms to analyse.
  await loadExample(page, 'Streamable HTTP client with OAuth');
  const code = await page.evaluate(() => window.__playground.getText());
  await page.evaluate(() => {
    window.__playground.client.timeoutMs = 50;
  });
  await page.evaluate((c) => window.__playground.setText(Array(16).fill(c).join('\n')), code);
  await expect(page.locator('#pg-message')).toContainText('Analysis stopped after', { timeout: 30_000 });
  await page.evaluate(() => {
    window.__playground.client.timeoutMs = 10_000;
  });
  await page.waitForSelector('#playground[data-engine="ready"]', { timeout: 180_000 });
  await page.evaluate(() => window.__playground.setText('from mcp.shared.exceptions import McpError\n\n'));
  await settled(page);
  expect(await codes(page)).toContain('TYP001');
});

test('keyboard only: toolbar, findings and actions are reachable', async () => {
  await loadExample(page, 'FastMCP server');
  await page.getByLabel('Example').focus();
  const seen = new Set<string>();
  for (let i = 0; i < 250 && !seen.has('pg-copy-patch'); i++) {
    // Inside Monaco, Tab indents: Escape first, then Tab leaves (no keyboard trap).
    const inEditor = await page.evaluate(() => !!document.activeElement?.closest('.monaco-editor'));
    if (inEditor) await page.keyboard.press('Escape');
    await page.keyboard.press('Tab');
    const id = await page.evaluate(() => {
      const a = document.activeElement as HTMLElement | null;
      return a ? a.id || a.className || a.tagName : '';
    });
    seen.add(id);
  }
  expect(await page.evaluate(() => (window as any).__playground.getText())).toBe(
    await page.evaluate(() => (window as any).__playground.app.last.text),
  ); // Tab never typed into the editor
  for (const id of ['pg-file', 'pg-share', 'pg-skip', 'pg-finding-main', 'pg-apply-safe', 'pg-copy-patch']) expect([...seen].some((s) => s.includes(id)), `${id} in ${[...seen].join(',')}`).toBe(true);
});

test('the playground is axe clean (serious/critical)', async () => {
  await loadExample(page, 'FastMCP server');
  await page.waitForTimeout(1500); // let the diff editor render its decorations
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await page.waitForTimeout(500);
    const { violations } = await new AxeBuilder({ page }).analyze();
    const bad = violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${scheme}: ${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(' | ')}`);
    expect(bad).toEqual([]);
  }
  await page.emulateMedia({ colorScheme: null });
});

test('section pages link to the playground with their v1 code, and do not load Monaco', async ({ browser, baseURL }) => {
  const p = await browser.newPage();
  const scripts: string[] = [];
  p.on('request', (r) => scripts.push(r.url()));
  await p.goto(new URL('guide/types-and-wire-format/mcperror-renamed-to-mcperror/', baseURL).href);
  await p.waitForLoadState('networkidle');
  expect(scripts.filter((u) => /monaco|editor\.worker|pyodide/.test(u))).toEqual([]);
  const link = p.getByRole('link', { name: /Open the “Before \(v1\)” code in the playground/ });
  await expect(link).toHaveAttribute('href', /playground\/#code=[A-Za-z0-9_-]+/);
  await link.click();
  await p.waitForSelector('#playground[data-ready="true"]');
  expect(await p.evaluate(() => window.__playground.getText())).toContain('McpError');
  await p.close();
});

test('autosave restores the last session', async () => {
  await page.evaluate(() => window.__playground.setText('# my session\nfrom mcp.shared.exceptions import McpError\n'));
  await page.waitForTimeout(900);
  await page.goto('playground/');
  await page.waitForSelector('#playground[data-ready="true"]');
  expect(await page.evaluate(() => window.__playground.getText())).toContain('# my session');
  await expect(page.locator('#pg-note')).toContainText('Restored your last session');
});

test('no request left the origin and no page errors or CSP violations', async () => {
  expect(foreign).toEqual([]);
  expect(pageErrors).toEqual([]);
});

test('when Python cannot load, the page says why and the error lookup still works', async ({ browser }) => {
  const ctx = await browser.newContext();
  const p = await ctx.newPage();
  await p.route(/pyodide\.asm\.wasm$/, (route) => route.fulfill({ status: 503, body: 'unavailable' }));
  await p.goto('playground/');
  await p.waitForSelector('#playground[data-engine="failed"]', { timeout: 120_000 });
  await expect(p.locator('#pg-engine')).toContainText('could not download pyodide.asm.wasm (HTTP 503)');
  await expect(p.getByRole('button', { name: 'Try again' })).toBeVisible();
  await p.waitForSelector('#playground[data-ready="true"]');
  await p.evaluate(() => window.__playground.setText("ImportError: cannot import name 'McpError' from 'mcp'"));
  await expect(p.locator('#pg-lookup li').first()).toHaveAttribute('data-anchor', 'mcperror-renamed-to-mcperror');
  // The text is kept and the editor keeps working.
  expect(await p.evaluate(() => window.__playground.getText())).toContain('McpError');
  await ctx.close();
});

test('at phone width the playground stacks without horizontal overflow', async ({ browser }) => {
  const ctx = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const p = await ctx.newPage();
  await p.goto('playground/');
  await p.waitForSelector('#playground[data-ready="true"]');
  expect(await p.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  const [editor, findings, diff] = await Promise.all(
    ['.pg-input', '.pg-findings', '.pg-diffpane'].map((s) => p.locator(s).boundingBox()),
  );
  expect(editor!.y).toBeLessThan(findings!.y);
  expect(findings!.y).toBeLessThan(diff!.y);
  await ctx.close();
});
