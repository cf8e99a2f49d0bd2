// What a dropped folder, a picked folder or a .zip becomes: the project's files with safe relative
// paths, the ones the engine analyses marked (the CLI's choice: engine/mcp_migrate/files.py), and
// everything left out said with its reason. Nothing is read before it is needed, and nothing leaves
// the browser.
import { LIVE_LIMIT_BYTES } from './detect';
import { readZip, ZipError, type ZipEntry } from './zip';

/** Directories the CLI never enters (engine/mcp_migrate/files.py SKIP_DIRS). */
const SKIP_DIRS = new Set([
  '.git',
  '.hg',
  '.svn',
  '.venv',
  'venv',
  'node_modules',
  'build',
  'dist',
  '__pycache__',
  '.tox',
  '.nox',
  'site-packages',
  '.mypy_cache',
  '.ruff_cache',
  '.pytest_cache',
  '.eggs',
]);

export const LIMITS = {
  /** files kept (analysed or carried into the download) */
  files: 20_000,
  /** bytes of text analysed over the whole project */
  analysedBytes: 50_000_000,
  /** bytes carried unchanged into the downloaded .zip */
  carriedBytes: 200_000_000,
  /** directory depth */
  depth: 64,
};

export interface ProjectFile {
  /** relative to the project root, `/`-separated, checked safe */
  path: string;
  /** the engine analyses it (Python or a dependency file) */
  analysed: boolean;
  size: number;
  read(): Promise<Uint8Array>;
  /** the entry of the .zip it came from (unchanged files are copied without recompressing) */
  zipEntry?: ZipEntry;
}

export interface Skipped {
  path: string;
  reason: string;
}

export interface ProjectSource {
  name: string;
  files: ProjectFile[];
  skipped: Skipped[];
}

/** The CLI's rule for the files it analyses. */
export function isAnalysed(path: string): boolean {
  const parts = path.split('/');
  const low = parts[parts.length - 1].toLowerCase();
  if (low.endsWith('.py') || low === 'pyproject.toml' || low === 'setup.cfg') return true;
  if (low.startsWith('requirements') && (low.endsWith('.txt') || low.endsWith('.in'))) return true;
  return parts.length > 1 && parts[parts.length - 2].toLowerCase() === 'requirements' && /\.(txt|in)$/.test(low);
}

/** A skipped directory (by the CLI's rule), or null. */
function skippedDir(name: string): string | null {
  if (SKIP_DIRS.has(name) || name.endsWith('.egg-info')) return name;
  return null;
}

/**
 * A path from an archive or the browser, made relative and safe: no absolute paths, drive letters,
 * `..`, empty or control-character segments. null when it cannot be made safe.
 */
export function safePath(raw: string): string | null {
  const p = raw.replace(/\\/g, '/');
  if (p.startsWith('/') || /^[A-Za-z]:/.test(p)) return null;
  const parts = p.split('/').filter((s) => s !== '' && s !== '.');
  if (!parts.length) return null;
  // eslint-disable-next-line no-control-regex
  if (parts.some((s) => s === '..' || /[\u0000-\u001f\u007f]/.test(s) || s.length > 255)) return null;
  return parts.join('/');
}

interface RawFile {
  path: string;
  size: number;
  read(): Promise<Uint8Array>;
  zipEntry?: ZipEntry;
}

