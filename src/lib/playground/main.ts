// The playground page's entry. Python starts first (the worker is created before anything else is
// loaded), the page renders the initial text and its findings without the editor, and Monaco comes
// after the first findings.
import { Controller } from './controller';
import { EngineClient } from './engine-client';
import { applyThemes } from './monaco-theme';
import PyWorker from './worker?worker';
import { SETTLED } from '../offline/events';

/** On a slow network Python may take long: the editor does not wait for it longer than this. */
const EDITOR_WAITS_AT_MOST_MS = 3000;

declare const __ENGINE_SNAPSHOT__: string | null;

export function startPlayground(root: HTMLElement): void {
  const base = root.dataset.base || '/';
  const indexURL = new URL(`${base}pyodide/`, location.href).href;
  const client = new EngineClient({
    indexURL,
    snapshotURL:
      typeof __ENGINE_SNAPSHOT__ === 'string' && __ENGINE_SNAPSHOT__ ? `${indexURL}${__ENGINE_SNAPSHOT__}` : null,
    createWorker: () => new PyWorker(),
  });
  client.start();
  const controller = new Controller(root, client);
  const started = controller.start();
  // Monaco (a few MB of script) waits until the first findings are on screen, so that it does not
  // compete with Python's start for the CPU; the text is shown read-only meanwhile.
  const firstFindings = new Promise<void>((resolve) => {
    addEventListener(SETTLED, () => resolve(), { once: true });
    setTimeout(resolve, EDITOR_WAITS_AT_MOST_MS);
  });
  firstFindings
    .then(() => import('./monaco'))
    .then(async ({ monaco }) => {
      applyThemes(monaco);
      await started;
      controller.mount(monaco);
    })
    .catch((err) => {
      const msg = root.querySelector<HTMLElement>('[data-part="message"]');
      if (msg) {
        msg.dataset.tone = 'error';
        msg.textContent = `The editor could not be loaded: ${err instanceof Error ? err.message : String(err)}`;
      }
      console.error(err);
    });
}
