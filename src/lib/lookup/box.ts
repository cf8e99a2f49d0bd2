// The lookup box on the home page and on /lookup/: paste in, sections out, all in the browser. The
// structural data is bundled with the page; the full-text index (src/generated/lookup-index.json)
// is fetched from the site's own origin on first use, so the page stays light until someone pastes.
//
// Short lookups live in `?q=` so they can be shared; a long paste would make the URL too big for
// Back/Reload on common hosts (HTTP 431), so it goes to sessionStorage and the URL says `#paste`.

import sections from '../../generated/sections.json';
import symbols from '../../generated/symbol-index.json';
import { CONFIDENT, lookupSync } from './lookup.ts';
import type { LookupData, LookupIndex, LookupResult } from './types.ts';

/** Longest paste kept in `?q=`: encoded, it stays far below the 8 KB header limits hosts use. */
export const SHARE_LIMIT = 1500;
const STORE_KEY = 'mcp-migrate:lookup';

let index: Promise<LookupIndex | undefined> | null = null;
function loadIndex(): Promise<LookupIndex | undefined> {
  index ??= import('../../generated/lookup-index.json').then(
    (m) => (m.default ?? m) as unknown as LookupIndex,
    () => undefined, // offline or a stale deploy: structure alone still answers
  );
  return index;
}

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
const code = (s: string) => esc(s).replace(/`([^`]+)`/g, '<code>$1</code>');

interface Box {
  root: HTMLElement;
  base: string;
  areas: Record<string, string>;
  input: HTMLTextAreaElement;
}

function render(box: Box, results: LookupResult[], stayOnV1: string | undefined, empty: boolean) {
  const list = box.root.querySelector<HTMLOListElement>('[data-lookup-results]')!;
  const status = box.root.querySelector<HTMLElement>('[data-lookup-status]')!;
  list.replaceChildren();
  status.replaceChildren();
  if (empty) return;
  if (!results.length) {
    const p = document.createElement('span');
    p.setAttribute('data-lookup-empty', '');
    p.textContent =
      'No migration section matches this. It does not look like a change between SDK v1 and v2 — check the error itself, or browse the guide.';
    status.append(p);
    return;
  }
  // Below CONFIDENT a section is only possible: the paste did not show the SDK, or shares little with it.
  const sure = results.filter((r) => r.confidence >= CONFIDENT).length;
  if (!sure) {
    const p = document.createElement('span');
    p.setAttribute('data-lookup-empty', '');
    p.textContent =
      'No confident match: nothing in this ties it to a change between SDK v1 and v2. Possible matches, in case one fits — or check the error itself, or browse the guide.';
    status.append(p);
  } else {
    const possible = results.length - sure;
    status.textContent = `${sure === 1 ? '1 matching section' : `${sure} matching sections, best first`}${possible ? `; ${possible} possible` : ''}`;
  }
  for (const [i, r] of results.entries()) {
    const li = document.createElement('li');
    li.className = 'lookup__result';
    li.dataset.anchor = r.anchor;
    li.dataset.confidence = String(r.confidence);
    const pct = Math.round(r.confidence * 100);
    li.innerHTML = `
      <a class="lookup__title" href="${esc(box.base + r.path)}">${code(r.title)}</a>
      <div class="lookup__meta">
        <span class="lookup__area">${esc(box.areas[r.area] ?? r.area)}</span>
        <span class="lookup__conf" title="confidence">
          <span class="lookup__bar" aria-hidden="true"><span></span></span>${pct}% ${r.confidence < CONFIDENT ? 'possible match' : 'match'}
        </span>
      </div>
      <ul class="lookup__evidence">${r.evidence.map((e) => `<li>${code(e)}</li>`).join('')}</ul>`;
    const weak = r.confidence < CONFIDENT;
    if (weak) li.setAttribute('data-lookup-weak', '');
    if (i === 0 && stayOnV1) {
      const pin = document.createElement('p');
      pin.className = 'lookup__pin';
      pin.setAttribute('data-lookup-pin', '');
      pin.innerHTML = code(stayOnV1);
      li.append(pin);
    }
    // CSSOM, not a style attribute: the site's CSP forbids inline style attributes.
    li.querySelector<HTMLElement>('.lookup__bar > span')!.style.setProperty('width', `${pct}%`);
    li.classList.toggle('lookup__result--strong', r.confidence >= 0.8);
    li.classList.toggle('lookup__result--weak', weak);
    list.append(li);
  }
}

/** Keep the lookup in the address bar: short ones shareable, long ones in this tab only. */
function remember(paste: string) {
  const url = new URL(location.href);
  url.searchParams.delete('q');
  url.hash = url.hash === '#paste' ? '' : url.hash;
  try {
    sessionStorage.removeItem(STORE_KEY);
    if (paste.trim() && paste.length > SHARE_LIMIT) {
      sessionStorage.setItem(STORE_KEY, paste);
      url.hash = 'paste';
    }
  } catch {
    // storage full or disabled: the paste is simply not kept across reloads
  }
  if (paste.trim() && paste.length <= SHARE_LIMIT) url.searchParams.set('q', paste);
  history.replaceState(history.state, '', url);
}

function recalled(): string | null {
  const url = new URL(location.href);
  const q = url.searchParams.get('q');
  if (q) return q;
  if (url.hash === '#paste') {
    try {
      return sessionStorage.getItem(STORE_KEY);
    } catch {
      return null;
    }
  }
  return null;
}

/** On a phone the answer lands below the fold: bring the first one into view. */
function reveal(box: Box) {
  const first = box.root.querySelector<HTMLElement>('[data-lookup-results] > li, [data-lookup-empty]');
  if (!first) return;
  const rect = first.getBoundingClientRect();
  const narrow = matchMedia('(max-width: 50rem)').matches;
  if (rect.top < 0 || rect.top > window.innerHeight - 80 || (narrow && rect.bottom > window.innerHeight)) {
    first.scrollIntoView({
      block: 'start',
      behavior: matchMedia('(prefers-reduced-motion: reduce)').matches ? 'auto' : 'smooth',
    });
  }
}

export function mountLookupBox(root: HTMLElement) {
  const box: Box = {
    root,
    base: root.dataset.base ?? '/',
    areas: JSON.parse(root.dataset.areas ?? '{}'),
    input: root.querySelector<HTMLTextAreaElement>('[data-lookup-input]')!,
  };
  let seq = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let revealNext = false;

  const run = async () => {
    const paste = box.input.value;
    const mine = ++seq;
    remember(paste);
    if (!paste.trim()) return render(box, [], undefined, true);
    const data = { sections, symbols, index: await loadIndex() } as unknown as LookupData;
    if (mine !== seq) return; // a newer keystroke won
    const answer = lookupSync(paste, data);
    render(box, answer.results, answer.stayOnV1, false);
    root.dataset.lookupDone = String(mine);
    if (revealNext) {
      revealNext = false;
      reveal(box);
    }
  };
  // Typing waits for a pause; a lookup takes well under 50 ms even for a 1 MB paste.
  const schedule = (delay: number) => {
    clearTimeout(timer);
    timer = setTimeout(run, delay);
  };
  box.input.addEventListener('input', () => schedule(box.input.value.length > 200_000 ? 400 : 200));
  box.input.addEventListener('paste', () => {
    revealNext = true;
  });
  box.input.addEventListener('focus', () => void loadIndex(), { once: true });
  for (const b of root.querySelectorAll<HTMLButtonElement>('[data-example]')) {
    b.addEventListener('click', () => {
      box.input.value = b.dataset.example ?? '';
      box.input.focus();
      revealNext = true;
      void run();
    });
  }
  const q = recalled();
  if (q) {
    box.input.value = q;
    revealNext = true;
    void run();
  }
}
