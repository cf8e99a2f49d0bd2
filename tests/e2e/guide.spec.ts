import { expect, test } from '@playwright/test';

const AREAS = [
  'Find your changes',
  'Packaging, dependencies, and CLI',
  'Types and wire format',
  'MCPServer (formerly FastMCP)',
  'Lowlevel Server',
  'Clients',
  'Transports',
  'OAuth and server auth',
  'Stricter protocol validation and wire behavior',
  'Testing utilities',
  'Deprecations',
  'Notes for 2026-era connections',
];

test('a section page shows highlighted before/after Python code', async ({ page }) => {
  await page.goto('guide/mcpserver-formerly-fastmcp/fastmcp-renamed-to-mcpserver/');
  await expect(page.locator('h1')).toHaveText('FastMCP renamed to MCPServer');
  const block = page.locator('.expressive-code pre[data-language="python"]').first();
  await expect(block).toBeVisible();
  expect(await block.locator('span[style*="--"]').count()).toBeGreaterThan(3);
  await expect(page.getByText('Before (v1):')).toBeVisible();
  await expect(page.getByText('After (v2):')).toBeVisible();
});

test('every page credits the upstream guide and links its licence', async ({ page }) => {
  for (const path of ['', 'guide/', 'guide/transports/']) {
    await page.goto(path);
    const credit = page.locator('.credit');
    await expect(credit).toContainText('Guide text from modelcontextprotocol/python-sdk docs/migration.md at v2.0.0');
    await expect(credit).toContainText('6f69a37');
    const licence = await credit.getByRole('link', { name: 'MIT licence' }).getAttribute('href');
    const res = await page.request.get(new URL(licence!, page.url()).href);
    expect(await res.text()).toContain('MIT License');
  }
});

test('/guide/#<official anchor> redirects to the section page', async ({ page }) => {
  await page.goto('guide/#fastmcp-renamed-to-mcpserver');
  await expect(page).toHaveURL(/\/guide\/mcpserver-formerly-fastmcp\/fastmcp-renamed-to-mcpserver\/$/);
  await page.goto('guide/#transports');
  await expect(page).toHaveURL(/\/guide\/transports\/$/);
});

test('the sidebar has every area group in guide order', async ({ page }) => {
  await page.goto('guide/clients/');
  const groups = page.locator('nav[aria-label="Main"] details > summary .group-label');
  const labels = (await groups.allTextContents()).map((s) => s.trim());
  expect(labels.filter((l) => AREAS.includes(l))).toEqual(AREAS);
});

test('a silent section carries its badge in the sidebar', async ({ page }) => {
  await page.goto('guide/clients/client-defaults-to-modeauto/');
  const current = page.locator('nav[aria-label="Main"] a[aria-current="page"]');
  await expect(current).toContainText('silent');
});

test('pages do not overflow horizontally on a 375px screen', async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 800 });
  for (const path of [
    '',
    'guide/',
    'guide/clients/timeouts-take-float-seconds-instead-of-timedelta/',
    'guide/packaging-dependencies-and-cli/dependency-floors-raised-and-new-required-dependencies/',
  ]) {
    await page.goto(path);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - innerWidth);
    expect(overflow, path || 'home').toBeLessThanOrEqual(0);
  }
});
