// How the playground's e2e tests use the page: as a user does, through the keyboard, the clipboard and
// what is on screen (the page ships no test hooks). `aria-busy` on the findings panel says whether the
// analysis of the editor's text is still coming.
import { expect, type Page } from '@playwright/test';

export const findings = (p: Page) => p.locator('[data-panel="findings"]');
export const editor = (p: Page) => p.locator('[data-panel="editor"] .monaco-editor').first();
export const message = (p: Page) => p.locator('[data-panel="status"] [data-part="message"]');

/** Monaco is up and Python has started. */
export async function ready(p: Page): Promise<void> {
  await p.waitForSelector('#playground[data-ready="true"]', { timeout: 60_000 });
  await p.waitForSelector('#playground[data-engine="ready"]', { timeout: 180_000 });
}

/** The analysis of the editor's current text is on screen. */
export async function settled(p: Page): Promise<void> {
  await expect(findings(p)).toHaveAttribute('aria-busy', 'false', { timeout: 90_000 });
}

/** Put the cursor in the editor (at its start). */
export async function focusEditor(p: Page): Promise<void> {
  await editor(p).click({ position: { x: 120, y: 8 } });
  await p.keyboard.press('Control+Home');
}

/** Replace the editor's text the way a user does: select all, paste. */
export async function paste(p: Page, text: string): Promise<void> {
  await p.evaluate((t) => navigator.clipboard.writeText(t), text);
  await focusEditor(p);
  await p.keyboard.press('Control+a');
  await p.keyboard.press('Control+v');
}

/** Paste and wait for the analysis. */
export async function pasteAndSettle(p: Page, text: string): Promise<void> {
  await paste(p, text);
  await settled(p);
}

/** The editor's whole text: select all, copy. */
export async function editorText(p: Page): Promise<string> {
  await focusEditor(p);
  await p.keyboard.press('Control+a');
  await p.keyboard.press('Control+c');
  const text = await p.evaluate(() => navigator.clipboard.readText());
  await p.keyboard.press('Control+Home');
  return text.replace(/\r\n/g, '\n');
}

/** The suggested v2 text, through the "Copy v2" button. */
export async function v2Text(p: Page): Promise<string> {
  await p.getByRole('button', { name: 'Copy v2' }).click();
  await expect(message(p)).toContainText('copied');
  return (await p.evaluate(() => navigator.clipboard.readText())).replace(/\r\n/g, '\n');
}

/** The rule codes in the findings list. */
export async function codes(p: Page): Promise<string[]> {
  const rules = await findings(p)
    .locator('li[data-rule]')
    .evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.rule!));
  return [...new Set(rules)].sort();
}

export async function loadExample(p: Page, label: string): Promise<void> {
  await p.getByLabel('Example').selectOption({ label });
  await settled(p);
}
