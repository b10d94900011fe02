/**
 * Edit distance between two short strings, counting a swap of two neighbouring letters as one edit
 * (optimal string alignment), so `qoute` is one edit from `quote`.
 */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  let before: number[] = [];
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, before[j - 2]! + 1);
      row.push(d);
    }
    before = prev;
    prev = row;
  }
  return prev[b.length]!;
}

/** What is left of a budget of work, counted in letter comparisons (cells of the distance table). */
export interface WorkBudget {
  remaining: number;
}

// Three rows of the distance table, reused from one comparison to the next (grown when needed).
let rows: [Int32Array, Int32Array, Int32Array] = [new Int32Array(64), new Int32Array(64), new Int32Array(64)];

/**
 * The edit distance of `a` and `b` (as editDistance) when it is at most `limit`, and `limit + 1` when
 * it is more. Only the cells within `limit` of the diagonal are computed (a cell farther off is at
 * least its distance from the diagonal; cells are capped at `limit + 1`, which min and +1 keep
 * exact below the cap), and it stops as soon as it is sure: when the lengths differ by more than
 * the limit, or when every cell of a row exceeds it (no later row has a smaller cell: each cell is
 * at least the smallest of the row above, and a swap adds one to a cell two rows up, which is at
 * least the diagonal cell of the row between). Each cell computed is charged to `budget`; when the
 * budget runs out (below zero) it stops and returns `limit + 1`, and the caller must not trust it.
 */
export function boundedEditDistance(a: string, b: string, limit: number, budget?: WorkBudget): number {
  if (a === b) return 0;
  const m = a.length;
  const n = b.length;
  const cap = limit + 1;
  if (Math.abs(m - n) > limit) return cap;
  if (rows[0].length < n + 2) rows = [new Int32Array(n + 2), new Int32Array(n + 2), new Int32Array(n + 2)];
  let [before, prev, row] = rows;
  // Row 0: j deletions, within the band; the cell just past it reads as "too far".
  for (let j = 0; j <= Math.min(n, limit); j++) prev[j] = j;
  if (limit + 1 <= n) prev[limit + 1] = cap;
  for (let i = 1; i <= m; i++) {
    const lo = Math.max(1, i - limit);
    const hi = Math.min(n, i + limit);
    row[lo - 1] = lo === 1 ? Math.min(i, cap) : cap;
    let rowMin = row[lo - 1]!;
    const ai = a.charCodeAt(i - 1);
    const aBefore = i > 1 ? a.charCodeAt(i - 2) : -1;
    for (let j = lo; j <= hi; j++) {
      const bj = b.charCodeAt(j - 1);
      let d = prev[j - 1]! + (ai === bj ? 0 : 1);
      const up = prev[j]! + 1;
      if (up < d) d = up;
      const left = row[j - 1]! + 1;
      if (left < d) d = left;
      if (j > 1 && aBefore === bj && ai === b.charCodeAt(j - 2)) {
        const swap = before[j - 2]! + 1;
        if (swap < d) d = swap;
      }
      if (d > cap) d = cap;
      row[j] = d;
      if (d < rowMin) rowMin = d;
    }
    if (hi + 1 <= n) row[hi + 1] = cap;
    if (budget) {
      budget.remaining -= hi - lo + 1;
      if (budget.remaining < 0) return cap;
    }
    if (rowMin > limit) return cap;
    const spare = before;
    before = prev;
    prev = row;
    row = spare;
  }
  return prev[n]! <= limit ? prev[n]! : cap;
}

/** How far a word may be from a candidate to be suggested: a third of its length, at least 2. */
function limitFor(word: string): number {
  return Math.max(2, Math.floor(word.length / 3));
}

interface Candidate {
  text: string;
  lower: string;
}

/**
 * Suggests the closest of a fixed list of candidates, for many words: the candidates are lower-cased
 * once and grouped by length, so a word is compared only with those whose length is within its
 * limit, and each comparison stops once it cannot beat the best so far. The answer is the same as
 * `suggest` gives, whatever the order of the candidates.
 */
export class Suggester {
  private readonly byLength = new Map<number, Candidate[]>();

  constructor(candidates: Iterable<string>) {
    for (const text of candidates) {
      let group = this.byLength.get(text.length);
      if (!group) this.byLength.set(text.length, (group = []));
      group.push({ text, lower: text.toLowerCase() });
    }
  }

  /**
   * The candidate closest to `word` (ties: the first in code-unit order), if it is within the limit.
   * With a `budget`, the comparisons are charged to it, and once it has run out there is no
   * suggestion (a partial search could name another candidate than the full one would).
   */
  suggest(word: string, budget?: WorkBudget): string | undefined {
    if (budget && budget.remaining < 0) return undefined;
    const limit = limitFor(word);
    const lower = word.toLowerCase();
    let best: string | undefined;
    let bestDistance = limit;
    for (let length = Math.max(0, word.length - limit); length <= word.length + limit; length++) {
      for (const candidate of this.byLength.get(length) ?? []) {
        // A candidate farther than the best so far cannot win: compare only up to that distance.
        const d = boundedEditDistance(lower, candidate.lower, bestDistance, budget);
        if (budget && budget.remaining < 0) return undefined;
        if (d > bestDistance) continue;
        if (best === undefined || d < bestDistance || candidate.text < best) {
          best = candidate.text;
          bestDistance = d;
        }
      }
    }
    return best;
  }
}

/** The candidate closest to `word`, if it is close enough to be a likely typo. */
export function suggest(word: string, candidates: Iterable<string>): string | undefined {
  return new Suggester(candidates).suggest(word);
}
