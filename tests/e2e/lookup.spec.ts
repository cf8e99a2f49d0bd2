import { expect, test } from '@playwright/test';
import { loadLookupData } from '../../src/lib/lookup/data-node.ts';
import { lookupSync } from '../../src/lib/lookup/lookup.ts';
import { CASES, type LookupCase } from '../unit/lookup-table.ts';
import { FORMAT_CASES } from '../unit/lookup-table-formats.ts';
import { MECHANISM_CASES } from '../unit/lookup-table-mechanisms.ts';
import { ROUND3_CASES } from '../unit/lookup-table-round3.ts';
import { ROUND4_CASES } from '../unit/lookup-table-round4.ts';

const TRACEBACK = `Traceback (most recent call last):
  File "/home/dev/app/client.py", line 41, in main
    schema = tools.tools[0].inputSchema
  File "/home/dev/.venv/lib/python3.12/site-packages/pydantic/main.py", line 991, in __getattr__
    raise AttributeError(f'{type(self).__name__!r} object has no attribute {item!r}')
AttributeError: 'Tool' object has no attribute 'inputSchema'`;

test('home page box: a pasted multi-line traceback finds its section first', async ({ page }) => {
  await page.goto('./');
  const box = page.getByLabel('Paste an error, traceback, warning or log line');
  await box.fill(TRACEBACK);
  const first = page.locator('[data-lookup-results] > li').first();
  await expect(first).toHaveAttribute('data-anchor', 'field-names-changed-from-camelcase-to-snake_case');
  expect(Number(await first.getAttribute('data-confidence'))).toBeGreaterThan(0.8);
  // the link respects the base path and leads to the section page
  await first.locator('a').click();
  await expect(page).toHaveURL(/\/guide\/types-and-wire-format\/field-names-changed-from-camelcase-to-snake_case\/$/);
});

test('home page box keeps the lookup shareable in ?q=', async ({ page }) => {
  await page.goto('./');
  await page.getByLabel('Paste an error, traceback, warning or log line').fill("No module named 'mcp.server.fastmcp'");
  await expect(page.locator('[data-lookup-results] > li').first()).toHaveAttribute(
    'data-anchor',
    'fastmcp-renamed-to-mcpserver',
  );
  expect(new URL(page.url()).searchParams.get('q')).toBe("No module named 'mcp.server.fastmcp'");
});

test('/lookup/?q= with an off-topic error gives no confident answer, at most possible matches', async ({ page }) => {
  await page.goto(
    'lookup/?q=' +
      encodeURIComponent(
        'Traceback (most recent call last):\n  File "/app/h.py", line 3, in f\n    return USERS[uid]\nKeyError: \'user_42\'',
      ),
  );
  await expect(page.locator('[data-lookup-empty]')).toBeVisible();
  await expect(page.locator('[data-lookup-empty]')).toContainText(/No (?:migration section matches|confident match)/);
  await expect(page.locator('[data-lookup-results] > li:not([data-lookup-weak])')).toHaveCount(0);
});

test("another SDK's error lists possible matches only, marked as such", async ({ page }) => {
  const kotlin =
    'Exception in thread "main" io.modelcontextprotocol.kotlin.sdk.shared.McpError: MCP error -32602: Invalid params\n\tat io.modelcontextprotocol.kotlin.sdk.shared.Protocol.request(Protocol.kt:412)';
  await page.goto('lookup/?q=' + encodeURIComponent(kotlin));
  await expect(page.locator('[data-lookup-empty]')).toContainText('No confident match');
  const items = page.locator('[data-lookup-results] > li');
  await expect(items.first()).toHaveAttribute('data-lookup-weak', '');
  await expect(items.first()).toContainText('possible match');
  expect(Number(await items.first().getAttribute('data-confidence'))).toBeLessThan(0.5);
  await expect(page.locator('[data-lookup-results] > li:not([data-lookup-weak])')).toHaveCount(0);
  await expect(page.locator('[data-lookup-pin]')).toHaveCount(0);
});

test('/lookup/?q= with an official guide URL leads to that section', async ({ page }) => {
  const url =
    'https://modelcontextprotocol.github.io/python-sdk/migration/#cursor-parameter-removed-from-clientsession-list-methods';
  await page.goto('lookup/?q=' + encodeURIComponent(url));
  const first = page.locator('[data-lookup-results] > li').first();
  await expect(first).toHaveAttribute('data-anchor', 'cursor-parameter-removed-from-clientsession-list-methods');
  await expect(first).toHaveAttribute('data-confidence', '1');
  await expect(first.locator('a')).toHaveAttribute(
    'href',
    /guide\/clients\/cursor-parameter-removed-from-clientsession-list-methods\/$/,
  );
});

