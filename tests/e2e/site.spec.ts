import { test, expect } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';

const pages = [
  { name: 'home', path: './' },
  { name: 'section', path: 'guide/mcpserver-formerly-fastmcp/fastmcp-renamed-to-mcpserver/' },
  {
    name: 'lookup',
    path: 'lookup/?q=' + encodeURIComponent("ModuleNotFoundError: No module named 'mcp.server.fastmcp'"),
  },
];

for (const { name, path } of pages) {
  test(`axe: ${name} page has no serious or critical violations`, async ({ page }) => {
    await page.goto(path);
    await page.waitForLoadState('networkidle');
    const { violations } = await new AxeBuilder({ page }).analyze();
    const bad = violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map(
        (v) =>
          `${v.id} (${v.impact}): ${v.nodes
            .map((n) => n.target.join(' '))
            .slice(0, 3)
            .join(' | ')}`,
      );
    expect(bad).toEqual([]);
  });

  test(`no request leaves the origin: ${name}`, async ({ page, baseURL }) => {
    const origin = new URL(baseURL!).origin;
    const foreign: string[] = [];
    page.on('request', (r) => {
      const url = r.url();
      if (!url.startsWith(origin) && !url.startsWith('data:') && !url.startsWith('blob:')) foreign.push(url);
    });
    await page.goto(path);
    await page.waitForLoadState('networkidle');
    // Opening the search dialog loads Pagefind lazily; it must come from the same origin too.
    await page.keyboard.press('Control+k');
    await page.waitForTimeout(300);
    expect(foreign).toEqual([]);
  });
}

for (const [query, anchor] of [
  ['mcp.server.fastmcp', 'fastmcp-renamed-to-mcpserver'],
  ['read_timeout_seconds', 'timeouts-take-float-seconds-instead-of-timedelta'],
] as const) {
  test(`search dialog finds the section for ${query}`, async ({ page }) => {
    await page.goto('./');
    await page
      .getByRole('button', { name: /search/i })
      .first()
      .click();
    const input = page.locator('dialog input').first();
    await input.fill(query);
    const hits = page.locator('dialog a[href*="/guide/"]');
    // Pagefind renders results as the query grows: read them once they are the full query's.
    await expect(page.locator('dialog')).toContainText(`results for ${query}`, { timeout: 10_000 });
    await expect(hits.first()).toBeVisible({ timeout: 10_000 });
    // Pagefind lists sub-results (#fragments) under each page; rank by page.
    const pages = await hits.evaluateAll((as) => [
      ...new Set(as.map((a) => new URL((a as HTMLAnchorElement).href).pathname)),
    ]);
    expect(
      pages.slice(0, 2).some((p) => p.endsWith(`/${anchor}/`)),
      pages.slice(0, 5).join('\n'),
    ).toBe(true);
  });
}

test('a mobile-width page has no horizontal overflow', async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 800 });
  for (const path of [
    './',
    'guide/types-and-wire-format/field-names-changed-from-camelcase-to-snake_case/',
    'lookup/',
  ]) {
    await page.goto(path);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow, path).toBeLessThanOrEqual(0);
  }
});

test('on a phone the rules index stacks each rule instead of scrolling sideways', async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 800 });
  await page.goto('rules/');
  for (const name of ['.rules-table', '.coverage-table']) {
    const sideways = await page.locator(name).evaluate((t) => t.scrollWidth - t.clientWidth);
    expect(sideways, name).toBeLessThanOrEqual(0);
  }
  const row = page.locator('tr[data-rule="SRV008"]');
  await expect(row).toContainText('SRV008');
  const box = await row.boundingBox();
  expect(box!.width).toBeLessThanOrEqual(375);
});

test('the coverage table writes code spans in "why no rule" as code, not backticks', async ({ page }) => {
  await page.goto('rules/');
  const why = page.locator('.coverage-table em');
  expect(await why.count()).toBeGreaterThan(0);
  expect(await why.allTextContents()).not.toContainEqual(expect.stringContaining('`'));
  expect(await page.locator('.coverage-table em code').count()).toBeGreaterThan(0);
});
