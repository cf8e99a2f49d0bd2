// What did the user paste? Decides between running the engine (and with which file name),
// showing the error lookup, or refusing politely. Pure and cheap: runs on every change.

export const LIVE_LIMIT_BYTES = 1_000_000; // live analysis limit (UTF-8 bytes)

export type Detected =
  | { kind: 'empty' }
  | { kind: 'too_large'; bytes: number }
  | { kind: 'binary'; reason: string }
  | { kind: 'traceback'; reason: string }
  | { kind: 'code'; filename: string; language: 'python' | 'ini' | 'plaintext' };

/** UTF-8 byte length without allocating for small strings. */
export function utf8Length(text: string): number {
  if (text.length * 3 < LIVE_LIMIT_BYTES) return new TextEncoder().encode(text).length;
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

const ERROR_LINE =
  /^\s*(?:E\s+)?(?:[A-Za-z_][\w]*\.)*[A-Z]\w*(?:Error|Exception|Warning|Exit|Interrupt|Group)(?::|\s*$)/;
const FRAME_LINE = /^\s*File "[^"]+", line \d+/;
const PY_STATEMENT =
  /^\s*(?:from\s+[\w.]+\s+import\b|import\s+[\w.]+|def\s+\w+\s*\(|async\s+def\b|class\s+\w+|@[\w.]+|return\b|if\s.+:\s*$|for\s.+:\s*$|while\s.+:\s*$|with\s.+:\s*$|try:\s*$|except\b.*:\s*$|raise\b|[\w.]+(?:\[[^\]]*\])?\s*(?::[^=]+)?=[^=])/;

function isRequirementLine(line: string): boolean {
  const l = line.trim();
  if (!l || l.startsWith('#')) return true;
  if (/^-(?:r|c|e|i)\s|^--[\w-]+/.test(l)) return true;
  return /^[A-Za-z0-9][A-Za-z0-9._-]*(\[[\w,\s-]*\])?\s*((===|==|>=|<=|~=|!=|<|>)\s*[^;#\s,]+(\s*,\s*(===|==|>=|<=|~=|!=|<|>)\s*[^;#\s,]+)*)?\s*(;[^#]*)?(\s+#.*)?$/.test(
    l,
  );
}

/** Heuristic input classification; `currentFile` keeps a user-chosen dependency-file name. */
export function detectInput(text: string, currentFile = 'main.py'): Detected {
  if (!text.trim()) return { kind: 'empty' };
  const bytes = utf8Length(text);
  if (bytes > LIVE_LIMIT_BYTES) return { kind: 'too_large', bytes };

  // Binary: NUL bytes, lots of C0 control characters, or many U+FFFD replacement characters.
  const sample = text.length > 200_000 ? text.slice(0, 200_000) : text;
  if (sample.includes('\u0000')) return { kind: 'binary', reason: 'it contains NUL characters' };
  const controls = sample.match(/[\u0001-\u0008\u000e-\u001f\u007f]/g)?.length ?? 0;
  if (controls > 8 && controls / sample.length > 0.002)
    return { kind: 'binary', reason: 'it contains many control characters' };
  const replacement = sample.match(/\ufffd/g)?.length ?? 0;
  if (replacement > 8 && replacement / sample.length > 0.01)
    return { kind: 'binary', reason: 'it is not valid UTF-8 text' };

  const lines = sample.split(/\r\n|\r|\n/);
  const nonEmpty = lines.filter((l) => l.trim() !== '');

  // Tracebacks and error output.
  if (/^\s*Traceback \(most recent call last\):/m.test(sample) || /^\s*\+ Exception Group Traceback/m.test(sample))
    return { kind: 'traceback', reason: 'it starts like a Python traceback' };
  const errorLines = nonEmpty.filter((l) => ERROR_LINE.test(l)).length;
  const frameLines = nonEmpty.filter((l) => FRAME_LINE.test(l)).length;
  const statements = nonEmpty.filter((l) => PY_STATEMENT.test(l) && !ERROR_LINE.test(l)).length;
  if ((errorLines > 0 || frameLines > 0) && statements <= Math.max(1, Math.floor(nonEmpty.length / 4)))
    return { kind: 'traceback', reason: 'it looks like error output, not code' };

  // Dependency files.
  const lower = currentFile.toLowerCase();
  if (/^\s*\[(project|build-system|tool\.[\w.-]+|dependency-groups|project\.optional-dependencies)\]\s*$/m.test(sample))
    return { kind: 'code', filename: lower.endsWith('.toml') ? currentFile : 'pyproject.toml', language: 'ini' };
  if (
    /^\s*\[(metadata|options|options\.extras_require)\]\s*$/m.test(sample) &&
    /install_requires|extras_require/.test(sample)
  )
    return { kind: 'code', filename: lower.endsWith('.cfg') ? currentFile : 'setup.cfg', language: 'ini' };
  const reqLines = nonEmpty.filter((l) => !l.trim().startsWith('#'));
  if (
    reqLines.length > 0 &&
    reqLines.every(isRequirementLine) &&
    reqLines.some((l) => /(===|==|>=|<=|~=|!=|<|>|\[|;|^\s*-)/.test(l) || /^\s*mcp\b/i.test(l)) &&
    statements === 0
  )
    return {
      kind: 'code',
      filename: lower.endsWith('.txt') || lower.endsWith('.in') ? currentFile : 'requirements.txt',
      language: 'plaintext',
    };

  // Python pasted while a dependency file was open: back to a .py name.
  if (!/\.pyi?$/i.test(currentFile) && statements > 0 && statements >= nonEmpty.length / 4)
    return { kind: 'code', filename: 'main.py', language: 'python' };
  if (/\.(toml|cfg)$/i.test(currentFile)) return { kind: 'code', filename: currentFile, language: 'ini' };
  if (/\.(txt|in)$/i.test(currentFile)) return { kind: 'code', filename: currentFile, language: 'plaintext' };
  return { kind: 'code', filename: currentFile, language: 'python' };
}

/** Short prose that failed to parse may be an error message rather than code. */
export function looksLikeProse(text: string): boolean {
  const nonEmpty = text.split(/\r?\n/).filter((l) => l.trim());
  if (nonEmpty.length === 0 || nonEmpty.length > 12) return false;
  return nonEmpty.filter((l) => PY_STATEMENT.test(l)).length === 0;
}
