/**
 * A unified diff of two texts, as `diff -u` and `git diff` print it (`--- a/FILE`, `+++ b/FILE`,
 * `@@ -l,n +l,n @@` hunks with three lines of context), for `--dry-run`. Lines are compared whole;
 * the shortest edit script is found with Myers' O(ND) algorithm, so a few changed lines in a large
 * file cost little.
 */

import { safeLine } from './safe-text';

type Op = { kind: ' ' | '-' | '+'; line: string };

/** Lines with their breaks kept, so a missing final line break is seen. */
function linesOf(text: string): string[] {
  const lines = text.split(/(?<=\n)/);
  return lines[lines.length - 1] === '' ? lines.slice(0, -1) : lines;
}

/** The edit script turning `a` into `b` (Myers, greedy forward, with the trace kept to walk back). */
function script(a: readonly string[], b: readonly string[]): Op[] {
  const n = a.length;
  const m = b.length;
  const max = n + m;
  const offset = max + 1;
  let v = new Int32Array(2 * max + 3);
  const trace: Int32Array[] = [];
  let found = -1;
  for (let d = 0; d <= max && found === -1; d++) {
    trace.push(v.slice());
    const next = v.slice();
    for (let k = -d; k <= d; k += 2) {
      let x = k === -d || (k !== d && v[offset + k - 1]! < v[offset + k + 1]!) ? v[offset + k + 1]! : v[offset + k - 1]! + 1;
      let y = x - k;
      while (x < n && y < m && a[x] === b[y]) {
        x++;
        y++;
      }
      next[offset + k] = x;
      if (x >= n && y >= m) {
        found = d;
        break;
      }
    }
    v = next;
  }
  trace.push(v);
  const ops: Op[] = [];
  let x = n;
  let y = m;
  for (let d = found; d > 0; d--) {
    const before = trace[d]!;
    const k = x - y;
    const down = k === -d || (k !== d && before[offset + k - 1]! < before[offset + k + 1]!);
    const prevK = down ? k + 1 : k - 1;
    const prevX = before[offset + prevK]!;
    const prevY = prevX - prevK;
    while (x > prevX && y > prevY) {
      x--;
      y--;
      ops.push({ kind: ' ', line: a[x]! });
    }
    if (down) ops.push({ kind: '+', line: b[--y]! });
    else ops.push({ kind: '-', line: a[--x]! });
  }
  while (x > 0) {
    x--;
    ops.push({ kind: ' ', line: a[x]! });
  }
  return ops.reverse();
}

/** The diff of `before` and `after` under the name `file`; empty when they are equal. */
export function unifiedDiff(file: string, before: string, after: string, context = 3): string {
  if (before === after) return '';
  const ops = script(linesOf(before), linesOf(after));
  // A line break in a file name would end the header and start a line of its own.
  const name = safeLine(file);
  let out = `--- a/${name}\n+++ b/${name}\n`;
  const changed = ops.map((op) => op.kind !== ' ');
  let i = 0;
  // Line numbers (1-based) in each text of the op at index i.
  const aLine: number[] = [];
  const bLine: number[] = [];
  let la = 1;
  let lb = 1;
  for (const op of ops) {
    aLine.push(la);
    bLine.push(lb);
    if (op.kind !== '+') la++;
    if (op.kind !== '-') lb++;
  }
  while (i < ops.length) {
    if (!changed[i]) {
      i++;
      continue;
    }
    const start = Math.max(0, i - context);
    let end = i;
    // Extend while the next change is within 2 × context unchanged lines.
    for (let j = i; j < ops.length; j++) {
      if (changed[j]) end = j;
      else if (j - end > 2 * context) break;
    }
    const stop = Math.min(ops.length, end + context + 1);
    const hunk = ops.slice(start, stop);
    const aCount = hunk.filter((op) => op.kind !== '+').length;
    const bCount = hunk.filter((op) => op.kind !== '-').length;
    const aStart = aCount === 0 ? aLine[start]! - 1 : aLine[start]!;
    const bStart = bCount === 0 ? bLine[start]! - 1 : bLine[start]!;
    out += `@@ -${aStart},${aCount} +${bStart},${bCount} @@\n`;
    for (const op of hunk) {
      out += op.kind + op.line;
      if (!op.line.endsWith('\n')) out += '\n\\ No newline at end of file\n';
    }
    i = stop;
  }
  return out;
}
