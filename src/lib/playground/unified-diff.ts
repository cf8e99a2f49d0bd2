// Line-based unified diff (Myers O(ND)), for "Copy patch". Output matches `diff -u` / `git apply`.

type Op = { kind: ' ' | '-' | '+'; line: string };

function splitLines(text: string): string[] {
  if (text === '') return [];
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  return lines;
}

/** Myers shortest edit script between a and b; falls back to replace-all beyond maxD edits. */
function diffLines(a: string[], b: string[], maxD = 4000): Op[] {
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  const head: Op[] = a.slice(0, start).map((line) => ({ kind: ' ', line }));
  const tail: Op[] = a.slice(endA).map((line) => ({ kind: ' ', line }));
  const A = a.slice(start, endA);
  const B = b.slice(start, endB);
  const N = A.length;
  const M = B.length;
  const middle: Op[] = [];
  if (N === 0 || M === 0) {
    for (const line of A) middle.push({ kind: '-', line });
    for (const line of B) middle.push({ kind: '+', line });
    return [...head, ...middle, ...tail];
  }
  const max = Math.min(N + M, maxD);
  const offset = max + 1;
  const v = new Int32Array(2 * max + 3);
  const trace: Int32Array[] = [];
  let found = false;
  for (let d = 0; d <= max && !found; d++) {
    trace.push(v.slice());
    for (let k = -d; k <= d; k += 2) {
      let x: number;
      if (k === -d || (k !== d && v[offset + k - 1] < v[offset + k + 1])) x = v[offset + k + 1];
      else x = v[offset + k - 1] + 1;
      let y = x - k;
      while (x < N && y < M && A[x] === B[y]) {
        x++;
        y++;
      }
      v[offset + k] = x;
      if (x >= N && y >= M) {
        found = true;
        break;
      }
    }
  }
  if (!found) {
    for (const line of A) middle.push({ kind: '-', line });
    for (const line of B) middle.push({ kind: '+', line });
    return [...head, ...middle, ...tail];
  }
  // Backtrack.
  let x = N;
  let y = M;
  const rev: Op[] = [];
  for (let d = trace.length - 1; d >= 0; d--) {
    const vd = trace[d];
    const k = x - y;
    let prevK: number;
    if (k === -d || (k !== d && vd[offset + k - 1] < vd[offset + k + 1])) prevK = k + 1;
    else prevK = k - 1;
    const prevX = vd[offset + prevK];
    const prevY = prevX - prevK;
    while (x > prevX && y > prevY) {
      rev.push({ kind: ' ', line: A[x - 1] });
      x--;
      y--;
    }
    if (d > 0) {
      if (x === prevX) rev.push({ kind: '+', line: B[y - 1] });
      else rev.push({ kind: '-', line: A[x - 1] });
    }
    x = prevX;
    y = prevY;
  }
  rev.reverse();
  return [...head, ...rev, ...tail];
}

/** Unified diff of two texts, `git apply`-compatible; '' when equal. */
export function unifiedDiff(before: string, after: string, file = 'main.py', context = 3): string {
  if (before === after) return '';
  // A last line without a newline differs from the same text with one: mark it with a NUL suffix.
  const mark = (text: string) => {
    const lines = splitLines(text.replace(/\r\n/g, '\n'));
    if (text !== '' && !text.endsWith('\n')) lines[lines.length - 1] += '\u0000';
    return lines;
  };
  const a = mark(before);
  const b = mark(after);
  const ops = diffLines(a, b);
  const out: string[] = [`--- a/${file}`, `+++ b/${file}`];
  // Index of each op in a/b.
  const posA: number[] = [];
  const posB: number[] = [];
  let ia = 0;
  let ib = 0;
  for (const op of ops) {
    posA.push(ia);
    posB.push(ib);
    if (op.kind !== '+') ia++;
    if (op.kind !== '-') ib++;
  }
  let i = 0;
  while (i < ops.length) {
    if (ops[i].kind === ' ') {
      i++;
      continue;
    }
    let hunkStart = Math.max(0, i - context);
    let j = i;
    // Extend the hunk while changes are within 2*context lines.
    while (true) {
      while (j < ops.length && ops[j].kind !== ' ') j++;
      let k = j;
      while (k < ops.length && ops[k].kind === ' ' && k - j < 2 * context) k++;
      if (k < ops.length && ops[k].kind !== ' ' && k - j <= 2 * context) {
        j = k;
        continue;
      }
      break;
    }
    const hunkEnd = Math.min(ops.length, j + context);
    const slice = ops.slice(hunkStart, hunkEnd);
    const countA = slice.filter((o) => o.kind !== '+').length;
    const countB = slice.filter((o) => o.kind !== '-').length;
    const startA = countA ? posA[hunkStart] + 1 : posA[hunkStart];
    const startB = countB ? posB[hunkStart] + 1 : posB[hunkStart];
    out.push(`@@ -${startA},${countA} +${startB},${countB} @@`);
    for (let n = hunkStart; n < hunkEnd; n++) {
      const op = ops[n];
      if (op.line.endsWith('\u0000')) {
        out.push(op.kind + op.line.slice(0, -1));
        out.push('\\ No newline at end of file');
      } else out.push(op.kind + op.line);
    }
    i = hunkEnd;
    hunkStart = hunkEnd;
  }
  return out.join('\n') + '\n';
}