test('results are ranked with confidence in 0..1', async ({ page }) => {
  await page.goto(
    'lookup/?q=' + encodeURIComponent("TypeError: MCPServer.__init__() got an unexpected keyword argument 'port'"),
  );
  const items = page.locator('[data-lookup-results] > li');
  await expect(items.first()).toHaveAttribute(
    'data-anchor',
    'transport-specific-parameters-moved-from-mcpserver-constructor-to-runapp-methods',
  );
  const conf = await items.evaluateAll((els) => els.map((e) => Number((e as HTMLElement).dataset.confidence)));
  expect(conf.every((c) => c > 0 && c <= 1)).toBe(true);
  expect([...conf].sort((a, b) => b - a)).toEqual(conf);
});

// One lookup everywhere: the page answers a spread of the training pastes exactly as the module
// (and so `mcp-migrate explain`) does, full text included.

test("the page gives the module's answers, full text included", async ({ page }) => {
  const data = loadLookupData();
  // two of every kind from the first tables and one from the second, third and fourth rounds'
  // (which use the index's model fields, SDK names, sides and nullable attributes), short enough for ?q=
  const pick = (cases: LookupCase[], per: number) => {
    const kinds = new Map<string, number>();
    return cases.filter((c) => {
      if (!c.paste.trim() || c.paste.length > 1500 || (kinds.get(c.kind) ?? 0) >= per) return false;
      kinds.set(c.kind, (kinds.get(c.kind) ?? 0) + 1);
      return true;
    });
  };
  const sample = [
    ...pick([...CASES, ...FORMAT_CASES], 2),
    ...pick(MECHANISM_CASES, 1),
    ...pick(ROUND3_CASES, 1),
    ...pick(ROUND4_CASES, 1),
  ];
  expect(sample.length).toBeGreaterThanOrEqual(30);
  for (const c of sample) {
    const want = lookupSync(c.paste, data).results.map((r) => `${r.anchor}@${r.confidence}`);
    await page.goto('lookup/?q=' + encodeURIComponent(c.paste));
    const root = page.locator('[data-lookup]');
    await expect(root).toHaveAttribute('data-lookup-done', /\d+/);
    const got = await page
      .locator('[data-lookup-results] > li')
      .evaluateAll((els) =>
        els.map((e) => `${(e as HTMLElement).dataset.anchor}@${(e as HTMLElement).dataset.confidence}`),
      );
    expect(got, c.paste.slice(0, 60)).toEqual(want);
  }
});

test('a long paste stays out of the query string and survives a reload', async ({ page }) => {
  const frame =
    '  File "/srv/app/.venv/lib/python3.12/site-packages/anyio/_backends/_asyncio.py", line 2470, in run_sync_in_worker_thread\n    return await future\n';
  const long = `Traceback (most recent call last):\n${frame.repeat(200)}ModuleNotFoundError: No module named 'mcp.server.fastmcp'`;
  expect(long.length).toBeGreaterThan(20_000);
  await page.goto('lookup/');
  await page.getByLabel('Paste an error, traceback, warning or log line').fill(long);
  const first = page.locator('[data-lookup-results] > li').first();
  await expect(first).toHaveAttribute('data-anchor', 'fastmcp-renamed-to-mcpserver');
  const url = new URL(page.url());
  expect(url.searchParams.get('q')).toBeNull();
  expect(url.hash).toBe('#paste');
  expect(page.url().length).toBeLessThan(200);
  await page.reload();
  await expect(page.getByLabel('Paste an error, traceback, warning or log line')).toHaveValue(long);
  await expect(page.locator('[data-lookup-results] > li').first()).toHaveAttribute(
    'data-anchor',
    'fastmcp-renamed-to-mcpserver',
  );
});

test('an import-time failure also says how to stay on v1', async ({ page }) => {
  await page.goto('lookup/?q=' + encodeURIComponent("ImportError: cannot import name 'McpError' from 'mcp'"));
  const first = page.locator('[data-lookup-results] > li').first();
  await expect(first).toHaveAttribute('data-anchor', 'mcperror-renamed-to-mcperror');
  await expect(first.locator('[data-lookup-pin]')).toContainText('<2');
});

test.describe('on a phone', () => {
  test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  test('the first answer to a paste is brought into view', async ({ page }) => {
    await page.goto('./');
    const box = page.getByLabel('Paste an error, traceback, warning or log line');
    await box.focus();
    await page.evaluate((text) => {
      const el = document.activeElement as HTMLTextAreaElement;
      const data = new DataTransfer();
      data.setData('text/plain', text);
      el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true }));
      el.value = text;
      el.dispatchEvent(new Event('input', { bubbles: true }));
    }, TRACEBACK);
    const first = page.locator('[data-lookup-results] > li').first();
    await expect(first).toHaveAttribute('data-anchor', 'field-names-changed-from-camelcase-to-snake_case');
    await expect(first).toBeInViewport({ ratio: 0.3 });
  });
});
