// The playground (/playground/) end to end, in Chromium against the built site, driven as a user
// drives it (tests/e2e/playground-helpers.ts). Most checks share one page (serial).
import { test, expect, type Page, type BrowserContext } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import {
  codes,
  editor,
  editorText,
  findings,
  focusEditor,
  loadExample,
  message,
  paste,
  pasteAndSettle,
  ready,
  settled,
  v2Text,
} from './playground-helpers';

test.describe.configure({ mode: 'serial', timeout: 240_000 });

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

test.beforeAll(async ({ browser, baseURL }) => {
  context = await browser.newContext({ serviceWorkers: 'block', permissions: ['clipboard-read', 'clipboard-write'] });
  page = await context.newPage();
  watch(page, new URL(baseURL!).origin);
  await page.goto('playground/');
  await ready(page);
  await settled(page);
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

test('the page ships no test hooks', async () => {
  expect(await page.evaluate(() => Object.keys(window).filter((k) => /playground/i.test(k)))).toEqual([]);
});

for (const ex of EXAMPLES) {
  test(`example "${ex.label}" produces its findings, markers and v2 diff`, async () => {
    await loadExample(page, ex.label);
    await expect(page.getByLabel('File name')).toHaveValue(ex.file);
    const found = await codes(page);
    for (const rule of ex.rules) expect(found, `rule ${rule} in ${found.join(' ')}`).toContain(rule);
    // Findings grouped by section, each with a rule code, a fix-class badge and a guide link.
    const list = findings(page);
    await expect(list.locator('.pg-finding').first()).toBeVisible();
    await expect(list.locator('.pg-group h3 a').first()).toHaveAttribute('href', /guide\/#[\w-]+$/);
    await expect(list.locator('.pg-badge').first()).toHaveText(/safe fix|review fix|manual/);
    await expect(list.locator('[data-part="count"]')).toHaveText(String(await list.locator('li[data-rule]').count()));
    // The editor underlines what was found.
    await expect(editor(page).locator('.squiggly-info, .squiggly-warning').first()).toBeAttached();
    const v2 = await v2Text(page);
    for (const s of ex.diff) expect(v2).toContain(s);
  });
}

test('clicking a finding puts the cursor on its line', async () => {
  await loadExample(page, 'Lowlevel server');
  const finding = findings(page).locator('.pg-finding-main', { hasText: 'LOW001' }).first();
  const line = await finding.getAttribute('data-line');
  await finding.focus();
  await page.keyboard.press('Enter');
  await expect(editor(page).locator('.line-numbers.active-line-number')).toHaveText(line!);
});

test('a quick fix (Ctrl+.) changes the editor text; its menu shows no Markdown backticks', async () => {
  await pasteAndSettle(page, 'from mcp.shared.exceptions import McpError\n\nraise McpError\n');
  expect(await codes(page)).toContain('TYP001');
  await focusEditor(page);
  await page.keyboard.press('End'); // on McpError, line 1
  await page.keyboard.press('Control+.');
  const menu = page.locator('.action-widget').first();
  await expect(menu).toBeVisible();
  await expect(menu).toContainText('Fix TYP001');
  expect(await menu.innerText()).not.toContain('`');
  await menu
    .getByText(/Fix TYP001/)
    .first()
    .click();
  await expect.poll(() => editorText(page)).toContain('import MCPError');
});

test('a fix made of several findings (a group) is applied whole, from the list or the quick-fix menu', async () => {
  const code = 'from mcp.server.fastmcp import FastMCP\n\nmcp = FastMCP("x")\n';
  await pasteAndSettle(page, code);
  // The module path and the class name of one import: either alone works in neither version.
  const moduleFix = findings(page).locator('.pg-finding', { hasText: 'mcp.server.fastmcp is now' });
  await moduleFix.getByRole('button', { name: /Apply to my code/ }).click();
  await expect
    .poll(() => editorText(page))
    .toBe('from mcp.server.mcpserver import MCPServer\n\nmcp = MCPServer("x")\n');
  await expect(message(page)).toContainText('Applied SRV001 in 2 places together');
  await pasteAndSettle(page, code);
  await focusEditor(page);
  await page.keyboard.press('End');
  await page.keyboard.press('Control+.');
  const menu = page.locator('.action-widget').first();
  await expect(menu).toContainText('(2 places, applied together)');
  await menu
    .getByText(/Fix SRV001: FastMCP is now MCPServer/)
    .first()
    .click();
  await expect
    .poll(() => editorText(page))
    .toBe('from mcp.server.mcpserver import MCPServer\n\nmcp = MCPServer("x")\n');
});

test('"Apply all safe fixes" rewrites the code and can be undone', async () => {
  await loadExample(page, 'FastMCP server');
  const before = await editorText(page);
  await page.getByRole('button', { name: 'Apply all safe fixes' }).click();
  await expect.poll(() => editorText(page)).toContain('from mcp.server.mcpserver import');
  await focusEditor(page);
  await page.keyboard.press('Control+z');
  await expect.poll(() => editorText(page)).toBe(before);
});

test('every rule can be turned off, and review fixes switched on', async () => {
  await loadExample(page, 'FastMCP server');
  await findings(page)
    .locator('.pg-finding', { hasText: 'SRV001' })
    .first()
    .getByRole('button', { name: 'Turn off SRV001' })
    .click();
  await settled(page);
  expect(await codes(page)).not.toContain('SRV001');
  await expect(page.locator('[data-panel="options"] summary')).toContainText('(1 off)');
  await page.locator('[data-panel="options"] summary').click();
  await page.getByRole('button', { name: 'Turn every rule on' }).click();
  await settled(page);
  expect(await codes(page)).toContain('SRV001');
  const unapplied = () => findings(page).locator('.pg-finding-review:not(.is-applied)').count();
  const before = await unapplied();
  await page.getByRole('switch', { name: 'Apply all review fixes' }).check();
  await settled(page);
  if (before > 0) expect(await unapplied()).toBeLessThan(before);
  await page.getByRole('switch', { name: 'Apply all review fixes' }).uncheck();
  await page.locator('[data-panel="options"] summary').click();
  await settled(page);
});

test('Rules & fixes says what each rule does (rules of one guide section no longer look alike)', async () => {
  await page.locator('[data-panel="options"] summary').click();
  const row = (code: string) =>
    page.locator('.pg-rule-row', { has: page.locator(`#pg-rule-${code}`) }).locator('.pg-rule-does');
  for (const [a, b] of [
    ['PKG001', 'PKG002'],
    ['TYP001', 'TYP002'],
  ]) {
    const [ta, tb] = [await row(a).innerText(), await row(b).innerText()];
    expect(ta.length).toBeGreaterThan(15);
    expect(ta).not.toBe(tb);
    expect(ta + tb).not.toContain('`');
  }
  await expect(row('PKG001')).toContainText('Widens an mcp requirement');
  await page.keyboard.press('Escape');
});

test('copy patch, copy v2 and download', async () => {
  await loadExample(page, 'FastMCP server');
  await page.getByRole('button', { name: 'Copy patch' }).click();
  await expect(message(page)).toContainText('patch copied');
  const patch = await page.evaluate(() => navigator.clipboard.readText());
  expect(patch).toMatch(/^--- a\/server\.py\n\+\+\+ b\/server\.py\n@@ /);
  expect(patch).toContain('+from mcp.server.mcpserver import');
  expect(await v2Text(page)).toContain('MCPServer(');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download', exact: true }).click(),
  ]);
  expect(download.suggestedFilename()).toBe('server.py');
});

test('a share link round-trips in a new page', async ({ baseURL }) => {
  const code = 'from mcp.server.fastmcp import FastMCP\n\nmcp = FastMCP("shared")\n';
  await pasteAndSettle(page, code);
  await page.getByLabel('File name').fill('shared_server.py');
  await page.getByLabel('File name').press('Enter');
  await page.locator('[data-part="diffmode"]').selectOption('inline');
  await page.getByRole('button', { name: 'Copy share link' }).click();
  await expect.poll(() => page.url()).toContain('#state=');
  const url = page.url();
  const other = await context.newPage();
  watch(other, new URL(baseURL!).origin);
  await other.goto(url);
  await ready(other);
  await settled(other);
  expect(await editorText(other)).toBe(code);
  await expect(other.getByLabel('File name')).toHaveValue('shared_server.py');
  await expect(other.locator('[data-part="diffmode"]')).toHaveValue('inline');
  await expect(other.locator('[data-panel="note"]')).toContainText('Loaded the code from the link.');
  await other.close();
  await page.locator('[data-part="diffmode"]').selectOption('side');
  await page.evaluate(() => history.replaceState(null, '', location.pathname));
});

test('a pasted traceback shows the matching guide section, written without Markdown backticks', async () => {
  const tb = [
    'Traceback (most recent call last):',
    '  File "/app/server.py", line 3, in <module>',
    '    from mcp.server.fastmcp import FastMCP',
    "ModuleNotFoundError: No module named 'mcp.server.fastmcp'",
  ].join('\n');
  await paste(page, tb);
  const lookup = findings(page).locator('[data-part="lookup"]');
  await expect(lookup).toBeVisible();
  await expect(lookup.locator('li').first()).toHaveAttribute('data-anchor', 'fastmcp-renamed-to-mcpserver');
  await expect(lookup.locator('li a').first()).toHaveAttribute(
    'href',
    /guide\/mcpserver-formerly-fastmcp\/fastmcp-renamed-to-mcpserver\/$/,
  );
  await expect(lookup.locator('li a code').first()).toHaveText('FastMCP');
  expect(await lookup.innerText()).not.toContain('`');
});

test('a syntax error is named once, marked, and its line shown; the last diff stays, greyed', async () => {
  await loadExample(page, 'FastMCP server');
  await paste(page, 'from mcp.server.fastmcp import FastMCP\n\ndef broken(:\n    pass\n');
  await expect(message(page)).toContainText(/Syntax error at line 3, column \d+: invalid syntax/);
  expect(await message(page).innerText()).not.toContain('SyntaxError');
  await expect(page.locator('[data-panel="diff"]')).toHaveAttribute('data-stale', 'true');
  await expect(editor(page).locator('.squiggly-error')).toBeAttached();
  await message(page).getByRole('button', { name: 'Go to line 3' }).click();
  await expect(editor(page).locator('.line-numbers.active-line-number')).toHaveText('3');
  await expect(page.getByRole('button', { name: 'Copy v2' })).toBeDisabled(); // nothing to copy while it does not parse
});

test('a syntax error far down a long paste scrolls the editor to it', async () => {
  const lines = Array.from({ length: 1000 }, (_, i) => (i === 899 ? 'def broken(:' : `x_${i} = ${i}`));
  await paste(page, lines.join('\n') + '\n');
  await expect(message(page)).toContainText('Syntax error at line 900');
  await expect(editor(page).locator('.line-numbers', { hasText: /^900$/ })).toBeVisible();
});

test('the page fits the window, even with a 1,000-line file (no blank area below the panels)', async () => {
  const height = () => page.evaluate(() => document.documentElement.scrollHeight - innerHeight);
  await loadExample(page, 'Streamable HTTP client with OAuth');
  const base = await height();
  expect(base).toBeLessThanOrEqual(60);
  const src = await editorText(page);
  const copies = Math.ceil(1000 / src.split('\n').length);
  const big = Array.from({ length: copies }, () => src).join('\n'); // over 1,000 lines, still valid Python
  await pasteAndSettle(page, big);
  expect(await findings(page).locator('li[data-rule]').count()).toBeGreaterThan(100);
  expect(await height()).toBe(base);
});

test('a 2 MB paste keeps the page responsive and says why it is not analysed', async () => {
  const big = 'x = 1  # padding line for a large paste ...........................\n'.repeat(30_000);
  expect(big.length).toBeGreaterThan(2_000_000);
  const t0 = Date.now();
  await paste(page, big);
  await expect(message(page)).toContainText('live analysis stops at 1.0 MB', { timeout: 15_000 });
  const frame = await page.evaluate(() => {
    const s = performance.now();
    return new Promise<number>((r) => requestAnimationFrame(() => r(performance.now() - s)));
  });
  expect(frame).toBeLessThan(1000);
  expect(Date.now() - t0).toBeLessThan(20_000);
  expect((await editorText(page)).length).toBe(big.length); // nothing lost
});

test('"Restart Python" in the middle of an analysis recovers and analyses again', async () => {
  await loadExample(page, 'Streamable HTTP client with OAuth');
  const expected = await codes(page);
  const code = await editorText(page);
  // Press the button the moment an analysis starts (a fast analysis would otherwise finish first).
  await page.evaluate(() => {
    const root = document.getElementById('playground')!;
    const observer = new MutationObserver(() => {
      if (root.dataset.analyzing !== 'true') return;
      observer.disconnect();
      root.querySelector<HTMLButtonElement>('[data-part="restart"]')!.click();
    });
    observer.observe(root, { attributes: true, attributeFilter: ['data-analyzing'] });
  });
  await paste(page, `${code}\n${code}`);
  await expect(page.locator('#playground')).toHaveAttribute('data-engine', 'loading');
  await page.waitForSelector('#playground[data-engine="ready"]', { timeout: 180_000 });
  await settled(page);
  await expect(message(page)).toContainText('finding');
  for (const c of expected) expect(await codes(page)).toContain(c);
});

test('keyboard only: toolbar, findings and actions are reachable, Tab never types', async () => {
  await loadExample(page, 'FastMCP server');
  const before = await editorText(page);
  await page.getByLabel('Example').focus();
  const seen = new Set<string>();
  for (let i = 0; i < 250 && !seen.has('copy-patch'); i++) {
    // Inside Monaco, Tab indents: Escape first, then Tab leaves (no keyboard trap).
    const inEditor = await page.evaluate(() => !!document.activeElement?.closest('.monaco-editor'));
    if (inEditor) await page.keyboard.press('Escape');
    await page.keyboard.press('Tab');
    seen.add(
      await page.evaluate(() => {
        const a = document.activeElement as HTMLElement | null;
        return a ? a.dataset.part || a.className || a.tagName : '';
      }),
    );
  }
  expect(await editorText(page)).toBe(before);
  for (const part of ['file', 'share', 'open-folder', 'pg-skip', 'pg-finding-main', 'apply-safe', 'copy-patch'])
    expect(
      [...seen].some((s) => s.includes(part)),
      `${part} in ${[...seen].join(',')}`,
    ).toBe(true);
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
      .map(
        (v) =>
          `${scheme}: ${v.id} (${v.impact}): ${v.nodes
            .map((n) => n.target.join(' '))
            .slice(0, 3)
            .join(' | ')}`,
      );
    expect(bad).toEqual([]);
  }
  await page.emulateMedia({ colorScheme: null });
});

