// Share links: playground state compressed into the URL fragment (deflate-raw + base64url).
// The fragment is never sent to any server. Works in browsers and in Node >= 18 (build time),
// both of which have CompressionStream.

export type DiffView = 'side' | 'inline';
export type Layout = 'stacked' | 'editor' | 'diff';

export interface PlaygroundOptions {
  /** rule codes (or prefixes) turned off */
  ignore: string[];
  /** review fixes to apply: all of them, or these rule codes */
  review: 'all' | string[];
}

export interface PlaygroundView {
  diff: DiffView;
  layout: Layout;
}

export interface PlaygroundState {
  code: string;
  file: string;
  options: PlaygroundOptions;
  view: PlaygroundView;
}

export const DEFAULT_OPTIONS: PlaygroundOptions = { ignore: [], review: [] };
export const DEFAULT_VIEW: PlaygroundView = { diff: 'side', layout: 'stacked' };

function toBase64Url(bytes: Uint8Array): string {
  let bin = '';
  const CHUNK = 0x8000;
  for (let i = 0; i < bytes.length; i += CHUNK) bin += String.fromCharCode(...bytes.subarray(i, i + CHUNK));
  return btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): Uint8Array {
  const b64 = text.replace(/-/g, '+').replace(/_/g, '/');
  const bin = atob(b64 + '='.repeat((4 - (b64.length % 4)) % 4));
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

async function pipe(bytes: Uint8Array, stream: CompressionStream | DecompressionStream): Promise<Uint8Array> {
  const blob = new Blob([bytes as BlobPart]);
  const buf = await new Response(blob.stream().pipeThrough(stream)).arrayBuffer();
  return new Uint8Array(buf);
}

/** UTF-8 text -> deflate-raw -> base64url. */
export async function compressText(text: string): Promise<string> {
  return toBase64Url(await pipe(new TextEncoder().encode(text), new CompressionStream('deflate-raw')));
}

/** Inverse of compressText; throws on corrupt input. Refuses to inflate beyond `limit` bytes. */
export async function decompressText(data: string, limit = 4_000_000): Promise<string> {
  const out = await pipe(fromBase64Url(data), new DecompressionStream('deflate-raw'));
  if (out.length > limit) throw new Error('shared state is too large');
  return new TextDecoder('utf-8', { fatal: true }).decode(out);
}

/** Compact JSON form of the state (short keys keep links short). */
interface Packed {
  c: string;
  f?: string;
  i?: string[];
  r?: 'all' | string[];
  d?: DiffView;
  l?: Layout;
}

export async function encodeState(state: PlaygroundState): Promise<string> {
  const packed: Packed = { c: state.code };
  if (state.file !== 'main.py') packed.f = state.file;
  if (state.options.ignore.length) packed.i = state.options.ignore;
  if (state.options.review === 'all' || state.options.review.length) packed.r = state.options.review;
  if (state.view.diff !== DEFAULT_VIEW.diff) packed.d = state.view.diff;
  if (state.view.layout !== DEFAULT_VIEW.layout) packed.l = state.view.layout;
  return `state=${await compressText(JSON.stringify(packed))}`;
}

/** Fragment for "Open in playground" links: just the code (and a file name when it is not main.py). */
export async function encodeCode(code: string, file = 'main.py'): Promise<string> {
  const fragment = `code=${await compressText(code)}`;
  return file === 'main.py' ? fragment : `${fragment}&file=${encodeURIComponent(file)}`;
}

const asStrings = (v: unknown): string[] =>
  Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string').slice(0, 500) : [];

export function safeFileName(name: unknown): string {
  if (typeof name !== 'string') return 'main.py';
  const base = name
    .split(/[\\/]/)
    .pop()!
    .replace(/[^\w.-]/g, '_')
    .slice(0, 100);
  return base && base !== '.' && base !== '..' ? base : 'main.py';
}

/** Decode `#state=...` or `#code=...[&file=...]`. Returns null for an empty or foreign fragment. */
export async function decodeFragment(hash: string): Promise<PlaygroundState | null> {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const stateParam = params.get('state');
  if (stateParam) {
    const packed = JSON.parse(await decompressText(stateParam)) as Packed;
    if (typeof packed.c !== 'string') throw new Error('shared state has no code');
    return {
      code: packed.c,
      file: safeFileName(packed.f ?? 'main.py'),
      options: {
        ignore: asStrings(packed.i),
        review: packed.r === 'all' ? 'all' : asStrings(packed.r),
      },
      view: {
        diff: packed.d === 'inline' ? 'inline' : 'side',
        layout: packed.l === 'editor' || packed.l === 'diff' ? packed.l : 'stacked',
      },
    };
  }
  const codeParam = params.get('code');
  if (codeParam) {
    return {
      code: await decompressText(codeParam),
      file: safeFileName(params.get('file') ?? 'main.py'),
      options: { ...DEFAULT_OPTIONS },
      view: { ...DEFAULT_VIEW },
    };
  }
  return null;
}
