/**
 * Hands out ids no one has had: a base the first time, then `base-2`, `base-3`… — the lowest
 * suffix not yet taken, as counting up from 2 would give. Per base it remembers where to start
 * (every lower suffix is taken already, and ids are never given back), so 100,000 uses of one
 * base cost linear time, not quadratic.
 */
export class UniqueIds {
  readonly #used = new Set<string>();
  readonly #next = new Map<string, number>();

  take(base: string): string {
    let id = base;
    if (this.#used.has(id)) {
      let n = this.#next.get(base) ?? 2;
      id = `${base}-${n}`;
      while (this.#used.has(id)) id = `${base}-${++n}`;
      this.#next.set(base, n + 1);
    }
    this.#used.add(id);
    return id;
  }
}
