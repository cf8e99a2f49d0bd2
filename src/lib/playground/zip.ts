// A small .zip reader and writer on the browser's own (De)CompressionStream: stored and deflated
// entries, UTF-8 names, no ZIP64 (a project the playground takes is far below 4 GB / 65,535 files).
// The reader never trusts the archive: sizes are checked while inflating (a zip bomb stops at the
// declared size), CRCs are verified, and names are returned raw for the caller to vet.

const SIG_LOCAL = 0x04034b50;
const SIG_CENTRAL = 0x02014b50;
const SIG_END = 0x06054b50;
const FLAG_ENCRYPTED = 0x1;
const FLAG_UTF8 = 0x800;
const S_IFMT = 0o170000;
const S_IFLNK = 0o120000;

export class ZipError extends Error {}

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

export function crc32(data: Uint8Array, crc = 0): number {
  let c = ~crc >>> 0;
  for (let i = 0; i < data.length; i++) c = CRC_TABLE[(c ^ data[i]) & 0xff] ^ (c >>> 8);
  return ~c >>> 0;
}

async function bytesOf(blob: Blob): Promise<Uint8Array> {
  return new Uint8Array(await blob.arrayBuffer());
}

/** Inflate raw-deflate data, refusing to produce more than `limit` bytes. */
async function inflate(data: Blob, limit: number): Promise<Uint8Array> {
  const reader = data.stream().pipeThrough(new DecompressionStream('deflate-raw')).getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      throw new ZipError('an entry inflates to more than its declared size');
    }
    chunks.push(value);
  }
  const out = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.byteLength;
  }
  return out;
}

export interface ZipEntry {
  /** the name as stored (forward slashes); the caller decides whether to trust it */
  name: string;
  directory: boolean;
  symlink: boolean;
  encrypted: boolean;
  /** 0 stored, 8 deflate; anything else cannot be read */
  method: number;
  size: number;
  compressedSize: number;
  crc: number;
  /** The entry's bytes, inflated and checked. */
  read(): Promise<Uint8Array>;
  /** The stored (compressed) bytes as they are in the archive, for copying into another archive. */
  raw(): Promise<Blob>;
}

/** The entries of a .zip (read from its central directory). */
export async function readZip(zip: Blob): Promise<ZipEntry[]> {
  const tailSize = Math.min(zip.size, 22 + 0xffff);
  const tail = await bytesOf(zip.slice(zip.size - tailSize));
  const tv = new DataView(tail.buffer);
  let end = -1;
  for (let i = tail.length - 22; i >= 0; i--) {
    if (tv.getUint32(i, true) === SIG_END) {
      end = i;
      break;
    }
  }
  if (end < 0) throw new ZipError('this is not a .zip file (no central directory)');
  const count = tv.getUint16(end + 10, true);
  const cdSize = tv.getUint32(end + 12, true);
  const cdOffset = tv.getUint32(end + 16, true);
  if (count === 0xffff || cdOffset === 0xffffffff) throw new ZipError('ZIP64 archives are not supported');
  if (cdOffset + cdSize > zip.size) throw new ZipError('the .zip file is truncated');
  const cd = await bytesOf(zip.slice(cdOffset, cdOffset + cdSize));
  const v = new DataView(cd.buffer);
  const entries: ZipEntry[] = [];
  let p = 0;
  for (let i = 0; i < count; i++) {
    if (p + 46 > cd.length || v.getUint32(p, true) !== SIG_CENTRAL)
      throw new ZipError('the .zip central directory is damaged');
    const madeBy = v.getUint16(p + 4, true) >> 8;
    const flags = v.getUint16(p + 8, true);
    const method = v.getUint16(p + 10, true);
    const crc = v.getUint32(p + 16, true);
    const compressedSize = v.getUint32(p + 20, true);
    const size = v.getUint32(p + 24, true);
    const nameLen = v.getUint16(p + 28, true);
    const extraLen = v.getUint16(p + 30, true);
    const commentLen = v.getUint16(p + 32, true);
    const external = v.getUint32(p + 38, true);
    const localOffset = v.getUint32(p + 42, true);
    const nameBytes = cd.subarray(p + 46, p + 46 + nameLen);
    const name = new TextDecoder(flags & FLAG_UTF8 ? 'utf-8' : 'latin1').decode(nameBytes).replace(/\\/g, '/');
    p += 46 + nameLen + extraLen + commentLen;
    if (size === 0xffffffff || compressedSize === 0xffffffff || localOffset === 0xffffffff)
      throw new ZipError('ZIP64 archives are not supported');
    const unix = madeBy === 3;
    const dataStart = async () => {
      const head = new DataView((await bytesOf(zip.slice(localOffset, localOffset + 30))).buffer);
      if (head.byteLength < 30 || head.getUint32(0, true) !== SIG_LOCAL) throw new ZipError(`${name}: damaged entry`);
      return localOffset + 30 + head.getUint16(26, true) + head.getUint16(28, true);
    };
    const raw = async () => {
      const start = await dataStart();
      if (start + compressedSize > zip.size) throw new ZipError(`${name}: the .zip file is truncated`);
      return zip.slice(start, start + compressedSize);
    };
    entries.push({
      name,
      directory: name.endsWith('/'),
      symlink: unix && ((external >>> 16) & S_IFMT) === S_IFLNK,
      encrypted: (flags & FLAG_ENCRYPTED) !== 0,
      method,
      size,
      compressedSize,
      crc,
      raw,
      async read() {
        if (flags & FLAG_ENCRYPTED) throw new ZipError(`${name}: encrypted entries cannot be read`);
        const data = await raw();
        let out: Uint8Array;
        if (method === 0) out = await bytesOf(data);
        else if (method === 8) out = await inflate(data, size);
        else throw new ZipError(`${name}: compression method ${method} is not supported`);
        if (out.length !== size || crc32(out) !== crc)
          throw new ZipError(`${name}: damaged entry (size or CRC mismatch)`);
        return out;
      },
    });
  }
  return entries;
}

