// The playground page's entry. Python starts first (the worker is created before anything else is
// loaded), the page renders and analyses the initial text without the editor, and Monaco arrives last.
import { Controller } from './controller';
import { EngineClient } from './engine-client';
import { applyThemes } from './monaco-theme';
import PyWorker from './worker?worker';

declare const __ENGINE_SNAPSHOT__: string | null;

export function startPlayground(root: HTMLElement): void {
  const base = root.dataset.base || '/';
  const indexURL = new URL(`${base}pyodide/`, location.href).href;
  const client = new EngineClient({
    indexURL,
    snapshotURL: typeof __ENGINE_SNAPSHOT__ === 'string' && __ENGINE_SNAPSHOT__ ? `${indexURL}${__ENGINE_SNAPSHOT__}` : null,
    createWorker: () => new PyWorker(),
  });
  client.start();
  const controller = new Controller(root, client);
  const started = controller.start();
  import('./monaco')
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
