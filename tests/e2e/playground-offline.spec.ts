// Offline: after one visit to the playground, the playground (Python included), the guide and the
// error lookup work with the network off, and a reload shows the page, not the browser's error page.
import { test, expect } from '@playwright/test';
import { codes, findings, message, paste, ready, settled } from './playground-helpers';

test.describe.configure({ timeout: 240_000 });
test.use({ serviceWorkers: 'allow', permissions: ['clipboard-read', 'clipboard-write'] });

test('after one visit the playground, the guide and the lookup work offline', async ({ page, context, baseURL }) => {
  const foreign: string[] = [];
  context.on('request', (r) => {
    if (!r.url().startsWith(new URL(baseURL!).origin)) foreign.push(r.url());
  });
  await page.goto('playground/');
  await ready(page);
  await settled(page);
  // The service worker has taken over and stored the site and Python.
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 60_000 });
  await expect
    .poll(
      () =>
        page.evaluate(async () => {
          const name = (await caches.keys()).find((n) => n.startsWith('mcp-migrate-site-'));
          if (!name) return [];
          const cache = await caches.open(name);
          const has = async (path: string) => !!(await cache.match(new URL(path, location.href).href));
          const snapshot = (await cache.keys()).some((r) => /pyodide\/engine-\w+\.snap$/.test(r.url));
          return [await has('../pyodide/pyodide.asm.wasm'), await has('../guide/'), await has('../lookup/'), snapshot];
        }),
      { timeout: 120_000, intervals: [500] },
    )
    .toEqual([true, true, true, true]);
  // The worker keeps the decoded snapshot in the origin-private file system, and the next start reads
  // it from there instead of fetching the snapshot again.
  await expect
    .poll(
      () =>
        page.evaluate(async () => {
          const sizes: number[] = [];
          const dir = await navigator.storage.getDirectory();
          for await (const [name, handle] of dir.entries())
            if (/^engine-\w+\.snap\.decoded$/.test(name))
              sizes.push((await (handle as FileSystemFileHandle).getFile()).size);
          return sizes.length === 1 && sizes[0] > 1_000_000;
        }),
      { timeout: 60_000, intervals: [500] },
    )
    .toBe(true);
  const snapshotFetches: string[] = [];
  page.on('request', (r) => {
    if (/engine-\w+\.snap$/.test(r.url())) snapshotFetches.push(r.url());
  });

  await context.setOffline(true);
  await page.reload();
  await ready(page);
  await settled(page);
  expect(await codes(page)).toContain('SRV001');
  expect(snapshotFetches).toEqual([]);
  await expect(message(page)).toContainText('finding');
  await paste(page, 'from mcp.shared.exceptions import McpError\n');
  await settled(page);
  expect(await codes(page)).toEqual(['TYP001']);

  await page.goto('guide/types-and-wire-format/mcperror-renamed-to-mcperror/');
  await expect(page.getByRole('heading', { level: 1 })).toContainText('McpError');
  await page.goto('lookup/');
  await page
    .getByLabel('Paste an error, traceback, warning or log line')
    .fill("ImportError: cannot import name 'McpError' from 'mcp'");
  await expect(page.locator('[data-lookup-results] > li').first()).toHaveAttribute(
    'data-anchor',
    'mcperror-renamed-to-mcperror',
  );
  await page.goto('playground/');
  await ready(page);
  await expect(findings(page)).not.toHaveAttribute('aria-busy', 'true', { timeout: 60_000 });
  await context.setOffline(false);
  expect(foreign).toEqual([]);
});
