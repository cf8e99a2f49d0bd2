// The engine's memory snapshot as stored on the site: Pyodide's snapshot (the whole wasm memory, about
// 30 MB) with its all-zero pages left out, so the browser copies about half as many bytes. The file the
// server sends is this encoding gzipped; the worker keeps the decoded-from-gzip bytes in Cache Storage.
//
// Layout (little-endian u32): "MMSP" magic, format version, full length, run count, then per run
// (offset, length), then the runs' bytes back to back.

const MAGIC = 0x50534d4d; // "MMSP"
const VERSION = 1;
const PAGE = 4096;

/** @param {Uint8Array} full */
export function encodeSparse(full) {
  /** @type {[number, number][]} */
  const runs = [];
  for (let p = 0; p < full.length; p += PAGE) {
    const end = Math.min(p + PAGE, full.length);
    let zero = true;
    for (let i = p; i < end; i++) {
      if (full[i] !== 0) {
        zero = false;
        break;
      }
    }
    if (zero) continue;
    const last = runs[runs.length - 1];
    if (last && last[0] + last[1] === p) last[1] += end - p;
    else runs.push([p, end - p]);
  }
  const header = 16 + runs.length * 8;
  const size = runs.reduce((n, [, len]) => n + len, header);
  const out = new Uint8Array(size);
  const view = new DataView(out.buffer);
  view.setUint32(0, MAGIC, true);
  view.setUint32(4, VERSION, true);
  view.setUint32(8, full.length, true);
  view.setUint32(12, runs.length, true);
  let at = header;
  runs.forEach(([offset, len], i) => {
    view.setUint32(16 + i * 8, offset, true);
    view.setUint32(20 + i * 8, len, true);
    out.set(full.subarray(offset, offset + len), at);
    at += len;
  });
  return out;
}

/** @param {Uint8Array} sparse */
export function decodeSparse(sparse) {
  const view = new DataView(sparse.buffer, sparse.byteOffset, sparse.byteLength);
  if (sparse.byteLength < 16 || view.getUint32(0, true) !== MAGIC) throw new Error('not an engine snapshot');
  if (view.getUint32(4, true) !== VERSION) throw new Error('engine snapshot of another format version');
  const full = new Uint8Array(view.getUint32(8, true));
  const count = view.getUint32(12, true);
  let at = 16 + count * 8;
  for (let i = 0; i < count; i++) {
    const offset = view.getUint32(16 + i * 8, true);
    const len = view.getUint32(20 + i * 8, true);
    if (offset + len > full.length || at + len > sparse.byteLength) throw new Error('engine snapshot is truncated');
    full.set(sparse.subarray(at, at + len), offset);
    at += len;
  }
  return full;
}

/** gzip streams start with 1f 8b; a server may already have removed the gzip layer. */
export function isGzip(bytes) {
  return bytes.length > 2 && bytes[0] === 0x1f && bytes[1] === 0x8b;
}