test('section pages link to the playground with their v1 code, and do not load Monaco', async ({ baseURL }) => {
  const p = await context.newPage();
  const scripts: string[] = [];
  p.on('request', (r) => scripts.push(r.url()));
  await p.goto(new URL('guide/types-and-wire-format/mcperror-renamed-to-mcperror/', baseURL).href);
  await p.waitForLoadState('networkidle');
  expect(scripts.filter((u) => /monaco|editor\.worker|pyodide/.test(u))).toEqual([]);
  const link = p.getByRole('link', { name: /Open the “Before \(v1\)” code in the playground/ });
  await expect(link).toHaveAttribute('href', /playground\/#code=[A-Za-z0-9_-]+/);
  await link.click();
  await ready(p);
  expect(await editorText(p)).toContain('McpError');
  await p.close();
});

test('autosave restores the last session', async () => {
  await pasteAndSettle(page, '# my session\nfrom mcp.shared.exceptions import McpError\n');
  await expect(page.locator('[data-part="autosave"]')).toHaveText('Autosaved in this browser.');
  await page.goto('playground/');
  await ready(page);
  expect(await editorText(page)).toContain('# my session');
  await expect(page.locator('[data-panel="note"]')).toContainText('Restored your last session');
});

test('no request left the origin and no page errors or CSP violations', async () => {
  expect(foreign).toEqual([]);
  expect(pageErrors).toEqual([]);
});