/** Apply the CLI's directory rules, the limits, and drop a single top folder everything shares. */
function assemble(name: string, raw: RawFile[], skipped: Skipped[]): ProjectSource {
  let entries = raw;
  const tops = new Set(entries.map((f) => f.path.split('/')[0]));
  if (tops.size === 1 && entries.every((f) => f.path.includes('/'))) {
    const [top] = tops;
    name = top;
    entries = entries.map((f) => ({ ...f, path: f.path.slice(top.length + 1) }));
  }
  // As the CLI: a directory holding pyvenv.cfg is a virtual environment, one holding .git (below the
  // top) is a separate repository (a submodule); neither is entered.
  const venvDirs = new Set(
    entries.filter((f) => /(^|\/)pyvenv\.cfg$/.test(f.path)).map((f) => f.path.replace(/\/?pyvenv\.cfg$/, '')),
  );
  const repoDirs = new Set(entries.map((f) => /^(.+?)\/\.git(\/|$)/.exec(f.path)?.[1]).filter((d): d is string => !!d));
  const files: ProjectFile[] = [];
  const seen = new Set<string>();
  let analysedBytes = 0;
  let carriedBytes = 0;
  const skippedDirs = new Set<string>();
  for (const f of entries.sort((a, b) => a.path.localeCompare(b.path))) {
    const parts = f.path.split('/');
    const dirs = parts.slice(0, -1);
    const at = (i: number) => dirs.slice(0, i + 1).join('/');
    const skipAt = dirs.findIndex((d, i) => skippedDir(d) || venvDirs.has(at(i)) || repoDirs.has(at(i)));
    if (skipAt >= 0) {
      const dir = at(skipAt);
      if (!skippedDirs.has(dir)) {
        skippedDirs.add(dir);
        const reason = venvDirs.has(dir)
          ? 'a virtual environment'
          : repoDirs.has(dir)
            ? 'a separate git repository (submodule?): migrate it on its own'
            : 'not part of the source (as the CLI)';
        skipped.push({ path: `${dir}/`, reason });
      }
      continue;
    }
    if (dirs.length > LIMITS.depth) {
      skipped.push({ path: f.path, reason: `nested deeper than ${LIMITS.depth} folders` });
      continue;
    }
    const key = f.path.toLowerCase();
    if (seen.has(key)) {
      skipped.push({ path: f.path, reason: 'a second file with the same name' });
      continue;
    }
    if (files.length >= LIMITS.files) {
      skipped.push({ path: f.path, reason: `more than ${LIMITS.files.toLocaleString('en')} files` });
      continue;
    }
    const analysed = isAnalysed(f.path);
    if (analysed) {
      if (f.size > LIVE_LIMIT_BYTES) {
        skipped.push({ path: f.path, reason: `larger than ${LIVE_LIMIT_BYTES / 1e6} MB (use the CLI)` });
        continue;
      }
      if (analysedBytes + f.size > LIMITS.analysedBytes) {
        skipped.push({
          path: f.path,
          reason: `the project has more than ${LIMITS.analysedBytes / 1e6} MB of code (use the CLI)`,
        });
        continue;
      }
      analysedBytes += f.size;
    } else {
      if (carriedBytes + f.size > LIMITS.carriedBytes) {
        skipped.push({ path: f.path, reason: 'not analysed, and the download is already at its size limit' });
        continue;
      }
      carriedBytes += f.size;
    }
    seen.add(key);
    files.push({ ...f, analysed });
  }
  return { name, files, skipped };
}

/** Files picked with `<input type="file" webkitdirectory>` (or several files picked at once). */
export function fromFileList(list: ArrayLike<File>): ProjectSource {
  const raw: RawFile[] = [];
  const skipped: Skipped[] = [];
  for (const file of Array.from(list)) {
    const rel = (file as File & { webkitRelativePath?: string }).webkitRelativePath || file.name;
    const path = safePath(rel);
    if (!path) {
      skipped.push({ path: rel, reason: 'an unsafe file name' });
      continue;
    }
    raw.push({ path, size: file.size, read: async () => new Uint8Array(await file.arrayBuffer()) });
  }
  return assemble('project', raw, skipped);
}

