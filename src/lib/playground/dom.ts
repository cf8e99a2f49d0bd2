// Small DOM helpers shared by the playground's panels (no framework: the page is static HTML that the
// panels fill in).

type Child = Node | string | null | undefined | false;

/** Create an element; `text` sets textContent, `class` the class name, booleans toggle attributes. */
export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Record<string, string | boolean | undefined> = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === false) continue;
    if (k === 'class') node.className = String(v);
    else if (k === 'text') node.textContent = String(v);
    else node.setAttribute(k, v === true ? '' : String(v));
  }
  for (const c of children) if (c !== null && c !== undefined && c !== false) node.append(c);
  return node;
}

/** Text whose Markdown `code spans` become <code> elements (never HTML). */
export function withCode(text: string): (Node | string)[] {
  return text
    .split(/(`[^`]+`)/)
    .filter(Boolean)
    .map((part) =>
      part.length > 2 && part.startsWith('`') && part.endsWith('`') ? el('code', { text: part.slice(1, -1) }) : part,
    );
}

/** The same text as plain words, for places that cannot show markup (menus, tooltips, aria labels). */
export function plainCode(text: string): string {
  return text.replace(/`([^`]+)`/g, '$1');
}

export function formatBytes(n: number): string {
  if (n >= 1e6) return `${(n / 1e6).toFixed(1)} MB`;
  if (n >= 1e3) return `${Math.round(n / 1e3)} KB`;
  return `${n} B`;
}

export const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** The element a panel is rooted at: `[data-panel="name"]` inside the playground. */
export function panelRoot(root: HTMLElement, name: string): HTMLElement {
  const node = root.querySelector<HTMLElement>(`[data-panel="${name}"]`);
  if (!node) throw new Error(`playground markup has no ${name} panel`);
  return node;
}

/** A named part inside a panel: `[data-part="name"]`. */
export function part<T extends HTMLElement = HTMLElement>(panel: HTMLElement, name: string): T {
  const node = panel.querySelector<T>(`[data-part="${name}"]`);
  if (!node) throw new Error(`playground panel has no ${name} part`);
  return node;
}

/** Save text as a file (the browser's download). */
export function download(name: string, data: Blob): void {
  const url = URL.createObjectURL(data);
  const a = el('a', { href: url, download: name });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** Copy text; the legacy fallback covers browsers that refuse the async clipboard. */
export async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    const ta = el('textarea', { class: 'sr-only', 'aria-hidden': 'true' });
    ta.value = text;
    document.body.append(ta);
    ta.select();
    const ok = document.execCommand('copy');
    ta.remove();
    return ok;
  }
}
