import { expect, test } from '@playwright/test';

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
  await expect(page.locator('[data-lookup-results] > li').first()).toHaveAttribute('data-anchor', 'fastmcp-renamed-to-mcpserver');
  expect(new URL(page.url()).searchParams.get('q')).toBe("No module named 'mcp.server.fastmcp'");
});

test('/lookup/?q= with an off-topic error says nothing matches', async ({ page }) => {
  await page.goto('lookup/?q=' + encodeURIComponent("Traceback (most recent call last):\n  File \"/app/h.py\", line 3, in f\n    return USERS[uid]\nKeyError: 'user_42'"));
  await expect(page.locator('[data-lookup-empty]')).toBeVisible();
  await expect(page.locator('[data-lookup-empty]')).toContainText('No migration section matches');
  await expect(page.locator('[data-lookup-results] > li')).toHaveCount(0);
});

test('/lookup/?q= with an official guide URL leads to that section', async ({ page }) => {
  const url = 'https://modelcontextprotocol.github.io/python-sdk/migration/#cursor-parameter-removed-from-clientsession-list-methods';
  await page.goto('lookup/?q=' + encodeURIComponent(url));
  const first = page.locator('[data-lookup-results] > li').first();
  await expect(first).toHaveAttribute('data-anchor', 'cursor-parameter-removed-from-clientsession-list-methods');
  await expect(first).toHaveAttribute('data-confidence', '1');
  await expect(first.locator('a')).toHaveAttribute('href', /guide\/clients\/cursor-parameter-removed-from-clientsession-list-methods\/$/);
});

test('results are ranked with confidence in 0..1', async ({ page }) => {
  await page.goto('lookup/?q=' + encodeURIComponent("TypeError: MCPServer.__init__() got an unexpected keyword argument 'port'"));
  const items = page.locator('[data-lookup-results] > li');
  await expect(items.first()).toHaveAttribute('data-anchor', 'transport-specific-parameters-moved-from-mcpserver-constructor-to-runapp-methods');
  const conf = await items.evaluateAll((els) => els.map((e) => Number((e as HTMLElement).dataset.confidence)));
  expect(conf.every((c) => c > 0 && c <= 1)).toBe(true);
  expect([...conf].sort((a, b) => b - a)).toEqual(conf);
});