/** An entry to write: its bytes, or an entry of another archive copied as it is (no recompression). */
export type ZipInput = { name: string; data: Uint8Array } | { name: string; copy: ZipEntry };

async function deflate(data: Uint8Array): Promise<Uint8Array> {
  const stream = new Blob([data as BlobPart]).stream().pipeThrough(new CompressionStream('deflate-raw'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

/** DOS date and time of `d` (local time, 2-second resolution). */
function dosTime(d: Date): [number, number] {
  const time = (d.getHours() << 11) | (d.getMinutes() << 5) | (d.getSeconds() >> 1);
  const date = (Math.max(0, d.getFullYear() - 1980) << 9) | ((d.getMonth() + 1) << 5) | d.getDate();
  return [time, date];
}

/** Build a .zip (deflated where that is smaller, UTF-8 names). */
export async function writeZip(inputs: ZipInput[], when = new Date()): Promise<Blob> {
  if (inputs.length > 0xfffe) throw new ZipError('too many files for a .zip without ZIP64');
  const [time, date] = dosTime(when);
  const parts: BlobPart[] = [];
  const central: Uint8Array[] = [];
  let offset = 0;
  for (const input of inputs) {
    let method: number;
    let crc: number;
    let size: number;
    let body: Blob;
    if ('copy' in input) {
      ({ method, crc, size } = input.copy);
      if (method !== 0 && method !== 8)
        throw new ZipError(`${input.name}: compression method ${method} is not supported`);
      body = await input.copy.raw();
    } else {
      const packed = await deflate(input.data);
      const smaller = packed.length < input.data.length;
      method = smaller ? 8 : 0;
      crc = crc32(input.data);
      size = input.data.length;
      body = new Blob([(smaller ? packed : input.data) as BlobPart]);
    }
    const name = new TextEncoder().encode(input.name);
    const local = new Uint8Array(30 + name.length);
    const lv = new DataView(local.buffer);
    lv.setUint32(0, SIG_LOCAL, true);
    lv.setUint16(4, 20, true);
    lv.setUint16(6, FLAG_UTF8, true);
    lv.setUint16(8, method, true);
    lv.setUint16(10, time, true);
    lv.setUint16(12, date, true);
    lv.setUint32(14, crc, true);
    lv.setUint32(18, body.size, true);
    lv.setUint32(22, size, true);
    lv.setUint16(26, name.length, true);
    local.set(name, 30);
    const entry = new Uint8Array(46 + name.length);
    const cv = new DataView(entry.buffer);
    cv.setUint32(0, SIG_CENTRAL, true);
    cv.setUint16(4, (3 << 8) | 20, true); // made by Unix, so that the mode below is read
    cv.setUint16(6, 20, true);
    cv.setUint16(8, FLAG_UTF8, true);
    cv.setUint16(10, method, true);
    cv.setUint16(12, time, true);
    cv.setUint16(14, date, true);
    cv.setUint32(16, crc, true);
    cv.setUint32(20, body.size, true);
    cv.setUint32(24, size, true);
    cv.setUint16(28, name.length, true);
    cv.setUint32(38, (0o100644 << 16) >>> 0, true); // a regular file, rw-r--r--
    cv.setUint32(42, offset, true);
    entry.set(name, 46);
    parts.push(local as BlobPart, body);
    central.push(entry);
    offset += local.length + body.size;
    if (offset > 0xffffffff) throw new ZipError('the .zip would exceed 4 GB');
  }
  const cdSize = central.reduce((n, c) => n + c.length, 0);
  const end = new Uint8Array(22);
  const ev = new DataView(end.buffer);
  ev.setUint32(0, SIG_END, true);
  ev.setUint16(8, inputs.length, true);
  ev.setUint16(10, inputs.length, true);
  ev.setUint32(12, cdSize, true);
  ev.setUint32(16, offset, true);
  return new Blob([...parts, ...(central as BlobPart[]), end as BlobPart], { type: 'application/zip' });
}
