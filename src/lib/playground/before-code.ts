// Build-time helper for the "Open in playground" link on section pages: the "Before (v1)" code of a
// section, taken from the page's Markdown body.

export interface BeforeCode {
  code: string;
  file: string;
}

/** Every fenced block that directly follows a `**Before (v1)…**` label, joined; null when none. */
export function extractBeforeCode(body: string | undefined): BeforeCode | null {
  if (!body) return null;
  const re = /\*\*Before \(v1\)[^\n]*\*\*[^\n]*\n\s*\n?```(\w+)[^\n]*\n([\s\S]*?)\n```/g;
  const python: string[] = [];
  const toml: string[] = [];
  for (const m of body.matchAll(re)) {
    const lang = m[1].toLowerCase();
    if (lang === 'python' || lang === 'py') python.push(m[2]);
    else if (lang === 'toml') toml.push(m[2]);
  }
  if (python.length) return { code: python.join('\n\n\n') + '\n', file: 'main.py' };
  if (toml.length) return { code: toml.join('\n\n') + '\n', file: 'pyproject.toml' };
  return null;
}
