// Whole projects in the playground: a v1 project picked as a folder, opened as a .zip or dropped; every
// file analysed with names resolved across files; the migrated .zip and the patch equal to what the CLI
// writes (`mcp-migrate --write`) on the same project; progress and cancel on a large one.
import { test, expect, type Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { codes, editorText, findings, message, ready, settled } from './playground-helpers';

test.describe.configure({ timeout: 240_000 });
test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

const repo = join(import.meta.dirname, '..', '..');
const example = join(repo, 'examples', 'v1-projects', 'weather-server');

function tree(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else out[relative(dir, p)] = readFileSync(p, 'utf8');
    }
  };
  walk(dir);
  return out;
}

/** The project as the CLI leaves it: `mcp-migrate --write` on a copy. */
function cliWrite(): Record<string, string> {
  const dir = join(mkdtempSync(join(tmpdir(), 'pg-cli-')), 'weather-server');
  cpSync(example, dir, { recursive: true });
  try {
    execFileSync(process.execPath, [join(repo, 'bin', 'mcp-migrate.mjs'), '--write', '--quiet', '.'], {
      cwd: dir,
      stdio: 'pipe',
    });
  } catch (err) {
    if ((err as { status?: number }).status !== 1) throw err; // 1: changes were made
  }
  return tree(dir);
}

/** A .zip's files, read by Python's zipfile (an independent reader). */
function unzip(path: string): Record<string, string> {
  const json = execFileSync('python3', [
    '-c',
    'import sys, json, zipfile; z = zipfile.ZipFile(sys.argv[1]); assert z.testzip() is None; print(json.dumps({n: z.read(n).decode() for n in z.namelist()}))',
    path,
  ]);
  return JSON.parse(json.toString());
}

function zipOf(dir: string, extra: [string, string][] = []): Buffer {
  const out = join(mkdtempSync(join(tmpdir(), 'pg-zip-')), 'weather-server.zip');
  execFileSync('python3', [
    '-c',
    `
import json, os, sys, zipfile
src, out, extra = sys.argv[1], sys.argv[2], json.loads(sys.argv[3])
with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
    for root, _, names in os.walk(src):
        for n in names:
            p = os.path.join(root, n)
            z.write(p, os.path.join("weather-server", os.path.relpath(p, src)))
    for name, text in extra:
        z.writestr(name, text)
`,
    dir,
    out,
    JSON.stringify(extra),
  ]);
  return readFileSync(out);
}

async function analysed(page: Page) {
  await expect(page.locator('[data-panel="project"] [data-part="progress-text"]')).toContainText('Analysed', {
    timeout: 120_000,
  });
}

const treeFile = (page: Page, path: string) =>
  page.locator(`[data-panel="project"] .pg-tree-file[data-path="${path}"]`);

