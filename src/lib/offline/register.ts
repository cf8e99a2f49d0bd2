// Every page registers the site's service worker (src/service-worker/sw.js), which keeps the site
// working offline after one visit. Built sites only: `astro dev` has no sw.js.
//
// Registering starts the worker's downloads (the whole site, then Python), so it waits until the page
// has what it came for: the load event, and on the playground its first analysis (the page says so
// with `mcp-migrate:settled`), so that the first visit's start is not slowed down.
import { SETTLED } from './events';

function register() {
  const base = import.meta.env.BASE_URL.replace(/\/?$/, '/');
  navigator.serviceWorker.register(`${base}sw.js`, { scope: base }).catch((err) => {
    console.warn('mcp-migrate: offline support is unavailable', err);
  });
}

if (import.meta.env.PROD && 'serviceWorker' in navigator) {
  const whenLoaded = (fn: () => void) =>
    document.readyState === 'complete' ? fn() : addEventListener('load', fn, { once: true });
  whenLoaded(() => {
    if (!document.getElementById('playground')) {
      register();
      return;
    }
    const timer = setTimeout(register, 20_000);
    addEventListener(
      SETTLED,
      () => {
        clearTimeout(timer);
        setTimeout(register, 500);
      },
      { once: true },
    );
  });
}
