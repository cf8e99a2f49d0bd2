import { test, expect } from '@playwright/test';

test('the area picker filters sections, keeps the choice in the URL and progress across reload', async ({ page }) => {
  await page.goto('./');
  const picker = page.locator('area-picker');
  const visible = picker.locator('[data-sections] li:visible');
  await expect(visible).toHaveCount(0);

  await picker.getByLabel('test against in-memory server/client pairs').check();
  await expect(page).toHaveURL(/[?&]uses=testing-utilities/);
  await expect(visible).toHaveCount(1);
  await expect(visible.first()).toHaveAttribute('data-anchor', 'create_connected_server_and_client_session-removed');

  await picker.getByLabel('use the lowlevel Server').check();
  const anchors = await visible.evaluateAll((lis) => lis.map((li) => (li as HTMLElement).dataset.anchor));
  expect(anchors).toContain('lowlevel-server-decorator-based-handlers-replaced-with-constructor-on_-params');
  expect(anchors).toContain('timeouts-take-float-seconds-instead-of-timedelta');
  expect(anchors).not.toContain('fastmcp-renamed-to-mcpserver');

  await visible.first().locator('[data-done]').check();
  await page.reload();
  await expect(picker.getByLabel('use the lowlevel Server')).toBeChecked();
  await expect(visible.first().locator('[data-done]')).toBeChecked();
  await expect(picker.locator('[data-summary]')).toContainText('1 done');
});