/** A project inside a .zip archive. */
export async function fromZip(zip: File): Promise<ProjectSource> {
  const raw: RawFile[] = [];
  const skipped: Skipped[] = [];
  let entries: ZipEntry[];
  try {
    entries = await readZip(zip);
  } catch (err) {
    throw new Error(`${zip.name} could not be read: ${err instanceof ZipError ? err.message : String(err)}`);
  }
  for (const e of entries) {
    if (e.directory) continue;
    const path = safePath(e.name);
    if (!path || e.name.replace(/\\/g, '/').split('/').includes('..')) {
      skipped.push({ path: e.name, reason: 'an unsafe path in the archive (left out)' });
      continue;
    }
    if (e.symlink) {
      skipped.push({ path, reason: 'a symbolic link' });
      continue;
    }
    if (e.encrypted) {
      skipped.push({ path, reason: 'encrypted' });
      continue;
    }
    if (e.method !== 0 && e.method !== 8) {
      skipped.push({ path, reason: `compressed with an unsupported method (${e.method})` });
      continue;
    }
    raw.push({ path, size: e.size, read: () => e.read(), zipEntry: e });
  }
  return assemble(zip.name.replace(/\.zip$/i, '') || 'project', raw, skipped);
}

// ---- drag and drop ------------------------------------------------------------------------------

function entryFile(entry: FileSystemFileEntry): Promise<File> {
  return new Promise((resolve, reject) => entry.file(resolve, reject));
}

async function readAllEntries(dir: FileSystemDirectoryEntry): Promise<FileSystemEntry[]> {
  const reader = dir.createReader();
  const all: FileSystemEntry[] = [];
  for (;;) {
    const batch = await new Promise<FileSystemEntry[]>((resolve, reject) => reader.readEntries(resolve, reject));
    if (!batch.length) return all;
    all.push(...batch);
  }
}

/**
 * What was dropped: a folder (or several items) becomes a project; a single .zip is opened as one;
 * a single other file is returned as a file for the editor.
 */
export async function fromDrop(transfer: DataTransfer): Promise<ProjectSource | File | null> {
  const entries = Array.from(transfer.items)
    .filter((i) => i.kind === 'file')
    .map((i) => i.webkitGetAsEntry?.() ?? null)
    .filter((e): e is FileSystemEntry => e !== null);
  if (!entries.length) {
    // No file-system entries (a browser without them, or files handed over by a script): plain files.
    const files = Array.from(transfer.files);
    if (files.length === 1) return /\.zip$/i.test(files[0].name) ? fromZip(files[0]) : files[0];
    return files.length ? fromFileList(files) : null;
  }
  if (entries.length === 1 && entries[0].isFile) {
    const file = await entryFile(entries[0] as FileSystemFileEntry);
    return /\.zip$/i.test(file.name) ? fromZip(file) : file;
  }
  const raw: RawFile[] = [];
  const skipped: Skipped[] = [];
  const walk = async (entry: FileSystemEntry, prefix: string, depth: number): Promise<void> => {
    const path = safePath(prefix ? `${prefix}/${entry.name}` : entry.name);
    if (!path) return;
    if (entry.isDirectory) {
      if (skippedDir(entry.name)) {
        skipped.push({ path: `${path}/`, reason: 'not part of the source (as the CLI)' });
        return;
      }
      if (depth > LIMITS.depth) {
        skipped.push({ path: `${path}/`, reason: `nested deeper than ${LIMITS.depth} folders` });
        return;
      }
      for (const child of await readAllEntries(entry as FileSystemDirectoryEntry)) await walk(child, path, depth + 1);
      return;
    }
    if (raw.length > LIMITS.files * 2) return; // assemble() says which were left out
    const file = await entryFile(entry as FileSystemFileEntry);
    raw.push({ path, size: file.size, read: async () => new Uint8Array(await file.arrayBuffer()) });
  };
  for (const e of entries) await walk(e, '', 0);
  return assemble(entries.length === 1 ? entries[0].name : 'project', raw, skipped);
}

// ---- text ---------------------------------------------------------------------------------------

export type Decoded = { text: string } | { reason: string };

/**
 * A file's bytes as text, like the CLI reads them: NUL bytes mean binary; UTF-8 only (a BOM is kept,
 * so it is written back unchanged).
 */
export function decodeText(bytes: Uint8Array): Decoded {
  if (bytes.includes(0)) return { reason: 'binary' };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes) };
  } catch {
    return { reason: 'not UTF-8 (the CLI reads other declared encodings)' };
  }
}