test('a picked v1 project folder: every file analysed, names resolved across files, the .zip and the patch equal the CLI --write', async ({
  page,
}) => {
  const expected = cliWrite();
  await page.goto('playground/');
  await ready(page);
  await page.locator('[data-part="folder-input"]').setInputFiles(example);
  await analysed(page);
  const project = page.locator('[data-panel="project"]');
  await expect(project.locator('[data-part="title"]')).toHaveText('weather-server');
  await expect(project.locator('.pg-tree-file')).toHaveCount(6);
  await expect(treeFile(page, 'src/weather/server.py')).toHaveAttribute('data-status', 'changed');
  await expect(treeFile(page, 'src/weather/fastmcp_cloud.py')).toHaveAttribute('data-status', 'clean'); // the separate fastmcp package
  // Each file opens in the editor with its findings and diff.
  await treeFile(page, 'tests/test_server.py').click();
  await expect(page.getByLabel('File name')).toHaveValue('tests/test_server.py');
  await settled(page);
  expect(await codes(page)).toContain('SRV019'); // `from weather.server import mcp` is a FastMCP
  expect(await editorText(page)).toContain('create_connected_server_and_client_session(mcp._mcp_server)');
  await expect(findings(page).locator('li[data-rule="SRV019"]').first()).toBeVisible();

  const [zip] = await Promise.all([
    page.waitForEvent('download'),
    project.getByRole('button', { name: 'Download migrated .zip' }).click(),
  ]);
  expect(zip.suggestedFilename()).toBe('weather-server-v2.zip');
  const files = unzip(await zip.path());
  const got = Object.fromEntries(
    Object.entries(files).map(([name, text]) => [name.replace(/^weather-server\//, ''), text]),
  );
  expect(Object.keys(got).sort()).toEqual(Object.keys(expected).sort());
  for (const [name, text] of Object.entries(expected)) expect(got[name], name).toBe(text);
  expect(got['tests/test_server.py']).toContain('mcp._lowlevel_server');

  const [patch] = await Promise.all([
    page.waitForEvent('download'),
    project.getByRole('button', { name: 'Download patch' }).click(),
  ]);
  const dir = join(mkdtempSync(join(tmpdir(), 'pg-patch-')), 'weather-server');
  cpSync(example, dir, { recursive: true });
  execFileSync('patch', ['-s', '-p1', '-i', await patch.path()], { cwd: dir });
  expect(tree(dir)).toEqual(expected);
});

test('a .zip opened or dropped: the same analysis, and what it leaves out is said', async ({ page }) => {
  const zip = zipOf(example, [
    ['weather-server/../../evil.py', 'import os\n'],
    ['weather-server/.venv/lib/site.py', 'x = 1\n'],
  ]);
  await page.goto('playground/');
  await ready(page);
  await page
    .locator('[data-part="zip-input"]')
    .setInputFiles({ name: 'weather-server.zip', mimeType: 'application/zip', buffer: zip });
  await analysed(page);
  const project = page.locator('[data-panel="project"]');
  await expect(project.locator('.pg-tree-file')).toHaveCount(6);
  await project.locator('[data-part="skipped"] summary').click();
  await expect(project.locator('[data-part="skipped-list"]')).toContainText('evil.py: an unsafe path in the archive');
  await expect(project.locator('[data-part="skipped-list"]')).toContainText('.venv/: not part of the source');
  await expect(project.locator('[data-part="summary"]')).toContainText('4 files to change');

  // Dropped onto the page (as a drag from the file manager hands it over).
  await project.getByRole('button', { name: 'Close project' }).click();
  await expect(project).toBeHidden();
  await page.evaluate(async (b64) => {
    const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
    const dt = new DataTransfer();
    dt.items.add(new File([bytes], 'weather-server.zip', { type: 'application/zip' }));
    document
      .getElementById('playground')!
      .dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
  }, zip.toString('base64'));
  await analysed(page);
  await expect(project.locator('.pg-tree-file')).toHaveCount(6);
});

test('a large project shows its progress, stays responsive, and can be cancelled', async ({ page }) => {
  const dir = join(mkdtempSync(join(tmpdir(), 'pg-big-')), 'big');
  const server = readFileSync(join(example, 'src', 'weather', 'server.py'), 'utf8');
  for (let i = 0; i < 400; i++) {
    mkdirSync(join(dir, `pkg${i % 20}`), { recursive: true });
    writeFileSync(join(dir, `pkg${i % 20}`, `mod${i}.py`), server);
  }
  await page.goto('playground/');
  await ready(page);
  await page.locator('[data-part="folder-input"]').setInputFiles(dir);
  const project = page.locator('[data-panel="project"]');
  await expect(project.locator('[data-part="progress-text"]')).toContainText(/Analysing .* \(\d+ of 400\)/, {
    timeout: 60_000,
  });
  // The page answers while the worker works: a frame comes quickly, another file opens.
  const frame = await page.evaluate(
    () =>
      new Promise<number>((r) => {
        const s = performance.now();
        requestAnimationFrame(() => r(performance.now() - s));
      }),
  );
  expect(frame).toBeLessThan(500);
  await project.getByRole('button', { name: 'Cancel' }).click();
  await expect(project.locator('[data-part="progress-text"]')).toContainText('Analysis cancelled');
  const summary = await project.locator('[data-part="summary"]').innerText();
  expect(summary).toMatch(/^\d+ of 400 files analysed/);
  await treeFile(page, 'pkg19/mod399.py').click(); // not reached before the cancel: analysed now
  await settled(page);
  await expect(message(page)).toContainText('finding');
});
