// Rough edges a new user met, each in a page of its own: damaged and rule-switching share links,
// Python failing to load, the home page and phones reaching the playground, the phone layout.
import { test, expect } from '@playwright/test';
import { encodeState } from '../../src/lib/playground/share';
import { codes, editorText, findings, message, paste, ready, settled } from './playground-helpers';

test.describe.configure({ timeout: 180_000 });
test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

test('a damaged share link says so in words, and shows an example', async ({ page }) => {
  await page.goto('playground/#state=AAAAAAAA-damaged');
  await ready(page);
  const note = page.locator('[data-panel="note"]');
  await expect(note).toContainText('This share link is damaged or incomplete');
  await expect(note).not.toContainText(/fetch|Error/);
  await settled(page);
  expect(await codes(page)).toContain('SRV001');
});

test('a share link that turns rules off says which, and offers to turn them back on', async ({ page }) => {
  const state = {
    code: 'from mcp.server.fastmcp import FastMCP\nfrom mcp.shared.exceptions import McpError\n\nmcp = FastMCP("x")\n',
    file: 'server.py',
    options: { ignore: ['SRV001', 'TYP001'], review: [] as string[] },
    view: { diff: 'side' as const, layout: 'stacked' as const },
  };
  await page.goto(`playground/#${await encodeState(state)}`);
  await ready(page);
  await settled(page);
  const note = page.locator('[data-panel="note"]');
  await expect(note).toContainText('The link turns off 2 rules (SRV001, TYP001)');
  expect(await codes(page)).toEqual([]);
  await note.getByRole('button', { name: 'Turn every rule back on' }).click();
  await settled(page);
  expect(await codes(page)).toEqual(['SRV001', 'TYP001']);
  await expect(note).toBeHidden();
  await expect(page.locator('[data-panel="options"] summary')).toHaveText('Rules & fixes');
});

test('when Python cannot load, the page says why and the error lookup still works', async ({ page }) => {
  await page.route(/pyodide\.asm\.wasm$/, (route) => route.fulfill({ status: 503, body: 'unavailable' }));
  await page.goto('playground/');
  await page.waitForSelector('#playground[data-engine="failed"]', { timeout: 120_000 });
  await expect(page.locator('[data-part="engine"]')).toContainText('could not download pyodide.asm.wasm (HTTP 503)');
  await expect(page.getByRole('button', { name: 'Try again' })).toBeVisible();
  await page.waitForSelector('#playground[data-ready="true"]');
  await expect(findings(page)).toContainText('Python could not be loaded');
  await paste(page, "ImportError: cannot import name 'McpError' from 'mcp'");
  await expect(findings(page).locator('[data-part="lookup"] li').first()).toHaveAttribute(
    'data-anchor',
    'mcperror-renamed-to-mcperror',
  );
  expect(await editorText(page)).toContain('McpError'); // kept, and the editor keeps working
});

test('the home page leads to the playground', async ({ page }) => {
  await page.goto('./');
  const link = page
    .getByRole('link', { name: /playground/i })
    .filter({ visible: true })
    .first();
  await expect(link).toBeVisible();
  await link.click();
  await expect(page).toHaveURL(/playground\/$/);
});

test.describe('on a phone', () => {
  test.use({ viewport: { width: 390, height: 844 } });

  for (const path of [
    './',
    'guide/',
    'guide/types-and-wire-format/mcperror-renamed-to-mcperror/',
    'lookup/',
    'playground/',
  ]) {
    test(`${path} links to the guide, the error lookup and the playground`, async ({ page }) => {
      await page.goto(path);
      const nav = page.getByRole('navigation', { name: 'Site' });
      for (const name of ['Guide', 'Error lookup', 'Playground'])
        await expect(nav.getByRole('link', { name })).toBeVisible();
    });
  }

  test('the playground stacks its panels without horizontal overflow', async ({ page }) => {
    await page.goto('playground/');
    await ready(page);
    await settled(page);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    const [editor, list, diff] = await Promise.all(
      ['[data-panel="editor"]', '[data-panel="findings"]', '[data-panel="diff"]'].map((s) =>
        page.locator(s).boundingBox(),
      ),
    );
    expect(editor!.y).toBeLessThan(list!.y);
    expect(list!.y).toBeLessThan(diff!.y);
    await expect(message(page)).toContainText('finding');
  });
});

test('on a wide screen the site navigation for phones stays hidden', async ({ page }) => {
  await page.goto('playground/');
  await expect(page.getByRole('navigation', { name: 'Site' })).toBeHidden();
});
